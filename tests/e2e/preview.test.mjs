// The preview's own behaviour in headless Chromium against the real shop: a changed zone repainted alone
// gives the very pixels a full render gives, the part being edited is outlined on its own canvas (never in
// the preview's pixels), the view switch crossfades unless the shopper asked for reduced motion, and the
// PNG download holds exactly the preview's pixels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { canvasHash, openApp, renderCount, start, waitForRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

// How many pixels of the highlight canvas are not fully transparent.
const highlighted = (page) => page.evaluate(() => {
  const c = document.querySelector('canvas.preview-highlight');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
});

test('a zone repainted alone equals the full render of the same design', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  await page.check('input[name="zone"][value="toe"]');
  for (const color of ['red', 'navy']) {
    const n = await renderCount(page);
    await page.check(`input[name="color-toe"][value="${color}"]`);
    await waitForRender(page, n);
    assert.equal(await page.evaluate(() => document.querySelector('#preview').dataset.region), 'zone');
  }
  const zoneHash = await canvasHash(page);
  // The design is kept in localStorage: a reload draws it whole.
  await page.reload();
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.querySelector('#preview').dataset.region), 'full');
  assert.equal(await canvasHash(page), zoneHash);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the part being edited is outlined above the preview, not in it', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  const before = await canvasHash(page);
  assert.equal(await highlighted(page), 0);
  await page.hover('label[for="zone-quarter"]');
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.preview-highlight');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return d.some((v, i) => i % 4 === 3 && v > 0);
  });
  const lit = await highlighted(page);
  assert.ok(lit > 1000 && lit < 100000, `an outline, not a fill (${lit} pixels)`);
  assert.equal(await canvasHash(page), before, 'the preview pixels stay as they were');
  // Hovering the canvas outlines the part under the pointer (the toe, at (300, 540) of 1024); leaving clears it.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.preview-highlight');
    return !c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v);
  });
  const box = await page.locator('#preview').boundingBox();
  await page.mouse.move(box.x + (box.width * 300) / 1024, box.y + (box.height * 540) / 1024);
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.preview-highlight');
    return c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v);
  });
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });
  assert.equal(await canvasHash(page), before, 'the preview pixels stay as they were');
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.preview-highlight');
    return !c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v);
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the view switch crossfades, and cuts under reduced motion', async () => {
  const { page } = await openApp(env.browser, env.base);
  const fade = () => page.evaluate(() => getComputedStyle(document.querySelector('canvas.preview-fade')).transitionDuration);
  assert.equal(await fade(), '0.22s');
  const n = await renderCount(page);
  await page.check('input[name="view"][value="top"]');
  await waitForRender(page, n);
  // The previous view was copied onto the fading canvas.
  const copied = await page.evaluate(() => {
    const c = document.querySelector('canvas.preview-fade');
    return c.width === 1024 && c.getContext('2d').getImageData(512, 512, 1, 1).data[3] === 255;
  });
  assert.ok(copied, 'the side view is on the fading canvas');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await fade(), '0s');
  await page.close();
});

test('the PNG download is the preview, named after the product and view', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button.download-image'),
  ]);
  assert.equal(download.suggestedFilename(), 'runner-one-side.png');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
  const fileHash = await page.evaluate(async (b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
    const off = new OffscreenCanvas(img.width, img.height);
    off.getContext('2d').drawImage(img, 0, 0);
    const data = off.getContext('2d').getImageData(0, 0, img.width, img.height).data;
    const digest = await crypto.subtle.digest('SHA-256', data);
    return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
  }, bytes.toString('base64'));
  assert.equal(fileHash, await canvasHash(page));
  assert.deepEqual(errors, []);
  await page.close();
});
