// "Nhập tệp" / "Import a file": the officer's file is sent as it is to
// POST /api/imports/works?dry_run=true; the server's importer answers every problem (shown in a
// table, nothing imported) or what the import would add and change. "Confirm import" sends the
// same bytes again without dry_run: one transaction, inside the officer's unit, audited.
(function () {
  'use strict';
  var O = window.WA.officer, el = O.el;
  var MAX_BYTES = 20 * 1024 * 1024;
  var pending = null; // {file, sheet, plan}: the checked file awaiting confirmation
  var last = null;    // what is on screen, drawn again when the language changes

  function $(id) { return document.getElementById(id); }

  function say(text) { $('status').textContent = text; }

  function url(file, sheet, dryRun) {
    var q = new URLSearchParams({ filename: file.name, dry_run: dryRun ? 'true' : 'false' });
    if (sheet) q.set('sheet', sheet);
    return '/api/imports/works?' + q.toString();
  }

  function send(file, sheet, dryRun) {
    return O.api('POST', url(file, sheet, dryRun), file, 'application/octet-stream');
  }

  function hideResults() {
    $('problems').hidden = true;
    $('preview').hidden = true;
    $('notes').hidden = true;
  }

  function showProblems(result) {
    var body = O.clear($('problems-table').tBodies[0]);
    (result.body.errors || []).forEach(function (e) {
      body.appendChild(el('tr', {}, [el('td', {}, e.location), el('td', {}, e.field), el('td', { class: 'wa-value' }, e.value), el('td', {}, e.reason)]));
    });
    $('problems-summary').textContent = O.t('problemsSummary', { file: result.file, n: (result.body.errors || []).length });
    $('problems').hidden = false;
    $('problems-title').focus();
  }

  function value(v) {
    if (v === null || v === undefined || v === '') return '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  function changeList(work) {
    if (work.action === 'add') return '';
    return el('ul', { class: 'wa-changes' }, work.changes.map(function (c) {
      return el('li', {}, [el('strong', {}, c.field), ': ', el('del', {}, value(c.before)), ' → ', el('ins', {}, value(c.after))]);
    }));
  }

  function showNotes(plan) {
    var list = O.clear($('notes-list'));
    plan.notes.concat(plan.warnings).forEach(function (n) { list.appendChild(el('li', {}, n)); });
    $('notes').hidden = list.children.length === 0;
  }

  function showPreview(plan) {
    var body = O.clear($('preview-table').tBodies[0]);
    plan.works.forEach(function (w) {
      body.appendChild(el('tr', { 'data-action': w.action }, [
        el('td', {}, w.id), el('td', {}, w.name), el('td', {}, w.location),
        el('td', {}, O.t('action_' + w.action)), el('td', {}, changeList(w))
      ]));
    });
    $('preview-summary').textContent = O.t('previewSummary', plan) + (plan.works.length ? '' : ' ' + O.t('nothingToDo'));
    $('confirm').disabled = plan.works.length === 0;
    $('preview').hidden = false;
    showNotes(plan);
    $('preview-title').focus();
  }

  function show(state) {
    last = state;
    hideResults();
    if (state.kind === 'problems') showProblems(state.result);
    else if (state.kind === 'preview') showPreview(state.plan);
    else if (state.kind === 'imported') {
      $('status').textContent = '';
      $('status').appendChild(document.createTextNode(O.t('imported', state.plan) + ' '));
      $('status').appendChild(el('a', { href: '/works' }, O.t('seeMyWorks')));
      showNotes(state.plan);
    }
  }

  // A refusal that names rows of the file (bad values, works outside the unit), not one about the request.
  function listsRows(result) {
    var b = result.body;
    return !!(b && b.errors && b.errors.length && b.errors[0].location !== 'header' && b.errors[0].location !== 'query');
  }

  function answer(result, dryRun) {
    if (result.status === 200 && result.body) {
      say('');
      if (dryRun) {
        pending.plan = result.body;
        show({ kind: 'preview', plan: result.body });
      } else {
        pending = null;
        show({ kind: 'imported', plan: result.body });
      }
    } else if (listsRows(result)) {
      say('');
      result.file = pending.file.name;
      pending = null;
      show({ kind: 'problems', result: result });
    } else {
      pending = null;
      last = null;
      say(O.problemText(result));
    }
  }

  function check(event) {
    event.preventDefault();
    hideResults();
    var file = $('file').files[0];
    if (!file) { say(O.t('chooseFile')); return; }
    if (file.size > MAX_BYTES) { say(O.t('tooBig', { file: file.name })); return; }
    var sheet = $('sheet').value.trim();
    pending = { file: file, sheet: sheet, plan: null };
    say(O.t('checking', { file: file.name }));
    send(file, sheet, true).then(function (r) { answer(r, true); }, function () { say(O.t('networkFailed')); });
  }

  function confirmImport() {
    if (!pending || !pending.plan) return;
    var p = pending;
    $('confirm').disabled = true;
    say(O.t('importing', { file: p.file.name }));
    send(p.file, p.sheet, false).then(function (r) { answer(r, false); }, function () {
      $('confirm').disabled = false;
      say(O.t('networkFailed'));
    });
  }

  O.start('uploadTitle', function (me, again) {
    if (again) { if (last) show(last); return; }
    $('upload-form').hidden = false;
    $('upload-form').addEventListener('submit', check);
    $('confirm').addEventListener('click', confirmImport);
    $('cancel').addEventListener('click', function () { pending = null; last = null; hideResults(); say(''); });
    // A new file choice drops the preview of the old one.
    $('file').addEventListener('change', function () { pending = null; last = null; hideResults(); say(''); });
    ['problems-title', 'preview-title'].forEach(function (id) { $(id).tabIndex = -1; });
  });
})();
