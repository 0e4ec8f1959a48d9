// The chat widget: starts (or resumes) a session through the seed 003 API and receives every message
// of it by server push (EventSource); it never polls. The session id and the client id are kept per chat in
// localStorage: a new session started here keeps the client, and when a send into the ended session starts
// a new one with this client, the stream names it and the widget goes on there.
(function () {
  'use strict';
  var root = document.getElementById('widget');
  var chatId = root.getAttribute('data-chat-id');
  var avatars = { BOT: root.getAttribute('data-robot-avatar'), OPERATOR: root.getAttribute('data-operator-avatar') };
  var log = document.getElementById('log');
  var form = document.getElementById('form');
  var input = document.getElementById('text');
  var errorBox = document.getElementById('error');
  var storageKey = 'kaskad-chat-' + chatId;
  var clientKey = 'kaskad-chat-client-' + chatId;
  var sessionId = null;
  var source = null;
  var lastSeq = 0;

  function json(method, url, body) {
    return fetch(url, { method: method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = text ? JSON.parse(text) : null;
          if (!response.ok) { var e = new Error((data && (data.detail || data.title)) || response.status); e.status = response.status; throw e; }
          return data;
        });
      });
  }

  function showError(text) { errorBox.textContent = text || ''; }

  function clearAnswers() {
    Array.prototype.forEach.call(log.querySelectorAll('.answers'), function (el) { el.remove(); });
  }

  function render(message) {
    if (message.seq <= lastSeq) { return; }
    lastSeq = message.seq;
    clearAnswers();
    var row = document.createElement('div');
    row.className = 'msg ' + message.author;
    row.setAttribute('data-seq', message.seq);
    if (avatars[message.author]) {
      var img = document.createElement('img');
      img.src = avatars[message.author];
      img.alt = '';
      row.appendChild(img);
    }
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = message.body;
    row.appendChild(bubble);
    log.appendChild(row);
    if (message.answers && message.answers.length) {
      var answers = document.createElement('div');
      answers.className = 'answers';
      message.answers.forEach(function (answer) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = answer;
        button.addEventListener('click', function () { send(answer); });
        answers.appendChild(button);
      });
      log.appendChild(answers);
    }
    log.scrollTop = log.scrollHeight;
  }

  function listen() {
    if (source) { source.close(); }
    source = new EventSource('/api/v1/sessions/' + sessionId + '/events?after=' + lastSeq);
    source.addEventListener('message', function (event) { render(JSON.parse(event.data)); });
    source.addEventListener('status', function (event) { root.setAttribute('data-status', event.data); });
    source.addEventListener('session', function (event) { follow(event.data); });
  }

  function use(id) {
    sessionId = id;
    localStorage.setItem(storageKey, sessionId);
    root.setAttribute('data-session-id', sessionId);
  }

  // The ended session's client goes on in a newer one: its messages follow what is already shown.
  function follow(id) {
    if (!id || id === sessionId) { return; }
    use(id);
    lastSeq = 0;
    var divider = document.createElement('hr');
    divider.className = 'session-divider';
    log.appendChild(divider);
    listen();
  }

  function start() {
    lastSeq = 0;
    log.innerHTML = '';
    var request = { messengerType: 'WEB', returnAnswerAsync: true };
    var clientId = localStorage.getItem(clientKey);
    if (clientId) { request.clientId = clientId; }
    return json('POST', '/api/chats/v1/chats/' + chatId + '/sessions?x_widget=1', request)
      .then(function (session) {
        use(session.id);
        if (session.clientId) { localStorage.setItem(clientKey, session.clientId); }
        listen();
      })
      .catch(function (e) { showError(e.message); });
  }

  function send(text) {
    showError('');
    return json('POST', '/api/v1/sessions/' + sessionId + '/messages', { body: text })
      .catch(function (e) {
        if (e.status === 409 || e.status === 404) {   // the session has ended: a new one carries the message
          return start().then(function () { return json('POST', '/api/v1/sessions/' + sessionId + '/messages', { body: text }); });
        }
        showError(e.message);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    send(text);
  });

  function begin() {
    var saved = localStorage.getItem(storageKey);
    if (saved) {
      json('GET', '/api/v1/sessions/' + saved + '/messages')
        .then(function () { use(saved); listen(); })
        .catch(function () { start(); });
    } else {
      start();
    }
  }

  if (root.getAttribute('data-launcher') !== 'true') {
    begin();
    return;
  }

  // Launcher mode: the page in the client's site frames only the buttons until the visitor opens the chat,
  // and no session starts before that. embed.js on the client's page sizes the frame to what is shown.
  var bar = document.querySelector('.launcher-bar');
  var begun = false;
  function announceSize() {
    var open = root.classList.contains('open');
    window.parent.postMessage({ kaskadChat: chatId, width: open ? 380 : bar.offsetWidth, height: open ? 640 : bar.offsetHeight }, '*');
  }
  function toggle(open) {
    root.classList.toggle('open', open);
    announceSize();
    if (open && !begun) { begun = true; begin(); }
    if (open) { input.focus(); }
  }
  document.getElementById('launcher').addEventListener('click', function () { toggle(!root.classList.contains('open')); });
  document.getElementById('close-panel').addEventListener('click', function () { toggle(false); });
  window.addEventListener('message', function (event) {
    if (event.source === window.parent && event.data && event.data.kaskadChat === 'size?') { announceSize(); }
  });
  announceSize();
})();
