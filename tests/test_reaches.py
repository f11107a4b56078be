"""A river's mention is placed at the reach the text is about, and a stored line is read without
shapely the same as shapely reads it."""

from __future__ import annotations

import struct

import pytest
import shapely

import frontmap as fm
from frontmap.errors import InputError
from frontmap.gazetteer._wkb import parts
from frontmap.gazetteer.store import haversine_km
from frontmap.reading._reaches import REACH_KM, nearest_on

GZ = fm.Gazetteer()


def _km(place, lat, lon):
    return haversine_km(place.lat, place.lon, lat, lon)


def _mention(article, text):
    return next(m for m in article.mentions if m.text == text)


# -- reading stored lines without shapely -----------------------------------------------------------


@pytest.mark.parametrize("name", ["Dnipro River", "Dniester", "Kakhovka Reservoir", "Sea of Azov", "Ukraine"])
def test_vertices_are_the_stored_geometrys_lines_and_rings(name):
    place = GZ.resolve(name)
    g = place.geometry
    expected = []
    for part in getattr(g, "geoms", [g]):
        if part.geom_type == "Polygon":
            expected.append(tuple(part.exterior.coords))
            expected += [tuple(r.coords) for r in part.interiors]
        else:
            expected.append(tuple(part.coords))
    assert GZ.vertices(place) == tuple(expected)


def test_a_settlement_has_no_vertices_and_a_non_place_is_refused():
    assert GZ.vertices(GZ.resolve("Izium")) == ()
    with pytest.raises(InputError, match="'Dnipro'"):
        GZ.vertices("Dnipro")


def test_wkb_of_either_byte_order_and_of_unknown_types():
    line = shapely.LineString([(30.0, 50.0), (31.0, 50.5), (32.0, 50.0)])
    multi = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)])
    for geom in (line, multi):
        little = parts(shapely.to_wkb(geom, byte_order=1))
        assert parts(shapely.to_wkb(geom, byte_order=0)) == little
    assert parts(shapely.to_wkb(line)) == (((30.0, 50.0), (31.0, 50.5), (32.0, 50.0)),)
    assert len(parts(shapely.to_wkb(multi))) == 2
    assert parts(shapely.to_wkb(shapely.Point(1, 2))) == ()
    assert parts(shapely.to_wkb(shapely.LineString([(0, 0, 1), (1, 1, 1)]))) == ()  # 3D: not read
    assert parts(struct.pack("<BII", 1, 2, 5)) == ()  # five points promised, none given


def test_nearest_on_a_segment_not_only_at_its_vertices():
    lines = (((30.0, 50.0), (32.0, 50.0)),)
    lon, lat = nearest_on(lines, 31.0, 50.3)
    assert lon == pytest.approx(31.0) and lat == pytest.approx(50.0)
    assert nearest_on(((),), 31.0, 50.0) is None


# -- the reach a text means -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Russian guns fired on Kherson from across the Dnipro overnight.", "Kherson"),
        ("Kyiv stands on both banks of the Dnipro.", "Kyiv"),
        ("The Dnipro flows past Zaporizhzhia, where a dam was struck.", "Zaporizhzhia"),
    ],
)
def test_a_river_is_placed_where_the_town_named_beside_it_is(text, town):
    a = fm.read(text)
    river, place = _mention(a, "Dnipro").place, _mention(a, town).place
    assert river.id == GZ.resolve("Dnipro River").id and river == GZ.resolve("Dnipro River")
    assert _km(river, place.lat, place.lon) < 10
    assert river.geometry.equals(GZ.resolve("Dnipro River").geometry)  # still the whole river


def test_a_district_named_beside_a_river_places_it_too():
    a = fm.read("In the Kursk region, a strike cut the bridge over the Seim in the Glushkovsky district.")
    river, district = _mention(a, "Seim").place, _mention(a, "Glushkovsky district").place
    assert district.kind == "raion" and _km(river, district.lat, district.lon) < 10


def test_each_mention_of_a_river_takes_the_reach_of_its_own_town():
    text = (
        "Barges once sailed down the Dnipro from Kyiv. Today drones hunt boats on the Dnipro near Kherson, "
        "hundreds of kilometres to the south."
    )
    first, second = [m.place for m in fm.read(text).mentions if m.text == "Dnipro"]
    kyiv, kherson = GZ.resolve("Kyiv"), GZ.resolve("Kherson")
    assert _km(first, kyiv.lat, kyiv.lon) < 10 and _km(second, kherson.lat, kherson.lon) < 10
    assert first == second  # one place, by id


def test_a_reservoir_keeps_its_point_inside_it():
    a = fm.read("Enerhodar sits on the shore of the Kakhovka Reservoir.")
    own, kept = GZ.resolve("Kakhovka Reservoir"), _mention(a, "Kakhovka Reservoir").place
    assert (kept.lat, kept.lon) == (own.lat, own.lon)


def test_the_gazetteers_point_with_no_town_or_a_town_far_away():
    own = GZ.resolve("Dnipro River")
    alone = _mention(fm.read("The Dnipro is Ukraine's longest river."), "Dnipro").place
    assert (alone.lat, alone.lon) == (own.lat, own.lon)
    a = fm.read("Officials in Lviv said the Dnipro crossings were shelled.")
    lviv = _mention(a, "Lviv").place
    river = _mention(a, "Dnipro").place
    assert _km(river, lviv.lat, lviv.lon) > REACH_KM and (river.lat, river.lon) == (own.lat, own.lon)


def test_a_gazetteer_without_lines_leaves_the_point_alone():
    class Plain:
        """Only lookups: a gazetteer a user might write."""

        def lookup(self, key):
            return GZ.lookup(key)

    a = fm.read("Russian guns fired on Kherson from across the Dnipro.", gazetteer=Plain())
    river, own = _mention(a, "Dnipro").place, GZ.resolve("Dnipro River")
    assert (river.lat, river.lon) == (own.lat, own.lon)
