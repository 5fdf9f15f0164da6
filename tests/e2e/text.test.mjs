// Personal text in headless Chromium against the real shop: a refused word shows its reason at once (English
// and Korean) and the width check says by how much a text is too wide; the word lists' worker loads only once
// a shopper writes text (never for a product without text), and if it cannot start the field says so and the
// shop's check decides; markup typed as text stays text in the
// field, the price summary and a retailer's event log, and never runs (`window.__pwned` stays undefined on
// both pages); the canvas with text is byte-identical to the native render; the Hangul font is fetched only
// once Hangul is typed; the text survives a reload; the shop refuses a submitted refused text with the same
// reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, canvasHash, openApp, start } from './harness.mjs';

const reference = JSON.parse(
  readFileSync(join(ROOT, 'crates/atelier-render/tests/reference/hashes.json'), 'utf8'),
);
const PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=1</script>'];

let env;
let demo;
let demoOrigin;
const demoFiles = {};
before(async () => {
  demo = await new Promise((ok) => {
    const server = createServer((req, res) => {
      const file = demoFiles[new URL(req.url, 'http://x').pathname];
      if (!file) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
    });
    server.listen(0, '127.0.0.2', () => ok(server));
  });
  demoOrigin = `http://127.0.0.2:${demo.address().port}`;
  env = await start({ env: { ATELIER_EMBED_ORIGINS: demoOrigin } });
  const html = readFileSync(join(ROOT, 'embed/demo.html'), 'utf8');
  demoFiles['/demo.html'] = ['text/html', html.replaceAll('http://127.0.0.1:8080', env.base)];
  demoFiles['/demo.js'] = ['text/javascript', readFileSync(join(ROOT, 'embed/demo.js'))];
});
after(async () => {
  await env?.stop();
  demo?.close();
});

/// Waits (bounded) until the canvas hash is `expected`, then returns the last hash seen.
async function hashBecomes(page, expected, ms = 10000) {
  const deadline = Date.now() + ms;
  let hash;
  while (Date.now() < deadline) {
    hash = await canvasHash(page);
    if (hash === expected) return hash;
    await page.waitForTimeout(100);
  }
  return hash;
}

const status = (page, id) => page.textContent(`#text-${id}-status`);

test('a refused word shows its reason at once, in English and in Korean', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  await page.fill('#text-heel-id', 'sh1t');
  // "At once": the status is there right after the input event, with no round trip to the shop.
  await page.waitForFunction(() => document.querySelector('#text-heel-id-status')
    .textContent.includes('obscenity'), null, { timeout: 2000 });
  assert.match(await status(page, 'heel-id'), /This text cannot be used: it contains an obscenity\./);
  assert.equal(await page.getAttribute('#text-heel-id', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#text-heel-id', 'aria-describedby'), /text-heel-id-status/);
  assert.ok(await page.isDisabled('#submit'));

  await page.fill('#text-heel-id', 'WWWWWWWW');
  await page.waitForFunction(() => document.querySelector('#text-heel-id-status')
    .textContent.includes('too wide'), null, { timeout: 2000 });
  assert.match(await status(page, 'heel-id'), /10\.9 mm too wide\./);
  await page.fill('#text-heel-id', 'iiiiiiii');
  await page.waitForFunction(() => document.querySelector('#text-heel-id-status')
    .textContent.includes('Fits'), null, { timeout: 2000 });
  assert.match(await page.textContent('.text-box-size'), /30\.0 mm × 7\.0 mm/);
  await page.close();

  const ko = await openApp(env.browser, env.base, 'lang=ko');
  await ko.page.fill('#text-heel-id', 'S H I T');
  await ko.page.waitForFunction(() => document.querySelector('#text-heel-id-status')
    .textContent.includes('욕설'), null, { timeout: 2000 });
  assert.match(await status(ko.page, 'heel-id'), /이 문구는 사용할 수 없습니다\. 욕설이 들어 있습니다\./);
  assert.deepEqual([...errors, ...ko.errors], []);
  await ko.page.close();
});

test('markup typed as text stays text in the field, the summary and the retailer’s log, and never runs',
  async () => {
    const { page, errors } = await openApp(env.browser, env.base);
    for (const payload of PAYLOADS) {
      await page.fill('#text-heel-id', payload);
      await page.waitForFunction((p) => document.querySelector('.price-summary').textContent.includes(p),
        payload, { timeout: 2000 });
      assert.equal(await page.inputValue('#text-heel-id'), payload);
      // The field says why (characters not allowed here) without echoing markup.
      assert.match(await status(page, 'heel-id'), /cannot be used here/);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"], .price-summary script,'
        + ' .text-field script').length), 0);
    }
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
    await page.close();

    // The retailer's page hears the design with the text as data and logs it as text.
    const host = await env.browser.newPage();
    await host.goto(`${demoOrigin}/demo.html`);
    await host.waitForFunction(() => window.atelierEvents?.some((e) => e.type === 'atelier:ready'), null,
      { timeout: 30000 });
    const frame = host.frames().find((f) => f.url().startsWith(`${env.base}/`));
    for (const [i, payload] of PAYLOADS.entries()) {
      await frame.fill('#text-heel-id', payload);
      await host.waitForFunction((n) => window.atelierEvents.length >= n, i + 2, { timeout: 5000 });
    }
    const events = await host.evaluate(() => window.atelierEvents);
    assert.equal(events.at(-1).detail.design.text['heel-id'], PAYLOADS[1]);
    const log = await host.textContent('#event-log');
    for (const payload of PAYLOADS) assert.ok(log.includes(payload), log);
    await host.waitForTimeout(300);
    assert.equal(await host.evaluate(() => window.__pwned), undefined);
    assert.equal(await frame.evaluate(() => window.__pwned), undefined);
    assert.equal(await host.evaluate(() => document.querySelectorAll('#event-log img, #event-log script')
      .length), 0);
    await host.close();
  });

