// The Leaflet map: communes (choropleth), district boundaries on top, works on top of those,
// and the outline of the selected feature. Everything is drawn on one canvas so that 10,000
// communes stay fast; the drawing order is the order layers are added.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});

  var NOT_BUILT = { proposed: true, approved: true, under_construction: true };
  var map, renderer, communeLayer, districtLayer, worksGroup, gapsLayer, highlight, highlightUnderWorks, tileLayer;
  var communeByCode = {}, workLayers = [];
  var handlers = {};

  WA.map = {
    // options: {tiles, attributions, onCommuneClick(feature), onWorkClick(feature)}
    init: function (element, options) {
      handlers = options;
      renderer = L.canvas({ tolerance: 5, padding: 0.3 });
      map = L.map(element, { renderer: renderer, preferCanvas: true, zoomSnap: 0.25, minZoom: 5, maxZoom: 18 });
      map.attributionControl.setPrefix('Leaflet');
      (options.attributions || []).forEach(function (a) { map.attributionControl.addAttribution(escapeHTML(a)); });
      if (typeof options.tiles === 'string' && options.tiles) {
        tileLayer = L.tileLayer(options.tiles, { maxZoom: 18, crossOrigin: false });
        tileLayer.addTo(map);
      }
      map.setView([21.85, 106.75], 9); // Lạng Sơn, until the data's bounds are known
      worksGroup = L.featureGroup();
      return map;
    },

    leaflet: function () { return map; },
    hasTiles: function () { return !!tileLayer; },
    setTilesVisible: function (on) {
      if (!tileLayer) return;
      if (on) tileLayer.addTo(map); else map.removeLayer(tileLayer);
    },

    // (Re)draws the communes; style(feature) gives the fill colour, tooltip(feature) the hover text.
    setCommunes: function (collection, style, tooltip) {
      if (communeLayer) map.removeLayer(communeLayer);
      communeByCode = {};
      communeLayer = L.geoJSON(collection, {
        renderer: renderer,
        style: function (f) { return communeStyle(style(f)); },
        onEachFeature: function (f, layer) {
          communeByCode[String(f.id)] = layer;
          layer.bindTooltip(function () { return textNode(tooltip(f)); }, { sticky: true, direction: 'top', offset: [0, -8] });
          layer.on('click', function (e) {
            L.DomEvent.stopPropagation(e);
            handlers.onCommuneClick(f);
          });
        }
      }).addTo(map);
      restack();
    },

    // Re-colours the communes without rebuilding them (indicator, year or category changed);
    // index (code → feature) gives each shape the properties of the year now shown.
    restyleCommunesFrom: function (index, style) {
      if (!communeLayer) return;
      communeLayer.eachLayer(function (layer) {
        var f = index[String(layer.feature.id)] || layer.feature;
        layer.feature = f;
        layer.setStyle(communeStyle(style(f)));
      });
    },

    setDistricts: function (collection) {
      if (districtLayer) map.removeLayer(districtLayer);
      districtLayer = L.geoJSON(collection, {
        renderer: renderer, interactive: false,
        style: { fill: false, color: '#2b2b2b', weight: 2.2, opacity: 0.9 }
      }).addTo(map);
      restack();
    },

    setWorks: function (collection) {
      worksGroup.clearLayers();
      // Areas first, then lines, then points, so that small things stay clickable.
      var rank = function (f) { var t = (f.geometry && f.geometry.type) || ''; return /Point/.test(t) ? 2 : /Line/.test(t) ? 1 : 0; };
      var features = (collection.features || []).slice().sort(function (a, b) { return rank(a) - rank(b); });
      workLayers = features.map(function (f) {
        var layer = workLayer(f);
        if (layer) {
          layer.on('click', function (e) {
            L.DomEvent.stopPropagation(e);
            handlers.onWorkClick(f);
          });
        }
        return { feature: f, layer: layer };
      }).filter(function (w) { return w.layer; });
      restack();
    },

    // Shows the works for which keep(properties) is true; returns how many are shown.
    filterWorks: function (visible, keep) {
      worksGroup.clearLayers();
      var shown = 0;
      if (visible) {
        workLayers.forEach(function (w) {
          if (keep(w.feature.properties || {})) { worksGroup.addLayer(w.layer); shown++; }
        });
      }
      if (!map.hasLayer(worksGroup)) worksGroup.addTo(map);
      restack();
      return shown;
    },

    worksTotal: function () { return workLayers.length; },

    communeLayer: function (code) { return communeByCode[String(code)]; },
    // The codes of the commune shapes drawn (the browser test counts and clicks them).
    communeCodes: function () { return Object.keys(communeByCode); },

    // Marks the selected feature and optionally zooms to it, keeping it clear of padRight pixels
    // on the right (the details panel). A commune gets a black-and-white outline on top of
    // everything; a work gets a glow drawn just under the works, so the work itself stays visible.
    select: function (feature, zoom, padRight, isWork) {
      if (highlight) map.removeLayer(highlight);
      highlight = null;
      highlightUnderWorks = !!isWork;
      if (!feature) return;
      var isPoint = feature.geometry && /Point$/.test(feature.geometry.type);
      var layers = !isWork
        ? [outline(feature, { color: '#000', weight: 5, opacity: 0.9, fill: false }),
           outline(feature, { color: '#fff', weight: 2, opacity: 1, fill: false })]
        : isPoint
          ? [outline(feature, { radius: 12, color: '#000', weight: 2, opacity: 0.8, fillColor: '#00e5ff', fillOpacity: 0.95 })]
          : [outline(feature, { color: '#000', weight: 15, opacity: 0.5, fill: false }),
             outline(feature, { color: '#00e5ff', weight: 10, opacity: 0.95, fill: false })];
      highlight = L.featureGroup(layers).addTo(map);
      restack();
      if (zoom) {
        var right = Math.min(padRight || 0, map.getSize().x / 2);
        map.fitBounds(highlight.getBounds(), {
          paddingTopLeft: [40, 40], paddingBottomRight: [40 + right, 40],
          maxZoom: isPoint ? Math.max(map.getZoom(), 13) : 12
        });
      }
    },

    fitToData: function () {
      var b = L.latLngBounds([]);
      [communeLayer, districtLayer].forEach(function (l) { if (l && l.getLayers().length) b.extend(l.getBounds()); });
      if (!b.isValid() && workLayers.length) b.extend(L.featureGroup(workLayers.map(function (w) { return w.layer; })).getBounds());
      if (b.isValid()) map.fitBounds(b, { padding: [8, 8], animate: false });
    },

    // The unserved villages of one category (GET /api/gaps): circles whose area follows the
    // households, a popup built from DOM nodes. Null removes the layer.
    setGaps: function (collection) {
      if (gapsLayer) map.removeLayer(gapsLayer);
      gapsLayer = null;
      if (!collection) return 0;
      var features = (collection.features || []).filter(function (f) { return f.geometry; });
      gapsLayer = L.featureGroup(features.map(gapMarker)).addTo(map);
      restack();
      return features.length;
    },

    refreshTooltips: function () {
      map.eachLayer(function (l) { if (l.isTooltipOpen && l.isTooltipOpen()) l.closeTooltip(); });
    }
  };

  function communeStyle(fillColor) {
    return { fillColor: fillColor, fillOpacity: 0.85, color: '#6f6f6f', weight: 0.6, opacity: 0.9 };
  }

  // Districts over communes, works over districts; a selected commune's outline over
  // everything, a selected work's glow between the districts and the works.
  function restack() {
    if (districtLayer) districtLayer.bringToFront();
    if (highlight && highlightUnderWorks) highlight.bringToFront();
    if (gapsLayer) gapsLayer.bringToFront();
    if (map.hasLayer(worksGroup)) worksGroup.eachLayer(function (l) { l.bringToFront(); });
    if (highlight && !highlightUnderWorks) highlight.bringToFront();
  }

  function outline(feature, style) {
    return L.geoJSON(feature, {
      renderer: renderer, interactive: false, style: style,
      pointToLayer: function (f, ll) { return L.circleMarker(ll, L.extend({ radius: 11 }, style)); }
    });
  }

  function workLayer(f) {
    var p = f.properties || {}, g = f.geometry;
    if (!g) return null;
    var color = WA.categoryColors[p.category] || WA.categoryColors.other;
    var cancelled = p.status === 'cancelled', notBuilt = NOT_BUILT[p.status] === true;
    var opacity = cancelled ? 0.35 : 1;
    var tooltip = function () { return textNode((p.name || p.id || '') + ' — ' + WA.term('category', p.category)); };
    var layer;
    if (/Point$/.test(g.type)) {
      layer = L.geoJSON(f, {
        renderer: renderer,
        pointToLayer: function (ft, ll) {
          return L.circleMarker(ll, notBuilt
            ? { radius: 5, color: color, weight: 3, fillColor: '#ffffff', fillOpacity: 0.95 * opacity, opacity: opacity }
            : { radius: 5.5, color: '#1a1a1a', weight: 1, fillColor: color, fillOpacity: 0.95 * opacity, opacity: opacity });
        }
      });
    } else if (/LineString$/.test(g.type)) {
      layer = L.featureGroup([
        L.geoJSON(f, { renderer: renderer, interactive: false,   // a casing that contrasts with the line
          style: { color: p.category === 'road' ? '#ffffff' : '#1a1a1a', weight: 5.5,
                   opacity: (p.category === 'road' ? 0.9 : 0.55) * opacity, lineCap: 'round' } }),
        L.geoJSON(f, { renderer: renderer,
          style: { color: color, weight: 3, opacity: opacity, dashArray: notBuilt ? '7 5' : null, lineCap: notBuilt ? 'butt' : 'round' } })
      ]);
    } else {
      layer = L.geoJSON(f, { renderer: renderer,
        style: { color: '#1a1a1a', weight: 1.5, fillColor: color, fillOpacity: 0.6 * opacity, opacity: opacity,
                 dashArray: notBuilt ? '5 4' : null } });
    }
    layer.bindTooltip(tooltip, { sticky: true, direction: 'top', offset: [0, -8] });
    return layer;
  }

  // Radius in pixels: the square root of the households, so the area follows them (3–14 px);
  // purple, a hue the poverty and coverage fills never use.
  function gapRadius(households) {
    var h = typeof households === 'number' && households > 0 ? households : 0;
    return Math.min(14, 3 + Math.sqrt(h) * 0.5);
  }

  function gapMarker(f) {
    var p = f.properties || {}, c = f.geometry.coordinates;
    var marker = L.circleMarker([c[1], c[0]], {
      renderer: renderer, radius: gapRadius(p.households),
      color: '#2d0a4e', weight: 1.2, fillColor: '#7b3fa0', fillOpacity: 0.55
    });
    marker.bindPopup(function () { return gapPopup(p); });
    marker.bindTooltip(function () { return textNode(p.village_name || p.village_code); }, { direction: 'top' });
    return marker;
  }

  function gapPopup(p) {
    var basis = p.poor_basis === 'village' ? WA.t('gapBasisVillage') : p.poor_basis === 'commune_rate' ? WA.t('gapBasisCommune') : '';
    var poor = p.estimated_poor_households === null || p.estimated_poor_households === undefined ? '—'
      : WA.fmtNumber(p.estimated_poor_households, 0) + (basis ? ' (' + basis + ')' : '');
    var rows = [
      [WA.t('gapHouseholds'), p.households === null || p.households === undefined ? '—' : WA.fmtNumber(p.households, 0)],
      [WA.t('gapPoor'), poor],
      [WA.t('gapDistance'), p.distance_m === null || p.distance_m === undefined ? WA.t('gapNoServing') : WA.fmtMetres(p.distance_m)]
    ];
    return WA.el('div', { className: 'wa-gap-popup' }, [
      WA.el('strong', null, [(p.village_name || p.village_code) + ' — ' + (p.commune_name || p.commune_code)]),
      p.village_code === p.commune_code ? WA.el('div', { className: 'wa-muted' }, [WA.t('gapCentroid')]) : null,
      WA.el('table', null, rows.map(function (r) { return WA.el('tr', null, [WA.el('th', null, [r[0]]), WA.el('td', null, [r[1]])]); }))
    ]);
  }

  function textNode(s) {
    return WA.el('span', null, [s]);
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
})();
