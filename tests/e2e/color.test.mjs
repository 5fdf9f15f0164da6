// Colors from the shopper's room, in the browser against the real shop: a room photo generated in the page is
// chosen with the file input, its palette appears with shares in text, the mint-like color's nearest panel
// color is applied to every panel as one undo step, a wrong file type is refused with a message, a swatch
// request shows the shop's problems next to the fields and then its number — and no request the page makes
// carries the photo. The palette is found in the palette worker (not on the page's main thread), with the
// progress line naming each stage.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, roomPhoto, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const ZONES = ['fridge-top-left', 'fridge-top-right', 'fridge-bottom-left', 'fridge-bottom-right', 'dishwasher'];

async function colorOf(page, zone) {
  await page.check(`input[name="zone"][value="${zone}"]`);
  await page.waitForSelector(`input[name="color-${zone}"]`, { timeout: 5000 });
  return page.locator(`input[name="color-${zone}"]:checked`).getAttribute('value');
}

test('a room photo gives a palette; a match applied to all panels is one undo step; the photo stays', async () => {
  const { page, errors } = await openApp(env.browser, env.base, 'lang=en&product=bespoke-set');
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));

  const before = {};
  for (const z of ZONES) before[z] = await colorOf(page, z);

  // A wrong type is refused with a message, and nothing else happens.
  await page.setInputFiles('#photo-input', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  assert.match(await page.locator('#photo-error').textContent({ timeout: 5000 }), /not a JPEG, PNG or WebP/);

  // Every text the progress line shows, as it changes.
  await page.evaluate(() => {
    window.__progress = [];
    const line = document.querySelector('#photo-progress');
    new MutationObserver(() => window.__progress.push(line.textContent))
      .observe(line, { childList: true, characterData: true, subtree: true });
  });
  await page.setInputFiles('#photo-input', { name: 'room.png', mimeType: 'image/png', buffer: await roomPhoto(page) });
  await page.waitForSelector('.palette-chip', { timeout: 10000 });
  assert.equal(await page.locator('#photo-error').count(), 0, 'a good photo clears the message');
  // The worker found the palette, and the progress line said so, stage by stage, then cleared.
  assert.equal(await page.locator('.photo-results').getAttribute('data-extractor'), 'worker');
  assert.ok(page.workers().some((w) => w.url().endsWith('/palette_worker_loader.js')), 'the palette worker runs');
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.some((t) => /decoding it/.test(t)), JSON.stringify(progress));
  assert.ok(progress.some((t) => /finding its colors/.test(t)), JSON.stringify(progress));
  assert.equal(await page.locator('#photo-progress').textContent(), '');
  assert.equal(await page.locator('#photo-progress').getAttribute('aria-live'), 'polite');
  const chips = await page.$$eval('.palette-chip', (els) => els.map((e) => ({
    hex: e.dataset.hex, share: Number(e.dataset.share), text: e.textContent,
  })));
  assert.ok(chips.length >= 3, JSON.stringify(chips));
  assert.equal(chips.reduce((s, c) => s + c.share, 0), 100);
  for (const c of chips) assert.match(c.text, new RegExp(`${c.share}% of the photo`), 'the share is text');
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mintIndex = chips.findIndex((c) => { const [r, g, b] = rgb(c.hex); return g - r > 20 && b > r; });
  assert.ok(mintIndex >= 0, JSON.stringify(chips));
  assert.ok(Math.abs(chips[mintIndex].share - 60) <= 3, `mint share ${chips[mintIndex].share}`);
  assert.equal(await page.locator('img[alt="Your photo"]').getAttribute('src').then((s) => s.startsWith('blob:')), true);

  await page.locator('.palette-chip').nth(mintIndex).click();
  const best = page.locator('[data-harmony="match"] .offer').first();
  assert.equal(await best.getAttribute('data-color'), 'mint');
  const text = await best.textContent();
  assert.match(text, /Almost identical|Close/);
  assert.match(text, /ΔE \d+\.\d/);
  assert.ok(await page.locator('[data-harmony="tone_on_tone"]').count() === 1);
  assert.ok(await page.locator('[data-harmony="contrast"]').count() === 1);

  await best.locator('.apply-all').click();
  for (const z of ZONES) assert.equal(await colorOf(page, z), 'mint', z);

  // One step back undoes every panel.
  await page.keyboard.press('Control+z');
  for (const z of ZONES) assert.equal(await colorOf(page, z), before[z], `${z} after undo`);

  // Nothing the page sent carries the photo: only small bodies, only to the shop, never a blob or data URL.
  const origin = new URL(env.base).origin;
  for (const r of requests) {
    if (r.url.startsWith('blob:')) { assert.equal(r.method, 'GET', r.url); continue; }
    assert.ok(!r.url.startsWith('data:'), r.url.slice(0, 60));
    assert.equal(new URL(r.url).origin, origin, r.url);
    assert.ok((r.body?.length ?? 0) <= 1024, `${r.method} ${r.url} sent ${r.body?.length} bytes`);
    assert.ok(['GET', 'HEAD'].includes(r.method), `${r.method} ${r.url}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a swatch request shows the shop\'s problems by the fields, then its number', async () => {
  const { page, errors } = await openApp(env.browser, env.base, 'lang=en&product=bespoke-set');
  const bodies = [];
  page.on('request', (r) => bodies.push(r.postDataBuffer()?.length ?? 0));
  await page.setInputFiles('#photo-input', { name: 'room.png', mimeType: 'image/png', buffer: await roomPhoto(page) });
  await page.waitForSelector('.swatch-form', { timeout: 10000 });
  assert.match(await page.locator('#swatch-colors').textContent(), /Mint/);

  // Empty: the shop's localized problems appear next to the fields.
  await page.click('.swatch-form button[type="submit"]');
  await page.waitForSelector('#swatch-name-error', { timeout: 5000 });
  assert.match(await page.locator('#swatch-name-error').textContent(), /fill in this field/);
  assert.match(await page.locator('#swatch-email-error').textContent(), /email address or a phone number/);
  assert.equal(await page.locator('#swatch-name').getAttribute('aria-invalid'), 'true');

  await page.fill('#swatch-name', 'Kim Haneul');
  await page.fill('#swatch-email', 'haneul@example.com');
  await page.fill('#swatch-line1', '110 Sejong-daero');
  await page.fill('#swatch-city', 'Seoul');
  await page.fill('#swatch-postal', '04524');
  assert.equal(await page.$eval('#swatch-country', (s) => s.value), 'KR', 'the home market is preselected');
  await page.selectOption('#swatch-country', 'KR');
  await page.click('.swatch-form button[type="submit"]');
  const result = page.locator('#swatch-result[data-request]');
  await result.waitFor({ timeout: 5000 });
  const id = await result.getAttribute('data-request');
  assert.match(id, /^SWR-/);
  assert.match(await result.textContent(), new RegExp(id));
  assert.equal(await page.locator('.field-error').count(), 0);

  const stored = await (await fetch(`${env.base}/api/swatch-requests/${id}`)).json();
  assert.equal(stored.product, 'bespoke-set');
  assert.ok(stored.colors.includes('mint'), JSON.stringify(stored));
  assert.ok(Math.max(...bodies) <= 1024, `largest body ${Math.max(...bodies)} bytes`);
  // The browser logs the deliberate 422 itself; anything else is a bug.
  assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});
