"""Build the JavaScript and CSS that offline maps inline (src/frontmap/assets/) from npm packages.

Run once from the repository root (needs ``npm`` and the npm registry, nothing else)::

    python scripts/vendor_assets.py

It runs ``npm pack <package>@<version>`` for each package in :data:`PACKAGES` into a temporary
folder, checks the tarball against the pinned ``integrity`` (sha512), copies the files an offline map
needs -- rewritten only where they would otherwise reach the network -- and the packages' licences,
and writes ``SOURCES.txt`` saying where every file came from.  The output is what ``frontmap.draw(...,
tiles=None)`` inlines (see ``src/frontmap/_offline.py``); never edit it by hand.

Versions are those folium 0.20 loads from CDNs, so offline and online maps run the same code:

* leaflet 1.9.3 (BSD-2-Clause): ``dist/leaflet.js``; ``dist/leaflet.css`` with its three images
  (layer switcher, default marker) inlined as ``data:`` URIs.
* jquery 3.7.1 (MIT): ``dist/jquery.min.js`` -- folium's popups build their content with ``$(...)``.
* leaflet-timedimension 1.1.1 (MIT), the date slider: ``dist/leaflet.timedimension.min.js``;
  ``dist/leaflet.timedimension.control.css`` without its web font (the Glyphicons face it loads from
  netdna.bootstrapcdn.com), the button symbols drawn with plain Unicode characters instead.
* iso8601-js-period 0.2.1 (Apache-2.0), required by leaflet-timedimension at load time:
  ``iso8601.js``.  The package ships no licence file, so the Apache-2.0 text is copied from Debian's
  ``/usr/share/common-licenses/Apache-2.0`` (package base-files).

Source-map comments are dropped from the scripts (the maps are not shipped).  Offline maps need
nothing else: no Bootstrap, Font Awesome or Leaflet.awesome-markers (places are drawn as CSS pins), no
moment or jQuery UI (the slider formats its own dates).
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "frontmap" / "assets"
DEBIAN_APACHE = Path("/usr/share/common-licenses/Apache-2.0")


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str  # the sha512 npm records for the tarball (as in package-lock.json)
    licence: str  # SPDX identifier, checked against the package's package.json
    licence_file: str | None  # inside the tarball, or None when the package ships none


PACKAGES = (
    Package(
        "leaflet",
        "1.9.3",
        "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
        "BSD-2-Clause",
        "LICENSE",
    ),
    Package(
        "jquery",
        "3.7.1",
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        "MIT",
        "LICENSE.txt",
    ),
    Package(
        "leaflet-timedimension",
        "1.1.1",
        "sha512-ejXldN94veRsWka1vpC+4rbH+2+3d3ztn2xYx4jcXtjYDrKC/sNnoqCmyH2UEYIy51PI2851aI2k8uGdOEbhlw==",
        "MIT",
        "LICENSE",
    ),
    Package(
        "iso8601-js-period",
        "0.2.1",
        "sha512-iDyz2TQFBd5WhCZjruOwHj01JkQGu7YbVLCVdpA7lCGEcBzE3ffCPAhLh/M8TAp//kCixPpYN4XU54WHCxvD2Q==",
        "Apache-2.0",
        None,
    ),
)

#: Glyphicons code points used by leaflet.timedimension.control.css -> a plain Unicode symbol.
GLYPHS = {
    r"\e072": r"\25B6",  # play
    r"\e073": r"\275A\275A",  # pause
    r"\e031": r"\21BB",  # loading (refresh)
    r"\e141": r"\2261",  # speed
    r"\e074": r"\25A0",  # stop
    r"\e075": r"\00BB",  # step forward
    r"\e071": r"\00AB",  # step backward
    r"\e030": r"\21BA",  # loop
}


def npm_pack(pkg: Package, dest: Path) -> Path:
    """``npm pack`` one package into ``dest``, check its sha512 and unpack it; returns ``package/``."""
    spec = f"{pkg.name}@{pkg.version}"
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=dest, check=True, capture_output=True)
    (tgz,) = dest.glob(f"{pkg.name}-{pkg.version}.tgz")
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode()
    if digest != pkg.integrity:
        raise SystemExit(f"{spec}: tarball sha512 {digest!r} is not the pinned {pkg.integrity!r}")
    folder = dest / pkg.name
    folder.mkdir()
    with tarfile.open(tgz) as t:
        t.extractall(folder, filter="data")
    return folder / "package"


def check_licence(pkg: Package, root: Path) -> None:
    import json

    declared = json.loads((root / "package.json").read_text(encoding="utf-8")).get("license")
    if declared != pkg.licence:
        raise SystemExit(f"{pkg.name}@{pkg.version} declares licence {declared!r}, not {pkg.licence!r}")


def leaflet_css(text: str, images: Path) -> str:
    """leaflet.css with ``url(images/x.png)`` replaced by ``data:`` URIs (no request for them)."""

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode((images / match.group(1)).read_bytes()).decode()
        return f"url(data:image/png;base64,{data})"

    out = re.sub(r"url\(images/([\w.-]+\.png)\)", inline, text)
    # IE's VML behaviour is a same-page reference; modern browsers ignore it, so drop it.
    return re.sub(r"\s*behavior:\s*url\(#default#VML\);", "", out)


def timedimension_css(text: str) -> str:
    """The slider's stylesheet without its web font: buttons show Unicode symbols instead."""
    out = re.sub(r"@font-face\s*\{[^}]*\}\s*", "", text)
    out = out.replace('font-family: "Glyphicons Halflings";', "font-family: sans-serif;")
    for glyph, symbol in GLYPHS.items():
        out = out.replace(f'"{glyph}"', f'"{symbol}"')
    left = re.findall(r'content:\s*"\\e\d+"', out)
    if left:
        raise SystemExit(f"leaflet.timedimension.control.css: unmapped glyphs {left}")
    return out


