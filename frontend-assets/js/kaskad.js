// Kaskad portal behaviour shared by every page.
(function () {
  'use strict';

  // htmx requests carry the CSRF token that Spring Security expects (from the layout's meta tags).
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Copy buttons: <button data-copy-target="#id"> copies the text of the target element.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
      return;
    }
    var target = document.querySelector(button.getAttribute('data-copy-target'));
    if (target && navigator.clipboard) {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.classList.add('copied');
      });
    }
  });
})();
