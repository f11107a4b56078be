"""The maps stage: what the user passed becomes one scene, drawn by folium (:func:`draw`, HTML) or
matplotlib (:func:`render`, PNG/SVG/PDF)."""

from frontmap.maps.html import draw
from frontmap.maps.static import render

__all__ = ["draw", "render"]
