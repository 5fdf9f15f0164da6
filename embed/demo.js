// The demo retailer page's own script: logs every event the configurator sends (as text, never markup) and
// wires a few buttons to the element's attributes and methods. Tests read `window.atelierEvents`.
'use strict';
const widget = document.querySelector('atelier-configurator');
const log = document.getElementById('event-log');
window.atelierEvents = [];

for (const type of ['atelier:ready', 'atelier:change', 'atelier:submitted', 'atelier:saved']) {
  widget.addEventListener(type, (e) => {
    window.atelierEvents.push({ type, detail: e.detail });
    const d = e.detail;
    const line = document.createElement('li');
    // The shopper's personal text is data: it goes in as text content, never as markup.
    const text = Object.values(d.design?.text ?? {}).join(' / ');
    line.textContent = type === 'atelier:submitted'
      ? `${type} order ${d.orderId} · ${d.priceText}`
      : `${type} ${d.product} · ${d.priceText ?? ''}${text ? ` · ${text}` : ''}`;
    log.append(line);
  });
}

document.getElementById('lang-ko').addEventListener('click', () => widget.setAttribute('locale', 'ko'));
document.getElementById('lang-en').addEventListener('click', () => widget.setLocale('en'));
document.getElementById('reset').addEventListener('click', () => widget.reset());
