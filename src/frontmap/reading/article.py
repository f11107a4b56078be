"""`Article` and `Mention`: what reading a text yields (see :func:`frontmap.read`).

An article keeps its full text, so every record can quote its source by offsets.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.reading._show import article_html, article_repr
from frontmap.reading.claims import Claim
from frontmap.reading.sentences import sentence_span

__all__ = ["ROLES", "Article", "Mention"]

#: ``location``: the place itself; ``metonymy``: the place stands for its government or people
#: ("Moscow said", "Kyiv's military").
ROLES = ("location", "metonymy")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in a text: ``text == article.text[start:end]``; ``place`` is None when unresolved.
    A river's ``place`` has its point at the reach the text means, by the town named closest to it
    (:mod:`~frontmap.reading._reaches`); its id, name and geometry are the gazetteer's."""

    text: str
    start: int
    end: int
    place: Place | None
    role: str = "location"
    source: str | None = field(default=None, compare=False)
    #: Why ``place`` was chosen among the places of this name: one of
    #: :data:`frontmap.reading.homonyms.EVIDENCE` ("only", "qualifier", "hierarchy", "proximity",
    #: "claim", "size", "feature"); None for mentions made by hand.
    evidence: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "place": self.place.to_dict() if self.place is not None else None,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A read article: its text, the places it mentions and the spatial claims it makes.

    ``events`` are control events ("retook Izium"), see :mod:`frontmap.reading.events`.
    """

    text: str = field(repr=False)
    source: str | None = None
    published: _dt.date | None = None
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Any, ...] = ()

    @property
    def places(self) -> list[Place]:
        """The distinct places mentioned, in order of first mention."""
        seen: dict[str, Place] = {}
        for m in self.mentions:
            if m.place is not None and m.place.id not in seen:
                seen[m.place.id] = m.place
        return list(seen.values())

    def sentence_at(self, offset: int) -> str:
        """The sentence (or line) of the text containing character ``offset``."""
        a, b = sentence_span(self.text, offset)
        return self.text[a:b].strip()

    def to_dict(self) -> dict[str, Any]:
        """The article as JSON-ready data: the ``frontmap extract --format json`` object."""
        return {
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "claims": [c.to_dict() for c in self.claims],
            "events": [_event_dict(e) for e in self.events],
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def __repr__(self) -> str:
        """One line of counts, however long the text: ``Article(source='a.txt', published=2022-09-12,
        1,530 chars, 24 mentions of 13 places, 6 claims, 3 events)``."""
        return article_repr(self)

    def _repr_html_(self) -> str:
        """In a notebook: the text with its mentions and claims marked, and a table of the claims."""
        return article_html(self)

    def to_geodataframe(self) -> Any:
        """Mentions and claims as rows of a GeoDataFrame (EPSG:4326), every field a column.

        Mentions sit at their place's point (None when unresolved); claims at ``claim.point()``.
        Nested places become ``<field>_name``, ``<field>_lat``... columns.
        """
        import geopandas as gpd

        rows, geoms = [], []
        for m in self.mentions:
            rows.append(_flatten({"record": "mention", "source": self.source} | m.to_dict()))
            geoms.append(m.place.geometry.representative_point() if m.place is not None else None)
        for i, c in enumerate(self.claims):
            rows.append(_flatten({"record": "claim", "index": i, "source": self.source} | c.to_dict()))
            try:
                geoms.append(c.point())
            except Exception:  # a claim with no usable place has no point
                geoms.append(None)
        return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


def _event_dict(e: Any) -> dict[str, Any]:
    to_dict = getattr(e, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return {
        "text": e.text,
        "start": e.start,
        "end": e.end,
        "side": e.side,
        "date": e.date.isoformat() if e.date else None,
        "place": e.place.to_dict() if e.place is not None else None,
    }


def _flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "_"))
        elif isinstance(v, list):
            out[key] = json.dumps(v, ensure_ascii=False) if v else None
        else:
            out[key] = v
    return out
