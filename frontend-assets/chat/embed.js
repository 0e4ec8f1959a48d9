// Sizes a Kaskad chat launcher's frame on the client's page: closed, it is as large as its buttons; open,
// as large as the chat. Only the frame's own page (same window, same origin) may ask, and within bounds.
(function () {
  'use strict';
  var script = document.currentScript;
  var frame = script && document.getElementById(script.getAttribute('data-frame'));
  if (!frame) { return; }
  var origin = new URL(frame.src, window.location.href).origin;
  function bounded(value, max) { return Math.max(48, Math.min(max, Math.round(Number(value) || 0))); }
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin || !event.data || event.data.kaskadChat === undefined) { return; }
    frame.style.width = bounded(event.data.width, Math.min(420, window.innerWidth - 16)) + 'px';
    frame.style.height = bounded(event.data.height, Math.min(720, window.innerHeight - 16)) + 'px';
  });
  // The frame may have told its size before this script listened: ask it again (lost harmlessly if it is still loading).
  if (frame.contentWindow) { frame.contentWindow.postMessage({ kaskadChat: 'size?' }, origin); }
})();
