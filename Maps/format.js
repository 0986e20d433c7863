// Small helpers: diacritic folding for search, number formatting per language, and a DOM
// builder that only ever sets text (data from the server is never parsed as HTML).
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});

  // "Đình Lập" → "dinh lap": NFD, strip combining marks, đ → d, lower case, single spaces.
  WA.fold = function (s) {
    return String(s || '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  };

  function seps() {
    return WA.lang === 'vi' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
  }

  // 1234567.891 → "1.234.567,89" (vi) or "1,234,567.89" (en); null → "—".
  WA.fmtNumber = function (n, decimals) {
    if (n === null || n === undefined || typeof n !== 'number' || !isFinite(n)) return '—';
    var s = seps();
    var fixed = Math.abs(n).toFixed(decimals || 0);
    var parts = fixed.split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, s.group);
    var sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
    return sign + whole + (parts[1] ? s.decimal + parts[1] : '');
  };

  // Amounts are integers in đồng.
  WA.fmtVND = function (n) {
    if (n === null || n === undefined) return '—';
    return WA.fmtNumber(n, 0) + ' ' + WA.t('currency');
  };

  // A share 0–1 as a percentage.
  WA.fmtShare = function (x, decimals) {
    if (x === null || x === undefined || typeof x !== 'number') return '—';
    return WA.fmtNumber(x * 100, decimals === undefined ? 1 : decimals) + ' %';
  };

  // 2025-07-01 → "01/07/2025" (vi) or "2025-07-01" (en).
  WA.fmtDate = function (iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return iso || '—';
    return WA.lang === 'vi' ? m[3] + '/' + m[2] + '/' + m[1] : iso;
  };

  WA.fmtMetres = function (m) {
    if (m === null || m === undefined) return '—';
    return m >= 1000 ? WA.fmtNumber(m / 1000, 2) + ' km' : WA.fmtNumber(m, 0) + ' m';
  };

  // el('td', {className: 'num'}, ['text', otherNode]) — strings become text nodes.
  WA.el = function (tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'style') Object.assign(node.style, props.style);
        else if (k === 'dataset') Object.assign(node.dataset, props.dataset);
        else node[k] = props[k];
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  };

  WA.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };
})();
