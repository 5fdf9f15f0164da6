// The product on screen before the app's wasm: the shop's page carries the configurator's frame with a still of
// the default design (crates/atelier-shop/src/page.rs), the app takes it over (src/first_paint.rs), and the
// live canvas shows exactly the still's pixels, for every sample product and view. Start-up also has no
// main-thread task long enough that no noise explains it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, renderCount, start, waitForRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/// How many pixels of the image at `src` (decoded as the app decodes layers: no color conversion) differ from
/// the preview canvas's, and the first that does; compared in the page (millions of numbers would crawl
/// through the driver).
const compareWithCanvas = (page, src) => page.evaluate(async (url) => {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  const a = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const c = document.querySelector('#preview');
  const b = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  if (a.length !== b.length) return { differ: -1, first: -1 };
  let differ = 0;
  let first = -1;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) {
      differ++;
      if (first < 0) first = i / 4;
    }
  }
  return { differ, first };
}, src);

test('the page shows the product before the wasm arrives, and the canvas takes over where it was', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    // Hold the app's wasm back: what the shopper sees meanwhile is the shop's page alone.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${env.base}/?product=runner-one&lang=ko`);
    const still = page.locator('#first-paint-still');
    await still.waitFor();
    await page.waitForFunction(() => document.querySelector('#first-paint-still').complete);
    assert.ok(await still.evaluate((img) => img.naturalWidth > 0 && img.currentSrc.includes('/stills/side-')),
      'the still has loaded');
    assert.match(await still.getAttribute('alt'), /러너 원|Runner One/);
    assert.equal(await page.locator('#product-name').textContent(), '러너 원');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    const stillBox = await still.boundingBox();
    release();
    await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
    assert.equal(await page.locator('#first-paint').count(), 0, 'the shop\'s frame is gone');
    assert.equal(await page.locator('#product-name').count(), 1, 'one page, not two');
    const canvasBox = await page.locator('#preview').boundingBox();
    for (const k of ['x', 'y', 'width', 'height']) {
      assert.ok(Math.abs(stillBox[k] - canvasBox[k]) <= 1, `the canvas is where the still was (${k}: ${stillBox[k]} vs ${canvasBox[k]})`);
    }
    assert.equal(await page.locator('img.preview-still.over').count(), 0, 'the still is gone once the canvas drew');
    assert.equal(await page.locator('.first-paint-retired').getAttribute('aria-hidden'), 'true');
  } finally {
    await page.close();
  }
});

for (const product of ['runner-one', 'bespoke-set']) {
  test(`${product}: every view's still has the live canvas's pixels`, async () => {
    const { page, errors } = await openApp(env.browser, env.base, `product=${product}&lang=en`, async (p) => {
      // Keep the first paint's data: the app removes the frame that holds it.
      await p.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          window.__firstPaint = JSON.parse(document.getElementById('first-paint-data')?.textContent ?? 'null');
        });
      });
    });
    try {
      const data = await page.evaluate(() => window.__firstPaint);
      assert.equal(data?.product, product);
      const views = await page.$$eval('input[name="view"]', (els) => els.map((e) => e.value));
      assert.deepEqual(Object.keys(data.stills).sort(), [...views].sort(), 'a still per view');
      for (const view of views) {
        const n = await renderCount(page);
        if (await page.locator('#preview').getAttribute('data-view') !== view) {
          await page.check(`input[name="view"][value="${view}"]`);
          await waitForRender(page, n);
        }
        const { differ, first } = await compareWithCanvas(page, data.stills[view].src);
        assert.equal(differ, 0, `${view}: ${differ} pixels differ (-1: sizes differ), the first at ${first}`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

test('the app taking over from the first paint shifts nothing on the page (no layout shift at all)', async () => {
  for (const product of ['runner-one', 'bespoke-set']) {
    const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    try {
      await page.addInitScript(() => {
        window.shifts = [];
        new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => ({
          value: e.value, sources: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className}`),
        })))).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${env.base}/?product=${product}&lang=en`);
      await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => window.shifts), [], product);
    } finally {
      await context.close();
    }
  }
});

test('a still is cached for good under its hash, and an unknown one is a clear 404', async () => {
  const html = await (await fetch(`${env.base}/?product=bespoke-set`)).text();
  const src = html.match(/id="first-paint-still" src="([^"]+)"/)?.[1];
  assert.ok(src, 'the page links its still');
  const r = await fetch(`${env.base}${src}`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'image/png');
  assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const missing = await fetch(`${env.base}/api/products/bespoke-set/stills/front.0000000000000000.png`,
    { headers: { 'accept-language': 'ko' } });
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.code, 'still_not_found');
});

test('start-up runs no main-thread task over 200 ms, from navigation to the first interaction', async () => {
  const page = await env.browser.newPage({ viewport: { width: 412, height: 823 } });
  try {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${env.base}/?product=runner-one&lang=en`);
    await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
    // The first interaction: a color, painted.
    const n = await renderCount(page);
    await page.check('input[name="zone"][value="toe"]');
    const color = await page.$$eval('input[name="color-toe"]:not(:checked)', (els) => els[0].value);
    await page.check(`input[name="color-toe"][value="${color}"]`);
    await waitForRender(page, n);
    const tasks = await page.evaluate(() => window.__longTasks);
    assert.ok(tasks.every((d) => d <= 200), `long tasks (ms): ${tasks.join(', ')}`);
  } finally {
    await page.close();
  }
});
