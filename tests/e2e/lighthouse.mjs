// `make bench`'s arrival figures: Lighthouse's mobile profile (simulated slow 4G, a 4× slower CPU, a
// mid-range phone's screen) against the real shop on loopback, with Debian's Chromium (Lighthouse never
// downloads a browser: CHROME_PATH names ours). Lighthouse comes from `.tools/lighthouse` (scripts/setup.sh
// --bench installs it there); it is a bench tool, not a test dependency.
//
// - lighthouse.mobile.{performance,lcp_ms,tbt_ms}.<product>: the shop's own page for each sample product,
//   the median of RUNS runs (the simulation is far steadier than wall clock, not exact).
// - lighthouse.embed.score_drop: a retailer's product page written from the README (served from a second
//   origin) with the two embed lines, `loading="lazy"` and `"eager"`, against the same page without them:
//   the largest drop in performance points.
// - lighthouse.mobile.max_task_ms: the longest main-thread task Lighthouse saw on the shop's page, unthrottled
//   (the trace's own duration), and bundle.critical_path_kb: the bytes fetched before the product's first
//   paint (LCP), as transferred.
import { join } from 'node:path';
import { ROOT, serveRetailer, startShop } from './harness.mjs';

const LH = join(ROOT, '.tools/lighthouse/node_modules');
const { default: lighthouse } = await import(join(LH, 'lighthouse/core/index.js'));
const chromeLauncher = await import(join(LH, 'chrome-launcher/dist/index.js'));

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// One Lighthouse mobile run of `url`, each in a fresh browser (and profile: nothing cached).
async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: FLAGS,
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
    });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const lcp = lhr.audits['largest-contentful-paint'].numericValue;
    const requests = lhr.audits['network-requests'].details?.items ?? [];
    // Bytes on the wire for requests that started before the (unthrottled, observed) first paint of the
    // product: Lighthouse's own LCP timestamp from the trace.
    const observedLcp = lhr.audits.metrics.details?.items?.[0]?.observedLargestContentfulPaint ?? 0;
    const critical = requests
      .filter((r) => r.networkRequestTime !== undefined && r.networkRequestTime <= observedLcp)
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
    // LIGHTHOUSE_TASKS=1: each long task (simulated time), to see which to split.
    if (process.env.LIGHTHOUSE_TASKS) {
      for (const t of tasks) console.error(`  long task at ${Math.round(t.startTime)} ms: ${Math.round(t.duration)} ms ${t.url}`);
    }
    return {
      score: lhr.categories.performance.score * 100,
      lcp,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      maxTask: tasks.reduce((m, t) => Math.max(m, t.duration ?? 0), 0),
      critical,
    };
  } finally {
    await chrome.kill();
  }
}

async function audits(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(url));
  const pick = (k) => median(runs.map((r) => r[k]));
  return { score: pick('score'), lcp: pick('lcp'), tbt: pick('tbt'), maxTask: pick('maxTask'), critical: pick('critical') };
}

/// A retailer's product page as the README tells retailers to write it, with or without the embed.
function hostPage(shop, loading) {
  const embed = loading === null ? '' : `
      <script src="${shop}/embed.js" defer></script>
      <atelier-configurator product="runner-one" locale="en" loading="${loading}"></atelier-configurator>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Runner One · Demo Sports</title>
    <link rel="icon" href="data:,">
    <style>body { margin: 0 auto; max-width: 960px; padding: 16px; font: 16px/1.5 system-ui, sans-serif; }</style>
  </head>
  <body>
    <header><h1>Demo Sports</h1><p>Free shipping on custom sneakers, made to order in two weeks.</p></header>
    <main>
      <h2>Runner One, your way</h2>
      <p>Choose the color and material of every part, put your name on the heel, and see it as you go.
         Every pair is made for you, checked by hand and shipped in a recycled box.</p>${embed}
      <h2>Details</h2>
      <p>Leather, suede and mesh uppers; a natural rubber sole; sizes 220 to 300 mm.</p>
    </main>
  </body>
</html>`;
}

const { pages, base: hostBase, close: closeHost } = await serveRetailer();
const shop = await startShop({ env: { ATELIER_EMBED_ORIGINS: hostBase } });
try {
  // LIGHTHOUSE_ONLY=runner-one: that product's page alone (no retailer's pages), while working on it.
  const only = process.env.LIGHTHOUSE_ONLY;
  for (const product of only ? [only] : ['runner-one', 'bespoke-set']) {
    const r = await audits(`${shop.base}/?product=${product}`);
    const key = product.replace('-', '_');
    console.log(`lighthouse.mobile.performance.${key}: ${(r.score / 100).toFixed(2)} score`);
    console.log(`lighthouse.mobile.lcp_ms.${key}: ${r.lcp.toFixed(0)} ms`);
    console.log(`lighthouse.mobile.tbt_ms.${key}: ${r.tbt.toFixed(0)} ms`);
    console.log(`lighthouse.mobile.max_task_ms.${key}: ${r.maxTask.toFixed(0)} ms`);
    if (product === 'runner-one') {
      console.log(`bundle.critical_path_kb: ${(r.critical / 1024).toFixed(1)} KB`);
    }
  }
  if (!only) {
    pages['/plain.html'] = hostPage(shop.base, null);
    pages['/lazy.html'] = hostPage(shop.base, 'lazy');
    pages['/eager.html'] = hostPage(shop.base, 'eager');
    const plain = await audits(`${hostBase}/plain.html`);
    const lazy = await audits(`${hostBase}/lazy.html`);
    const eager = await audits(`${hostBase}/eager.html`);
    console.log(`lighthouse.embed.plain: ${plain.score.toFixed(0)} points`);
    console.log(`lighthouse.embed.lazy: ${lazy.score.toFixed(0)} points`);
    console.log(`lighthouse.embed.eager: ${eager.score.toFixed(0)} points`);
    const drop = Math.max(plain.score - lazy.score, plain.score - eager.score, 0);
    console.log(`lighthouse.embed.score_drop: ${drop.toFixed(0)} points`);
  }
} finally {
  await shop.stop();
  closeHost();
}
