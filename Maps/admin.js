// "Quản trị người dùng" / "Users", for admins: every user with role, unit, state and sign-in,
// adding a user with an initial password, setting a new password and ending a user's sessions,
// through /api/admin/users (each change audited by the server). Passwords are only sent, never
// shown back; the password fields are emptied once sent.
(function () {
  'use strict';
  var O = window.WA.officer, el = O.el;
  var ROLES = ['commune_editor', 'district_editor', 'province_editor', 'admin'];
  var users = [];

  function $(id) { return document.getElementById(id); }

  function say(text) { $('status').textContent = text; }

  function when(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(window.WA.lang === 'vi' ? 'vi-VN' : 'en-GB');
  }

  function load() {
    return O.api('GET', '/api/admin/users').then(function (r) {
      if (r.status !== 200) { say(O.problemText(r)); return; }
      users = r.body.users;
      render();
    });
  }

  // A row's password form, opened by its button (one field, labelled for the user).
  function passwordForm(user) {
    var id = 'pw-' + user.name.replace(/[^A-Za-z0-9_-]/g, '_');
    var input = el('input', { id: id, type: 'password', required: true, minLength: 10, autocomplete: 'new-password' });
    var form = el('form', { class: 'wa-inline-form', hidden: true }, [
      el('label', { for: id }, O.t('newPassword', { name: user.name })), input,
      el('button', { type: 'submit' }, O.t('setPassword'))
    ]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var password = input.value;
      input.value = '';
      O.api('POST', '/api/admin/users/' + encodeURIComponent(user.name) + '/password', JSON.stringify({ password: password }))
        .then(function (r) {
          if (r.status !== 200) { say(O.problemText(r)); return; }
          load().then(function () { say(O.t('passwordSet', { name: user.name })); });
        });
    });
    return form;
  }

  function actions(user) {
    if (!user.active) return '';
    var form = passwordForm(user);
    var open = el('button', { type: 'button', 'aria-expanded': 'false' }, O.t('setPassword'));
    open.addEventListener('click', function () {
      form.hidden = !form.hidden;
      open.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input').focus();
    });
    var end = el('button', { type: 'button' }, O.t('endSessions'));
    end.addEventListener('click', function () {
      O.api('DELETE', '/api/admin/users/' + encodeURIComponent(user.name) + '/sessions').then(function (r) {
        if (r.status !== 200) { say(O.problemText(r)); return; }
        load().then(function () { say(O.t('sessionsEnded', { n: r.body.sessions_ended, name: user.name })); });
      });
    });
    return el('div', { class: 'wa-actions' }, [open, end, form]);
  }

  function render() {
    var body = O.clear($('users-table').tBodies[0]);
    users.forEach(function (u) {
      body.appendChild(el('tr', { 'data-user': u.name }, [
        el('td', {}, u.name), el('td', {}, O.t('role_' + u.role)), el('td', {}, u.unit || '—'),
        el('td', {}, u.active ? O.t('yes') : O.t('no')), el('td', {}, when(u.last_sign_in)),
        el('td', {}, String(u.sessions)), el('td', {}, actions(u))
      ]));
    });
    $('users-table').hidden = false;
    var role = $('new-role'), chosen = role.value;
    O.clear(role);
    ROLES.forEach(function (r) { role.appendChild(el('option', { value: r }, O.t('role_' + r))); });
    if (chosen) role.value = chosen;
  }

  function addUser(e) {
    e.preventDefault();
    var unit = $('new-unit').value.trim();
    var body = { name: $('new-name').value.trim(), role: $('new-role').value, unit: unit || null, password: $('new-password').value };
    $('new-password').value = '';
    O.api('POST', '/api/admin/users', JSON.stringify(body)).then(function (r) {
      if (r.status !== 201) { say(O.problemText(r)); return; }
      $('new-name').value = '';
      $('new-unit').value = '';
      load().then(function () { say(O.t('added', { name: body.name })); });
    });
  }

  O.start('adminTitle', function (me, again) {
    if (me.role !== 'admin') { $('admin-only').hidden = false; return; }
    if (again) { render(); return; }
    $('add-user').hidden = false;
    $('add-user-form').addEventListener('submit', addUser);
    load();
  });
})();
