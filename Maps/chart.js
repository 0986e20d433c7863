// A small line chart of a commune's poverty rate by year, drawn as inline SVG with the DOM (no
// library). Recorded years are filled markers, estimated ones (rolled up from divided older
// communes) hollow; the y axis is in percent and starts at 0.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var NS = 'http://www.w3.org/2000/svg';
  var W = 320, H = 150, M = { left: 40, right: 12, top: 10, bottom: 24 };
  var COLOR = '#d7301f';

  function svg(tag, attrs, children) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  // A round step for the y axis: 1, 2, 5, 10, 20 … points, about four ticks.
  function step(max) {
    var raw = max / 4, base = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var m = raw / base;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * base;
  }

  // points: [{year, rate (0–1), estimated}]; returns a <figure> (an empty note when no point has a rate).
  WA.povertyChart = function (points) {
    var shown = (points || []).filter(function (p) { return typeof p.rate === 'number' && isFinite(p.rate); })
      .sort(function (a, b) { return a.year - b.year; });
    if (!shown.length) return WA.el('p', { className: 'wa-muted' }, [WA.t('legendNoData')]);
    var first = shown[0].year, last = shown[shown.length - 1].year;
    var top = Math.max.apply(null, shown.map(function (p) { return p.rate * 100; }));
    var dy = step(Math.max(top, 1)), ymax = Math.ceil(top / dy) * dy || dy;
    if (ymax - top < dy * 0.15) ymax += dy; // room above the highest marker
    var iw = W - M.left - M.right, ih = H - M.top - M.bottom;
    var x = function (year) { return M.left + (last === first ? iw / 2 : (year - first) / (last - first) * iw); };
    var y = function (pct) { return M.top + ih - pct / ymax * ih; };

    var chart = svg('svg', {
      class: 'wa-chart', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img',
      'aria-label': WA.t('povertyChart')
    });
    for (var v = 0; v <= ymax + 1e-9; v += dy) {
      chart.appendChild(svg('line', { class: 'wa-chart-grid', x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
      chart.appendChild(svg('text', { class: 'wa-chart-label', x: M.left - 5, y: y(v) + 3.5, 'text-anchor': 'end' },
        [WA.fmtNumber(v, dy < 1 ? 1 : 0) + ' %']));
    }
    var every = shown.length > 6 ? 2 : 1;
    shown.forEach(function (p, i) {
      if ((shown.length - 1 - i) % every !== 0) return; // counted from the last year, which is always labelled
      chart.appendChild(svg('text', { class: 'wa-chart-label', x: x(p.year), y: H - 6, 'text-anchor': 'middle' },
        [String(p.year)]));
    });
    chart.appendChild(svg('polyline', {
      class: 'wa-chart-line', fill: 'none', stroke: COLOR,
      points: shown.map(function (p) { return x(p.year).toFixed(1) + ',' + y(p.rate * 100).toFixed(1); }).join(' ')
    }));
    shown.forEach(function (p) {
      var label = p.year + ': ' + WA.fmtShare(p.rate, 1) + (p.estimated ? ' (' + WA.t('estimated') + ')' : '');
      chart.appendChild(svg('circle', {
        class: 'wa-chart-point' + (p.estimated ? ' wa-chart-estimated' : ''), cx: x(p.year).toFixed(1),
        cy: y(p.rate * 100).toFixed(1), r: 3.5, stroke: COLOR, 'stroke-width': 1.6,
        fill: p.estimated ? '#ffffff' : COLOR, 'data-year': p.year
      }, [svg('title', null, [label])]));
    });

    var legend = [
      WA.el('span', null, [marker(false), WA.t('recorded')])
    ];
    if (shown.some(function (p) { return p.estimated; })) {
      legend.push(WA.el('span', null, [marker(true), WA.t('estimated')]));
    }
    return WA.el('figure', { className: 'wa-chart-box' }, [chart, WA.el('figcaption', null, legend)]);
  };

  function marker(hollow) {
    return svg('svg', { width: 12, height: 12, viewBox: '0 0 12 12', class: 'wa-chart-key' }, [
      svg('circle', { cx: 6, cy: 6, r: 3.5, stroke: COLOR, 'stroke-width': 1.6, fill: hollow ? '#ffffff' : COLOR })
    ]);
  }
})();
