"""Open saved folium maps in a real headless Chromium with no network (test helper, not a test module).

The saved HTML is left exactly as written.  Every request the page makes goes through
``page.route``: the page itself and the CDN assets folium references are answered from local files
(the npm packages pinned in ``package.json``/``package-lock.json`` at the repository root, installed
with ``npm ci`` into ``node_modules/``); anything else is aborted and recorded, so an unexpected URL
fails the test instead of silently loading (or silently not loading).

Chromium is the Debian package (``/usr/lib/chromium/chromium``); Playwright drives it through
``executable_path`` -- ``playwright install`` is never needed.  Facts this relies on are written up in
the project notes on browser testing.

Typical use (see ``tests/test_browser.py``; the ``browser`` fixture lives in ``tests/conftest.py``)::

    page = browser.open(tmp_path / "map.html", screenshot="places")
    page.assert_clean()
    assert page.count(".leaflet-marker-pane > *") == 3

``browser.open(path, network=False)`` serves the page and nothing else: every other request is aborted
and reported as unserved (``Page.requested`` lists every request made) -- for self-contained pages.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
ARTIFACTS = ROOT / "artifacts"

#: Where the page under test appears to come from (never resolved: every request is routed).
ORIGIN = "http://frontmap.test"

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

#: URL prefix -> folder (relative to node_modules) holding the same files.  Longest prefix wins.
PREFIXES: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/": "leaflet/",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/": "bootstrap/",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/": "@fortawesome/fontawesome-free/",
    "https://cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/": "leaflet-timedimension/",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/images/": (
        "drmonty-leaflet-awesome-markers/css/images/"
    ),
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/fonts/": "bootstrap3/dist/fonts/",
    "https://cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/images/": "jquery-ui-dist/images/",
}

#: Exact URL -> file (relative to node_modules), for files whose layout differs from the CDN's.
FILES: dict[str, str] = {
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css": (
        "drmonty-leaflet-awesome-markers/css/leaflet.awesome-markers.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": (
        "drmonty-leaflet-awesome-markers/js/leaflet.awesome-markers.js"
    ),
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js": "jquery/dist/jquery.min.js",
    # jquery-ui 1.10.2 is not on npm; 1.12.1 offers the same widgets TimeDimension uses.
    "https://cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/jquery-ui.min.js": (
        "jquery-ui-dist/jquery-ui.min.js"
    ),
    # iso8601-js-period ships no minified file.
    "https://cdn.jsdelivr.net/npm/iso8601-js-period@0.2.1/iso8601.min.js": "iso8601-js-period/iso8601.js",
    "https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js": "moment/min/moment.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/8.4/styles/default.min.css": (
        "highlight.js/styles/default.css"
    ),
}

#: Files with no npm source, answered with generated content (see :func:`_generated`).
GLYPHICONS_CSS = "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css"
ROTATE_CSS = (
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css"
)
#: OpenStreetMap tiles are answered with one plain light tile (counted in ``Page.tiles``).
TILE_URL = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")


def chromium_path() -> str | None:
    """The Chromium binary to drive: ``$FRONTMAP_CHROMIUM`` or the Debian package's, if executable."""
    env = os.environ.get("FRONTMAP_CHROMIUM")
    for candidate in (env, *CHROMIUM_CANDIDATES):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def local_files() -> list[Path]:
    """Every local file named by :data:`FILES` plus one sentinel per prefix folder."""
    paths = [NODE_MODULES / rel for rel in FILES.values()]
    paths += [NODE_MODULES / rel for rel in PREFIXES.values()]
    paths.append(NODE_MODULES / "leaflet/dist/leaflet.js")
    paths.append(NODE_MODULES / "bootstrap3/dist/css/bootstrap.css")
    return paths


