// `make bench`'s browser figures: the shipped app in headless Chromium against the real shop, on the sample
// sneaker's 1024×1024 views (6 zone layers). All times come from the page's own clock.
//
// - render.chromium.p95_ms: full recomposites, from the app's `atelier:composite` performance measures (the
//   wasm compositor call only), over 60 switches between the two views after 6 warm-ups.
// - render.chromium.zone_p95_ms: changed-zone recomposites, the app's `atelier:composite:zone` measures, over
//   60 clicks on the side panel's colors after 5 warm-ups (the region is the panel's bounds, the largest zone).
// - frame.click_to_paint.p90_ms: for those same color clicks, from the click event's `timeStamp` to the first
//   `requestAnimationFrame` callback after the canvas was updated, i.e. the start of the frame that paints the
//   new pixels (state update, Yew render, composite, putImageData and waiting for that frame all included).
// - bundle.wasm_js_transfer_kb: the app's wasm and JS as Chromium downloaded them from the shop (the resource
//   timing's encoded body size: compressed by the shop on the fly; Chromium asks loopback for Brotli).
import { openApp, renderCount, start, waitForRender } from './harness.mjs';

const pick = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.round((s.length - 1) * q)];
};
const measures = (page, name) => page.evaluate((n) =>
  performance.getEntriesByName(n).map((e) => e.duration), name);

const env = await start();
try {
  const { page } = await openApp(env.browser, env.base);
  await page.evaluate(() => {
    window.__clicks = [];
    window.__clickAt = null;
    // The first click event of a gesture (a click on a label is followed by one on its input).
    document.addEventListener('click', (e) => { window.__clickAt ??= e.timeStamp; }, true);
    new MutationObserver(() => {
      const t0 = window.__clickAt;
      if (t0 === null) return;
      window.__clickAt = null;
      requestAnimationFrame(() => window.__clicks.push(performance.now() - t0));
    }).observe(document.querySelector('#preview'), { attributes: true, attributeFilter: ['data-rendered'] });
  });

  // Changed-zone renders and click to paint.
  await page.check('input[name="zone"][value="quarter"]');
  const colors = await page.$$eval('input[name="color-quarter"]', (els) => els.map((e) => e.value));
  for (let i = 0; i < 65; i++) {
    if (i === 5) {
      await page.evaluate(() => {
        performance.clearMeasures('atelier:composite:zone');
        window.__clicks = [];
      });
    }
    const n = await renderCount(page);
    await page.evaluate(() => { window.__clickAt = null; });
    await page.check(`input[name="color-quarter"][value="${colors[(i + 1) % colors.length]}"]`);
    await waitForRender(page, n);
    await page.waitForFunction((k) => window.__clicks.length >= k, i >= 5 ? i - 4 : 0);
  }
  const zone = await measures(page, 'atelier:composite:zone');
  const clicks = await page.evaluate(() => window.__clicks);

  // Full renders: every view switch recomposites the whole view.
  const views = await page.$$eval('input[name="view"]', (els) => els.map((e) => e.value));
  for (let i = 0; i < 66; i++) {
    if (i === 6) await page.evaluate(() => performance.clearMeasures('atelier:composite'));
    const n = await renderCount(page);
    await page.check(`input[name="view"][value="${views[(i + 1) % views.length]}"]`);
    await waitForRender(page, n);
  }
  const full = await measures(page, 'atelier:composite');

  console.log(`render.chromium.p50_ms: ${pick(full, 0.5).toFixed(2)} ms`);
  console.log(`render.chromium.p95_ms: ${pick(full, 0.95).toFixed(2)} ms`);
  console.log(`render.chromium.zone_p50_ms: ${pick(zone, 0.5).toFixed(2)} ms`);
  console.log(`render.chromium.zone_p95_ms: ${pick(zone, 0.95).toFixed(2)} ms`);
  console.log(`frame.click_to_paint.p50_ms: ${pick(clicks, 0.5).toFixed(2)} ms`);
  console.log(`frame.click_to_paint.p90_ms: ${pick(clicks, 0.9).toFixed(2)} ms`);
  console.log(`render.chromium.samples: ${full.length + zone.length} renders`);
  console.log(`frame.click_to_paint.samples: ${clicks.length} clicks`);

  // What the shopper downloads: the app's own wasm and JS (workers and the retailer's loader apart).
  const files = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\.(wasm|js)$/.test(new URL(e.name).pathname))
    .filter((e) => !/(embed|_worker)/.test(new URL(e.name).pathname))
    .map((e) => ({ url: e.name, encoded: e.encodedBodySize })));
  if (files.length < 2) throw new Error(`expected the app's wasm and JS among the resources, got ${files.length}`);
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(`bundle.wasm_js_transfer_kb: ${kb(files.reduce((s, f) => s + f.encoded, 0))} KB`);
} finally {
  await env.stop();
}
