// The actions of a work an officer may change, each in the sheet: its next status (only the
// legal steps, from the server's WorkStatus), a maintenance event, and its history (the audit
// log: who, when, each changed field before → after).
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var el = WA.el, o = function () { return WA.officer; };

  function today() { return new Date().toISOString().slice(0, 10); }

  // A small form: labelled fields (name → [labelKey, control]), a submit that sends `body()`
  // and shows each refusal beside its field.
  function actionForm(id, fields, submitKey, send) {
    var form = el('form', { className: 'wa-form', id: id, noValidate: true });
    var general = el('p', { className: 'wa-form-error', id: id + '-error' });
    general.setAttribute('role', 'alert');
    general.hidden = true;
    form.appendChild(general);
    var errors = {};
    Object.keys(fields).forEach(function (name) {
      var control = fields[name][1];
      control.id = id + '-' + name;
      errors[name] = el('p', { className: 'wa-field-error', id: id + '-err-' + name });
      errors[name].hidden = true;
      control.setAttribute('aria-describedby', errors[name].id);
      form.appendChild(el('div', { className: 'wa-field' }, [o().label(fields[name][0], control.id), control, errors[name]]));
    });
    var submit = el('button', { type: 'submit', className: 'wa-button wa-primary', id: id + '-submit' }, [WA.t(submitKey)]);
    submit.dataset.t = submitKey;
    form.appendChild(el('div', { className: 'wa-actions' }, [submit, o().button('cancel', function () { o().closeSheet(); })]));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      general.hidden = true;
      Object.keys(errors).forEach(function (k) { errors[k].hidden = true; });
      submit.disabled = true;
      send().then(function (workId) {
        o().closeSheet();
        return o().saved(workId);
      }, function (error) {
        submit.disabled = false;
        var home = WA.workForm.showProblem(error, function (h) { return errors[h]; }, general);
        (fields[home] ? fields[home][1] : submit).focus();
      });
    });
    return form;
  }

  function dateInput(value) { return el('input', { type: 'date', value: value || today(), required: true }); }

  WA.workActions = {
    status: function (stored) {
      var p = stored.properties, next = WA.vocabulary.status.successors[p.status] || [];
      if (!next.length) {
        var none = el('p', { className: 'wa-muted' }, [WA.t('noNextStatus', { status: WA.term('status', p.status) })]);
        o().openSheet('changeStatus', el('div', null, [none, o().button('close', function () { o().closeSheet(); })]));
        return;
      }
      var select = el('select');
      next.forEach(function (s) {
        var option = el('option', { value: s }, [WA.term('status', s)]);
        option.dataset.term = 'status';
        select.appendChild(option);
      });
      var date = dateInput();
      var intro = el('p', { className: 'wa-sub' }, [p.name + ' — ' + WA.t('statusNow') + ': ' + WA.term('status', p.status)]);
      var form = actionForm('status-form', { status: ['newStatus', select], date: ['statusDate', date] }, 'changeStatus', function () {
        return o().api('POST', 'api/works/' + encodeURIComponent(p.id) + '/status', { status: select.value, date: date.value })
          .then(function () { return p.id; });
      });
      form.insertBefore(intro, form.firstChild);
      o().openSheet('changeStatus', form);
    },

    maintenance: function (stored) {
      var p = stored.properties;
      var source = el('select');
      source.appendChild(el('option', { value: '' }, ['—']));
      WA.termOrder('source').forEach(function (s) {
        var option = el('option', { value: s }, [WA.term('source', s)]);
        option.dataset.term = 'source';
        source.appendChild(option);
      });
      var date = dateInput(), cost = el('input', { type: 'number', min: '0', step: '1', inputMode: 'numeric', required: true });
      var note = el('textarea', { rows: 2 });
      var intro = el('p', { className: 'wa-sub' }, [p.name]);
      var form = actionForm('maintenance-form',
        { date: ['maintenanceDate', date], cost_vnd: ['costVND', cost], source: ['fundingSource', source], note: ['note', note] },
        'addMaintenance', function () {
          var body = { date: date.value, cost_vnd: cost.value.trim() === '' ? null : Number(cost.value), source: source.value || null,
                       note: note.value.trim() || null };
          return o().api('POST', 'api/works/' + encodeURIComponent(p.id) + '/maintenance', body).then(function () { return p.id; });
        });
      form.insertBefore(intro, form.firstChild);
      o().openSheet('addMaintenance', form);
    },

    history: function (stored) {
      var list = el('ol', { className: 'wa-history-list', id: 'history-list' }, [el('li', { className: 'wa-muted' }, [WA.t('loading')])]);
      o().openSheet('history', el('div', null, [el('p', { className: 'wa-sub' }, [stored.properties.name]), list]));
      o().api('GET', 'api/audit?work=' + encodeURIComponent(stored.id)).then(function (answer) {
        WA.clear(list);
        var entries = (answer && answer.entries) || [];
        if (!entries.length) list.appendChild(el('li', { className: 'wa-muted' }, [WA.t('noHistory')]));
        entries.forEach(function (e) { list.appendChild(entry(e)); });
      }, function (e) {
        WA.clear(list);
        list.appendChild(el('li', { className: 'wa-warn' }, [e.message]));
      });
    }
  };

  // One audit entry: when, who (role, how), what, and the fields it changed.
  function entry(e) {
    var changes = changedFields(e.before, e.after);
    var who = e.actor + (e.role ? ' (' + WA.t('role_' + e.role) + ')' : '') + (e.via ? ' · ' + e.via : '');
    return el('li', null, [
      el('div', null, [el('strong', null, [WA.t('action_' + e.action.replace(/\./g, '_'))]), ' · ', e.recorded_at]),
      el('div', { className: 'wa-muted' }, [who]),
      changes.length ? el('table', { className: 'wa-table wa-compact' }, [el('tbody', null, changes.map(function (c) {
        return el('tr', null, [el('th', { scope: 'row' }, [c.field]), el('td', null, [c.before + ' → ' + c.after])]);
      }))]) : null
    ]);
  }

  function shown(v) {
    if (v === null || v === undefined || v === '') return '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  // The properties (and the geometry) that differ between two audit documents (Features).
  function changedFields(before, after) {
    var b = (before && before.properties) || {}, a = (after && after.properties) || {}, out = [];
    var keys = Object.keys(b).concat(Object.keys(a).filter(function (k) { return !(k in b); }));
    keys.forEach(function (k) {
      if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) out.push({ field: k, before: shown(b[k]), after: shown(a[k]) });
    });
    if (before && after && JSON.stringify(before.geometry) !== JSON.stringify(after.geometry)) {
      out.push({ field: 'geometry', before: before.geometry ? before.geometry.type : '—', after: after.geometry ? after.geometry.type : '—' });
    }
    return out;
  }
})();
