// "Công trình của tôi" / "My works": the works inside the officer's unit (province editors and
// admins: all), read from the OGC works collection (district editors through its district
// filter, commune editors by the commune each work lies in), filterable by programme, category
// and status, sortable by any column; each name opens the work on the map (/#work=ID).
(function () {
  'use strict';
  var WA = window.WA, O = WA.officer, el = O.el;
  var columns = [
    { key: 'id', label: 'colId' }, { key: 'name', label: 'colName' },
    { key: 'programme', label: 'programme', term: 'programme' }, { key: 'category', label: 'category', term: 'category' },
    { key: 'status', label: 'status', term: 'status' }, { key: 'commune_code', label: 'colCommune' },
    { key: 'completed_on', label: 'colCompleted' }
  ];
  var works = [];
  var sort = { key: 'id', ascending: true };
  var me = null;

  function $(id) { return document.getElementById(id); }

  function unitQuery() {
    return me.role === 'district_editor' ? '&district=' + encodeURIComponent(me.unit) : '';
  }

  function mine(feature) {
    return me.role !== 'commune_editor' || feature.properties.commune_code === me.unit;
  }

  // Every page of the collection, following its next links (same origin only).
  function load(url, into) {
    return fetch(url, { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (page) {
      page.features.forEach(function (f) { if (mine(f)) into.push(f.properties); });
      var next = (page.links || []).filter(function (l) { return l.rel === 'next'; })[0];
      if (!next) return into;
      var nu = new URL(next.href, location.href);
      return nu.origin === location.origin ? load(nu.pathname + nu.search, into) : into;
    });
  }

  function fillSelect(id, group) {
    var select = $(id), chosen = select.value;
    O.clear(select).appendChild(el('option', { value: '' }, O.t('filterAll')));
    WA.termOrder(group).forEach(function (code) { select.appendChild(el('option', { value: code }, WA.term(group, code))); });
    select.value = chosen;
  }

  function shown(work, column) {
    var v = work[column.key];
    return column.term ? WA.term(column.term, v) : (v === null || v === undefined || v === '' ? '—' : String(v));
  }

  function renderHead() {
    var row = O.clear($('works-table').tHead.rows[0]);
    columns.forEach(function (c) {
      var active = sort.key === c.key;
      var button = el('button', { type: 'button', class: 'wa-sort', 'aria-label': O.t('sortBy', { column: O.t(c.label) }) },
        [O.t(c.label), active ? (sort.ascending ? ' ▲' : ' ▼') : '']);
      button.addEventListener('click', function () {
        sort = { key: c.key, ascending: active ? !sort.ascending : true };
        render();
        row.cells[columns.indexOf(c)].firstChild.focus();
      });
      row.appendChild(el('th', { scope: 'col', 'aria-sort': active ? (sort.ascending ? 'ascending' : 'descending') : 'none' }, button));
    });
  }

  function render() {
    var filters = { programme: $('f-programme').value, category: $('f-category').value, status: $('f-status').value };
    var column = columns.filter(function (c) { return c.key === sort.key; })[0];
    var rows = works.filter(function (w) {
      return Object.keys(filters).every(function (k) { return !filters[k] || w[k] === filters[k]; });
    }).sort(function (a, b) {
      var x = shown(a, column), y = shown(b, column);
      var order = x.localeCompare(y, WA.lang, { numeric: true }) || a.id.localeCompare(b.id);
      return sort.ascending ? order : -order;
    });
    renderHead();
    var body = O.clear($('works-table').tBodies[0]);
    rows.forEach(function (w) {
      body.appendChild(el('tr', {}, columns.map(function (c) {
        if (c.key === 'name') return el('td', {}, el('a', { href: '/#work=' + encodeURIComponent(w.id) }, w.name));
        return el('td', {}, shown(w, c));
      })));
    });
    $('status').textContent = O.t('worksCount', { n: rows.length });
    $('works-table').hidden = false;
  }

  O.start('worksTitle', function (who, again) {
    me = who;
    ['f-programme', 'f-category', 'f-status'].forEach(function (id) { fillSelect(id, id.slice(2)); });
    $('works-scope').textContent = me.role === 'province_editor' || me.role === 'admin' ? O.t('worksAll') : O.t('worksIntro');
    if (again) { if (works.length) render(); return; }
    $('works-filters').hidden = false;
    $('works-filters').addEventListener('change', render);
    $('works-filters').addEventListener('submit', function (e) { e.preventDefault(); });
    $('status').textContent = O.t('loadingWorks');
    load('/ogc/collections/works/items?limit=10000' + unitQuery(), []).then(function (list) {
      works = list;
      render();
    }, function () { $('status').textContent = O.t('networkFailed'); });
  });
})();
