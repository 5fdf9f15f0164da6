// Atelier inside a retailer's page, for real: the demo page (embed/demo.html) served from a second origin
// (127.0.0.2) embeds the shop's configurator (127.0.0.1) with the two README lines. The page hears ready,
// change and submitted in order with the right payloads; the frame cannot reach the page; messages from a
// third origin (127.0.0.3) or with a forged shape change nothing; the page's
// hostile CSS does not reach the widget; the element's attributes drive the frame.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ROOT, start } from './harness.mjs';

/// Serves `files` (path → [content type, body]) on `host`, port 0.
function serve(host, files) {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  return new Promise((ok) => server.listen(0, host, () => ok(server)));
}
const origin = (server, host) => `http://${host}:${server.address().port}`;

// A page on an origin the shop does not list opens the configurator claiming to be the retailer
// (`parent=<the allowed origin>`) and sends it perfectly shaped commands. (Framing it instead would be stopped
// by `frame-ancestors`, and a sibling frame on the retailer's page cannot even address a frame inside a
// shadow root: `window.frames` does not list it.)
const INTRUDER_HTML = '<!doctype html><title>not a retailer</title><script src="/intruder.js"></script>';
const INTRUDER_JS = `
window.received = [];
window.addEventListener('message', (e) => window.received.push(e.origin));
window.attack = (url) => new Promise((done) => {
  const w = window.open(url);
  const red = { product: 'runner-one', size: null, zones: { toe: { material: 'suede', color: 'red' } } };
  const messages = [
    { atelier: 1, type: 'setLocale', detail: { locale: 'ko' } },
    { atelier: 1, type: 'loadDesign', detail: { design: red } },
    { atelier: 1, type: 'reset', detail: {} },
  ];
  // Keep sending while the app starts, so some arrive after it listens.
  let n = 0;
  const timer = setInterval(() => {
    for (const m of messages) w.postMessage(m, '*');
    if (++n === 40) { clearInterval(timer); done(); }
  }, 100);
});
`;

let env;
let demo;
let intruder;
let demoOrigin;
let intruderOrigin;
before(async () => {
  // The shop must know the demo's origin when it starts, and the demo page the shop's address: so the demo
  // server starts first and gets its files once the shop is up.
  const demoFiles = {};
  demo = await serve('127.0.0.2', demoFiles);
  demoOrigin = origin(demo, '127.0.0.2');
  intruder = await serve('127.0.0.3', {
    '/intruder.html': ['text/html', INTRUDER_HTML],
    '/intruder.js': ['text/javascript', INTRUDER_JS],
  });
  intruderOrigin = origin(intruder, '127.0.0.3');
  env = await start({ env: { ATELIER_EMBED_ORIGINS: demoOrigin } });
  const html = readFileSync(join(ROOT, 'embed/demo.html'), 'utf8');
  assert.match(html, /http:\/\/127\.0\.0\.1:8080\/embed\.js/);
  demoFiles['/demo.html'] = ['text/html', html.replaceAll('http://127.0.0.1:8080', env.base)];
  demoFiles['/demo.js'] = ['text/javascript', readFileSync(join(ROOT, 'embed/demo.js'))];
});
after(async () => {
  await env?.stop();
  demo?.close();
  intruder?.close();
});

const events = (page) => page.evaluate(() => window.atelierEvents);

