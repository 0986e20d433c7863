// The signed-in officer on the map page: who they are (GET /api/me), the sign-in or sign-out
// control, "Add work", the actions in the panel of a work their scope covers, and the one sheet
// the forms open in. Every write goes through the works API with the session's CSRF token, so
// scopes, validation and audit stay the server's.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});
  var el = WA.el;
  var me = { role: 'viewer', name: null };
  var editable = {}; // work id → promise of GET /api/works/{id} (with caller_may_edit)
  var sheet = null;  // {node, onClose, opener}

  WA.officer = {
    me: function () { return me; },
    signedIn: function () { return !!me.name; },

    // A JSON request to this server; resolves the answer's JSON, rejects with an Error carrying
    // .status and .problem (problem+json) so forms can put each field's reason beside it.
    api: function (method, url, body) {
      var headers = { Accept: 'application/geo+json, application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET' && me.csrf_token) headers['X-CSRF-Token'] = me.csrf_token;
      return fetch(url, {
        method: method, headers: headers, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body)
      }).then(function (r) {
        return r.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
          if (r.ok) return json;
          var error = new Error((json && (json.detail || json.title)) || ('HTTP ' + r.status));
          error.status = r.status;
          error.problem = json;
          throw error;
        });
      }, function (e) {
        throw new Error(WA.t('errNetwork') + (e && e.message ? ' (' + e.message + ')' : ''));
      });
    },

    // The stored work with caller_may_edit, fetched once per work until a write changes it.
    work: function (id) {
      if (!editable[id]) editable[id] = WA.officer.api('GET', 'api/works/' + encodeURIComponent(id));
      return editable[id];
    },

    // After a write: the map's works again, the work selected with its new panel.
    saved: function (id) {
      editable = {};
      return WA.app.reloadWorks().then(function () { WA.app.selectWork(id); });
    },

    // Opens `content` in the sheet (closing any other); Escape or × closes it and gives the
    // focus back to what opened it.
    openSheet: function (titleKey, content, onClose) {
      WA.officer.closeSheet();
      var close = el('button', { type: 'button', className: 'wa-close', title: WA.t('close') }, ['×']);
      close.setAttribute('aria-label', WA.t('close'));
      var title = el('h2', { id: 'sheet-title' }, [WA.t(titleKey)]);
      title.dataset.t = titleKey;
      var node = el('section', { id: 'officer-sheet', className: 'wa-sheet' }, [close, title, content]);
      node.setAttribute('role', 'dialog');
      node.setAttribute('aria-labelledby', 'sheet-title');
      close.addEventListener('click', function () { WA.officer.closeSheet(); });
      document.getElementById('map-wrap').appendChild(node);
      sheet = { node: node, onClose: onClose, opener: document.activeElement };
      document.body.classList.add('wa-sheet-open');
      var first = node.querySelector('input, select, textarea, button:not(.wa-close)');
      (first || close).focus();
      return node;
    },

    closeSheet: function () {
      if (!sheet) return;
      var s = sheet;
      sheet = null;
      if (s.onClose) s.onClose();
      s.node.parentNode.removeChild(s.node);
      document.body.classList.remove('wa-sheet-open');
      if (s.opener && document.body.contains(s.opener)) s.opener.focus();
    },

    // Labels built with data-t (a string key) or data-term (a vocabulary group, on <option>s)
    // follow the language switch without rebuilding the form (its values stay).
    relabel: function (root) {
      root.querySelectorAll('[data-t]').forEach(function (n) { n.textContent = WA.t(n.dataset.t); });
      root.querySelectorAll('option[data-term]').forEach(function (o) { o.textContent = WA.term(o.dataset.term, o.value); });
    },

    // A label (data-t) for a string key.
    label: function (key, forId) {
      var node = el('label', { htmlFor: forId || '' }, [WA.t(key)]);
      node.dataset.t = key;
      return node;
    },

    // A button whose text follows the language.
    button: function (key, onClick, className) {
      var b = el('button', { type: 'button', className: className || 'wa-button' }, [WA.t(key)]);
      b.dataset.t = key;
      b.addEventListener('click', onClick);
      return b;
    }
  };

  // ---- the panel of a work: its actions for an officer whose scope covers it -------------

  var showWork = WA.panel.showWork;
  WA.panel.showWork = function (body, p, ctx) {
    showWork(body, p, ctx);
    if (!WA.officer.signedIn() || !p.id) return;
    body.dataset.work = p.id;
    WA.officer.work(p.id).then(function (stored) {
      if (body.dataset.work !== p.id || !stored || stored.caller_may_edit !== true) return;
      var actions = el('div', { className: 'wa-actions' }, [
        WA.officer.button('edit', function () { WA.workForm.open(stored); }),
        WA.officer.button('changeStatus', function () { WA.workActions.status(stored); }),
        WA.vocabulary.status.serving.indexOf(stored.properties.status) >= 0
          ? WA.officer.button('addMaintenance', function () { WA.workActions.maintenance(stored); }) : null,
        WA.officer.button('history', function () { WA.workActions.history(stored); })
      ]);
      var old = body.querySelector('.wa-actions');
      if (old) old.parentNode.removeChild(old);
      body.insertBefore(actions, body.children[2] || null);
    }, function () { /* the panel stays as it is; the write itself would say why */ });
  };

  // ---- the sidebar: sign in, or who is signed in, "Add work" and sign out ------------------

  function renderBox(box) {
    WA.clear(box);
    if (!WA.officer.signedIn()) {
      var link = el('a', { href: 'login', className: 'wa-button' }, [WA.t('officerSignIn')]);
      link.dataset.t = 'officerSignIn';
      box.appendChild(link);
      return;
    }
    var who = el('p', { id: 'officer-who', className: 'wa-muted' }, [
      WA.t('signedInAs', { name: me.name, role: WA.t('role_' + me.role), unit: me.unit || '—' })
    ]);
    box.appendChild(who);
    var row = el('div', { className: 'wa-actions' });
    if (me.may_register_works === true) {
      row.appendChild(WA.officer.button('addWork', function () { WA.workForm.open(null); }, 'wa-button wa-primary'));
    }
    row.appendChild(WA.officer.button('signOut', signOut));
    box.appendChild(row);
    // The officers' own pages: a file to import, their works, and (admins) the users.
    var pages = [['upload', 'navUpload'], ['works', 'navWorks']].concat(me.role === 'admin' ? [['admin', 'navAdmin']] : []);
    box.appendChild(el('nav', { className: 'wa-actions', id: 'officer-pages' }, pages.map(function (page) {
      var link = el('a', { href: page[0] }, [WA.t(page[1])]);
      link.dataset.t = page[1];
      return link;
    })));
  }

  function signOut() {
    WA.officer.api('POST', 'logout').catch(function () { /* a 303 to /login, or already ended */ })
      .then(function () { location.href = 'login'; });
  }

  function start() {
    var box = el('section', { id: 'officer-box' });
    var header = document.querySelector('#sidebar header');
    header.parentNode.insertBefore(box, header.nextSibling);
    WA.officer.api('GET', 'api/me').then(function (answer) {
      me = answer || me;
    }, function () { /* an ended session: anonymous */ }).then(function () {
      renderBox(box);
      document.body.dataset.officer = WA.officer.signedIn() ? me.role : 'viewer';
      if (WA.officer.signedIn()) WA.app.refreshPanel();
    });
    // After the page's own handler has switched the language.
    document.getElementById('lang').addEventListener('click', function () {
      setTimeout(function () {
        renderBox(box);
        if (sheet) WA.officer.relabel(sheet.node);
      }, 0);
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && sheet && !WA.geometryInput.cancelDrawing()) WA.officer.closeSheet();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
