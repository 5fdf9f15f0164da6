// Design codes in headless Chromium against the real shop: a shopper gets a code for the design on screen,
// someone else opens it from the code's link in a fresh browser (and its picture is the design), and a
// mistyped or unknown code is explained before anything changes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, renderCount, start, waitForRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('a code for the design on screen opens the same design in a fresh browser', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  const n = await renderCount(page);
  await page.check('input[name="color-toe"][value="navy"]');
  await waitForRender(page, n);
  await page.click('#get-code');
  await page.waitForSelector('#design-code');
  const code = (await page.textContent('#design-code')).trim();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.equal(await page.getAttribute('#design-code-link', 'href'), `/d/${code}`);

  const other = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  const otherErrors = [];
  other.on('pageerror', (e) => otherErrors.push(String(e)));
  await other.goto(`${env.base}/d/${code}`);
  await other.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  await other.waitForFunction(() => document.querySelector('input[name="color-toe"][value="navy"]')?.checked);
  assert.match(await other.textContent('#design-code-status'), new RegExp(code));
  assert.deepEqual(otherErrors, []);
  await other.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a mistyped code is caught on the device, an unknown one is said so', async () => {
  const { page } = await openApp(env.browser, env.base);
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/api/designs/')) requests.push(r.url()); });
  await page.fill('#open-code', 'K7QU-2XR8');
  await page.press('#open-code', 'Enter');
  await page.waitForSelector('#design-code-status .field-error');
  assert.match(await page.textContent('#design-code-status'), /“U” is not used/);
  assert.equal(await page.getAttribute('#open-code', 'aria-invalid'), 'true');
  await page.fill('#open-code', 'k7qm 2xr');
  await page.press('#open-code', 'Enter');
  await page.waitForFunction(() => /8 letters and digits/.test(document.querySelector('#design-code-status').textContent));
  assert.deepEqual(requests, [], 'no lookup for a malformed code');
  // Well-formed but unknown (seven zeros check to 0).
  await page.fill('#open-code', 'oooo-oooo');
  await page.press('#open-code', 'Enter');
  await page.waitForFunction(() => /no design with the code 0000-0000/.test(document.querySelector('#design-code-status').textContent));
  assert.equal(await page.isChecked('input[name="color-toe"][value="white"]'), true, 'nothing changed');
  await page.close();
});

test("a code's page names the design for link previews, and its picture is the design's pixels", async () => {
  const { page } = await openApp(env.browser, env.base);
  const n = await renderCount(page);
  await page.check('input[name="color-toe"][value="red"]');
  await waitForRender(page, n);
  await page.click('#get-code');
  await page.waitForSelector('#design-code');
  const code = (await page.textContent('#design-code')).trim();
  const html = await (await fetch(`${env.base}/d/${code}`)).text();
  const image = html.match(/property="og:image" content="([^"]+)"/)?.[1];
  assert.equal(image, `${env.base}/api/designs/${code}/image.png`, 'an absolute address');
  assert.match(html, new RegExp(`property="og:title" content="[^"]*${code}`));
  // The picture decodes to exactly the canvas's pixels (the design's first view, side).
  const same = await page.evaluate(async (src) => {
    const bitmap = await createImageBitmap(await (await fetch(src)).blob(),
      { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    const off = new OffscreenCanvas(bitmap.width, bitmap.height);
    off.getContext('2d').drawImage(bitmap, 0, 0);
    const picture = off.getContext('2d').getImageData(0, 0, bitmap.width, bitmap.height).data;
    const c = document.querySelector('#preview');
    const canvas = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return picture.length === canvas.length && picture.every((v, i) => v === canvas[i]);
  }, image);
  assert.equal(same, true);
  await page.close();
});