/// The demo page with the configurator ready, and the configurator's frame.
async function openDemo(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${demoOrigin}/demo.html`);
  await page.waitForFunction(() => window.atelierEvents?.some((e) => e.type === 'atelier:ready'), null,
    { timeout: 30000 });
  const frame = page.frames().find((f) => f.url().startsWith(`${env.base}/`));
  assert.ok(frame, 'the configurator frame is on the page');
  // Sized to its content by the app's resize messages (before that it has the loader's default height).
  await page.waitForFunction(() => document.querySelector('atelier-configurator').shadowRoot
    .querySelector('iframe').getBoundingClientRect().height > 700);
  return { page, frame, errors };
}

test('the loader is served by the shop and stays under 5 KB gzip', async () => {
  const r = await fetch(`${env.base}/embed.js`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /javascript/);
  const body = Buffer.from(await r.arrayBuffer());
  const gzip = gzipSync(body, { level: 9 }).length;
  assert.ok(gzip <= 5 * 1024, `embed.js is ${gzip} bytes gzip`);
  const origins = await (await fetch(`${env.base}/api/embed/origins`)).json();
  assert.deepEqual(origins, { origins: [demoOrigin] });
});

test('the page hears ready, change and submitted in order, with the order the shop stored', async () => {
  const { page, frame, errors } = await openDemo(env.browser);
  const url = new URL(frame.url());
  assert.equal(url.searchParams.get('embed'), '1');
  assert.equal(url.searchParams.get('parent'), demoOrigin);
  assert.equal(url.searchParams.get('product'), 'runner-one');

  const [ready] = await events(page);
  assert.equal(ready.type, 'atelier:ready');
  assert.equal(ready.detail.product, 'runner-one');
  assert.equal(ready.detail.locale, 'en');
  assert.deepEqual(ready.detail.price, { amount: 149000, currency: 'KRW' });
  assert.equal(ready.detail.priceText, '₩149,000');
  assert.equal(ready.detail.design.product, 'runner-one');

  // Showing a part changes no design, so the page hears nothing; choosing suede does.
  await frame.check('input[name="zone"][value="toe"]');
  await frame.check('input[name="material-toe"][value="suede"]');
  await page.waitForFunction(() => window.atelierEvents.length >= 2);
  await frame.selectOption('#size', '265');
  await page.waitForFunction(() => window.atelierEvents.length >= 3);
  await frame.click('#submit');
  await page.waitForFunction(() => window.atelierEvents.length >= 4, null, { timeout: 15000 });
  const all = await events(page);
  assert.deepEqual(all.map((e) => e.type),
    ['atelier:ready', 'atelier:change', 'atelier:change', 'atelier:submitted']);
  const [, suede, sized, submitted] = all;
  assert.equal(suede.detail.design.zones.toe.material, 'suede');
  assert.deepEqual(suede.detail.price, { amount: 159000, currency: 'KRW' });
  assert.equal(suede.detail.priceText, '₩159,000');
  // The design in words, for the retailer's page too.
  assert.match(suede.detail.description, /Toe box: [^;]+, Suede;/);
  assert.equal(sized.detail.design.size, '265');

  const id = submitted.detail.orderId;
  assert.match(id, /^ATL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal((await frame.textContent('#order-number')).trim(), id);
  const order = await (await fetch(`${env.base}/api/orders/${id}`)).json();
  assert.deepEqual(submitted.detail.price, order.price);
  assert.deepEqual(submitted.detail.price, { amount: 159000, currency: 'KRW' });
  assert.equal(submitted.detail.priceText, '₩159,000');
  assert.deepEqual(submitted.detail.design, order.request.design);
  // The page's log shows them as text.
  assert.match(await page.textContent('#event-log'), new RegExp(`atelier:submitted order ${id}`));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the loader ignores messages that are not from its frame, from the shop, in shape', async () => {
  const { page, frame } = await openDemo(env.browser);
  await events(page); // ready
  const forged = { atelier: 1, type: 'change', detail: { product: 'forged', price: { amount: 1, currency: 'KRW' } } };
  // From the page itself (wrong source and origin), and from the frame with a wrong version or shape.
  await page.evaluate((m) => window.postMessage(m, '*'), forged);
  await frame.evaluate((m) => {
    window.parent.postMessage({ ...m, atelier: 2 }, '*');
    window.parent.postMessage({ atelier: 1, type: 'change', detail: 'not an object' }, '*');
    window.parent.postMessage({ atelier: 1, detail: {} }, '*');
  }, forged);
  // A real change afterwards: messages from one sender arrive in order, so once it is heard the forged ones
  // have been seen (and dropped).
  await frame.check('input[name="zone"][value="toe"]');
  await frame.check('input[name="material-toe"][value="suede"]');
  await page.waitForFunction(() => window.atelierEvents.length >= 2);
  await page.waitForTimeout(200);
  const all = await events(page);
  assert.deepEqual(all.map((e) => e.type), ['atelier:ready', 'atelier:change']);
  assert.equal(all[1].detail.product, 'runner-one');
  assert.equal(all[1].detail.design.zones.toe.material, 'suede');
  await page.close();
});

test('the frame cannot reach the page, and the page’s CSS cannot reach the widget', async () => {
  const { page, frame } = await openDemo(env.browser);
  assert.equal(await frame.evaluate(() => {
    try { return window.parent.document.title; } catch (e) { return e.name; }
  }), 'SecurityError');
  const iframe = page.locator('atelier-configurator iframe');
  assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-forms allow-popups allow-same-origin');
  assert.ok(await iframe.getAttribute('title'));

  // The hostile sheet is live on the page (its own text is red), yet the frame is shown and unstyled by it.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h2')).color), 'rgb(255, 0, 0)');
  assert.equal(await iframe.evaluate((f) => getComputedStyle(f).display), 'block');
  assert.equal(await iframe.evaluate((f) => getComputedStyle(f).borderTopWidth), '0px');
  assert.notEqual(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).color),
    'rgb(255, 0, 0)');
  // As tall as its content but no taller than the window (900 px here), so its pinned preview fits on screen
  // and the options scroll inside it.
  const contentHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const frameHeight = (await iframe.boundingBox()).height;
  assert.ok(contentHeight > 900, `content ${contentHeight}px`);
  assert.equal(frameHeight, 900);
  await page.close();
});

test('a page on an origin not in the allow-list cannot drive the configurator', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${intruderOrigin}/intruder.html`);
  const url = `${env.base}/?product=runner-one&lang=en&embed=1&parent=${encodeURIComponent(demoOrigin)}`;
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((u) => window.attack(u), url),
  ]);
  // The app did enter embedded mode (the claimed origin is listed), so it was listening all along.
  assert.equal(await popup.evaluate(() => document.documentElement.hasAttribute('data-embed')), true);
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'en');
  await popup.check('input[name="zone"][value="toe"]');
  assert.equal(await popup.locator('input[name="color-toe"]:checked').getAttribute('value'), 'white');
  assert.match(await popup.textContent('#price-total'), /149,000/);
  assert.deepEqual(await page.evaluate(() => window.received), [], 'the app told the intruder nothing');
  await popup.close();
  await page.close();
});

