"""Fixtures shared by the whole test suite.  Keep each one small and documented."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium that opens saved HTML with no network (see ``tests/browser.py``).

    Skips the test when Chromium, Playwright or the npm assets are missing -- unless
    ``FRONTMAP_REQUIRE_BROWSER=1`` (set by ``.ci/run``), in which case the test fails with the reason.
    """
    import browser as harness

    reason = harness.unavailable_reason()
    if reason:
        if harness.require_browser():
            pytest.fail(f"FRONTMAP_REQUIRE_BROWSER is set but the browser tests cannot run: {reason}")
        pytest.skip(reason)
    with harness.session() as b:
        yield b


# -- records for map tests (test_maps, test_browser, test_cli_map) --------------------------------
# Made-up sentences; coordinates of the real towns (GeoNames, rounded).


class MapRecords:
    """A small, fully built set of records: places, two dated articles with claims, control maps."""

    def __init__(self) -> None:
        import datetime as dt

        from shapely.geometry import box

        from frontmap.gazetteer.place import Place
        from frontmap.reading.article import Article, Mention
        from frontmap.reading.claims import AreaClaim, DistanceClaim

        P = Place
        self.kharkiv = P(
            "t:kharkiv", "Kharkiv", "settlement", 49.9935, 36.2304, "UA", "Kharkiv Oblast", 1_430_000
        )
        self.balakliia = P(
            "t:balakliia", "Balakliia", "settlement", 49.4627, 36.8586, "UA", population=27_000
        )
        self.izium = P("t:izium", "Izium", "settlement", 49.2078, 37.2566, "UA", population=45_000)
        self.kupiansk = P("t:kupiansk", "Kupiansk", "settlement", 49.7106, 37.6158, "UA", population=27_000)
        self.donets = P("t:donets", "Siverskyi Donets", "river", 49.3, 37.0)
        self.oblast = P("t:kh-oblast", "Kharkiv Oblast", "region", 49.5, 36.6, "UA")

        text1 = (
            "Engineers reached Balakliia, 74 km southeast of Kharkiv, on Saturday. "
            "Officials said about 3,000 km2 had been regained near the Siverskyi Donets, "
            "including Izium and Kupiansk."
        )
        f = text1.index
        self.distance = DistanceClaim(
            "74 km southeast of Kharkiv", f("74 km"), f("74 km") + 26, sentence=text1[: f("on Sat") + 12],
            source="first.txt", published=dt.date(2022, 9, 10), value=74, km=74, value_text="74",
            direction="SE", bearing_deg=135.0, anchor=self.kharkiv, anchor_text="Kharkiv",
            subject=self.balakliia,
        )  # fmt: skip
        self.area = AreaClaim(
            "about 3,000 km2", f("about 3,000"), f("about 3,000") + 15, sentence=text1[f("Officials") :],
            source="first.txt", published=dt.date(2022, 9, 10), value=3000, km2=3000, value_text="3,000",
            qualifier="about", change="regained", places=(self.balakliia, self.izium, self.kupiansk),
        )  # fmt: skip

        def mention(text: str, name: str, place: Place, nth: int = 0) -> Mention:
            start = -1
            for _ in range(nth + 1):
                start = text.index(name, start + 1)
            return Mention(name, start, start + len(name), place)

        self.first = Article(
            text1, source="first.txt", published=dt.date(2022, 9, 10),
            mentions=(mention(text1, "Balakliia", self.balakliia), mention(text1, "Kharkiv", self.kharkiv),
                      mention(text1, "Siverskyi Donets", self.donets), mention(text1, "Izium", self.izium),
                      mention(text1, "Kupiansk", self.kupiansk)),
            claims=(self.distance, self.area),
        )  # fmt: skip
        text2 = (
            "Residents of Izium returned on Tuesday. "
            "The Kharkiv Oblast administration reopened an office in Kharkiv."
        )
        self.second = Article(
            text2, source="second.txt", published=dt.date(2022, 9, 13),
            mentions=(mention(text2, "Izium", self.izium), mention(text2, "Kharkiv Oblast", self.oblast),
                      mention(text2, "Kharkiv", self.kharkiv, nth=1)),
        )  # fmt: skip
        self.articles = [self.first, self.second]
        self.places = [self.kharkiv, self.balakliia, self.donets, self.izium, self.kupiansk, self.oblast]

        from frontmap.control.controlmap import ControlMap

        self.control_before = ControlMap(
            box(36.9, 48.9, 38.4, 49.9), date="2022-09-06", source="before.geojson"
        )
        self.control_after = ControlMap(
            box(37.7, 48.9, 38.4, 49.9), date="2022-09-13", source="after.geojson"
        )
        #: The layer control of draw(articles, control_before, control_after, tiles=None), in order.
        self.complete_layers = [
            "Outlines (country, oblasts)",
            "Places mentioned",
            "Distance claims",
            "Area claims",
            "Checks",
            "Control 2022-09-06 (occupied)",
            "Control 2022-09-13 (occupied)",
            "Timeline (date slider)",
        ]


@pytest.fixture(scope="session")
def map_records() -> MapRecords:
    """Shared made-up records for the map tests (see :class:`MapRecords`)."""
    return MapRecords()
