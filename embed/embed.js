/*! Atelier embed loader, served by the shop at /embed.js. Retailers add two lines to a page:
 *    <script src="https://SHOP/embed.js" defer></script>
 *    <atelier-configurator product="runner-one" locale="ko" currency="KRW"></atelier-configurator>
 *
 * It defines <atelier-configurator>: a shadow root (the page's CSS cannot reach in) holding a sandboxed iframe
 * of the shop's configurator, as tall as its content but never taller than the page's window, so the preview
 * the configurator pins at its top stays on screen while the options scroll inside the frame; the loader also
 * tells the frame the window's height, how much of the frame is scrolled out above it and whether some of it
 * is still below it (`viewport`), so the preview stays in the visible part and the page scrolls the whole frame
 * into view before the options scroll inside it. Messages go to the frame with the shop's exact origin as
 * target; a message from the frame is used only if it comes from that frame's window, from the shop's
 * origin, in the shape {atelier: 1, type, detail: {...}}, and is then dispatched on the element as a DOM
 * CustomEvent `atelier:<type>` (ready, change, submitted, saved). Methods: setLocale(l), loadDesign(d), reset().
 * No framework, no inline styles or scripts (works under a strict CSP on the host page). See README,
 * "Embedding Atelier". */
(() => {
  'use strict';
  const TAG = 'atelier-configurator';
  // Resolved now: document.currentScript is only set while this file runs.
  const script = document.currentScript;
  if (!script || !script.src) {
    console.error('Atelier: load embed.js with <script src="https://…/embed.js">');
    return;
  }
  if (customElements.get(TAG)) return;
  const SHOP = new URL(script.src).origin;
  const LOCALES = ['ko', 'en'];
  const EVENTS = ['ready', 'change', 'submitted', 'saved'];
  const TITLES = { ko: '제품 구성기', en: 'Product configurator' };
  // A frame with both allow-scripts and allow-same-origin that is same-origin with its parent can reach into
  // the parent and remove its own sandbox attribute: the sandbox would be only decoration. Cross-origin, the
  // browser keeps the two pages apart whatever the sandbox says, and allow-same-origin is what lets the app
  // keep its own origin (to call the shop's API and remember the design).
  const SAME_ORIGIN = SHOP === location.origin;
  const SANDBOX = 'allow-scripts allow-forms allow-popups' + (SAME_ORIGIN ? '' : ' allow-same-origin');
  // :host rules marked !important beat the page's own !important rules on the element (the inner context wins
  // for important declarations), so `* { display: none !important }` on the page cannot hide the widget.
  const CSS = ':host{display:block!important;visibility:visible!important;opacity:1!important;' +
    'min-width:280px;contain:content}' +
    'iframe{display:block!important;visibility:visible!important;width:100%!important;' +
    'border:0!important;margin:0;padding:0;background:transparent;color-scheme:light}';

  const sheet = () => {
    // A constructed sheet, not a <style> element: the host page's CSP may forbid inline styles.
    try {
      const s = new CSSStyleSheet();
      s.replaceSync(CSS);
      return s;
    } catch { return null; }
  };
  const SHEET = sheet();
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  // The window's layout height: the frame is never taller, so the configurator's pinned preview fits on screen.
  // innerHeight rather than visualViewport: it stays put when a phone's keyboard opens (Chrome resizes only the
  // visual viewport), so typing a personal text does not shrink the frame under the shopper's finger.
  const windowHeight = () => Math.max(320, Math.round(window.innerHeight || 640));

  class AtelierConfigurator extends HTMLElement {
    static get observedAttributes() { return ['product', 'locale']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      if (SHEET) root.adoptedStyleSheets = [SHEET];
      else {
        const style = document.createElement('style');
        style.textContent = CSS;
        root.append(style);
      }
      this._root = root;
      this._frame = null;
      this._ready = false;
      this._queue = [];
      this._content = 0;
      this._reported = '';
      this._scheduled = false;
      this._onMessage = (e) => this._receive(e);
      this._onViewport = () => {
        if (this._scheduled) return;
        this._scheduled = true;
        requestAnimationFrame(() => { this._scheduled = false; this._fit(); });
      };
    }

    connectedCallback() {
      if (SAME_ORIGIN) {
        console.warn('Atelier: this page has the shop\'s own origin, so the frame runs with an opaque origin ' +
          'and cannot load; embed it from the retailer\'s site, or link to the shop.');
      }
      window.addEventListener('message', this._onMessage);
      window.addEventListener('scroll', this._onViewport, { passive: true });
      window.addEventListener('resize', this._onViewport, { passive: true });
      this._load();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this._onMessage);
      window.removeEventListener('scroll', this._onViewport);
      window.removeEventListener('resize', this._onViewport);
      if (this._frame) this._frame.remove();
      this._frame = null;
    }

    attributeChangedCallback(name, before, after) {
      if (!this._frame || before === after) return;
      if (name === 'product') this._load();
      else if (name === 'locale' && LOCALES.includes(after)) this._send('setLocale', { locale: after });
    }

    /** Switches the configurator's language ('ko' or 'en'); reflected in the `locale` attribute. */
    setLocale(locale) {
      if (!LOCALES.includes(locale)) throw new RangeError(`Atelier: locale must be one of ${LOCALES}`);
      this.setAttribute('locale', locale);
    }

    /** Loads a design (an object, or its JSON text, as in `atelier:change`'s `detail.design`). */
    loadDesign(design) {
      const d = typeof design === 'string' ? JSON.parse(design) : design;
      if (!isObject(d)) throw new TypeError('Atelier: loadDesign expects a design object');
      this._send('loadDesign', { design: d });
    }

    /** Starts a new design from the product's defaults. */
    reset() { this._send('reset', {}); }

    _load() {
      if (this._frame) this._frame.remove();
      const locale = this.getAttribute('locale');
      const url = new URL('/', SHOP);
      url.searchParams.set('product', this.getAttribute('product') || 'runner-one');
      if (LOCALES.includes(locale)) url.searchParams.set('lang', locale);
      url.searchParams.set('embed', '1');
      url.searchParams.set('parent', location.origin);
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', SANDBOX);
      frame.title = this.getAttribute('frame-title') || TITLES[locale] || TITLES.en;
      frame.loading = this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy';
      frame.referrerPolicy = 'strict-origin';
      frame.src = url.href;
      // Commands wait for the new frame's `ready`; the locale is in its address already.
      this._ready = false;
      this._queue = [];
      this._content = 0;
      this._reported = '';
      this._frame = frame;
      frame.style.height = `${windowHeight()}px`;
      this._root.append(frame);
    }

    /** Sizes the frame (its content's height, at most the window's) and tells the frame the window's height,
     *  how much of the frame is scrolled out above the window (its pinned preview moves down by that much) and
     *  whether part of it lies below the window (then the frame lets the page scroll first, so the shopper's
     *  swipe brings the whole frame into view before it scrolls the options inside). Only changes are sent:
     *  nothing while the frame is wholly in view. */
    _fit() {
      const frame = this._frame;
      if (!frame || !this._content) return;
      const height = windowHeight();
      frame.style.height = `${Math.min(this._content, height)}px`;
      const rect = frame.getBoundingClientRect();
      const hidden = Math.round(Math.min(Math.max(-rect.top, 0), rect.height));
      const below = rect.bottom > window.innerHeight + 1 && rect.top < window.innerHeight;
      const report = `${height} ${hidden} ${below}`;
      if (report === this._reported || !frame.contentWindow) return;
      this._reported = report;
      frame.contentWindow.postMessage({ atelier: 1, type: 'viewport', detail: { height, hidden, below } }, SHOP);
    }

    _send(type, detail) {
      const message = { atelier: 1, type, detail };
      if (this._ready && this._frame && this._frame.contentWindow) {
        this._frame.contentWindow.postMessage(message, SHOP);
      } else {
        this._queue.push(message);
      }
    }

    _receive(e) {
      const frame = this._frame;
      if (!frame || e.source !== frame.contentWindow || e.origin !== SHOP) return;
      const m = e.data;
      if (!isObject(m) || m.atelier !== 1 || typeof m.type !== 'string' || !isObject(m.detail)) return;
      if (m.type === 'resize') {
        const h = m.detail.height;
        // The frame sends this once it listens, so the viewport report that follows reaches it.
        if (Number.isFinite(h) && h > 0 && h < 100000) this._content = Math.ceil(h);
        this._fit();
        return;
      }
      if (!EVENTS.includes(m.type)) return;
      if (m.type === 'ready') {
        this._ready = true;
        const queued = this._queue;
        this._queue = [];
        for (const q of queued) frame.contentWindow.postMessage(q, SHOP);
      }
      this.dispatchEvent(new CustomEvent(`atelier:${m.type}`, { detail: m.detail, bubbles: true, composed: true }));
    }
  }

  customElements.define(TAG, AtelierConfigurator);
})();
