// The page: loads the configuration and the three collections from this server, wires the
// controls (indicator, year, category, search, works filters, gaps layer, language) to the map
// and panel.
(function () {
  'use strict';
  var WA = window.WA;
  var $ = function (id) { return document.getElementById(id); };
  var LIMIT = 10000;

  var state = {
    indicator: 'poverty', year: null, baselineYear: null, category: 'road',
    showWorks: true, programme: 'all', showGaps: false, gapsCategory: 'road',
    categories: setOf(WA.termOrder('category')), statuses: setOf(WA.termOrder('status')),
    selected: null, // {kind: 'commune'|'work', id}
    vintage: -1, units: null // the vintage shown (index) and the day asked for it (null: the latest)
  };
  var data = {
    communes: null, communesUnits: null, communeRequests: 0, unitsRequests: 0, years: [], byYear: {},
    districts: {}, works: {}, config: {}, vintages: [], province: null, history: {}, gapsRequests: 0
  };
  var legend;

  function setOf(list) { var s = {}; list.forEach(function (x) { s[x] = true; }); return s; }

  function savedLang() {
    try { return localStorage.getItem('worksatlas.lang'); } catch (e) { return null; } // storage may be off
  }

  // ---- start ---------------------------------------------------------------------------

  readURL();
  WA.setLang(state.lang || savedLang() || 'vi');
  translatePage();
  if (typeof window.L === 'undefined') {
    fail(WA.t('errLeaflet'));
    return;
  }
  start();

  function start() {
    Promise.all([
      getJSON('config.json').catch(function (e) {
        showError(WA.t('errLoad', { what: WA.t('errConfig'), detail: e.message }));
        return {};
      }),
      getJSON('api/units/vintages').catch(function (e) {
        showError(WA.t('errLoad', { what: WA.t('errVintages'), detail: e.message }));
        return null;
      })
    ]).then(function (answers) {
      var config = answers[0];
      applyVintages(answers[1]);
      translatePage();
      data.config = config || {};
      showNotices(data.config.notices);
      WA.map.init($('map'), {
        tiles: data.config.tiles, attributions: data.config.attributions,
        onCommuneClick: function (f) { select('commune', f.id, false); },
        onWorkClick: function (f) { select('work', f.id, false); }
      });
      WA.map.leaflet().on('click', function () { select(null); });
      legend = WA.createLegend().addTo(WA.map.leaflet());
      if (WA.map.hasTiles()) $('tiles-box').hidden = false;
      buildControls();
      // The years of the vintage shown fill the year selector; without them the first answer
      // (no year) is the latest year, which sets its range.
      var wanted = state.year;
      state.year = null;
      var first = data.years.length ? (data.years.indexOf(wanted) >= 0 ? wanted : data.years[0]) : null;
      return Promise.all([loadCommunes(first), loadDistricts(), loadWorks(), loadGaps()]).then(function () {
        if (data.communes && wanted && wanted !== state.year && data.years.indexOf(wanted) >= 0) return loadCommunes(wanted);
      });
    }).then(function () {
      WA.map.fitToData();
      if (state.selected) select(state.selected.kind, state.selected.id, true);
      document.body.dataset.state = $('errors').hidden && data.communes ? 'ready' : 'error';
    }).catch(function (e) {
      fail(e.message);
    }).then(function () { $('loading').hidden = true; });
  }

  // ---- data ----------------------------------------------------------------------------

  // The vintages of units (oldest first): the switch lists them, the latest is shown unless the
  // URL names a day (#units=2019-12-31).
  function applyVintages(answer) {
    data.vintages = answer && Array.isArray(answer.vintages) ? answer.vintages : [];
    data.province = answer && answer.province && answer.province.name ? answer.province.name : null;
    var last = data.vintages.length - 1, wanted = state.units;
    state.vintage = last;
    if (wanted) {
      data.vintages.forEach(function (v, i) {
        if ((!v.valid_from || v.valid_from <= wanted) && (!v.valid_to || wanted <= v.valid_to)) state.vintage = i;
      });
    }
    state.units = unitsDay(state.vintage);
    data.years = vintageYears();
    $('units-box').hidden = data.vintages.length < 2;
  }

  // Any day inside the vintage: its first day, or its last for the first one (open start);
  // null for the latest, the server's default.
  function unitsDay(i) {
    var v = data.vintages[i];
    if (!v || i === data.vintages.length - 1) return null;
    return v.valid_from || v.valid_to || null;
  }

  // The vintage's statistics years, newest first ([] when the server does not say).
  function vintageYears() {
    var v = data.vintages[state.vintage];
    return v && Array.isArray(v.years) ? v.years.slice().sort(function (a, b) { return b - a; }) : [];
  }

  function unitsQuery() { return state.units ? '&units=' + encodeURIComponent(state.units) : ''; }

  // Shows the communes, districts and works of another vintage, in the same year when it has
  // figures there, else its latest year.
  function switchUnits(i) {
    if (i === state.vintage || !data.vintages[i]) return Promise.resolve();
    state.vintage = i;
    state.units = unitsDay(i);
    data.unitsRequests++;
    select(null);
    var years = vintageYears();
    if (years.length) data.years = years;
    fillSelect($('year'), data.years.map(function (y) { return [String(y), String(y)]; }));
    var year = data.years.indexOf(state.year) >= 0 ? state.year : (data.years[0] || null);
    document.body.dataset.state = 'loading';
    $('loading').hidden = false;
    return Promise.all([loadCommunes(year), loadDistricts(), loadWorks(), loadGaps()]).then(function () {
      if (i !== state.vintage) return;
      document.body.dataset.state = $('errors').hidden && data.communes ? 'ready' : 'error';
      $('loading').hidden = true;
    });
  }

  function loadCommunes(year) {
    var url = 'ogc/collections/communes/items?limit=' + LIMIT + (year ? '&year=' + encodeURIComponent(year) : '') + unitsQuery();
    var ticket = ++data.communeRequests; // a slow answer for a year or vintage no longer wanted is dropped
    var key = (state.units || 'latest') + ':' + year;
    if (year && data.byYear[key]) return Promise.resolve(applyCommunes(data.byYear[key]));
    $('loading').hidden = false;
    return getCollection(url).then(function (fc) {
      if (!fc.features.length) throw new Error(WA.t('errNoCommunes'));
      return ticket === data.communeRequests ? applyCommunes(fc) : fc;
    }).catch(function (e) {
      showError(WA.t('errLoad', { what: WA.t('errCommunes') + (year ? ' ' + year : ''), detail: e.message }));
      if (state.year) $('year').value = String(state.year); // still showing the year before
    }).then(function () { $('loading').hidden = true; });
  }

  function applyCommunes(fc) {
    var first = fc.features[0].properties || {};
    var year = typeof first.year === 'number' ? first.year : state.year;
    if (year) data.byYear[(state.units || 'latest') + ':' + year] = fc;
    state.year = year;
    if (typeof first.baseline_year === 'number') state.baselineYear = first.baseline_year;
    if (!data.years.length) {
      // The first answer is the latest year; the selector runs from the baseline year to it.
      var from = state.baselineYear || year, to = year;
      for (var y = to; y >= from && to - y < 50; y--) data.years.push(y);
    }
    if ($('year').options.length !== data.years.length) {
      fillSelect($('year'), data.years.map(function (y) { return [String(y), String(y)]; }), String(state.year));
    }
    $('year').value = String(state.year);
    var rebuild = !data.communes || data.communes.features.length !== fc.features.length ||
      data.communesUnits !== state.units;
    data.communes = fc;
    data.communesUnits = state.units;
    document.body.dataset.communes = String(fc.features.length);
    document.body.dataset.units = state.units || 'latest';
    data.communeIndex = {};
    fc.features.forEach(function (f) { data.communeIndex[String(f.id)] = f; });
    // Same communes in another year: redraw() swaps the properties under the existing shapes.
    if (rebuild) WA.map.setCommunes(fc, communeFill, communeTooltip);
    redraw();
    return fc;
  }

  function loadDistricts() {
    var ticket = data.unitsRequests;
    return getCollection('ogc/collections/districts/items?limit=' + LIMIT + unitsQuery()).then(function (fc) {
      if (ticket !== data.unitsRequests) return; // another vintage was chosen meanwhile
      data.districts = {};
      fc.features.forEach(function (f) { data.districts[String(f.id)] = f.properties || {}; });
      WA.map.setDistricts(fc);
    }).catch(function (e) {
      showError(WA.t('errLoad', { what: WA.t('errDistricts'), detail: e.message }));
    });
  }

  function loadWorks() {
    var ticket = data.unitsRequests;
    return getCollection('ogc/collections/works/items?limit=' + LIMIT + unitsQuery()).then(function (fc) {
      if (ticket !== data.unitsRequests) return;
      data.works = {};
      fc.features.forEach(function (f) { data.works[String(f.id)] = f; });
      WA.map.setWorks(fc);
      applyWorkFilters();
    }).catch(function (e) {
      showError(WA.t('errLoad', { what: WA.t('errWorks'), detail: e.message }));
    });
  }

  // The villages not served in the chosen category, on the units shown; nothing while hidden.
  function loadGaps() {
    var ticket = ++data.gapsRequests;
    if (!state.showGaps) {
      WA.map.setGaps(null);
      $('gaps-count').textContent = '';
      return Promise.resolve();
    }
    var url = 'api/gaps?category=' + encodeURIComponent(state.gapsCategory) + unitsQuery();
    return getJSON(url).then(function (fc) {
      if (ticket !== data.gapsRequests) return; // another category or vintage was chosen meanwhile
      if (!fc || !Array.isArray(fc.features)) throw new Error(WA.t('errNotGeoJSON'));
      var n = WA.map.setGaps(fc);
      $('gaps-count').textContent = WA.t('gapsShown', { n: WA.fmtNumber(n, 0) });
    }).catch(function (e) {
      showError(WA.t('errLoad', { what: WA.t('errGaps'), detail: e.message }));
    });
  }

  // Follows OGC API "next" links (same origin only) until the collection is complete.
  function getCollection(url) {
    var features = [];
    var page = function (u, n) {
      return getJSON(u).then(function (fc) {
        if (!fc || !Array.isArray(fc.features)) throw new Error(WA.t('errNotGeoJSON'));
        Array.prototype.push.apply(features, fc.features);
        var next = (fc.links || []).filter(function (l) { return l && l.rel === 'next' && l.href; })[0];
        if (next && n < 1000) {
          var nu = new URL(next.href, location.href);
          if (nu.origin === location.origin) return page(nu.href, n + 1);
        }
        return { type: 'FeatureCollection', features: features };
      });
    };
    return page(url, 0);
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json, application/json' } }).then(function (r) {
      if (r.ok) return r.json();
      return r.text().then(function (body) {
        var detail = '';
        try { var p = JSON.parse(body); detail = p.detail || p.title || ''; } catch (e) { /* not JSON */ }
        throw new Error('HTTP ' + r.status + (detail ? ' — ' + detail : '') + ' (' + url.split('?')[0] + ')');
      });
    }, function (e) {
      throw new Error(WA.t('errNetwork') + (e && e.message ? ' (' + e.message + ')' : ''));
    });
  }

  // ---- drawing -------------------------------------------------------------------------

  function communeValue(f) {
    return WA.indicators[state.indicator].value(f.properties || {}, state.category);
  }

  function communeFill(f) { return WA.fillColor(WA.indicators[state.indicator], communeValue(f)); }

  function communeTooltip(f) {
    var current = data.communeIndex[String(f.id)] || f, v = communeValue(current);
    var shown = v === null ? WA.t('legendNoData')
      : WA.fmtNumber(v, state.indicator === 'change' ? 2 : 1) + WA.indicators[state.indicator].unit;
    return (current.properties.name || f.id) + ' — ' + shown;
  }

  function redraw() {
    WA.map.restyleCommunesFrom(data.communeIndex || {}, communeFill);
    var counts = {}, ind = WA.indicators[state.indicator];
    ((data.communes && data.communes.features) || []).forEach(function (f) {
      var c = WA.classOf(ind, communeValue(f));
      counts[c] = (counts[c] || 0) + 1;
    });
    legend.update(state, counts);
    $('category-box').hidden = state.indicator !== 'coverage';
    refreshPanel();
    writeURL();
  }

  function applyWorkFilters() {
    var shown = WA.map.filterWorks(state.showWorks, function (p) {
      return (state.programme === 'all' || p.programme === state.programme) &&
        state.categories[p.category] === true && state.statuses[p.status] === true;
    });
    $('works-count').textContent = WA.t('worksShown', { n: WA.fmtNumber(shown, 0), total: WA.fmtNumber(WA.map.worksTotal(), 0) });
    redraw();
  }

  // ---- selection and panel -------------------------------------------------------------

  function select(kind, id, zoom) {
    state.selected = kind ? { kind: kind, id: String(id) } : null;
    var f = kind === 'commune' ? data.communeIndex && data.communeIndex[String(id)]
      : kind === 'work' ? data.works[String(id)] : null;
    if (kind && !f) state.selected = null;
    refreshPanel();
    WA.map.select(f || null, zoom, $('panel').hidden ? 0 : $('panel').offsetWidth + 10, kind === 'work');
    writeURL();
  }

  function refreshPanel() {
    var s = state.selected, body = $('panel-body');
    var f = s && (s.kind === 'commune' ? data.communeIndex && data.communeIndex[s.id] : data.works[s.id]);
    $('panel').hidden = !f;
    if (!f) return;
    var ctx = {
      communeName: function (code) { var c = data.communeIndex && data.communeIndex[String(code)]; return c ? c.properties.name : null; },
      districtName: function (code) { var d = data.districts[String(code)]; return d ? d.name : null; },
      history: s.kind === 'commune' ? unitHistory(s.id) : null
    };
    if (s.kind === 'commune') WA.panel.showCommune(body, f.properties || {}, ctx);
    else WA.panel.showWork(body, f.properties || {}, ctx);
  }

  // A commune's history on the units shown (cached); the panel is drawn again when it arrives.
  function unitHistory(code) {
    var key = (state.units || 'latest') + ':' + code;
    if (data.history[key]) return data.history[key].value;
    var entry = data.history[key] = { value: null };
    getJSON('api/units/' + encodeURIComponent(code) + '/history' + (state.units ? '?units=' + encodeURIComponent(state.units) : ''))
      .then(function (h) { entry.value = h; }, function (e) {
        entry.value = { error: WA.t('historyFailed', { detail: e.message }) };
      }).then(function () {
        var s = state.selected;
        if (s && s.kind === 'commune' && s.id === code && key === (state.units || 'latest') + ':' + code) refreshPanel();
      });
    return null;
  }

  // ---- controls ------------------------------------------------------------------------

  function buildControls() {
    fillControlsText();
    $('indicator').addEventListener('change', function () { state.indicator = this.value; redraw(); });
    $('category').addEventListener('change', function () { state.category = this.value; redraw(); });
    $('year').addEventListener('change', function () { loadCommunes(Number(this.value)); });
    $('units').addEventListener('change', function () { switchUnits(Number(this.value)); });
    $('programme').addEventListener('change', function () { state.programme = this.value; applyWorkFilters(); });
    $('show-works').addEventListener('change', function () { state.showWorks = this.checked; applyWorkFilters(); });
    $('show-gaps').addEventListener('change', function () { state.showGaps = this.checked; loadGaps(); writeURL(); });
    $('gaps-category').addEventListener('change', function () { state.gapsCategory = this.value; loadGaps(); writeURL(); });
    $('show-tiles').addEventListener('change', function () { WA.map.setTilesVisible(this.checked); });
    $('panel-close').addEventListener('click', function () { select(null); });
    $('lang').addEventListener('click', function () {
      WA.setLang(WA.lang === 'vi' ? 'en' : 'vi');
      try { localStorage.setItem('worksatlas.lang', WA.lang); } catch (e) { /* private mode */ }
      translatePage();
      fillControlsText();
      applyWorkFilters();
    });
    WA.search.init($('search'), $('search-results'), function () { return data.communes ? data.communes.features : []; },
      function (f) { select('commune', f.id, true); });
  }

  // Options and checkbox labels depend on the language, so they are rebuilt on a switch.
  function fillControlsText() {
    var last = data.vintages.length - 1;
    fillSelect($('units'), data.vintages.map(function (v, i) {
      var year = (v.valid_from || '').slice(0, 4);
      var name = i === 0 && !v.valid_from
        ? WA.t('unitsBefore', { year: v.valid_to ? Number(v.valid_to.slice(0, 4)) + 1 : '…' })
        : i === last ? WA.t('unitsToday', { year: year }) : year;
      return [String(i), name + ' · ' + WA.t('unitsCount', { n: WA.fmtNumber(v.communes, 0) })];
    }), String(state.vintage));
    fillSelect($('indicator'), ['poverty', 'change', 'coverage'].map(function (k) { return [k, WA.t('ind_' + k)]; }), state.indicator);
    fillSelect($('category'), WA.termOrder('category').map(function (c) { return [c, WA.term('category', c)]; }), state.category);
    fillSelect($('gaps-category'), WA.termOrder('category').map(function (c) { return [c, WA.term('category', c)]; }), state.gapsCategory);
    $('show-gaps').checked = state.showGaps;
    fillSelect($('programme'), [['all', WA.t('all')]].concat(WA.termOrder('programme').map(function (c) {
      return [c, WA.term('programme', c)];
    })), state.programme);
    fillChecks($('category-filters'), 'category', state.categories, true);
    fillChecks($('status-filters'), 'status', state.statuses, false);
    $('show-works').checked = state.showWorks;
  }

  function fillSelect(select, options, value) {
    WA.clear(select);
    options.forEach(function (o) { select.appendChild(WA.el('option', { value: o[0] }, [o[1]])); });
    if (value !== undefined && value !== null) select.value = value;
  }

  function fillChecks(box, group, chosen, withColour) {
    WA.clear(box);
    WA.termOrder(group).forEach(function (code) {
      var input = WA.el('input', { type: 'checkbox', checked: chosen[code] === true, value: code });
      input.addEventListener('change', function () { chosen[code] = this.checked; applyWorkFilters(); });
      box.appendChild(WA.el('label', { className: 'wa-check' }, [
        input,
        withColour ? WA.el('span', { className: 'wa-dot', style: { background: WA.categoryColors[code] } }) : null,
        WA.term(group, code)
      ]));
    });
  }

  function translatePage() {
    document.querySelectorAll('[data-i18n]').forEach(function (n) { n.textContent = WA.t(n.dataset.i18n); });
    $('lang').textContent = WA.t('switchLang');
    $('search').placeholder = WA.t('searchPlaceholder');
    $('panel-close').title = WA.t('close');
    // The province the database holds, without its "Tỉnh"/"Thành phố" prefix.
    var province = data.province ? data.province.replace(/^(Tỉnh|Thành phố)\s+/, '') : null;
    $('title').textContent = province ? WA.t('titleOf', { province: province }) : WA.t('title');
    document.title = 'WorksAtlas — ' + $('title').textContent;
  }

  // ---- notices and errors --------------------------------------------------------------

  function showNotices(notices) {
    var list = (Array.isArray(notices) ? notices : []).filter(function (n) { return typeof n === 'string' && n; });
    var box = WA.clear($('notices'));
    list.forEach(function (n) { box.appendChild(WA.el('div', null, ['⚠ ' + n])); });
    box.hidden = !list.length;
  }

  function showError(message) {
    var box = $('errors');
    if (box.hidden) {
      WA.clear(box);
      var retry = WA.el('button', { type: 'button', className: 'wa-retry' }, [WA.t('retry')]);
      retry.addEventListener('click', function () { location.reload(); });
      box.appendChild(retry);
    }
    box.appendChild(WA.el('div', null, [message]));
    box.hidden = false;
    document.body.dataset.state = 'error';
  }

  function fail(message) {
    showError(message);
    $('loading').hidden = true;
  }

  // ---- what the officers' forms (map-officer.js) need of the page --------------------------

  WA.app = {
    reloadWorks: function () { return loadWorks(); },
    selectWork: function (id) { select('work', id, false); },
    refreshPanel: function () { refreshPanel(); },
    communeName: function (code) {
      var c = data.communeIndex && data.communeIndex[String(code)];
      return c ? c.properties.name : null;
    }
  };

  // ---- URL (#indicator=coverage&category=health&year=2018&lang=en&commune=06163) ------------

  function readURL() {
    var q = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (WA.indicators[q.get('indicator')]) state.indicator = q.get('indicator');
    if (WA.termOrder('category').indexOf(q.get('category')) >= 0) state.category = q.get('category');
    if (/^\d{4}$/.test(q.get('year') || '')) state.year = Number(q.get('year'));
    if (/^\d{4}-\d{2}-\d{2}$/.test(q.get('units') || '')) state.units = q.get('units');
    if (WA.languages.indexOf(q.get('lang')) >= 0) state.lang = q.get('lang');
    if (q.get('works') === '0') state.showWorks = false;
    if (WA.termOrder('category').indexOf(q.get('gaps')) >= 0) { state.showGaps = true; state.gapsCategory = q.get('gaps'); }
    if (q.get('commune')) state.selected = { kind: 'commune', id: q.get('commune') };
    else if (q.get('work')) state.selected = { kind: 'work', id: q.get('work') };
  }

  function writeURL() {
    var q = new URLSearchParams();
    q.set('indicator', state.indicator);
    if (state.indicator === 'coverage') q.set('category', state.category);
    if (state.year) q.set('year', String(state.year));
    if (state.units) q.set('units', state.units);
    q.set('lang', WA.lang);
    if (!state.showWorks) q.set('works', '0');
    if (state.showGaps) q.set('gaps', state.gapsCategory);
    if (state.selected) q.set(state.selected.kind, state.selected.id);
    history.replaceState(null, '', '#' + q.toString());
  }
})();
