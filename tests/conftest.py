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
