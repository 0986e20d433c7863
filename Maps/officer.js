// What the officers' pages (upload, works, admin) share: their words in Vietnamese (default)
// and English, the language switch (the choice is the map page's too), who is signed in, the
// sign-out button, and requests that carry the session's CSRF token. The pages build their DOM
// with el(): data is only ever set as text, never parsed as HTML.
(function () {
  'use strict';
  var WA = window.WA;
  var O = (WA.officer = {});

  var strings = {
    vi: {
      navMap: 'Bản đồ', navUpload: 'Nhập tệp', navWorks: 'Công trình của tôi', navAdmin: 'Quản trị',
      signOut: 'Đăng xuất', signInFirst: 'Hãy đăng nhập để dùng trang này.', signInLink: 'Đăng nhập',
      signedInAs: 'Đăng nhập: {name} ({role}{unit})', unitOf: ', đơn vị {unit}',
      role_commune_editor: 'cán bộ xã', role_district_editor: 'cán bộ huyện',
      role_province_editor: 'cán bộ tỉnh', role_admin: 'quản trị viên',
      failed: 'Không thực hiện được: {detail}', networkFailed: 'Không kết nối được máy chủ.',
      uploadTitle: 'Nhập tệp công trình',
      uploadIntro: 'Chọn tệp danh mục công trình (CSV, Excel, ODS, GeoJSON, Shapefile nén .zip, GeoPackage, KML/KMZ, GPX, FlatGeobuf; tối đa 20 MiB). Tệp được kiểm tra trước; chưa có gì được ghi cho đến khi bấm “Xác nhận nhập”.',
      fileLabel: 'Tệp công trình', sheetLabel: 'Trang tính hoặc lớp (không bắt buộc)',
      check: 'Kiểm tra tệp', checking: 'Đang kiểm tra {file}…', importing: 'Đang nhập {file}…',
      tooBig: 'Tệp {file} lớn quá 20 MiB; hãy chia nhỏ tệp.', chooseFile: 'Hãy chọn một tệp.',
      problemsTitle: 'Lỗi trong tệp', problemsSummary: '{file}: {n} lỗi. Sửa tệp rồi kiểm tra lại; chưa có gì được nhập.',
      colRow: 'Dòng', colField: 'Trường', colValue: 'Giá trị', colReason: 'Lý do',
      previewTitle: 'Sẽ nhập', previewSummary: '{file}: thêm {added} công trình, sửa {changed}, giữ nguyên {unchanged}.',
      colId: 'Mã', colName: 'Tên', colAction: 'Việc', colChanges: 'Thay đổi',
      action_add: 'Thêm mới', action_change: 'Sửa',
      confirm: 'Xác nhận nhập', cancel: 'Hủy',
      imported: 'Đã nhập {file}: thêm {added}, sửa {changed} công trình.', seeMyWorks: 'Xem công trình của tôi',
      notesTitle: 'Cách đọc tệp', nothingToDo: 'Tệp không có gì mới so với dữ liệu đã có.',
      worksTitle: 'Công trình của tôi', worksIntro: 'Các công trình trong đơn vị của bạn. Bấm tên để xem trên bản đồ.',
      worksAll: 'Tất cả công trình trong tỉnh.', filterAll: 'Tất cả', programme: 'Chương trình',
      category: 'Loại công trình', status: 'Trạng thái', colCommune: 'Xã', colCompleted: 'Hoàn thành',
      worksCount: '{n} công trình', sortBy: 'Sắp xếp theo {column}', loadingWorks: 'Đang tải công trình…',
      adminTitle: 'Quản trị người dùng', adminOnly: 'Trang này chỉ dành cho quản trị viên.',
      colUser: 'Tên đăng nhập', colRole: 'Vai trò', colUnit: 'Đơn vị', colActive: 'Hoạt động',
      colLastSignIn: 'Đăng nhập gần nhất', colSessions: 'Phiên', colActions: 'Thao tác', yes: 'Có', no: 'Đã thu hồi',
      addUser: 'Thêm người dùng', userName: 'Tên đăng nhập', role: 'Vai trò', unitCode: 'Mã đơn vị (trống với quản trị viên)',
      initialPassword: 'Mật khẩu ban đầu (ít nhất 10 ký tự)', add: 'Thêm', added: 'Đã thêm {name}.',
      newPassword: 'Mật khẩu mới cho {name}', setPassword: 'Đặt mật khẩu', passwordSet: 'Đã đặt mật khẩu mới cho {name}; các phiên của người này đã kết thúc.',
      endSessions: 'Kết thúc các phiên', sessionsEnded: 'Đã kết thúc {n} phiên của {name}.'
    },
    en: {
      navMap: 'Map', navUpload: 'Import a file', navWorks: 'My works', navAdmin: 'Admin',
      signOut: 'Sign out', signInFirst: 'Sign in to use this page.', signInLink: 'Sign in',
      signedInAs: 'Signed in: {name} ({role}{unit})', unitOf: ', unit {unit}',
      role_commune_editor: 'commune editor', role_district_editor: 'district editor',
      role_province_editor: 'province editor', role_admin: 'admin',
      failed: 'Not done: {detail}', networkFailed: 'The server could not be reached.',
      uploadTitle: 'Import a works file',
      uploadIntro: 'Choose a works file (CSV, Excel, ODS, GeoJSON, zipped Shapefile, GeoPackage, KML/KMZ, GPX, FlatGeobuf; at most 20 MiB). It is checked first; nothing is written until you press “Confirm import”.',
      fileLabel: 'Works file', sheetLabel: 'Sheet or layer (optional)',
      check: 'Check the file', checking: 'Checking {file}…', importing: 'Importing {file}…',
      tooBig: '{file} is larger than 20 MiB; split it.', chooseFile: 'Choose a file.',
      problemsTitle: 'Problems in the file', problemsSummary: '{file}: {n} problems. Fix the file and check it again; nothing was imported.',
      colRow: 'Row', colField: 'Field', colValue: 'Value', colReason: 'Why',
      previewTitle: 'What will be imported', previewSummary: '{file}: {added} works added, {changed} changed, {unchanged} unchanged.',
      colId: 'Id', colName: 'Name', colAction: 'Action', colChanges: 'Changes',
      action_add: 'Add', action_change: 'Change',
      confirm: 'Confirm import', cancel: 'Cancel',
      imported: 'Imported {file}: {added} works added, {changed} changed.', seeMyWorks: 'See my works',
      notesTitle: 'How the file was read', nothingToDo: 'The file holds nothing new.',
      worksTitle: 'My works', worksIntro: 'The works inside your unit. Press a name to see it on the map.',
      worksAll: 'All works of the province.', filterAll: 'All', programme: 'Programme',
      category: 'Category', status: 'Status', colCommune: 'Commune', colCompleted: 'Completed',
      worksCount: '{n} works', sortBy: 'Sort by {column}', loadingWorks: 'Loading works…',
      adminTitle: 'Users', adminOnly: 'This page is for admins only.',
      colUser: 'User name', colRole: 'Role', colUnit: 'Unit', colActive: 'Active',
      colLastSignIn: 'Last sign-in', colSessions: 'Sessions', colActions: 'Actions', yes: 'Yes', no: 'Revoked',
      addUser: 'Add a user', userName: 'User name', role: 'Role', unitCode: 'Unit code (empty for an admin)',
      initialPassword: 'Initial password (at least 10 characters)', add: 'Add', added: 'Added {name}.',
      newPassword: 'New password for {name}', setPassword: 'Set password', passwordSet: 'New password set for {name}; their sessions ended.',
      endSessions: 'End sessions', sessionsEnded: 'Ended {n} sessions of {name}.'
    }
  };

  O.t = function (key, vars) {
    var s = strings[WA.lang][key];
    if (s === undefined) return WA.t(key, vars);
    return s.replace(/\{(\w+)\}/g, function (m, name) {
      return !vars || vars[name] === undefined || vars[name] === null ? m : String(vars[name]);
    });
  };

  // el('td', {class: 'x', colSpan: 2}, ['text', otherNode]): attributes as properties, children as text or nodes.
  O.el = function (tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'class') node.className = props[k];
      else if (k.indexOf('aria-') === 0 || k.indexOf('data-') === 0 || k === 'for' || k === 'scope') node.setAttribute(k, props[k]);
      else node[k] = props[k];
    });
    (children === undefined ? [] : [].concat(children)).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
    return node;
  };

  O.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  O.me = null;

  // fetch with the session's CSRF token on writes; resolves to {status, body} (body: parsed JSON or null).
  O.api = function (method, url, body, contentType) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET' && O.me && O.me.csrf_token) headers['X-CSRF-Token'] = O.me.csrf_token;
    if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
    return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' }).then(function (r) {
      return r.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; } // not JSON: an HTML page
        return { status: r.status, body: parsed };
      });
    });
  };

  O.problemText = function (result) {
    return O.t('failed', { detail: (result.body && result.body.detail) || String(result.status) });
  };

  function saved() {
    try { return localStorage.getItem('worksatlas.lang'); } catch (e) { return null; } // storage may be off
  }

  // Words written in the page (data-o="key") are put in the current language.
  function renderStatic(titleKey) {
    document.querySelectorAll('[data-o]').forEach(function (node) { node.textContent = O.t(node.dataset.o); });
    document.title = O.t(titleKey) + ' — WorksAtlas';
  }

  function renderWho() {
    var who = document.getElementById('who');
    if (!who || !O.me || !O.me.name) return;
    who.textContent = O.t('signedInAs', {
      name: O.me.name, role: O.t('role_' + O.me.role), unit: O.me.unit ? O.t('unitOf', { unit: O.me.unit }) : ''
    });
    var admin = document.getElementById('nav-admin');
    if (admin) admin.hidden = O.me.role !== 'admin';
  }

  // Sets the page up and calls render(me) for a signed-in officer, and again when the language changes.
  O.start = function (titleKey, render) {
    WA.setLang(saved() || 'vi');
    renderStatic(titleKey);
    document.getElementById('lang').addEventListener('click', function () {
      WA.setLang(WA.lang === 'vi' ? 'en' : 'vi');
      try { localStorage.setItem('worksatlas.lang', WA.lang); } catch (e) { /* private mode */ }
      renderStatic(titleKey);
      renderWho();
      if (O.me && O.me.name) render(O.me, true);
    });
    document.getElementById('sign-out').addEventListener('click', function () {
      O.api('POST', '/logout').then(function () { location.href = '/login'; });
    });
    O.api('GET', '/api/me').then(function (result) {
      O.me = result.body;
      if (!O.me || !O.me.name) {
        document.getElementById('sign-in-needed').hidden = false;
        document.getElementById('sign-out').hidden = true;
        return;
      }
      renderWho();
      render(O.me, false);
    }, function () {
      document.getElementById('sign-in-needed').hidden = false;
    });
  };
})();
