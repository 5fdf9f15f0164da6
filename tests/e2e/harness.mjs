// Starts what a browser test needs, for real: the shop binary on a free loopback port with a fresh SQLite
// file, serving the built app, and Debian's headless Chromium driven by playwright-core (which never downloads
// a browser). Everything is torn down by `stop()`, and every wait is bounded.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function waitForHttp(url, child, ms = 30000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the shop exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/// A retailer's site on a second origin (127.0.0.2, a free port), for the benches: serves the HTML of `pages`
/// (path → page), which the caller fills once it knows the shop's address.
export async function serveRetailer() {
  const pages = {};
  const server = createHttpServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (body === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.2', ok));
  return { pages, base: `http://127.0.0.2:${server.address().port}`, close: () => server.close() };
}

/// Starts the shop alone. `env`: extra environment for it (e.g. `ATELIER_EMBED_ORIGINS`).
export async function startShop({ env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const bin = process.env.SHOP_BIN
    ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/atelier-shop');
  const shop = spawn(bin, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      ATELIER_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${join(dir, 'shop.db')}`,
      ATELIER_STATIC_DIR: join(ROOT, 'static'),
      ATELIER_APP_DIR: process.env.APP_DIR ?? join(ROOT, 'dist'),
      RUST_LOG: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // A shop that does not come up is stopped, not left running (its open output would keep the test run
  // waiting for ever); the bound is generous because a debug shop on a busy 2-core machine starts slowly.
  await waitForHttp(`${base}/api/products`, shop, 90000).catch((e) => {
    shop.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const stop = async () => {
    shop.kill('SIGTERM');
    await new Promise((r) => (shop.exitCode !== null ? r() : shop.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  };
  return { base, stop };
}

/// Starts the shop and Debian's headless Chromium. `env`: extra environment for the shop.
export async function start({ env = {} } = {}) {
  const shop = await startShop({ env });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    timeout: 30000,
  }).catch(async (e) => { await shop.stop(); throw e; });
  const stop = async () => {
    await browser.close().catch(() => {});
    await shop.stop();
  };
  return { base: shop.base, browser, stop };
}

/// Opens the configurator and waits until the preview has been painted at least once. `prepare(page)` runs
/// before the page loads (routes, request listeners).
export async function openApp(browser, base, query = 'lang=en', prepare = async () => {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await prepare(page);
  await page.goto(`${base}/?${query}`);
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  return { page, errors };
}

/// Waits until the canvas has rendered more times than `before`.
export async function waitForRender(page, before) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('#preview')?.dataset.rendered ?? 0) > n,
    before,
    { timeout: 10000 },
  );
}

export async function renderCount(page) {
  return page.evaluate(() => Number(document.querySelector('#preview').dataset.rendered));
}

/// SHA-256 of a canvas's RGBA bytes (the preview's unless `selector` says otherwise), computed in the page.
export function canvasHash(page, selector = '#preview') {
  return page.evaluate(async (sel) => {
    const c = document.querySelector(sel);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const digest = await crypto.subtle.digest('SHA-256', data);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, selector);
}

/// A "room": 60 % mint-like wall, 30 % warm white cabinets, 10 % charcoal counter, as a PNG made by the page.
export async function roomPhoto(page) {
  const b64 = await page.evaluate(async () => {
    const c = new OffscreenCanvas(400, 300);
    const g = c.getContext('2d');
    g.fillStyle = '#a8d3c2'; g.fillRect(0, 0, 400, 180);
    g.fillStyle = '#f0ebe1'; g.fillRect(0, 180, 400, 90);
    g.fillStyle = '#3a3c40'; g.fillRect(0, 270, 400, 30);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}
