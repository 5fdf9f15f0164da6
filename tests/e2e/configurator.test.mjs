// The shopper's whole path in headless Chromium against the real shop: the preview shows the very pixels the
// native compositor makes, a color change repaints that zone and nothing else, the keyboard works, the
// language switches, and a submitted order is stored with the shop's price and the proofs of what the shopper
// saw, which the shop's own preview of the order reproduces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, canvasHash, openApp, renderCount, start, waitForRender } from './harness.mjs';

const reference = JSON.parse(
  readFileSync(join(ROOT, 'crates/atelier-render/tests/reference/hashes.json'), 'utf8'),
);
let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('the preview in the browser is byte-identical to the native render', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  assert.equal(await page.evaluate(() => document.querySelector('#preview').dataset.view), 'side');
  assert.equal(await canvasHash(page), reference['default/side']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the appliance set in the browser is byte-identical to the native render, in both views', async () => {
  const { page, errors } = await openApp(env.browser, env.base, 'product=bespoke-set');
  assert.equal(await page.evaluate(() => document.querySelector('#preview').dataset.view), 'front');
  assert.equal(await canvasHash(page), reference['bespoke-set-default/front']);
  const n = await renderCount(page);
  await page.check('input[name="view"][value="closeup"]');
  await waitForRender(page, n);
  assert.equal(await canvasHash(page), reference['bespoke-set-default/closeup']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a color change repaints that zone and nothing else', async () => {
  const { page } = await openApp(env.browser, env.base);
  // Remember the pixels and learn the toe's coverage from its layer (blue channel = coverage).
  await page.evaluate(async () => {
    const c = document.querySelector('#preview');
    window.__before = c.getContext('2d').getImageData(0, 0, c.width, c.height).data.slice();
    const img = await createImageBitmap(await (await fetch('/static/products/runner-one/side/toe.png')).blob());
    const off = new OffscreenCanvas(img.width, img.height);
    off.getContext('2d').drawImage(img, 0, 0);
    window.__toe = off.getContext('2d').getImageData(0, 0, img.width, img.height).data;
  });
  await page.check('input[name="zone"][value="toe"]');
  const n = await renderCount(page);
  await page.check('input[name="color-toe"][value="red"]');
  await waitForRender(page, n);
  const diff = await page.evaluate(() => {
    const c = document.querySelector('#preview');
    const now = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < now.length; i += 4) {
      const changed = now[i] !== __before[i] || now[i + 1] !== __before[i + 1] || now[i + 2] !== __before[i + 2];
      if (!changed) continue;
      if (__toe[i + 2] > 0) inside++; else outside++;
    }
    return { inside, outside };
  });
  assert.equal(diff.outside, 0, 'no pixel outside the toe may change');
  assert.ok(diff.inside > 10000, `the toe visibly changed (${diff.inside} pixels)`);
  await page.close();
});

test('options work from the keyboard', async () => {
  const { page } = await openApp(env.browser, env.base);
  await page.check('input[name="zone"][value="quarter"]');
  const first = page.locator('input[name="color-quarter"]:checked');
  const was = await first.getAttribute('value');
  await first.focus();
  const n = await renderCount(page);
  await page.keyboard.press('ArrowRight');
  await waitForRender(page, n);
  const now = await page.locator('input[name="color-quarter"]:checked').getAttribute('value');
  assert.notEqual(now, was);
  // Every radio has an accessible name.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input[type=radio]')]
    .filter((r) => !(r.labels?.length && r.labels[0].textContent.trim()) && !r.getAttribute('aria-label'))
    .map((r) => `${r.name}=${r.value}`));
  assert.deepEqual(unnamed, []);
  await page.close();
});

test('the language switch speaks Korean', async () => {
  const { page } = await openApp(env.browser, env.base, 'lang=ko');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  const text = await page.textContent('body');
  assert.match(text, /주문하기/);
  assert.match(await page.textContent('#price-total'), /₩149,000/);
  await page.close();
});

test('a submitted design becomes an order with the shop’s price', async () => {
  const { page } = await openApp(env.browser, env.base);
  await page.check('input[name="zone"][value="toe"]');
  await page.check('input[name="material-toe"][value="suede"]');
  await page.waitForFunction(() => /159,000/.test(document.querySelector('#price-total').textContent));
  await page.selectOption('#size', '265');
  await page.click('#submit');
  await page.waitForSelector('#order-number', { timeout: 15000 });
  const id = (await page.textContent('#order-number')).trim();
  assert.match(id, /^ATL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const order = await (await fetch(`${env.base}/api/orders/${id}`)).json();
  assert.deepEqual(order.price, { amount: 159000, currency: 'KRW' });
  assert.equal(order.request.design.zones.toe.material, 'suede');
  assert.equal(order.request.design.size, '265');
  // The proofs the app sent (one per view, the top view decoded just for the order) are the shop's, and the
  // side view's is the canvas the shopper is looking at.
  assert.deepEqual(Object.keys(order.spec.proofs).sort(), ['side', 'top']);
  assert.deepEqual(order.spec.proofs, order.request.proof);
  assert.equal(order.spec.proofs.side, await canvasHash(page));
  // The shop's preview of the stored order, decoded in the page, has exactly those pixels.
  const png = await page.evaluate(async (url) => {
    const r = await fetch(url);
    const img = await createImageBitmap(await r.blob(),
      { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    const off = new OffscreenCanvas(img.width, img.height);
    off.getContext('2d').drawImage(img, 0, 0);
    const data = off.getContext('2d').getImageData(0, 0, img.width, img.height).data;
    const digest = await crypto.subtle.digest('SHA-256', data);
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      width: img.width,
      hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    };
  }, `/api/orders/${id}/preview/side.png?scale=1`);
  assert.deepEqual(png, { status: 200, type: 'image/png', width: 1024, hash: order.spec.proofs.side });
  await page.close();
});

test('a view that cannot be loaded for the order is a clear error, and the order goes through once it can', async () => {
  const { page } = await openApp(env.browser, env.base, 'lang=ko');
  // The shopper never opened the top view, so placing the order must fetch it; it fails once.
  await page.route('**/static/products/runner-one/top/**', (r) => r.abort());
  let orders = 0;
  page.on('request', (r) => { if (r.url().endsWith('/api/orders')) orders++; });
  await page.selectOption('#size', '265');
  await page.click('#submit');
  const alert = page.locator('.submit-panel .notice.error');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.textContent(), /윗모습 보기를 준비하지 못했습니다/);
  assert.equal(orders, 0, 'nothing is sent without every proof');
  await page.unroute('**/static/products/runner-one/top/**');
  await page.click('#submit');
  await page.waitForSelector('#order-number', { timeout: 15000 });
  assert.equal(orders, 1);
  await page.close();
});
