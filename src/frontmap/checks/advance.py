"""The depth of an advance ("Ukrainian troops pushed up to 50 km into occupied ground within a week")
measured against the control change, when control maps are given.

A distance claim with no subject whose sentence says an army advanced (:data:`ADVANCE_WORDS`) is the
depth of ground taken: the period is the one the sentence states (:func:`~frontmap.checks.periods.
claim_period`), the maps those bracketing it (:func:`~frontmap.checks.against.bracket`), the ground the
ground the occupying side lost (a Ukrainian advance) or gained (a Russian one, :data:`RUSSIAN_ACTOR`), and
the depth the greatest distance of that ground from the earlier map's front line, in a metric plane
centred on it.  "up to", "within" make the figure an upper bound as everywhere.
"""

from __future__ import annotations

import re
from typing import Any

from frontmap._dates import to_date
from frontmap.checks.against import bracket, cached_change
from frontmap.checks.lines import stated_km
from frontmap.checks.periods import claim_period
from frontmap.checks.verdict import Verdict, _verdict, fmt, judged, stated_length_unit
from frontmap.control.measure import metric_projection
from frontmap.reading.claims import Claim, DistanceClaim

__all__ = ["ADVANCE_WORDS", "RUSSIAN_ACTOR", "advance_checks", "advance_depth_km"]

#: Words saying that an army advanced by the stated distance.
ADVANCE_WORDS = re.compile(
    r"\b(?:advanced?|advancing|pushed|pushing|penetrated|broke\s+through|moved\s+forward|progressed|"
    r"gained\s+ground|deep\s+into|into\s+(?:the\s+)?(?:occupied|enemy|russian[- ]held|"
    r"russian[- ]occupied))\b",
    re.I,
)
#: Words naming Russia's forces as the ones advancing.
RUSSIAN_ACTOR = re.compile(r"\b(?:Russian|Russia's|Moscow's|Russia|Moscow)\b(?:\s+\w+){0,3}?\s+"
                           r"(?:advanced|pushed|penetrated|broke|moved|progressed|gained)", re.I)  # fmt: skip

#: Less ground than this (km²) changing hands is "no change" (slivers between drawings).
MIN_CHANGE_KM2 = 1.0


def advance_depth_km(ground: Any, front: Any) -> float:
    """The greatest distance (km) of ``ground`` (a lon/lat polygon) from ``front`` (a lon/lat line)."""
    import numpy as np
    import shapely

    to_metric, _ = metric_projection(ground)
    g, f = to_metric(ground), to_metric(front)
    pts = shapely.points(shapely.get_coordinates(g))
    if len(pts) == 0 or f.is_empty:
        return 0.0
    return float(np.max(shapely.distance(pts, f))) / 1000.0


def _is_advance(c: Claim) -> bool:
    return (
        isinstance(c, DistanceClaim)
        and c.subject is None
        and bool(ADVANCE_WORDS.search(c.sentence or c.text))
    )


def advance_checks(c: Claim, maps: list[Any], context: str = "") -> list[Verdict]:
    """The verdict of an advance's depth against the control change ([] for other claims)."""
    if not _is_advance(c):
        return []
    assert isinstance(c, DistanceClaim)
    dated = [m for m in maps if m.date is not None]
    end = to_date(c.published)
    if len(dated) < 2 or end is None:
        why = "it needs a date and two dated control maps"
        return [_verdict("distance", "unverifiable", c, f"'{c.text}' is the depth of an advance; {why}")]
    period = claim_period(c.sentence or c.text, end, context)
    before, after = bracket(dated, period)
    if before is None or after is None or after.date <= before.date:
        return [_verdict("distance", "unverifiable", c, f"no control maps bracket {period.describe()}")]
    russian = bool(RUSSIAN_ACTOR.search(c.sentence or c.text))
    ch = cached_change(before, after)
    ground, km2 = (ch.gained, ch.gained_km2) if russian else (ch.lost, ch.lost_km2)
    if km2 < MIN_CHANGE_KM2:
        side = "Russia" if russian else "Ukraine"
        why = f"the control maps of {before.date} and {after.date} show no ground taken by {side}"
        return [_verdict("distance", "unverifiable", c, f"'{c.text}' is the depth of an advance, but {why}")]
    depth = advance_depth_km(ground, before.front_line())
    low, high = stated_km(c)
    per = c.km / c.value if c.value else 1.0
    u = stated_length_unit(c)
    what = (f"between the control maps of {before.date} and {after.date} the ground taken reaches "
            f"{fmt(depth, 'km')} beyond the earlier front line")  # fmt: skip
    numbers = {
        "maps": [before.date, after.date],
        "period": [period.start, period.end],
        "period_text": period.text,
        "ground_km2": km2,
        "advancing": "Russia" if russian else "Ukraine",
    }
    return [judged("distance", c, c.value, depth / per, u, low / per, high / per, what, numbers)]