test('the canvas with text equals the native render, and the text survives a reload', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  await page.fill('#text-heel-id', 'Romeo 07');
  assert.equal(await hashBecomes(page, reference['heel-id/side']), reference['heel-id/side']);
  await page.reload();
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  assert.equal(await page.inputValue('#text-heel-id'), 'Romeo 07');
  assert.equal(await hashBecomes(page, reference['heel-id/side']), reference['heel-id/side']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Hangul font is fetched only for Hangul, and draws as natively', async () => {
  const { page, errors } = await openApp(env.browser, env.base, 'product=bespoke-set&lang=ko');
  const fonts = [];
  page.on('request', (r) => { if (r.url().includes('/static/fonts/')) fonts.push(new URL(r.url()).pathname); });
  await page.fill('#text-monogram', 'KIM 2026');
  await page.waitForFunction(() => document.querySelector('#text-monogram-status').textContent.includes('mm'),
    null, { timeout: 5000 });
  assert.ok(!fonts.some((f) => f.includes('Hangul')), fonts.join());
  await page.fill('#text-monogram', '김민준 2026');
  assert.equal(await hashBecomes(page, reference['bespoke-set-monogram/front']),
    reference['bespoke-set-monogram/front']);
  assert.ok(fonts.some((f) => f.endsWith('/static/fonts/AtelierSans-Hangul.ttf')), fonts.join());
  assert.deepEqual(errors, []);
  await page.close();
});

test('the shop refuses a refused text with the reason the app showed', async () => {
  const { page } = await openApp(env.browser, env.base);
  await page.fill('#text-heel-id', 'sh1t');
  await page.waitForFunction(() => document.querySelector('#text-heel-id-status')
    .textContent.includes('obscenity'), null, { timeout: 2000 });
  const shown = (await page.textContent('#text-heel-id-status .text-refusal')).trim();
  const design = await page.evaluate(() => JSON.parse(localStorage.getItem('atelier.selection.runner-one'))
    .design);
  design.size = '265';
  const r = await fetch(`${env.base}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ format: 1, design, price: { amount: 154000, currency: 'KRW' } }),
  });
  assert.equal(r.status, 422);
  const body = await r.json();
  const refused = body.error.problems.filter((p) => p.code === 'text_refused');
  assert.deepEqual(refused, [{ code: 'text_refused', path: 'design.text.heel-id', message: shown }]);
  await page.close();
});

/// Counts the page's requests for the text worker's loader, from before it loads.
const loaderRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/text_worker_loader.js') seen.push(r.url()); });
  return seen;
};

test('the text worker loads only once a shopper writes personal text, never for a product without text',
  async () => {
    const cases = [
      // [what, the product's text placements taken out, text typed, loader requests]
      ['a product without text placements', true, null, 0],
      ['a product with text, none written', false, null, 0],
      ['a product with text, text typed', false, 'ROMEO', 1],
    ];
    for (const [what, noTexts, typed, expect] of cases) {
      let seen;
      const { page, errors } = await openApp(env.browser, env.base, 'lang=en', async (p) => {
        seen = loaderRequests(p);
        if (noTexts) {
          await p.route('**/api/products/runner-one', async (route) => {
            const catalog = await (await route.fetch()).json();
            delete catalog.texts;
            await route.fulfill({ json: catalog });
          });
        }
      });
      assert.equal(await page.locator('.texts').count(), noTexts ? 0 : 1, what);
      // The shopper uses the rest of the configurator.
      await page.check('input[name="zone"][value="toe"]');
      await page.check('input[name="material-toe"][value="suede"]');
      await page.waitForFunction(() => /159,000/.test(document.querySelector('#price-total').textContent));
      if (typed) {
        await page.fill('#text-heel-id', typed);
        // The worker's verdict came back: the text may be ordered.
        await page.waitForFunction(() => !document.querySelector('#submit').disabled, null, { timeout: 5000 });
      } else {
        await page.waitForTimeout(500);
      }
      assert.equal(seen.length, expect, `${what}: ${seen.join()}`);
      assert.deepEqual(errors, [], what);
      await page.close();
    }
  });

test('if the text worker cannot start, the field says so in the shopper’s language and the shop decides',
  async () => {
    for (const [lang, note, refused] of [
      ['en', /The wording cannot be checked on this device just now/, /it contains an obscenity/],
      ['ko', /지금 이 기기에서는 문구를 확인할 수 없습니다/, /욕설이 들어 있습니다/],
    ]) {
      const { page } = await openApp(env.browser, env.base, `lang=${lang}`,
        (p) => p.route('**/text_worker_loader.js', (r) => r.abort()));
      await page.fill('#text-heel-id', 'sh1t');
      await page.waitForSelector('#text-heel-id-status .text-unchecked', { timeout: 5000 });
      const status = await page.textContent('#text-heel-id-status');
      assert.match(status, note);
      // Never silently "checked": no verdict is claimed, and the order goes to the shop's check.
      assert.doesNotMatch(status, refused);
      assert.ok(!(await page.isDisabled('#submit')), lang);
      await page.selectOption('#size', '265');
      await page.click('#submit');
      const alert = page.locator('.submit-panel .notice.error');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.textContent(), refused, lang);
      await page.close();
    }
  });
