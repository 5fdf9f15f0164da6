// Where the app's start-up time goes, by function: a CPU profile of one fresh load of a product, with the wasm's
// own function names, printed as the functions with the most time of their own. A tool for finding what to
// change (issue 14), not a figure: `make bench` prints the stages (startup.mjs).
//
// The shipped wasm has no names (wasm-opt drops them), so this serves a profiling copy of `dist/`: the same
// build's module as cargo wrote it (names kept), passed through the same wasm-bindgen, in place of the shipped
// one, with trunk's integrity hashes dropped from the copy of `index.html`. It is slower than what ships (no
// wasm-opt), so compare functions with each other, not with the shipped figures.
//
// Usage: node tests/e2e/profile.mjs [product] (after `trunk build --release` and a shop build);
// PROFILE_CPU_SLOWDOWN=4 throttles the CPU as Lighthouse's mobile profile does; PROFILE_TOP=N rows.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startShop } from './harness.mjs';

const product = process.argv[2] ?? 'runner-one';
const slowdown = Number(process.env.PROFILE_CPU_SLOWDOWN ?? 1);
const top = Number(process.env.PROFILE_TOP ?? 30);

/// A copy of `dist/` whose app wasm keeps its function names.
function profilingDist() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-profile-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const glue = readdirSync(dir).find((f) => /^atelier-[0-9a-f]+\.js$/.test(f));
  if (!glue) throw new Error('no app in dist/: run `trunk build --release` first');
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  execFileSync('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', glue.replace(/\.js$/, ''),
    join(target, 'wasm32-unknown-unknown/release/atelier.wasm'),
  ]);
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/ integrity="[^"]*"/g, ''));
  return dir;
}

const dist = profilingDist();
const shop = await startShop({ env: { ATELIER_APP_DIR: dist } });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await cdp.send('Profiler.start');
  await page.goto(`${shop.base}/?product=${product}&lang=en`);
  await page.waitForSelector('#preview[data-rendered]', { timeout: 120000 });
  await page.waitForTimeout(500);
  const { profile } = await cdp.send('Profiler.stop');
  // The page's own timeline: the app's start-up marks and measures and the browser's long tasks, in order.
  const timeline = await page.evaluate(() => [
    ...performance.getEntries()
      .filter((e) => e.name.startsWith('atelier:startup:') && !e.name.endsWith('_step'))
      .map((e) => [e.startTime, e.duration, e.name.slice('atelier:startup:'.length)]),
    ...window.__longTasks.map(([t, d]) => [t, d, 'LONG TASK']),
  ].sort((a, b) => a[0] - b[0]));
  for (const [t, d, name] of timeline) {
    console.log(`${t.toFixed(0).padStart(6)} ms  ${d ? `${d.toFixed(1).padStart(6)} ms` : '         '}  ${name}`);
  }

  // Self time per function: each sample is charged to the node it landed in.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { functionName, url } = byId.get(id).callFrame;
    const file = url.split('/').pop() || '(native)';
    const key = `${functionName || '(anonymous)'}  [${file}]`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  // The main thread's busy stretches (samples with no idle between them), the long ones with what they did:
  // a busy stretch is one task or several back to back, which is what a shopper's input waits behind.
  const bursts = [];
  let burst = null;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += deltas[i] ?? 0;
    const { functionName, url } = byId.get(id).callFrame;
    if (functionName === '(idle)') {
      burst = null;
      return;
    }
    if (!burst) bursts.push((burst = { start: at, end: at, self: new Map(), total: new Map() }));
    const ms = (deltas[i + 1] ?? 0) / 1000;
    burst.end = at + (deltas[i + 1] ?? 0);
    const key = `${functionName || '(anonymous)'} [${url.split('/').pop() || 'native'}]`;
    burst.self.set(key, (burst.self.get(key) ?? 0) + ms);
    // The project's own functions on the stack, each once, with the time spent inside them.
    const seen = new Set();
    for (let n = byId.get(id); n; n = byId.get(parent.get(n.id))) {
      const name = n.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
      if (/^<?atelier/.test(name) && !seen.has(name)) {
        seen.add(name);
        burst.total.set(name, (burst.total.get(name) ?? 0) + ms);
      }
    }
  });
  for (const b of bursts.filter((b) => b.end - b.start > 30000)) {
    const rows = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n);
    const what = [...rows(b.self, 6), ...rows(b.total, 8).map(([k, ms]) => [`(in) ${k}`, ms])]
      .map(([k, ms]) => `${ms.toFixed(1)} ${k.replace(/::h[0-9a-f]{16}/, '').slice(0, 130)}`);
    console.log(`busy ${((b.end - b.start) / 1000).toFixed(1)} ms at ${((b.start - profile.startTime) / 1000).toFixed(0)} ms:`);
    for (const w of what) console.log(`    ${w}`);
  }
  const rows = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, ms]) => s + ms, 0);
  console.log(`profile.busy_ms: ${total.toFixed(1)} ms (CPU slowdown ${slowdown}×, ${product})`);
  for (const [name, ms] of rows.slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  await shop.stop();
  rmSync(dist, { recursive: true, force: true });
}
