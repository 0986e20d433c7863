// The details panel: what a planner sees after clicking a commune or a work.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var el = WA.el, t = function (k, v) { return WA.t(k, v); };

  WA.panel = {
    // ctx: {communeName(code) → name or null, districtName(code) → name or null,
    //       history: /api/units/{code}/history, null while loading, or {error: message}}
    showCommune: function (body, p, ctx) {
      WA.clear(body);
      var type = WA.term('unit_type', p.type);
      body.appendChild(el('h2', null, [p.name || p.code]));
      body.appendChild(el('p', { className: 'wa-sub' }, [
        (p.type ? type + ' · ' : '') + t('code') + ' ' + (p.code || '—')
      ]));
      body.appendChild(table([
        [t('district'), (p.district_name || '—') + (p.district_code ? ' (' + p.district_code + ')' : '')]
      ]));

      body.appendChild(el('h3', null, [t('classifications')]));
      var flags = WA.termOrder('flag').filter(function (f) { return p[f] === true; });
      body.appendChild(el('div', { className: 'wa-badges' }, flags.length
        ? flags.map(function (f) { return el('span', { className: 'wa-badge wa-badge-' + f }, [WA.term('flag', f)]); })
        : [el('span', { className: 'wa-muted' }, [t('noClassification')])]));

      body.appendChild(el('h3', null, [t('statsOf', { year: p.year === null || p.year === undefined ? '—' : p.year })]));
      var target = typeof p.p1_target_points === 'number' ? WA.fmtNumber(p.p1_target_points, 0) : '…';
      var change = typeof p.poverty_change_points_per_year === 'number'
        ? t('pointsPerYear', { v: WA.fmtNumber(p.poverty_change_points_per_year, 2) }) : '—';
      body.appendChild(table([
        [t('households'), WA.fmtNumber(p.households, 0)],
        [t('poorHouseholds'), WA.fmtNumber(p.poor_households, 0)],
        [t('nearPoorHouseholds'), WA.fmtNumber(p.near_poor_households, 0)],
        [t('povertyRate'), WA.fmtShare(p.poverty_rate, 2)],
        [t('baseline', { year: p.baseline_year === null || p.baseline_year === undefined ? '…' : p.baseline_year }),
          WA.fmtShare(p.poverty_rate_baseline, 2)],
        [t('change'), change],
        [t('p1', { t: target }), el('span', { className: 'wa-status wa-status-' + (p.p1_status || 'no_data') },
          [WA.term('target_status', p.p1_status || 'no_data')])]
      ]));

      history(body, ctx.history);

      body.appendChild(el('h3', null, [t('coverageAndWorks')]));
      var rows = WA.termOrder('category').map(function (c) {
        var cov = p['coverage_' + c];
        return el('tr', null, [
          el('td', null, [el('span', { className: 'wa-dot', style: { background: WA.categoryColors[c] } }), WA.term('category', c)]),
          el('td', { className: 'num' }, [WA.fmtShare(cov, 0)]),
          el('td', { className: 'wa-bar-cell' }, [bar(cov)]),
          el('td', { className: 'num' }, [WA.fmtNumber(p['works_' + c], 0)])
        ]);
      });
      body.appendChild(el('table', { className: 'wa-table wa-coverage' }, [
        el('thead', null, [el('tr', null, [
          el('th', null, [t('category')]), el('th', { className: 'num' }, [t('coverage')]), el('th'),
          el('th', { className: 'num' }, [t('count')])
        ])]),
        el('tbody', null, rows)
      ]));
      if (p.coverage_centroid === true) body.appendChild(el('p', { className: 'wa-note' }, [t('centroidNote')]));

      body.appendChild(el('h3', null, [t('worksByStatus')]));
      body.appendChild(table(WA.termOrder('status').map(function (s) {
        return [WA.term('status', s), WA.fmtNumber(p['works_' + s], 0)];
      }), 'wa-compact'));

      body.appendChild(el('h3', null, [t('investment')]));
      var share = p.planned_vnd > 0 && typeof p.disbursed_vnd === 'number'
        ? ' (' + WA.fmtShare(p.disbursed_vnd / p.planned_vnd, 0) + ')' : '';
      body.appendChild(table([
        [t('planned'), WA.fmtVND(p.planned_vnd)],
        [t('disbursed'), WA.fmtVND(p.disbursed_vnd) + share]
      ]));
      split(body, p, 'byProgramme', 'programme', 'planned_programme_', 'disbursed_programme_');
      split(body, p, 'bySource', 'source', 'planned_source_', 'disbursed_source_');
      roads(body, p);
    },

    showWork: function (body, p, ctx) {
      WA.clear(body);
      body.appendChild(el('h2', null, [p.name || p.id]));
      body.appendChild(el('p', { className: 'wa-sub' }, [
        el('span', { className: 'wa-dot', style: { background: WA.categoryColors[p.category] || WA.categoryColors.other } }),
        WA.term('category', p.category) + ' · ' + t('id') + ' ' + (p.id || '—')
      ]));
      var commune = function (code) {
        if (!code) return '—';
        var name = ctx.communeName(code);
        return name ? name + ' (' + code + ')' : code;
      };
      var district = p.district_code
        ? (ctx.districtName(p.district_code) || '') + ' (' + p.district_code + ')' : '—';
      var villages = Array.isArray(p.villages_served) ? p.villages_served
        : (p.villages_served ? String(p.villages_served).split(';').filter(Boolean) : []);
      var rows = [
        [t('programme'), WA.term('programme', p.programme)],
        [t('status'), el('span', { className: 'wa-status wa-status-' + p.status }, [WA.term('status', p.status)])]
      ];
      if (p.category === 'road' || p.surface || p.road_class) {
        rows.push([t('surface'), WA.term('surface', p.surface)]);
        rows.push([t('roadClass'), WA.term('road_class', p.road_class)]);
      }
      if (typeof p.length_m === 'number') rows.push([t('length'), WA.fmtMetres(p.length_m)]);
      rows.push([t('communeOf'), commune(p.commune_code)]);
      rows.push([t('district'), district]);
      if (p.commune_disagrees === true) {
        rows.push([t('declaredCommune'), el('span', { className: 'wa-warn' },
          [commune(p.declared_commune_code) + ' — ' + t('disagrees')])]);
      }
      rows.push([t('exactness'), WA.term('exactness', p.exactness)]);
      if (typeof p.accuracy_m === 'number') rows.push([t('accuracy'), WA.fmtNumber(p.accuracy_m, 1) + ' m']);
      rows.push([t('villagesServed'), villages.length ? villages.join(', ') : '—']);
      rows.push([t('approvedOn'), p.approved_on || '—']);
      rows.push([t('startedOn'), p.started_on || '—']);
      rows.push([t('completedOn'), p.completed_on || '—']);
      rows.push([t('investor'), WA.term('investor', p.investor)]);
      rows.push([t('planned'), WA.fmtVND(p.planned_vnd)]);
      rows.push([t('disbursed'), WA.fmtVND(p.disbursed_vnd)]);
      body.appendChild(table(rows));
    }
  };

  // The poverty rate of every year on these units, and where the commune came from and went.
  function history(body, h) {
    body.appendChild(el('h3', null, [t('povertyChart')]));
    var box = el('div', { className: 'wa-history' });
    body.appendChild(box);
    if (!h) { box.appendChild(el('p', { className: 'wa-muted' }, [t('loading')])); return; }
    if (h.error) { box.appendChild(el('p', { className: 'wa-warn' }, [h.error])); return; }
    box.appendChild(WA.povertyChart((h.poverty || []).map(function (p) {
      return { year: p.year, rate: p.poverty_rate, estimated: p.estimated === true };
    })));
    var basis = {};
    (h.poverty || []).forEach(function (p) {
      String(p.basis || '').split(',').filter(Boolean).forEach(function (b) { basis[b] = true; });
    });
    if (Object.keys(basis).length) {
      box.appendChild(el('p', { className: 'wa-note' }, [t('estimatedNote', {
        basis: Object.keys(basis).sort().map(function (b) { return t('basis_' + b); }).join(', ')
      })]));
    }
    body.appendChild(el('h3', null, [t('unitHistory')]));
    body.appendChild(table([
      [t('formedFrom'), links(h.formed_from)],
      [t('became'), links(h.became)]
    ], 'wa-succession'));
  }

  function links(list) {
    if (!Array.isArray(list) || !list.length) return '—';
    return el('ul', { className: 'wa-links' }, list.map(function (s) {
      var how = s.relation === 'part'
        ? t('part') + (typeof s.share === 'number' ? '\u00a0' + WA.fmtShare(s.share, 0).replace(' ', '\u00a0') : '')
        : t('whole');
      return el('li', null, [
        (s.name || s.code) + ' (' + s.code + ')',
        el('span', { className: 'wa-muted' }, [' — ' + how + ', ' + WA.fmtDate(s.effective_on)])
      ]);
    }));
  }

  // Planned and disbursed per programme or per source, only the groups with money.
  function split(body, p, heading, group, plannedPrefix, disbursedPrefix) {
    var codes = WA.termOrder(group).concat(group === 'source' ? ['unspecified'] : []);
    var rows = codes.filter(function (c) {
      return p[plannedPrefix + c + '_vnd'] > 0 || p[disbursedPrefix + c + '_vnd'] > 0;
    }).map(function (c) {
      var label = c === 'unspecified' ? '—' : WA.term(group, c);
      return [label, WA.fmtVND(p[plannedPrefix + c + '_vnd']) + ' / ' + WA.fmtVND(p[disbursedPrefix + c + '_vnd'])];
    });
    if (!rows.length) return;
    body.appendChild(el('h4', null, [t(heading) + ' (' + t('planned') + ' / ' + t('disbursed') + ')']));
    body.appendChild(table(rows, 'wa-compact'));
  }

  // Built road length by surface, in km, and the hardened share (the new-rural criterion).
  function roads(body, p) {
    body.appendChild(el('h3', null, [t('roads')]));
    if (!(p.road_length_m > 0)) { body.appendChild(el('p', { className: 'wa-muted' }, [t('noRoads')])); return; }
    var km = function (m) { return WA.fmtNumber((m || 0) / 1000, 2); };
    var rows = WA.termOrder('surface').filter(function (s) { return p['road_length_' + s + '_m'] > 0; })
      .map(function (s) { return [WA.term('surface', s), km(p['road_length_' + s + '_m'])]; });
    if (p.road_length_unknown_surface_m > 0) rows.push([t('surfaceUnknown'), km(p.road_length_unknown_surface_m)]);
    rows.push([t('roadTotal'), km(p.road_length_m)]);
    rows.push([t('hardenedShare'), WA.fmtShare(p.road_hardened_share, 0)]);
    body.appendChild(table(rows, 'wa-compact'));
  }

  function table(rows, extraClass) {
    return el('table', { className: 'wa-table' + (extraClass ? ' ' + extraClass : '') }, [
      el('tbody', null, rows.map(function (r) {
        return el('tr', null, [el('th', { scope: 'row' }, [r[0]]), el('td', null, [r[1]])]);
      }))
    ]);
  }

  function bar(share) {
    var pct = typeof share === 'number' ? Math.max(0, Math.min(1, share)) * 100 : 0;
    return el('span', { className: 'wa-bar' }, [el('span', { style: { width: pct.toFixed(1) + '%' } })]);
  }
})();