test('messages with a forged shape change nothing', async () => {
  const { page, frame } = await openDemo(env.browser);
  const state = () => frame.evaluate(() => ({
    lang: document.documentElement.lang,
    total: document.querySelector('#price-total').textContent,
    checked: [...document.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`).join(','),
  }));
  // A change first, so a forged reset would show.
  await frame.check('input[name="zone"][value="toe"]');
  await frame.check('input[name="color-toe"][value="navy"]');
  await page.waitForFunction(() => window.atelierEvents.length === 2);
  const was = await state();

  // The allowed page itself, with the right target, but shapes that are not commands.
  await page.evaluate((shop) => {
    const w = document.querySelector('atelier-configurator').shadowRoot.querySelector('iframe').contentWindow;
    const red = { product: 'runner-one', size: null, zones: { toe: { material: 'suede', color: 'red' } } };
    for (const m of [
      { type: 'reset', detail: {} },
      { atelier: '1', type: 'setLocale', detail: { locale: 'ko' } },
      { atelier: 2, type: 'reset', detail: {} },
      { atelier: 1, type: 'setLocale', locale: 'ko' },
      { atelier: 1, type: 'setLocale', detail: { locale: 'ko-KR' } },
      { atelier: 1, type: 'loadDesign', detail: red.zones },
      { atelier: 1, type: 'loadDesign', detail: { design: JSON.stringify(red) } },
      { atelier: 1, type: 'RESET', detail: {} },
      JSON.stringify({ atelier: 1, type: 'reset', detail: {} }),
      [1, 'reset', {}],
    ]) w.postMessage(m, shop);
  }, env.base);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await state(), was);
  assert.deepEqual((await events(page)).map((e) => e.type), ['atelier:ready', 'atelier:change']);

  // A real command from the page, sent after the forged ones: messages from one sender arrive in order, so
  // when it has taken effect the forged ones have been seen, and the next change must be this one.
  await page.evaluate(() => document.querySelector('atelier-configurator').loadDesign({
    product: 'runner-one', size: null, zones: { toe: { material: 'leather', color: 'red' } },
  }));
  await page.waitForFunction(() => window.atelierEvents.length >= 3);
  const after3 = await events(page);
  assert.deepEqual(after3.map((e) => e.type), ['atelier:ready', 'atelier:change', 'atelier:change']);
  const loaded = after3[2];
  assert.deepEqual(loaded.detail.design.zones.toe, { material: 'leather', color: 'red' });
  assert.equal((await state()).lang, 'en', 'the forged setLocale did nothing');
  await page.close();
});

test('on a phone the frame keeps the window\'s height from the start, and the host page never shifts', async () => {
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  // The host's layout shifts and the frame's heights, as the host page sees them from the start.
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries()))
      .observe({ type: 'layout-shift', buffered: true });
    window.heights = [];
    const timer = setInterval(() => {
      const f = document.querySelector('atelier-configurator')?.shadowRoot?.querySelector('iframe');
      const h = f && Math.round(f.getBoundingClientRect().height);
      if (h && !window.heights.length) window.frameAt = performance.now();
      if (h && window.heights.at(-1) !== h) window.heights.push(h);
    }, 10);
    setTimeout(() => clearInterval(timer), 20000);
  });
  await page.goto(`${demoOrigin}/demo.html`);
  await page.waitForFunction(() => window.atelierEvents?.some((e) => e.type === 'atelier:ready'), null,
    { timeout: 30000 });
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.heights), [844], 'the frame kept the window\'s height');
  // The element taking its place when the loader defines it is the host page's to reserve (README); from
  // then on, the frame's page giving way to the app, the app loading and sizing itself shift nothing.
  const later = await page.evaluate(() => window.shifts.filter((e) => e.startTime > window.frameAt + 100)
    .map((e) => e.value));
  assert.deepEqual(later, [], 'no layout shift on the host page once the frame is there');
  await page.close();
});

test('the element’s attributes drive the frame: locale switches it to Korean, product reloads it', async () => {
  const { page, frame } = await openDemo(env.browser);
  await page.evaluate(() => document.querySelector('atelier-configurator').setAttribute('locale', 'ko'));
  await frame.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.match(await frame.textContent('body'), /주문하기/);
  assert.match(await frame.textContent('#price-total'), /₩149,000/);

  await page.evaluate(() => document.querySelector('atelier-configurator').setAttribute('product', 'bespoke-set'));
  await page.waitForFunction(() => window.atelierEvents.filter((e) => e.type === 'atelier:ready').length === 2,
    null, { timeout: 30000 });
  const ready = (await events(page)).at(-1);
  assert.equal(ready.detail.product, 'bespoke-set');
  assert.equal(ready.detail.locale, 'ko', 'the reloaded frame keeps the element’s locale');
  await page.close();
});

test('the frame’s page carries the shop’s first paint, hidden until its stylesheet applies, and the app retires it', async () => {
  // As served: the frame's page has the product's frame and still, marked `hidden` so nothing unstyled is
  // ever painted (a frame painted before its stylesheet once shifted the whole frame).
  const url = `${env.base}/?product=runner-one&lang=en&embed=1&parent=${encodeURIComponent(demoOrigin)}`;
  const html = await (await fetch(url)).text();
  assert.match(html, /<html lang="en" data-embed>/);
  assert.match(html, /<div id="first-paint" hidden>/);
  assert.match(html, /id="first-paint-still"/);
  // In the retailer's page: shown by the stylesheet, then retired by the app in place.
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${demoOrigin}/demo.html`);
  await page.waitForFunction(() => window.atelierEvents?.some((e) => e.type === 'atelier:ready'), null,
    { timeout: 30000 });
  const frame = page.frames().find((f) => f.url().startsWith(`${env.base}/`));
  assert.ok(frame, 'the configurator frame is on the page');
  const retired = await frame.evaluate(() => {
    const el = document.querySelector('.first-paint-retired');
    return el && { display: getComputedStyle(el).display, inert: el.hasAttribute('inert') };
  });
  assert.deepEqual(retired, { display: 'block', inert: true }, 'the first paint was there and is retired');
  await page.close();
});
