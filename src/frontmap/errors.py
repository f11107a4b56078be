"""The exceptions frontmap raises.

One root, :class:`FrontmapError`; each subclass also inherits the builtin a caller would expect
(``LookupError`` for an unknown name, ``ValueError`` for a bad value), so code that already catches
those keeps working.
"""

from __future__ import annotations

__all__ = [
    "ClaimError",
    "ControlMapError",
    "DataError",
    "FrontmapError",
    "GeometryError",
    "InputError",
    "UnknownPlaceError",
]


class FrontmapError(Exception):
    """Root of every error raised by frontmap."""


class InputError(FrontmapError, ValueError):
    """A value handed to frontmap is unusable (wrong type, empty, absurdly long, NaN ...)."""


class UnknownPlaceError(FrontmapError, LookupError):
    """A place name the gazetteer does not know.

    ``name`` is the name asked for, ``tried`` the normalised key looked up and ``suggestions`` the
    closest known names, best first.
    """

    def __init__(self, name: str, tried: str = "", suggestions: tuple[str, ...] = ()):
        self.name = name
        self.tried = tried
        self.suggestions = tuple(suggestions)
        msg = f"unknown place {name!r}"
        if tried and tried != name:
            msg += f" (looked up as {tried!r})"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)


class ClaimError(FrontmapError, ValueError):
    """A claim cannot be turned into what was asked (e.g. a geometry without an anchor place)."""


class GeometryError(FrontmapError, ValueError):
    """A geometric input is invalid: negative or NaN distance, bearing out of range, empty geometry."""


class ControlMapError(FrontmapError, ValueError):
    """A control-map file or geometry cannot be read or repaired."""


class DataError(FrontmapError, RuntimeError):
    """Data shipped with frontmap is missing, damaged or in a format this version cannot read.

    The message names the file and says how to repair the installation.
    """
