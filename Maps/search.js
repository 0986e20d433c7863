// Commune search by name, ignoring diacritics and case: "Binh Gia" finds "Bình Gia",
// "dinh lap" finds "Đình Lập". A 5-digit code finds the commune too.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var MAX = 8;
  var PREFIX = /^(xa|phuong|thi tran) /;

  // Best matches first: name (without "Xã"/"Phường"/"Thị trấn") starting with the query,
  // then a word starting with it, then anywhere in the name.
  WA.searchCommunes = function (features, query) {
    var q = WA.fold(query);
    if (!q) return [];
    var hits = [];
    features.forEach(function (f) {
      var p = f.properties || {};
      var name = WA.fold(p.name), bare = name.replace(PREFIX, '');
      var rank = bare.indexOf(q) === 0 || name.indexOf(q) === 0 ? 0
        : (' ' + name).indexOf(' ' + q) >= 0 ? 1
        : name.indexOf(q) >= 0 ? 2
        : String(f.id).indexOf(q) === 0 ? 3 : -1;
      if (rank >= 0) hits.push({ rank: rank, name: bare, feature: f });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
    return hits.slice(0, MAX).map(function (h) { return h.feature; });
  };

  WA.search = {
    // input: the text box; list: the <ul> of results; features(): the communes; pick(feature).
    init: function (input, list, features, pick) {
      var results = [], active = -1;

      function render() {
        WA.clear(list);
        if (!input.value.trim()) { list.hidden = true; return; }
        if (!results.length) {
          list.appendChild(WA.el('li', { className: 'wa-none' }, [WA.t('searchNone')]));
        }
        results.forEach(function (f, i) {
          var p = f.properties || {};
          var li = WA.el('li', { role: 'option', className: i === active ? 'active' : '' }, [
            WA.el('span', null, [p.name || String(f.id)]),
            WA.el('small', null, [p.district_name || ''])
          ]);
          li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
          list.appendChild(li);
        });
        list.hidden = false;
      }

      function choose(i) {
        var f = results[i];
        if (!f) return;
        input.value = (f.properties && f.properties.name) || String(f.id);
        results = []; active = -1;
        list.hidden = true;
        pick(f);
      }

      input.addEventListener('input', function () {
        results = WA.searchCommunes(features(), input.value);
        active = results.length ? 0 : -1;
        render();
      });
      input.addEventListener('keydown', function (e) {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          if (!results.length) return;
          active = (active + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
          render();
          e.preventDefault();
        } else if (e.key === 'Enter') {
          choose(active < 0 ? 0 : active);
          e.preventDefault();
        } else if (e.key === 'Escape') {
          list.hidden = true;
        }
      });
      input.addEventListener('blur', function () { list.hidden = true; });
      input.addEventListener('focus', function () { if (results.length) render(); });
    }
  };
})();
