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

  // Forms with data-confirm="question" ask before they are sent (cancelling a running task, say).
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // No inline handlers (the Content-Security-Policy allows only this file's scripts): behaviour comes from data attributes.
  // <select data-submit-on-change> sends its form when a choice is made.
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-submit-on-change]') && event.target.form) {
      event.target.form.submit();
    }
  });

  // <form data-reset-after-request> is emptied once its htmx request is done (an operator's sent answer).
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (form && form.matches && form.matches('form[data-reset-after-request]')) {
      form.reset();
    }
  });

  // Диалоги: when the refreshed list counts more dialogs waiting for an operator than before, say so (a notice,
  // the tab's title, a short tone made here: no sound file) and update the menu's count.
  var waitingBefore = null;
  // counted from the page as it was first shown: a tab in the background may not have polled since
  document.addEventListener('DOMContentLoaded', function () {
    var rows = document.getElementById('dialog-rows');
    if (rows && rows.hasAttribute('data-waiting')) {
      waitingBefore = parseInt(rows.getAttribute('data-waiting'), 10) || 0;
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var rows = document.getElementById('dialog-rows');
    if (!rows || !rows.hasAttribute('data-waiting')) {
      return;
    }
    var waiting = parseInt(rows.getAttribute('data-waiting'), 10) || 0;
    var badge = document.getElementById('waiting-dialogs');
    if (badge) {
      badge.textContent = waiting;
      badge.classList.toggle('d-none', waiting === 0);
    }
    if (waitingBefore !== null && waiting > waitingBefore) {
      var notice = document.getElementById('waiting-notice');
      if (notice) {
        notice.classList.remove('d-none');
      }
      document.title = '(' + waiting + ') ' + document.title.replace(/^\(\d+\) /, '');
      tone();
    }
    waitingBefore = waiting;
  });

  function tone() {
    try {
      var AudioContext = window.AudioContext || window.webkitAudioContext;
      var context = new AudioContext();
      var oscillator = context.createOscillator();
      var gain = context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.value = 0.1;
      oscillator.connect(gain);
      gain.connect(context.destination);
      oscillator.start();
      oscillator.stop(context.currentTime + 0.25);
    }
    catch (notAllowed) {
      // the browser may refuse sound before the user has clicked on the page: the notice still shows
    }
  }

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

// Colour pickers of the chat form: the swatch and the text field stay in step. The text accepts HEX,
// RGBA and HSLA; the swatch can only show #rrggbb, so it follows the text when the text is plain HEX.
(function () {
  'use strict';
  function sync(picker) {
    var swatch = picker.querySelector('.colour-swatch');
    var value = picker.querySelector('.colour-value');
    var hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
    function fromText() {
      var v = value.value.trim();
      if (hex.test(v)) {
        swatch.value = v.length === 4 ? '#' + v[1] + v[1] + v[2] + v[2] + v[3] + v[3] : v;
      }
    }
    swatch.addEventListener('input', function () { value.value = swatch.value; });
    value.addEventListener('input', fromText);
    fromText();
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.colour-picker'), sync);
  });
})();
