// The add/edit form of a work: every field with its label, allowed values from the served
// vocabularies, funding lines by source, the location (geometry-input.js) with the commune the
// server derives from it before saving, and each refusal of the API shown beside its field.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var el = WA.el, o = function () { return WA.officer; };

  // Where a field's refusal is shown: the API's field names that share one control.
  var ERROR_HOME = {
    commune_code: 'declared_commune_code', geometry: 'location', planned_vnd: 'funding', disbursed_vnd: 'funding'
  };
  function homeOf(field) {
    if (/^(planned|disbursed)_\w+_vnd$/.test(field)) return 'funding';
    return ERROR_HOME[field] || field;
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  // A suggested id for a new work: CT (công trình), the day and the minute.
  function suggestedId() {
    var d = new Date(), pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return 'CT-' + d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate()) + '-' + pad(d.getHours()) + pad(d.getMinutes());
  }

  function vocabularySelect(id, group, codes, value, optional) {
    var select = el('select', { id: id });
    if (optional) select.appendChild(el('option', { value: '' }, ['—']));
    codes.forEach(function (code) {
      var option = el('option', { value: code }, [WA.term(group, code)]);
      option.dataset.term = group;
      select.appendChild(option);
    });
    select.value = value || '';
    return select;
  }

  WA.workForm = {
    // The reason the API gave for `field` (its CLI message, with the value), else its detail.
    reasonOf: function (error, field) {
      var errors = (error.problem && error.problem.errors) || [];
      var mine = errors.filter(function (x) { return homeOf(x.field) === field; });
      if (!mine.length) return error.message;
      return mine.map(function (x) { return x.reason + (x.value ? ' (' + x.field + ' = ' + x.value + ')' : ''); }).join('; ');
    },

    // Puts each field error of `error` beside its control (`errorOf(home)` gives the element);
    // what has no control goes to `general`.
    showProblem: function (error, errorOf, general) {
      var errors = (error.problem && error.problem.errors) || [];
      var homes = {}, rest = [];
      errors.forEach(function (x) {
        var home = homeOf(x.field);
        if (errorOf(home)) (homes[home] = homes[home] || []).push(x);
        else rest.push(x);
      });
      Object.keys(homes).forEach(function (home) {
        var node = errorOf(home);
        node.textContent = homes[home].map(function (x) {
          return x.reason + (x.value ? ' (' + x.field + ' = ' + x.value + ')' : '');
        }).join('; ');
        node.hidden = false;
      });
      var firstHome = Object.keys(homes)[0];
      general.textContent = rest.length || !firstHome
        ? [error.message].concat(rest.map(function (x) { return x.field + ': ' + x.reason; })).join(' — ') : WA.t('fixFields');
      general.hidden = false;
      return firstHome;
    },

    // stored: the work as GET /api/works/{id} answers it, or null for a new one.
    open: function (stored) {
      var p = stored ? stored.properties : {};
      var funding = stored ? stored.funding || {} : {};
      var isNew = !stored;
      var controls = {}, errors = {}, rows = {};
      var form = el('form', { className: 'wa-form', noValidate: true });
      form.id = 'work-form';
      var general = el('p', { className: 'wa-form-error', id: 'form-error' });
      general.setAttribute('role', 'alert');
      general.hidden = true;
      form.appendChild(general);

      // One labelled field: its control, its error line, its row (hidden for roads only).
      function field(name, labelKey, control) {
        control.id = control.id || 'f-' + name;
        controls[name] = control;
        errors[name] = el('p', { className: 'wa-field-error', id: 'err-' + name });
        errors[name].hidden = true;
        control.setAttribute('aria-describedby', errors[name].id);
        rows[name] = el('div', { className: 'wa-field' }, [o().label(labelKey, control.id), control, errors[name]]);
        return rows[name];
      }
      function input(type, value, extra) {
        return el('input', Object.assign({ type: type, value: value === null || value === undefined ? '' : String(value) }, extra || {}));
      }

      var statuses = isNew ? WA.termOrder('status')
        : [p.status].concat(WA.vocabulary.status.successors[p.status] || []);
      var villages = Array.isArray(p.villages_served) ? p.villages_served
        : String(p.villages_served || '').split(';').filter(Boolean);

      form.appendChild(field('id', 'id', input('text', isNew ? suggestedId() : p.id, { readOnly: !isNew, required: true })));
      form.appendChild(field('name', 'workName', input('text', p.name, { required: true })));
      form.appendChild(el('div', { className: 'wa-row' }, [
        field('programme', 'programme', vocabularySelect('f-programme', 'programme', WA.termOrder('programme'), p.programme)),
        field('category', 'category', vocabularySelect('f-category', 'category', WA.termOrder('category'), p.category || 'road'))
      ]));
      form.appendChild(el('div', { className: 'wa-row' }, [
        field('surface', 'surface', vocabularySelect('f-surface', 'surface', WA.termOrder('surface'), p.surface, true)),
        field('road_class', 'roadClass', vocabularySelect('f-road_class', 'road_class', WA.termOrder('road_class'), p.road_class, true))
      ]));
      form.appendChild(field('status', 'status', vocabularySelect('f-status', 'status', statuses, p.status || 'proposed')));
      form.appendChild(el('div', { className: 'wa-row wa-dates' }, [
        field('approved_on', 'approvedOn', input('date', p.approved_on)),
        field('started_on', 'startedOn', input('date', p.started_on)),
        field('completed_on', 'completedOn', input('date', p.completed_on))
      ]));
      form.appendChild(field('investor', 'investor', vocabularySelect('f-investor', 'investor', WA.termOrder('investor'), p.investor, true)));

      // Funding: one line per source, planned and disbursed in đồng.
      var lines = el('div', { className: 'wa-funding' });
      function addLine(source, planned, disbursed) {
        var n = lines.children.length;
        var sourceSelect = vocabularySelect('fund-source-' + n, 'source', WA.termOrder('source'), source, true);
        var plannedInput = input('number', planned, { id: 'fund-planned-' + n, min: '0', step: '1', inputMode: 'numeric' });
        var disbursedInput = input('number', disbursed, { id: 'fund-disbursed-' + n, min: '0', step: '1', inputMode: 'numeric' });
        var remove = o().button('removeLine', function () { lines.removeChild(line); });
        var line = el('div', { className: 'wa-funding-line' }, [
          el('div', null, [o().label('fundingSource', sourceSelect.id), sourceSelect]),
          el('div', null, [o().label('plannedVND', plannedInput.id), plannedInput]),
          el('div', null, [o().label('disbursedVND', disbursedInput.id), disbursedInput]),
          remove
        ]);
        lines.appendChild(line);
      }
      WA.termOrder('source').forEach(function (s) {
        if (funding['planned_' + s + '_vnd'] !== undefined || funding['disbursed_' + s + '_vnd'] !== undefined) {
          addLine(s, funding['planned_' + s + '_vnd'], funding['disbursed_' + s + '_vnd']);
        }
      });
      if (funding.planned_vnd !== undefined || funding.disbursed_vnd !== undefined) addLine('', funding.planned_vnd, funding.disbursed_vnd);
      errors.funding = el('p', { className: 'wa-field-error', id: 'err-funding' });
      errors.funding.hidden = true;
      var fundingLegend = el('legend', null, [WA.t('funding')]);
      fundingLegend.dataset.t = 'funding';
      form.appendChild(el('fieldset', { className: 'wa-fieldset' }, [
        fundingLegend, lines, o().button('addLine', function () { addLine('', '', ''); }), errors.funding
      ]));
      form.appendChild(field('labour_days', 'labourDays', input('number', funding.labour_days, { min: '0', step: 'any' })));
      form.appendChild(field('villages_served', 'villagesServed', input('text', villages.join('; '), { placeholder: '0600101; 0600102' })));
      form.appendChild(el('div', { className: 'wa-row' }, [
        field('exactness', 'exactness', vocabularySelect('f-exactness', 'exactness', WA.termOrder('exactness'), p.exactness || 'exact')),
        field('accuracy_m', 'accuracyM', input('number', p.accuracy_m, { min: '0', step: 'any' }))
      ]));

      // The location, then the commune the server places it in, against the declared one.
      var location = WA.geometryInput.create({
        id: 'f-location', geometry: stored ? stored.geometry : null,
        onChange: function () { placeSoon(); },
        onAccuracy: function (metres) { if (metres !== null) controls.accuracy_m.value = String(metres); }
      });
      var locationLegend = el('legend', null, [WA.t('location')]);
      locationLegend.dataset.t = 'location';
      errors.location = location.element.querySelector('.wa-field-error');
      form.appendChild(el('fieldset', { className: 'wa-fieldset', id: 'location-field' }, [locationLegend, location.element]));
      var derived = el('p', { className: 'wa-derived', id: 'derived-commune' });
      derived.setAttribute('aria-live', 'polite');
      form.appendChild(derived);
      form.appendChild(field('declared_commune_code', 'declaredCommune', input('text', p.declared_commune_code, { placeholder: '06004' })));
      controls.declared_commune_code.addEventListener('change', function () { placeSoon(); });

      var save = el('button', { type: 'submit', className: 'wa-button wa-primary', id: 'work-save' }, [WA.t('save')]);
      save.dataset.t = 'save';
      form.appendChild(el('div', { className: 'wa-actions' }, [save, o().button('cancel', function () { o().closeSheet(); })]));

      function roadOnly() {
        var road = controls.category.value === 'road';
        rows.surface.hidden = !road;
        rows.road_class.hidden = !road;
      }
      controls.category.addEventListener('change', roadOnly);
      roadOnly();

      // The derived commune, asked again a moment after the location or declared commune changes.
      var placeTimer = null, placeTicket = 0;
      function placeSoon() {
        clearTimeout(placeTimer);
        placeTimer = setTimeout(place, 250);
      }
      function place() {
        var geometry = location.geometry(), ticket = ++placeTicket;
        WA.clear(derived);
        document.body.dataset.placed = '';
        if (!geometry) return;
        var declared = controls.declared_commune_code.value.trim();
        o().api('POST', 'api/works/place', { geometry: geometry, commune_code: declared || null }).then(function (placed) {
          if (ticket !== placeTicket) return;
          var q = placed.properties, code = q.commune_code;
          var name = code ? (WA.app.communeName(code) || '') : '';
          derived.appendChild(el('span', null, [WA.t('derivedCommune') + ': ' + (code ? (name ? name + ' (' + code + ')' : code) : WA.t('noCommune'))]));
          if (typeof q.length_m === 'number') derived.appendChild(el('span', null, [' · ' + WA.fmtMetres(q.length_m)]));
          if (q.commune_disagrees) {
            derived.appendChild(el('span', { className: 'wa-warn', id: 'commune-disagrees' }, [
              ' — ' + WA.t('declaredDisagrees', { declared: q.declared_commune_code, derived: code || WA.t('noCommune') })
            ]));
          }
          document.body.dataset.placed = code || 'none';
        }, function (e) {
          if (ticket !== placeTicket) return;
          location.showError(WA.workForm.reasonOf(e, 'location'));
          document.body.dataset.placed = 'refused';
        });
      }
      if (stored) place();

      function number(name) {
        var v = controls[name].value.trim();
        return v === '' ? null : Number(v);
      }

      // The form as works-import fields; an edit sends null for what was cleared.
      function properties() {
        var f = {
          name: controls.name.value.trim() || null, programme: controls.programme.value,
          category: controls.category.value, status: controls.status.value,
          surface: controls.category.value === 'road' ? controls.surface.value || null : null,
          road_class: controls.category.value === 'road' ? controls.road_class.value || null : null,
          approved_on: controls.approved_on.value || null, started_on: controls.started_on.value || null,
          completed_on: controls.completed_on.value || null, investor: controls.investor.value || null,
          labour_days: number('labour_days'), exactness: controls.exactness.value, accuracy_m: number('accuracy_m'),
          villages_served: controls.villages_served.value.split(/[;,\s]+/).filter(Boolean),
          declared_commune_code: controls.declared_commune_code.value.trim() || null
        };
        Object.keys(funding).forEach(function (k) { if (k !== 'labour_days') f[k] = null; });
        Array.prototype.forEach.call(lines.children, function (line) {
          var values = line.querySelectorAll('select, input');
          var source = values[0].value, planned = values[1].value.trim(), disbursed = values[2].value.trim();
          var key = source ? source + '_' : '';
          f['planned_' + key + 'vnd'] = planned === '' ? 0 : Number(planned);
          f['disbursed_' + key + 'vnd'] = disbursed === '' ? 0 : Number(disbursed);
        });
        if (isNew) Object.keys(f).forEach(function (k) { if (f[k] === null) delete f[k]; });
        return f;
      }

      function clearErrors() {
        general.hidden = true;
        Object.keys(errors).forEach(function (k) { errors[k].hidden = true; errors[k].textContent = ''; });
      }

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        clearErrors();
        location.finish();
        var geometry = location.geometry();
        if (isNew && !geometry) { location.showError(WA.t('needLocation')); location.element.querySelector('select').focus(); return; }
        var id = controls.id.value.trim();
        var feature = { type: 'Feature', id: id, properties: properties(), geometry: geometry };
        if (!isNew && JSON.stringify(geometry) === JSON.stringify(stored.geometry)) delete feature.geometry;
        save.disabled = true;
        var request = isNew ? o().api('POST', 'api/works', feature)
          : o().api('PATCH', 'api/works/' + encodeURIComponent(id), feature);
        request.then(function (answer) {
          o().closeSheet();
          return o().saved(answer.id);
        }, function (error) {
          save.disabled = false;
          var home = WA.workForm.showProblem(error, function (h) { return errors[h]; }, general);
          var focus = home === 'location' ? location.element.querySelector('select') : controls[home];
          (focus || save).focus();
          document.body.dataset.formError = home || 'general';
        });
      });

      o().openSheet(isNew ? 'addWork' : 'editWork', form, function () { location.dispose(); });
      if (!isNew) controls.name.focus();
      return form;
    }
  };
})();
