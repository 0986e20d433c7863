// The location of a work in the officers' form: a point, line or polygon clicked on the map
// (with Undo and Finish), typed as lon/lat or VN-2000 X/Y (the server transforms them: POST
// /api/works/place), read from a GPX/KML trace, or the browser's own position with its accuracy.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var el = WA.el;
  var active = null; // the input whose vertices map clicks add, while drawing

  // The CRSs an officer may type in: WGS84 and the VN-2000 TM-3 zones the server accepts.
  var VN2000_ZONES = [];
  for (var z = 9205; z <= 9218; z++) VN2000_ZONES.push(z);
  var LANG_SON_ZONE = 9215;
  var SHAPES = { point: 'Point', line: 'LineString', polygon: 'Polygon' };

  function round(x) { return Math.round(x * 1e7) / 1e7; } // about a centimetre

  WA.geometryInput = {
    // options: {geometry: GeoJSON geometry or null, onChange(geometry), onAccuracy(metres or null),
    //           id: the id of the element the "location" label points at}
    create: function (options) {
      var map = WA.map.leaflet();
      var shape = 'point', vertices = [], kept = null, drawing = false, pressed = null;
      var preview = L.layerGroup().addTo(map);
      var o = WA.officer;

      if (options.geometry) {
        var g = options.geometry;
        if (g.type === 'Point') vertices = [g.coordinates.slice(0, 2)];
        else if (g.type === 'LineString') { shape = 'line'; vertices = g.coordinates.map(function (c) { return c.slice(0, 2); }); }
        else if (g.type === 'Polygon') { shape = 'polygon'; vertices = g.coordinates[0].slice(0, -1).map(function (c) { return c.slice(0, 2); }); }
        else kept = g; // a multi-part geometry stays as it is unless redrawn
      }

      var shapeSelect = el('select', { id: options.id });
      Object.keys(SHAPES).forEach(function (s) {
        var opt = el('option', { value: s }, [WA.t('shape_' + s)]);
        opt.dataset.t = 'shape_' + s;
        shapeSelect.appendChild(opt);
      });
      shapeSelect.value = shape;
      var status = el('p', { className: 'wa-muted', id: 'location-status' });
      status.setAttribute('aria-live', 'polite');
      var drawButton = o.button('drawOnMap', function () { drawing ? finish() : startDrawing(); });
      drawButton.id = 'draw-on-map';
      var undoButton = o.button('undo', function () { vertices.pop(); kept = null; changed(); });
      undoButton.id = 'draw-undo';
      var clearButton = o.button('clearLocation', function () { vertices = []; kept = null; changed(); });

      // Typed positions: lon/lat, or VN-2000 X (northing) and Y (easting) in a chosen zone.
      var crs = el('select', { id: 'coord-crs' });
      crs.appendChild(el('option', { value: '4326' }, ['WGS84 (lon, lat)']));
      VN2000_ZONES.forEach(function (code) {
        crs.appendChild(el('option', { value: String(code) },
          ['VN-2000 / TM-3 (EPSG:' + code + ')' + (code === LANG_SON_ZONE ? ' — Lạng Sơn' : '')]));
      });
      crs.value = '4326';
      var first = el('input', { id: 'coord-a', type: 'text', inputMode: 'decimal', autocomplete: 'off' });
      var second = el('input', { id: 'coord-b', type: 'text', inputMode: 'decimal', autocomplete: 'off' });
      var firstLabel = o.label('coordLon', 'coord-a'), secondLabel = o.label('coordLat', 'coord-b');
      crs.addEventListener('change', function () {
        var vn = crs.value !== '4326';
        firstLabel.dataset.t = vn ? 'coordX' : 'coordLon';
        secondLabel.dataset.t = vn ? 'coordY' : 'coordLat';
        o.relabel(box);
      });
      var addTyped = o.button('addPosition', function () { typed(); });
      addTyped.id = 'coord-add';

      var gps = o.button('myPosition', function () { myPosition(); });
      var file = el('input', { id: 'trace-file', type: 'file', accept: '.gpx,.kml,application/gpx+xml,application/vnd.google-earth.kml+xml' });
      file.addEventListener('change', function () { if (file.files[0]) readTrace(file.files[0]); });
      var error = el('p', { className: 'wa-field-error', id: 'location-error' });
      error.setAttribute('role', 'alert');
      error.hidden = true;

      var box = el('div', { className: 'wa-location' }, [
        shapeSelect,
        el('div', { className: 'wa-actions' }, [drawButton, undoButton, clearButton, gps]),
        status,
        el('fieldset', { className: 'wa-typed' }, [
          legend('typeCoordinates'),
          o.label('coordSystem', 'coord-crs'), crs,
          el('div', { className: 'wa-row' }, [
            el('div', null, [firstLabel, first]), el('div', null, [secondLabel, second])
          ]),
          addTyped
        ]),
        o.label('traceFile', 'trace-file'), file,
        error
      ]);

      shapeSelect.addEventListener('change', function () {
        shape = shapeSelect.value;
        if (shape === 'point' && vertices.length > 1) vertices = vertices.slice(-1);
        kept = null;
        changed();
      });

      function legend(key) { var l = el('legend', null, [WA.t(key)]); l.dataset.t = key; return l; }

      function geometry() {
        if (kept) return kept;
        if (shape === 'point') return vertices.length ? { type: 'Point', coordinates: vertices[0].slice() } : null;
        if (shape === 'line') return vertices.length >= 2 ? { type: 'LineString', coordinates: vertices.map(function (v) { return v.slice(); }) } : null;
        if (vertices.length < 3) return null;
        var ring = vertices.map(function (v) { return v.slice(); });
        ring.push(vertices[0].slice());
        return { type: 'Polygon', coordinates: [ring] };
      }

      function redraw() {
        preview.clearLayers();
        var style = { color: '#d7191c', weight: 3, dashArray: drawing ? '6 4' : null, interactive: false };
        if (kept) preview.addLayer(L.geoJSON(kept, { style: style, interactive: false }));
        var lls = vertices.map(function (v) { return [v[1], v[0]]; });
        if (shape === 'line' && lls.length > 1) preview.addLayer(L.polyline(lls, style));
        if (shape === 'polygon' && lls.length > 1) preview.addLayer(L.polygon(lls, L.extend({ fillOpacity: 0.2 }, style)));
        lls.forEach(function (ll) {
          preview.addLayer(L.circleMarker(ll, { radius: 5, color: '#d7191c', weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false }));
        });
        // Over the works and the selection, which the page brings to the front as it redraws.
        preview.eachLayer(function (l) { if (l.bringToFront) l.bringToFront(); });
        var n = kept ? null : vertices.length;
        status.textContent = kept ? WA.t('locationKept', { type: kept.type })
          : drawing ? WA.t(shape === 'point' ? 'drawPointHint' : 'drawVerticesHint', { n: n })
          : n ? WA.t('verticesCount', { n: n }) + ' · ' + WA.t('lastVertex', { lon: last(0), lat: last(1) }) : WA.t('noLocation');
        document.body.dataset.vertices = String(n || 0);
        undoButton.disabled = !vertices.length || !!kept;
        drawButton.textContent = WA.t(drawing ? 'finishDrawing' : 'drawOnMap');
        drawButton.dataset.t = drawing ? 'finishDrawing' : 'drawOnMap';
        drawButton.setAttribute('aria-pressed', drawing ? 'true' : 'false');
      }

      // The last vertex in WGS84 (what a typed VN-2000 position became).
      function last(i) { return vertices[vertices.length - 1][i].toFixed(6); }

      function changed() {
        showError(null);
        redraw();
        options.onChange(geometry());
      }

      function addVertex(lonLat) {
        kept = null;
        if (shape === 'point') vertices = [lonLat];
        else vertices.push(lonLat);
        changed();
        if (shape === 'point') finish();
      }

      function startDrawing() {
        if (active && active !== api) active.finish();
        active = api;
        drawing = true;
        map.getContainer().classList.add('wa-drawing');
        redraw();
        drawButton.scrollIntoView({ block: 'nearest' }); // Undo and Finish in sight while clicking the map
      }

      function finish() {
        drawing = false;
        if (active === api) active = null;
        map.getContainer().classList.remove('wa-drawing');
        redraw();
      }

      // A click on the map while drawing adds a vertex; caught before Leaflet's own handlers so
      // it neither selects the commune underneath nor closes the panel. A drag is not a click.
      function onPress(e) { pressed = { x: e.clientX, y: e.clientY }; }
      function onClick(e) {
        if (!drawing || (e.target.closest && e.target.closest('.leaflet-control-container'))) return;
        if (pressed && Math.abs(e.clientX - pressed.x) + Math.abs(e.clientY - pressed.y) > 6) return;
        e.stopPropagation();
        e.preventDefault();
        var ll = map.mouseEventToLatLng(e);
        addVertex([round(ll.lng), round(ll.lat)]);
      }
      map.getContainer().addEventListener('mousedown', onPress, true);
      map.getContainer().addEventListener('click', onClick, true);

      function number(input) {
        var v = Number(String(input.value).trim().replace(',', '.'));
        return String(input.value).trim() && isFinite(v) ? v : null;
      }

      // VN-2000 positions go to the server to become WGS84; so does anything it would refuse.
      function typed() {
        var a = number(first), b = number(second), srid = Number(crs.value);
        if (a === null || b === null) { showError(WA.t('coordNeedsNumbers')); return; }
        if (srid === 4326) { addVertex([a, b]); options.onAccuracy(null); return; }
        // VN-2000: X is the northing, Y the easting; the server takes easting first.
        o.api('POST', 'api/works/place', { geometry: { type: 'Point', coordinates: [b, a] }, srid: srid })
          .then(function (placed) {
            var c = placed.geometry.coordinates;
            addVertex([round(c[0]), round(c[1])]);
          }, function (e) { showError(WA.workForm.reasonOf(e, 'geometry')); });
      }

      function myPosition() {
        if (!navigator.geolocation) { showError(WA.t('noGeolocation')); return; }
        status.textContent = WA.t('locating');
        navigator.geolocation.getCurrentPosition(function (p) {
          shape = 'point';
          shapeSelect.value = 'point';
          addVertex([round(p.coords.longitude), round(p.coords.latitude)]);
          options.onAccuracy(Math.round(p.coords.accuracy * 10) / 10);
        }, function (e) { showError(WA.t('geolocationFailed', { detail: e.message })); redraw(); },
        { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
      }

      function readTrace(f) {
        var reader = new FileReader();
        reader.onload = function () {
          try {
            var line = WA.traceFile.read(String(reader.result), f.name);
            shape = 'line';
            shapeSelect.value = 'line';
            vertices = line.map(function (c) { return [round(c[0]), round(c[1])]; });
            kept = null;
            changed();
            if (line.length > 1) map.fitBounds(L.latLngBounds(vertices.map(function (v) { return [v[1], v[0]]; })), { maxZoom: 15 });
          } catch (e) { showError(e.message); }
        };
        reader.onerror = function () { showError(WA.t('traceUnreadable', { detail: f.name })); };
        reader.readAsText(f);
      }

      function showError(message) {
        error.textContent = message || '';
        error.hidden = !message;
      }

      var api = {
        element: box,
        geometry: geometry,
        finish: finish,
        showError: showError,
        isDrawing: function () { return drawing; },
        // Removes the preview and the map handlers (the form closed).
        dispose: function () {
          finish();
          map.getContainer().removeEventListener('mousedown', onPress, true);
          map.getContainer().removeEventListener('click', onClick, true);
          map.removeLayer(preview);
        }
      };
      redraw();
      return api;
    },

    // Escape while drawing stops drawing (true) instead of closing the form.
    cancelDrawing: function () {
      if (!active) return false;
      active.finish();
      return true;
    }
  };
})();
