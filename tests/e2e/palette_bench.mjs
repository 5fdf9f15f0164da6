// `make bench`'s photo figures: the shipped app in headless Chromium against the real shop. A 12-megapixel
// JPEG (4000 × 3000, made in the page) is handed to the photo input 12 times (the first 2 are warm-ups); the
// app's own performance measures time each step: `atelier:photo-decode` (createImageBitmap with the resize to
// 256 × 256), `atelier:photo-pixels` (draw and getImageData), `atelier:photo-extract` (Lab conversion and
// k-means in wasm, in the palette worker: measured on the page around the round trip to it) and `atelier:palette` (from the file to the palette on screen). Long main-thread tasks are
// watched with a PerformanceObserver for the whole run.
import { openApp, start } from './harness.mjs';

const RUNS = 12;
const WARMUP = 2;
const env = await start();
try {
  const { page } = await openApp(env.browser, env.base, 'lang=en&product=bespoke-set');
  await page.evaluate(async () => {
    const c = new OffscreenCanvas(4000, 3000);
    const g = c.getContext('2d');
    // A kitchen-like photo: wall, cabinets, counter, with gradients and speckle so the JPEG is realistic.
    const wall = g.createLinearGradient(0, 0, 4000, 1800);
    wall.addColorStop(0, '#a6d2c0'); wall.addColorStop(1, '#8fbfae');
    g.fillStyle = wall; g.fillRect(0, 0, 4000, 1800);
    g.fillStyle = '#efe9de'; g.fillRect(0, 1800, 4000, 900);
    g.fillStyle = '#3a3c40'; g.fillRect(0, 2700, 4000, 300);
    for (let i = 0; i < 4000; i++) {
      g.fillStyle = `hsl(${(i * 37) % 360} 40% ${30 + (i % 50)}%)`;
      g.fillRect((i * 7919) % 4000, (i * 104729) % 3000, 6, 6);
    }
    window.__bench = { blob: await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 }), longest: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, e.duration);
    }).observe({ type: 'longtask' });
    performance.clearMeasures();
  });
  const size = await page.evaluate(() => window.__bench.blob.size);
  for (let i = 0; i < RUNS; i++) {
    if (i === WARMUP) {
      await page.evaluate(() => { performance.clearMeasures(); window.__bench.longest = 0; });
    }
    const n = await page.evaluate(() => performance.getEntriesByName('atelier:palette').length);
    await page.evaluate((k) => {
      const dt = new DataTransfer();
      dt.items.add(new File([window.__bench.blob], `room-${k}.jpg`, { type: 'image/jpeg' }));
      const input = document.querySelector('#photo-input');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, i);
    await page.waitForFunction((m) => performance.getEntriesByName('atelier:palette').length > m, n, { timeout: 20000 });
  }
  const m = await page.evaluate(() => {
    const get = (name) => performance.getEntriesByName(name).map((e) => e.duration);
    return {
      total: get('atelier:palette'), decode: get('atelier:photo-decode'),
      pixels: get('atelier:photo-pixels'), extract: get('atelier:photo-extract'),
      longest: window.__bench.longest,
      extractor: document.querySelector('.photo-results')?.dataset.extractor ?? 'none',
    };
  });
  const p95 = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.round((s.length - 1) * 0.95)];
  };
  console.log(`palette.chromium.12mp_p95_ms: ${p95(m.total).toFixed(1)} ms`);
  console.log(`palette.chromium.decode_downscale_p95_ms: ${p95(m.decode).toFixed(1)} ms`);
  console.log(`palette.chromium.read_pixels_p95_ms: ${p95(m.pixels).toFixed(1)} ms`);
  console.log(`palette.chromium.extract_p95_ms: ${p95(m.extract).toFixed(1)} ms`);
  // The longtask API reports only tasks over 50 ms: 0 means none was that long.
  console.log(`palette.chromium.longest_task_ms: ${m.longest.toFixed(1)} ms`);
  console.log(`palette.chromium.samples: ${m.total.length} photos of ${(size / 1e6).toFixed(1)} MB`);
  console.log(`palette.chromium.extracted_in: ${m.extractor}`);
} finally {
  await env.stop();
}