def script(text: str) -> str:
    """A script without its source-map comment (it names a file that is not inlined)."""
    return re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", text)


def check_inlinable(name: str, text: str) -> None:
    """Refuse text that would end its <script>/<style> block early or load something from elsewhere."""
    lowered = text.lower()
    for bad in ("</script", "</style", "<!--"):
        if bad in lowered:
            raise SystemExit(f"{name}: contains {bad!r}, cannot be inlined as is")
    if "sourceMappingURL" in text:
        raise SystemExit(f"{name}: still names a source map")
    if name.endswith(".css") and re.search(r"url\(\s*['\"]?(?!data:)|@import", text):
        raise SystemExit(f"{name}: still references another file")


def build(out: Path = OUT) -> list[str]:
    """Write every asset, licence and SOURCES.txt into ``out``; returns the file names written."""
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}  # file name -> provenance line
    with tempfile.TemporaryDirectory() as tmp:
        roots = {}
        for pkg in PACKAGES:
            roots[pkg.name] = root = npm_pack(pkg, Path(tmp))
            check_licence(pkg, root)
        leaflet, td, iso = roots["leaflet"], roots["leaflet-timedimension"], roots["iso8601-js-period"]
        files = {
            "leaflet.js": (
                script((leaflet / "dist/leaflet.js").read_text("utf-8")),
                "leaflet",
                "dist/leaflet.js, source-map comment removed",
            ),
            "jquery.min.js": (
                script((roots["jquery"] / "dist/jquery.min.js").read_text("utf-8")),
                "jquery",
                "dist/jquery.min.js",
            ),
            "leaflet.css": (
                leaflet_css((leaflet / "dist/leaflet.css").read_text("utf-8"), leaflet / "dist/images"),
                "leaflet",
                "dist/leaflet.css, dist/images/{layers,layers-2x,marker-icon}.png inlined as data: URIs",
            ),
            "leaflet.timedimension.min.js": (
                script((td / "dist/leaflet.timedimension.min.js").read_text("utf-8")),
                "leaflet-timedimension",
                "dist/leaflet.timedimension.min.js",
            ),
            "leaflet.timedimension.control.css": (
                timedimension_css((td / "dist/leaflet.timedimension.control.css").read_text("utf-8")),
                "leaflet-timedimension",
                "dist/leaflet.timedimension.control.css, Glyphicons @font-face removed, "
                "button glyphs replaced by Unicode symbols",
            ),
            "iso8601.js": (
                script((iso / "iso8601.js").read_text("utf-8")),
                "iso8601-js-period",
                "iso8601.js",
            ),
        }
        for name, (text, _pkg, _what) in files.items():
            check_inlinable(name, text)
            (out / name).write_text(text, encoding="utf-8")
        by_name = {p.name: p for p in PACKAGES}
        for name, (_text, source, what) in files.items():
            written[name] = f"{name}: {source}@{by_name[source].version} {what}"
        for pkg in PACKAGES:
            target = f"LICENSE.{pkg.name}"
            if pkg.licence_file:
                (out / target).write_bytes((roots[pkg.name] / pkg.licence_file).read_bytes())
                written[target] = f"{target}: {pkg.name}@{pkg.version} {pkg.licence_file}"
            else:
                notice = _notice(roots[pkg.name])
                (out / target).write_text(notice + DEBIAN_APACHE.read_text("utf-8"), encoding="utf-8")
                written[target] = (
                    f"{target}: the copyright notice of {pkg.name}@{pkg.version} (README.md), then the "
                    f"{pkg.licence} text from Debian base-files {DEBIAN_APACHE}"
                )
    (out / "SOURCES.txt").write_text(_sources(written), encoding="utf-8")
    return [*written, "SOURCES.txt"]


def _notice(root: Path) -> str:
    first = (root / "README.md").read_text("utf-8").splitlines()[:3]
    return "iso8601-js-period -- " + " ".join(line.strip() for line in first if line.strip()) + "\n\n"


def _sources(written: dict[str, str]) -> str:
    lines = [
        "Assets inlined into offline frontmap maps (frontmap.draw(..., tiles=None)).",
        "Generated by scripts/vendor_assets.py from npm tarballs (`npm pack`); do not edit by hand.",
        "",
        "package                 version  licence       npm tarball integrity",
    ]
    for p in PACKAGES:
        lines.append(f"{p.name:<23} {p.version:<8} {p.licence:<13} {p.integrity}")
    lines += ["", "files:"]
    lines += [f"  {line}" for line in written.values()]
    return "\n".join(lines) + "\n"


def main() -> int:
    for name in build():
        size = (OUT / name).stat().st_size
        print(f"{size:>9,} bytes  {OUT.relative_to(ROOT) / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
