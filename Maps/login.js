// The sign-in page: the language switch (the choice is shared with the map page). The form
// itself posts without script; the Vietnamese text in login.html is the default.
(function () {
  'use strict';
  var WA = window.WA;

  function saved() {
    try { return localStorage.getItem('worksatlas.lang'); } catch (e) { return null; } // storage may be off
  }

  function render() {
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = WA.t(el.dataset.i18n); });
    document.title = WA.t('signInTitle') + ' — WorksAtlas';
  }

  WA.setLang(saved() || 'vi');
  render();
  document.getElementById('lang').addEventListener('click', function () {
    WA.setLang(WA.lang === 'vi' ? 'en' : 'vi');
    try { localStorage.setItem('worksatlas.lang', WA.lang); } catch (e) { /* private mode */ }
    render();
  });
})();
