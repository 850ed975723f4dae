'use strict';
// The operator view: one EventSource on /operator/events; each message is the whole state.
(function () {
  const $ = (id) => document.getElementById(id);
  let version = 0;
  let failures = 0;

  function td(text, cls) {
    const e = document.createElement('td');
    if (cls) e.className = cls;
    e.textContent = text === null || text === undefined || text === '' ? '—' : String(text);
    return e;
  }

  function rows(id, items, cols, empty) {
    const body = $(id);
    if (items.length === 0) {
      const tr = document.createElement('tr');
      const cell = td(empty, 'none');
      cell.colSpan = cols;
      tr.append(cell);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...items);
  }

  function lastWords(c) {
    const cell = document.createElement('td');
    const heard = document.createElement('div');
    heard.className = 'transcript';
    heard.textContent = c.transcript ? '“' + c.transcript + '”' : '—';
    const said = document.createElement('div');
    said.className = 'reply-text';
    said.textContent = c.reply || '';
    cell.append(heard, said);
    return cell;
  }

  function render(s) {
    if (s.version < version) return;
    version = s.version;
    const bridge = $('bridge');
    bridge.textContent = 'Bridge: ' + s.bridge;
    bridge.dataset.state = s.bridge === 'running' ? 'listening' : (s.bridge === 'stopped' ? 'stopped' : 'starting');
    $('live-count').textContent = '(' + s.live.length + ')';
    rows('live', s.live.map((c) => {
      const tr = document.createElement('tr');
      tr.className = 'call';
      tr.dataset.call = c.call;
      tr.append(td(c.caller), td(c.state, 'call-state'), td(c.since), lastWords(c), td(c.order));
      return tr;
    }), 5, 'No calls right now.');
    rows('ended', s.ended.map((c) => {
      const tr = document.createElement('tr');
      tr.append(td(c.caller), td(c.ended), td(c.turns), td(c.transcript, 'transcript'), td(c.order));
      return tr;
    }), 5, 'None yet.');
    rows('orders', s.orders.map((o) => {
      const tr = document.createElement('tr');
      tr.className = 'order';
      tr.append(td(o.order), td(o.at), td(o.caller));
      return tr;
    }), 3, 'None yet.');
    rows('refusals', s.refusals.map((r) => {
      const tr = document.createElement('tr');
      tr.className = 'refusal';
      tr.append(td(r.at), td(r.status), td([r.reason, r.source].filter(Boolean).join(' from ')));
      return tr;
    }), 3, 'None.');
    $('source').textContent = s.source;
    $('records').textContent = String(s.records);
    document.body.dataset.version = String(s.version);
  }

  function connect() {
    const source = new EventSource('/operator/events');
    source.onopen = () => { failures = 0; document.body.dataset.conn = 'connected'; $('conn').textContent = ''; };
    source.onmessage = (e) => { document.body.dataset.conn = 'connected'; $('conn').textContent = ''; render(JSON.parse(e.data)); };
    source.onerror = () => {
      document.body.dataset.conn = 'reconnecting';
      $('conn').textContent = 'Reconnecting…';
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        failures += 1;
        setTimeout(connect, Math.min(5000, 500 * failures));
      }
    };
  }

  document.addEventListener('DOMContentLoaded', connect);
})();
