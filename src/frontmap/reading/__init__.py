"""The reading stage: text in, :class:`Article` (places mentioned, spatial claims, control events) out.

:func:`read` is the entry point; :mod:`~frontmap.reading.mentions` finds places (accepted by the ordered
rules of :mod:`~frontmap.reading.mentionrules`), :mod:`~frontmap.reading.claimtext` finds claims,
:mod:`~frontmap.reading.events` finds who took what.  The word lists and small tables they use are data
files in ``frontmap/reading/data``, read by :mod:`~frontmap.reading.lexicon`.
"""

from frontmap.reading.article import ROLES, Article, Mention
from frontmap.reading.claims import AreaClaim, Claim, ComparisonClaim, Converted, DistanceClaim, ShareClaim
from frontmap.reading.events import SIDES, ControlEvent, find_control_events
from frontmap.reading.reader import read, read_many

__all__ = [
    "ROLES",
    "SIDES",
    "AreaClaim",
    "Article",
    "Claim",
    "ComparisonClaim",
    "ControlEvent",
    "Converted",
    "DistanceClaim",
    "Mention",
    "ShareClaim",
    "find_control_events",
    "read",
    "read_many",
]
