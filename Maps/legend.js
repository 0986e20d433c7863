// Indicators, their fixed class breaks and colour-blind-friendly sequential palettes
// (ColorBrewer), the works' category colours (Okabe–Ito; roads black, as on most maps), and the
// legend control. The works' legend is the category filter in the sidebar.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});

  WA.NO_DATA = '#b3b3b3';

  // Each indicator: value(props, category) in display units, breaks (class i is
  // [breaks[i-1], breaks[i]) ), optional zeroClass (exactly 0 is its own first class).
  WA.indicators = {
    poverty: {
      value: function (p) { return num(p.poverty_rate, 100); },
      breaks: [5, 10, 20, 30],
      unit: ' %',
      palette: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'], // YlOrRd
      title: function (s) { return WA.t('legendPoverty', { year: s.year || '…' }); }
    },
    change: {
      value: function (p) { return num(p.poverty_change_points_per_year, 1); },
      breaks: [0, 2, 3, 4],
      unit: '',
      palette: ['#ffffcc', '#c2e699', '#78c679', '#31a354', '#006837'], // YlGn
      title: function (s) { return WA.t('legendChange', { year: s.year || '…', base: s.baselineYear || '…' }); }
    },
    coverage: {
      value: function (p, category) { return num(p['coverage_' + category], 100); },
      zeroClass: true,
      breaks: [25, 50, 75],
      unit: ' %',
      palette: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'], // YlGnBu
      title: function (s) { return WA.t('legendCoverage', { category: WA.term('category', s.category) }); }
    }
  };

  function num(v, scale) {
    return typeof v === 'number' && isFinite(v) ? v * scale : null;
  }

  // Class index of a value, or -1 for no data.
  WA.classOf = function (ind, v) {
    if (v === null || v === undefined) return -1;
    var offset = 0;
    if (ind.zeroClass) {
      if (v <= 0) return 0;
      offset = 1;
    }
    var i = 0;
    while (i < ind.breaks.length && v >= ind.breaks[i]) i++;
    return i + offset;
  };

  WA.fillColor = function (ind, v) {
    var c = WA.classOf(ind, v);
    return c < 0 ? WA.NO_DATA : ind.palette[c];
  };

  // Labels of the classes: "< 5 %", "5–10 %", …, "≥ 30 %".
  WA.classLabels = function (ind, key) {
    var b = ind.breaks, u = ind.unit, f = function (x) { return WA.fmtNumber(x, 0); };
    var labels = [];
    if (ind.zeroClass) {
      labels.push(f(0) + u);
      labels.push('> ' + f(0) + '–' + f(b[0]) + u);
    } else {
      labels.push('< ' + f(b[0]) + u + (key === 'change' ? ' (' + WA.t('increase') + ')' : ''));
    }
    for (var i = 1; i < b.length; i++) labels.push(f(b[i - 1]) + '–' + f(b[i]) + u);
    labels.push('≥ ' + f(b[b.length - 1]) + u);
    return labels;
  };

  // Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
  WA.categoryColors = {
    road: '#1a1a1a', electricity: '#F0E442', culture: '#CC79A7', health: '#E69F00',
    school: '#0072B2', irrigation: '#56B4E9', water: '#009E73', other: '#D55E00'
  };

  // Leaflet control in the map's corner; update(state, counts) redraws it.
  WA.createLegend = function () {
    var Legend = L.Control.extend({
      options: { position: 'bottomleft' },
      onAdd: function () {
        this._div = WA.el('div', { className: 'wa-legend' });
        L.DomEvent.disableClickPropagation(this._div);
        L.DomEvent.disableScrollPropagation(this._div);
        return this._div;
      },
      update: function (state, counts) {
        var ind = WA.indicators[state.indicator];
        var div = WA.clear(this._div);
        div.appendChild(WA.el('h3', null, [ind.title(state)]));
        var rows = WA.classLabels(ind, state.indicator).map(function (label, i) {
          return legendRow(ind.palette[i], label, counts ? counts[i] || 0 : null);
        });
        rows.push(legendRow(WA.NO_DATA, WA.t('legendNoData'), counts ? counts[-1] || 0 : null));
        div.appendChild(WA.el('div', { className: 'wa-legend-classes' }, rows));
        div.appendChild(WA.el('div', { className: 'wa-legend-row' }, [
          WA.el('span', { className: 'wa-swatch wa-swatch-line' }), WA.t('legendDistricts')
        ]));
      }
    });
    return new Legend();
  };

  function legendRow(color, label, count) {
    return WA.el('div', { className: 'wa-legend-row' }, [
      WA.el('span', { className: 'wa-swatch', style: { background: color } }),
      WA.el('span', { className: 'wa-legend-label' }, [label]),
      count === null ? null : WA.el('span', { className: 'wa-legend-count' }, [String(count)])
    ]);
  }
})();
