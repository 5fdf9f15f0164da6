// `make bench`'s browser figures: the shipped app in headless Chromium against the real shop. Changes the
// side panel's color 60 times (after 5 warm-ups) and reads the app's own `atelier:composite` performance
// measures, which time the wasm compositor for each render.
import { openApp, renderCount, start, waitForRender } from './harness.mjs';

const env = await start();
try {
  const { page } = await openApp(env.browser, env.base);
  await page.check('input[name="zone"][value="quarter"]');
  const colors = await page.$$eval('input[name="color-quarter"]', (els) => els.map((e) => e.value));
  await page.evaluate(() => performance.clearMeasures('atelier:composite'));
  const durations = [];
  for (let i = 0; i < 65; i++) {
    const n = await renderCount(page);
    await page.check(`input[name="color-quarter"][value="${colors[(i + 1) % colors.length]}"]`);
    await waitForRender(page, n);
    if (i === 4) await page.evaluate(() => performance.clearMeasures('atelier:composite'));
  }
  durations.push(...await page.evaluate(() =>
    performance.getEntriesByName('atelier:composite').map((e) => e.duration)));
  durations.sort((a, b) => a - b);
  const pick = (q) => durations[Math.round((durations.length - 1) * q)];
  console.log(`render.chromium.p50_ms: ${pick(0.5).toFixed(2)} ms`);
  console.log(`render.chromium.p95_ms: ${pick(0.95).toFixed(2)} ms`);
  console.log(`render.chromium.samples: ${durations.length} renders`);
} finally {
  await env.stop();
}
