"""How articles and claims show themselves: one-line ``repr`` and notebook HTML (``_repr_html_``).

``repr(article)`` is one line of counts, whatever the length of the text; the HTML shows the text
with each mention marked in its place kind's colour and each claim underlined in its claim kind's
colour (the maps' colours), with a table of the claims below.  All text is escaped
(:func:`frontmap._display.esc`).
"""

from __future__ import annotations

from typing import Any

from frontmap._display import Markup, box, colour, esc, highlight, html_table, number

__all__ = ["article_html", "article_repr", "claim_html", "claim_repr", "claim_summary"]


def _place_colour(kind: str) -> str:
    """Marks in the text: a place in its kind's marker colour, as on the maps."""
    return colour(f"place.{kind}")


def _claim_colour(kind: str) -> str:
    """A claim in its kind's colour, as on the maps."""
    return colour(kind if kind in ("distance", "area", "share", "comparison") else "place.other")


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def article_repr(a: Any) -> str:
    """``Article(source='kharkiv.txt', published=2022-09-12, 1,530 chars, 24 mentions of 13 places,
    6 claims, 3 events)``"""
    when = a.published.isoformat() if a.published else None
    parts = [f"source={a.source!r}", f"published={when}", f"{len(a.text):,} chars"]
    parts.append(f"{_n(len(a.mentions), 'mention')} of {_n(len(a.places), 'place')}")
    parts += [_n(len(a.claims), "claim"), _n(len(a.events), "event")]
    return f"Article({', '.join(parts)})"


def claim_summary(c: Any) -> str:
    """What a claim says, in a few words: ``74 km SE of Kharkiv (subject Balakliia)``."""
    name = lambda p: getattr(p, "name", None)  # noqa: E731
    kind = getattr(c, "kind", "claim")
    if kind == "distance":
        out = f"{c.value:g} {c.unit}" + (f" {c.direction}" if c.direction else "")
        out += f" of {name(c.anchor) or repr(c.anchor_text)}"
        return out + (f" (subject {name(c.subject)})" if c.subject is not None else "")
    if kind == "area":
        out = number(c.km2, "km²") + (f" {c.change}" if c.change else "")
        if c.subject is not None:
            out += f" of {name(c.subject)}"
        return out + (f" ({', '.join(p.name for p in c.places)})" if c.places else "")
    if kind == "share":
        return f"{c.value:.0%} of {name(c.of) or repr(c.of_text)}" + (f" {c.change}" if c.change else "")
    if kind == "comparison":
        return f"{c.relation} {c.factor:g}x " + " + ".join(p.name for p in c.places)
    return ""


def claim_repr(c: Any) -> str:
    """``DistanceClaim('74 km (46 miles) southeast of Kharkiv': 74 km SE of Kharkiv, subject ...)``"""
    text = c.text if len(c.text) <= 80 else c.text[:77] + "..."
    return f"{type(c).__name__}({text!r}: {claim_summary(c)})"


def _mark_spans(a: Any) -> list[tuple[int, int, str, str]]:
    spans = []
    for c in a.claims:
        spans.append((c.start, c.end, _claim_colour(c.kind), f"{c.kind} claim: {claim_summary(c)}"))
    for m in a.mentions:
        p = m.place
        if p is None:
            spans.append((m.start, m.end, _place_colour("other"), "unresolved place name"))
            continue
        role = "" if m.role == "location" else f" ({m.role})"
        spans.append((m.start, m.end, _place_colour(p.kind), f"{p.name}, {p.kind}{role}"))
    return spans


def article_html(a: Any) -> str:
    """The text with mentions and claims marked, and a table of the claims."""
    title = a.source or "article"
    head = [
        a.published.isoformat() if a.published else "undated",
        f"{len(a.text):,} characters",
        f"{_n(len(a.mentions), 'mention')} of {_n(len(a.places), 'place')}",
        _n(len(a.claims), "claim"),
    ]
    keys = [
        ("settlement", _place_colour("settlement")),
        ("region", _place_colour("region")),
        ("distance claim", _claim_colour("distance")),
        ("area or share claim", _claim_colour("area")),
    ]
    legend = " ".join(
        f'<span style="border-bottom:2px solid {colour};padding:0 2px">{esc(label)}</span>'
        for label, colour in keys
    )
    body = f'<div style="color:#555">{esc(" · ".join(head))} &nbsp; {legend}</div>'
    body += highlight(a.text, _mark_spans(a))
    if a.claims:
        rows = [(i, c.kind, c.text, claim_summary(c)) for i, c in enumerate(a.claims)]
        body += html_table(("#", "kind", "text", "reads as"), rows)
    return box(title, body)


def claim_html(c: Any) -> str:
    """The sentence with the claim marked, and its fields."""
    sentence = c.sentence or c.text
    at = sentence.find(c.text)
    spans = [(at, at + len(c.text), _claim_colour(c.kind), c.kind)] if at >= 0 else []
    fields = [
        (k, v)
        for k, v in c.to_dict().items()
        if k not in ("text", "start", "end") and v not in (None, "", [])
    ]
    rows = [(k, Markup(esc(v["name"])) if isinstance(v, dict) and "name" in v else v) for k, v in fields]
    rows.append(("source", c.source or ""))
    body = highlight(sentence, spans) + html_table(("field", "value"), rows)
    return box(f"{type(c).__name__}: {claim_summary(c)}", body)
