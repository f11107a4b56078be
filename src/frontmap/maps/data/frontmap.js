/* frontmap: permanent labels placed without collisions, and the side panel.  MIT, part of frontmap.
 *
 * Labels are Leaflet markers with a text DivIcon in the pane "fm-labels".  After every zoom (and when a
 * layer is switched on or off) they are laid out again, most important first: a place label tries eight
 * positions around its pin (right first, as cartographers do), an area label (oblast, sea, country) only
 * its centre; a label whose every position overlaps a label already placed or a pin is hidden.  The same
 * greedy rule as frontmap.maps.labels (static maps), in pixels of the map. */
var frontmap = (function () {
    "use strict";
    var PIN = [-8, -25, 8, -4];  // the box of a CSS pin's head around its tip (x0, y0, x1, y1)

    function panes(map) {
        if (map.getPane("fm-base")) { return; }
        map.createPane("fm-base").style.zIndex = 150;    // under the tiles (200): tiles cover it when on
        map.createPane("fm-shade").style.zIndex = 390;   // territories, under the other overlays (400)
        var labels = map.createPane("fm-labels");
        labels.style.zIndex = 640;                       // over markers (600), under tooltips (650)
        labels.style.pointerEvents = "none";
        map._fmLabels = [];
        var pending = null;
        function later() {
            if (pending === null) {
                pending = setTimeout(function () { pending = null; layout(map); }, 0);
            }
        }
        map.on("zoomend overlayadd overlayremove", later);
        map.whenReady(later);
    }

    function label(map, spec) {
        // spec: {t: escaped text, at: [lat, lon], c: class, p: priority, pin: true when it labels a pin}
        var icon = L.divIcon({className: "fm-label fm-label-" + spec.c, html: spec.t, iconSize: null});
        var m = L.marker(spec.at, {icon: icon, pane: "fm-labels", interactive: false, keyboard: false});
        m.fmPriority = spec.p || 0;
        m.fmPin = !!spec.pin;
        map._fmLabels.push(m);
        return m;
    }

    function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

    function candidates(x, y, w, h, pin) {
        if (!pin) { return [[x - w / 2, y - h / 2], [x - w / 2, y - h - 2], [x - w / 2, y + 2]]; }
        var cy = y - 15 - h / 2;   // level with the pin's head
        return [[x + 12, cy], [x - 12 - w, cy], [x + 6, y - 26 - h], [x + 6, y - 3],
                [x - 6 - w, y - 26 - h], [x - 6 - w, y - 3], [x - w / 2, y - 28 - h], [x - w / 2, y + 1]];
    }

    function layout(map) {
        var items = (map._fmLabels || []).filter(function (m) { return m._map && m._icon; });
        var pins = [];
        map.eachLayer(function (l) {
            if (l instanceof L.Marker && l._icon && / frontmap-pin /.test(" " + l._icon.className + " ")) {
                var q = map.latLngToLayerPoint(l.getLatLng());
                pins.push([q.x + PIN[0], q.y + PIN[1], q.x + PIN[2], q.y + PIN[3]]);
            }
        });
        items.sort(function (a, b) { return b.fmPriority - a.fmPriority; });
        var taken = [];
        items.forEach(function (m) {
            var el = m._icon;
            el.style.marginLeft = "0px";
            el.style.marginTop = "0px";
            var w = el.offsetWidth, h = el.offsetHeight, p = map.latLngToLayerPoint(m.getLatLng());
            var own = [p.x + PIN[0], p.y + PIN[1], p.x + PIN[2], p.y + PIN[3]];
            var spot = null;
            candidates(p.x, p.y, w, h, m.fmPin).some(function (c) {
                var box = [c[0], c[1], c[0] + w, c[1] + h];
                var free = !taken.some(function (b) { return overlaps(box, b); }) &&
                    !pins.some(function (b) { return !(m.fmPin && b[0] === own[0] && b[1] === own[1]) && overlaps(box, b); });
                if (free) { spot = box; }
                return free;
            });
            if (spot) {
                el.style.marginLeft = (spot[0] - p.x) + "px";
                el.style.marginTop = (spot[1] - p.y) + "px";
                el.style.visibility = "visible";
                el.classList.remove("fm-hidden");
                taken.push(spot);
            } else {
                el.style.visibility = "hidden";
                el.classList.add("fm-hidden");
            }
        });
    }

    return {panes: panes, label: label, layout: layout};
})();