def unavailable_reason() -> str | None:
    """Why browser tests cannot run here, or None when everything they need is present."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package 'playwright' is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        return (
            "Chromium not found at "
            + " or ".join(CHROMIUM_CANDIDATES)
            + " (apt-get install -y --no-install-recommends chromium, or set FRONTMAP_CHROMIUM)"
        )
    missing = [p for p in local_files() if not p.exists()]
    if missing:
        return f"npm assets missing ({missing[0].relative_to(ROOT)} ...): run `npm ci` at the repository root"
    return None


def local_path(url: str) -> Path | None:
    """The local file answering ``url`` (query and fragment ignored), or None."""
    parts = urlsplit(url)
    bare = f"{parts.scheme}://{parts.netloc}{parts.path}"
    if bare in FILES:
        return NODE_MODULES / FILES[bare]
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if bare.startswith(prefix):
            rest = bare[len(prefix) :]
            target = (NODE_MODULES / PREFIXES[prefix] / rest).resolve()
            if NODE_MODULES.resolve() in target.parents and target.is_file():
                return target
            return None
    return None


def _glyphicons_css() -> str:
    """The Glyphicons part of Bootstrap 3 (what bootstrap-glyphicons.css 3.0.0 held), cut from 3.4.1."""
    css = (NODE_MODULES / "bootstrap3/dist/css/bootstrap.css").read_text(encoding="utf-8")
    face = re.search(r"@font-face\s*\{[^}]*Glyphicons Halflings[^}]*\}", css)
    rules = re.findall(r"^\.glyphicon[^{]*\{[^}]*\}", css, flags=re.M)
    return "\n".join(([face.group(0)] if face else []) + rules)


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


@dataclass
class Page:
    """A loaded page and everything it reported while loading and since."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    unserved: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)  # every URL the page asked for, served or not
    tiles: int = 0

    @property
    def problems(self) -> list[str]:
        """Everything that should not have happened, one readable line each."""
        out = [f"console error: {m}" for m in self.console_errors]
        out += [f"console warning: {m}" for m in self.console_warnings]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"request not served locally: {u}" for u in self.unserved]
        out += [f"request failed: {u}" for u in self.failed_requests]
        out += [f"dialog opened: {m}" for m in self.dialogs]
        return out

    def assert_clean(self) -> None:
        """Fail with the full list when the page logged an error, opened a dialog or missed a request."""
        problems = self.problems
        assert not problems, "the page reported problems:\n  " + "\n  ".join(problems)

    def count(self, selector: str) -> int:
        """How many elements match a CSS selector."""
        return int(self.page.locator(selector).count())

    def texts(self, selector: str) -> list[str]:
        """The visible text of every element matching a selector, stripped."""
        return [t.strip() for t in self.page.locator(selector).all_inner_texts()]

    def layer_names(self) -> list[str]:
        """The overlay names shown in the layer control, in order."""
        return self.texts(".leaflet-control-layers-overlays label")

    def open_popup(self, selector: str, index: int = 0) -> str:
        """Click the ``index``-th element matching ``selector`` and return the open popup's text."""
        self.page.locator(selector).nth(index).dispatch_event("click")
        popup = self.page.locator(".leaflet-popup-content").last
        popup.wait_for(state="attached", timeout=5000)
        return str(popup.inner_text())

    def close_popups(self) -> None:
        self.page.evaluate("document.querySelectorAll('.leaflet-popup-close-button').forEach(b => b.click())")

    def screenshot(self, name: str) -> Path:
        """Save a PNG of the page under ``artifacts/`` (git-ignored) and return its path."""
        ARTIFACTS.mkdir(exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "page"
        path = ARTIFACTS / f"{safe}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


class Browser:
    """One headless Chromium for a test session; :meth:`open` loads one saved HTML file per page."""

    def __init__(self, width: int = 1200, height: int = 800) -> None:
        reason = unavailable_reason()
        if reason:
            raise RuntimeError(reason)
        from playwright.sync_api import sync_playwright

        self._width, self._height = width, height
        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(
                executable_path=chromium_path(), headless=True, args=LAUNCH_ARGS
            )
        except BaseException:
            self._pw.stop()
            raise
        self._glyphicons = _glyphicons_css()
        self._tile = _png(256, 256, (242, 239, 233))
        self._contexts: list[Any] = []

    def close(self) -> None:
        for ctx in self._contexts:
            try:
                ctx.close()
            except Exception:
                pass
        self._browser.close()
        self._pw.stop()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self, route: Any, html_path: Path, page_url: str, network: bool, report: Page) -> None:
        """Answer one request of the page from local files (or abort it, and note it as unserved)."""
        url = route.request.url
        headers = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-store"}
        if url == page_url:
            route.fulfill(path=str(html_path), headers=headers, content_type="text/html; charset=utf-8")
        elif not network:
            report.unserved.append(url)
            route.abort("internetdisconnected")
            return
        elif url == GLYPHICONS_CSS:
            route.fulfill(body=self._glyphicons, headers=headers, content_type="text/css")
        elif url == ROTATE_CSS:
            # folium's own stylesheet for rotated awesome-marker icons; unused by frontmap's maps.
            route.fulfill(body="", headers=headers, content_type="text/css")
        elif TILE_URL.match(url):
            report.tiles += 1
            route.fulfill(body=self._tile, headers=headers, content_type="image/png")
        else:
            local = local_path(url)
            if local is None:
                report.unserved.append(url)
                route.abort("blockedbyclient")
                return
            route.fulfill(path=str(local), headers=headers)
        report.served.append(url)

    def open(
        self,
        html_path: str | os.PathLike[str],
        screenshot: str | None = None,
        settle_ms: int = 300,
        network: bool = True,
    ) -> Page:
        """Load ``html_path`` as ``http://frontmap.test/<name>`` with every asset served locally.

        Waits for the load event and for Leaflet's map panes, then ``settle_ms`` for deferred
        scripts; saves ``artifacts/<screenshot>.png`` when a name is given.  With ``network=False``
        only the page itself is served: every other request is aborted and reported as unserved.
        """
        html_path = Path(html_path)
        context = self._browser.new_context(
            viewport={"width": self._width, "height": self._height},
            java_script_enabled=True,
            service_workers="block",
        )
        self._contexts.append(context)
        page = context.new_page()
        report = Page(page)
        page_url = f"{ORIGIN}/{html_path.name}"

        def on_console(msg: Any) -> None:
            text = f"{msg.text} ({msg.location.get('url', '')}:{msg.location.get('lineNumber', '')})"
            if msg.type == "error":
                report.console_errors.append(text)
            elif msg.type == "warning":
                report.console_warnings.append(text)

        def on_request_failed(request: Any) -> None:
            if TILE_URL.match(request.url) and "ERR_ABORTED" in str(request.failure):
                return  # Leaflet cancels tiles it no longer needs when the view changes
            if request.url not in report.unserved:
                report.failed_requests.append(f"{request.url} ({request.failure})")

        def on_dialog(dialog: Any) -> None:
            report.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.route("**/*", lambda route: self._serve(route, html_path, page_url, network, report))
        page.on("request", lambda request: report.requested.append(request.url))
        page.on("console", on_console)
        page.on("pageerror", lambda exc: report.page_errors.append(str(exc)))
        page.on("requestfailed", on_request_failed)
        page.on("dialog", on_dialog)

        page.goto(page_url, wait_until="load", timeout=30_000)
        try:
            page.wait_for_selector(".leaflet-map-pane", state="attached", timeout=5000)
        except Exception as exc:  # reported through problems; the assertion names the cause
            report.page_errors.append(f"no Leaflet map appeared: {exc}")
        page.wait_for_timeout(settle_ms)
        if screenshot:
            report.screenshot(screenshot)
        return report


@contextmanager
def session() -> Iterator[Browser]:
    """A :class:`Browser` closed on exit."""
    b = Browser()
    try:
        yield b
    finally:
        b.close()


def require_browser() -> bool:
    """True when missing browser prerequisites must fail the run (``FRONTMAP_REQUIRE_BROWSER=1``)."""
    return os.environ.get("FRONTMAP_REQUIRE_BROWSER", "").strip() not in ("", "0", "false", "no")
