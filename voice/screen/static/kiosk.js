'use strict';
// The kiosk page: one EventSource on /events; every message is the whole state, rendered as is.
(function () {
  const $ = (id) => document.getElementById(id);
  const STATES = {
    starting: 'Starting…', ready: 'Ready', listening: 'Listening', hearing: 'Hearing you…',
    thinking: 'Thinking…', speaking: 'Speaking', 'microphone missing': 'Microphone missing: use the screen',
    stopped: 'Stopped'
  };
  let state = null;
  let source = null;
  let failures = 0;
  let pressing = false;

  function setConn(conn) {
    document.body.dataset.conn = conn;
    $('conn').textContent = conn === 'connected' ? '' : 'Reconnecting…';
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render(s) {
    if (state && s.version < state.version) return; // an older snapshot (a slow POST answer): keep the newer
    state = s;
    const pill = $('state');
    pill.dataset.state = s.state;
    pill.textContent = STATES[s.state] || s.state;
    $('heard').textContent = s.heard || '\u00a0';
    $('reply').textContent = s.reply || '\u00a0';

    const list = $('product-list');
    list.replaceChildren(...s.products.map((p) => {
      const li = el('li');
      li.append(el('span', 'pname', p.name), el('span', 'price', p.price));
      return li;
    }));
    $('products').hidden = s.products.length === 0;

    const lines = s.cart.lines;
    $('cart-lines').replaceChildren(...lines.map((l) => {
      const tr = el('tr', 'line');
      const what = el('td', 'what');
      what.append(el('div', 'lname', l.name));
      if (l.options) what.append(el('div', 'opts', 'with ' + l.options));
      tr.append(el('td', 'qty', String(l.quantity) + '×'), what, el('td', 'ltotal', l.total));
      return tr;
    }));
    $('cart').hidden = lines.length === 0;
    $('cart-empty').hidden = lines.length !== 0;
    $('totals').hidden = lines.length === 0;
    $('subtotal').textContent = s.cart.subtotal;
    $('tax').textContent = s.cart.tax;
    $('tax-row').hidden = !s.cart.tax;
    $('total').textContent = s.cart.total;

    $('readback').hidden = !s.readback;
    $('confirm').disabled = pressing || !s.readback;
    $('change').disabled = pressing || !s.readback;
    $('placed').hidden = !s.order_number;
    $('order-number').textContent = s.order_number || '';

    $('typing').hidden = !s.typing;
    $('history').replaceChildren(...s.history.slice(0, -2).reverse().map((h) => {
      const li = el('li', h.who);
      li.append(el('span', 'who', h.who === 'you' ? 'You' : 'Assistant'), el('span', 'text', h.text));
      return li;
    }));
    document.body.dataset.turn = String(s.turn);
    document.body.dataset.version = String(s.version);
  }

  async function post(path, body) {
    const r = await fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    if (r.headers.get('Content-Type') === 'application/json') {
      const data = await r.json();
      if (data.state) render(data.state);
    }
    return r.status;
  }

  async function press(button) {
    if (pressing || !state || !state.readback) return;
    pressing = true;
    $('confirm').disabled = true;
    $('change').disabled = true;
    try {
      await post('/api/press', { button: button, turn: state.turn });
    } catch (e) {
      // the stream brings the state back when the server is reachable again
    } finally {
      pressing = false;
      if (state) render(state);
    }
  }

  function connect() {
    source = new EventSource('/events');
    source.onopen = () => { failures = 0; setConn('connected'); };
    source.onmessage = (e) => { setConn('connected'); render(JSON.parse(e.data)); };
    source.onerror = () => {
      setConn('reconnecting');
      if (source.readyState === EventSource.CLOSED) { // the browser gave up: start a new stream ourselves
        source.close();
        failures += 1;
        setTimeout(connect, Math.min(5000, 500 * failures));
      }
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('confirm').addEventListener('click', () => press('confirm'));
    $('change').addEventListener('click', () => press('change'));
    $('typing').addEventListener('submit', async (e) => {
      e.preventDefault();
      const input = $('say-text');
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      try { await post('/api/say', { text: text }); } catch (err) { input.value = text; }
    });
    connect();
  });
})();
