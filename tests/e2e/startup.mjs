// `make bench`'s start-up figures: where the time goes between the shopper's click on a link and a product
// they can work with, in headless Chromium against the real shop on loopback.
//
// - startup.<stage>_ms, unthrottled, the median over RUNS fresh page loads of the sneaker (a new browser
//   context each, so nothing is cached): the app's own `atelier:startup:*` marks and measures (src/timing.rs)
//   and the browser's resource timing. Stages in the order they happen:
//   html (the page has arrived), still (the product's still has arrived), first_preview (the still is
//   painted: the page's LCP), wasm_download, wasm_compile (the wasm has arrived → the app's `main` runs:
//   compiling and instantiating), catalog_fetch, catalog_validate (parse, validate, compile the rules),
//   restore (the stored design repaired against the catalog), rules (which options are available), reasons
//   (why the others are not), first_render (the app's page rendered, catalog in hand to page on screen),
//   layers_fetch, layers_decode (the decoder worker's work, as the page waits for it), layers_prepare
//   (planes in linear light and what the compositor keeps per view), first_composite, first_canvas (the canvas
//   has drawn the product, since navigation); startup.max_step_ms: the longest single piece of the layer
//   preparation (each runs in a task of its own); startup.max_task_ms and startup.long_tasks: the longest
//   main-thread task and how many exceeded 50 ms, from the browser's `longtask` entries.
// - page.first_preview_ms and embed.first_preview_ms: the time from navigation to the product's first paint on
//   the shop's own page and inside a retailer's page (the frame's LCP, measured from the host page's
//   navigation), both under Lighthouse's mobile throttling (150 ms RTT, 1.6 Mbit/s down, a 4× slower CPU),
//   applied with the DevTools protocol. Site isolation is off so the throttling covers the frame too.
import { chromium } from 'playwright-core';
import { serveRetailer, startShop } from './harness.mjs';

const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Installed before any page script, in every frame: long tasks, and the first paint of the product, which is
// the still (an image the browser reports as a largest-contentful-paint candidate) or, without one, the
// canvas's first frame (the frame after the app set `data-rendered`).
const OBSERVE = () => {
  window.__longTasks = [];
  window.__preview = 0;
  const seen = (t) => { if (window.__preview === 0 || t < window.__preview) window.__preview = t; };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.element?.tagName === 'IMG') seen(e.startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const canvas = new MutationObserver(() => {
    canvas.disconnect();
    requestAnimationFrame(() => seen(performance.now()));
  });
  canvas.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
};

/// The stages of one fresh load of `url`.
async function stages(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(url);
    await page.waitForSelector('#preview[data-rendered]', { timeout: 60000 });
    await page.waitForTimeout(300);
    return await page.evaluate(() => {
      const at = (name, pick = 'first') => {
        const es = performance.getEntriesByName(`atelier:startup:${name}`);
        return pick === 'first' ? es[0] : es[es.length - 1];
      };
      const dur = (name) => at(name)?.duration ?? NaN;
      const resources = performance.getEntriesByType('resource');
      const wasm = resources.find((r) => /\/atelier-[^/]*_bg\.wasm$/.test(r.name));
      const still = resources.find((r) => r.name.includes('/stills/'));
      const nav = performance.getEntriesByType('navigation')[0];
      const composite = performance.getEntriesByName('atelier:composite')[0];
      return {
        html: nav.responseEnd,
        still: still ? still.responseEnd : NaN,
        first_preview: window.__preview,
        wasm_download: wasm ? wasm.responseEnd - wasm.startTime : NaN,
        wasm_compile: wasm && at('main') ? at('main').startTime - wasm.responseEnd : NaN,
        catalog_fetch: dur('catalog_fetch'),
        catalog_validate: dur('catalog_validate'),
        restore: dur('restore'),
        rules: dur('rules'),
        reasons: dur('reasons'),
        first_render: (at('page_rendered')?.startTime ?? NaN) - (at('catalog_ready')?.startTime ?? NaN),
        layers_fetch: dur('layers_fetch'),
        layers_decode: dur('layers_decode'),
        layers_prepare: dur('layers_prepare'),
        first_composite: composite?.duration ?? NaN,
        first_canvas: at('first_canvas')?.startTime ?? NaN,
        // The longest of the layer preparation's pieces (each its own task): a conversion step, a prepare
        // step, or a layer read on the page when the decoder worker cannot run.
        max_step: Math.max(0, ...['layer_step', 'prepare_step', 'layer_read']
          .flatMap((n) => performance.getEntriesByName(`atelier:startup:${n}`).map((e) => e.duration))),
        max_task: Math.max(0, ...window.__longTasks),
        long_tasks: window.__longTasks.length,
      };
    });
  } finally {
    await context.close();
  }
}

/// Time from navigating to `url` to the product's first paint, throttled like Lighthouse's mobile profile;
/// `frame` true measures the LCP inside the page's (only) iframe instead of the page's own.
async function throttledFirstPreview(browser, url, frame) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    const deadline = Date.now() + 60000;
    for (;;) {
      let t = 0;
      if (frame) {
        const inner = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(shop.base));
        const lcp = inner ? await inner.evaluate(() => (window.__preview > 0 ? performance.timeOrigin + window.__preview : 0)).catch(() => 0) : 0;
        if (lcp > 0) t = lcp - await page.evaluate(() => performance.timeOrigin);
      } else {
        t = await page.evaluate(() => window.__preview);
      }
      if (t > 0) return t;
      if (Date.now() > deadline) throw new Error(`${url}: no first preview within 60 s`);
      await page.waitForTimeout(100);
    }
  } finally {
    await context.close();
  }
}

const { pages, base: hostBase, close: closeHost } = await serveRetailer();
const shop = await startShop({ env: { ATELIER_EMBED_ORIGINS: hostBase } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    // The frame on the retailer's origin in the page's process, so the page's throttling reaches it.
    '--disable-site-isolation-trials',
  ],
});
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await stages(browser, `${shop.base}/?product=runner-one&lang=en`));
  for (const key of Object.keys(runs[0])) {
    const value = median(runs.map((r) => r[key]));
    if (key === 'long_tasks') console.log(`startup.long_tasks: ${value} tasks`);
    else console.log(`startup.${key}_ms: ${Number.isNaN(value) ? 'n/a' : value.toFixed(1)} ms`);
  }

  // The first preview, throttled, on the shop's page and in a retailer's page (loaded eagerly, as the
  // retailer's own first screen would).
  pages['/product.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Runner One · Demo Sports</title>
<link rel="icon" href="data:,"></head><body><h1>Runner One, your way</h1>
<script src="${shop.base}/embed.js" defer></script>
<atelier-configurator product="runner-one" locale="en" loading="eager"></atelier-configurator>
</body></html>`;
  const own = [];
  const embedded = [];
  for (let i = 0; i < 3; i++) {
    own.push(await throttledFirstPreview(browser, `${shop.base}/?product=runner-one&lang=en`, false));
    embedded.push(await throttledFirstPreview(browser, `${hostBase}/product.html`, true));
  }
  console.log(`page.first_preview_ms: ${median(own).toFixed(0)} ms`);
  console.log(`embed.first_preview_ms: ${median(embedded).toFixed(0)} ms`);
} finally {
  await browser.close();
  await shop.stop();
  closeHost();
}
