// Exactly-once orders, also offline, in headless Chromium against the real shop: an order placed while the
// shop cannot be reached waits in the device's outbox, survives a reload, is sent by itself when the
// connection returns, and the shop creates one order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('an order placed offline is kept, survives a reload, and is placed once when back online', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  const answers = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/orders') && r.request().method() === 'POST') answers.push(r.status());
  });
  let reached = 0;
  await page.route('**/api/orders', (route) => { reached += 1; return route.abort('internetdisconnected'); });
  await page.selectOption('#size', '250');
  await page.click('#submit');
  await page.waitForSelector('#order-waiting', { timeout: 30000 });
  assert.match(await page.textContent('#order-waiting'), /sent by itself/);
  assert.equal(await page.isDisabled('#submit'), true, 'no second press');
  const kept = await page.evaluate(() => localStorage.getItem('atelier.outbox.runner-one'));
  assert.ok(kept && JSON.parse(kept).submission, 'the order is in the outbox with its submission id');

  // A reload while still offline: the page picks the order up again by itself.
  const before = reached;
  await page.reload();
  await page.waitForSelector('#order-waiting', { timeout: 30000 });
  assert.ok(reached > before, 'it tried again after the reload');

  // Back online.
  await page.unroute('**/api/orders');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForSelector('#order-number', { timeout: 30000 });
  const number = await page.textContent('#order-number');
  assert.match(number, /^ATL-/);
  assert.equal(await page.evaluate(() => localStorage.getItem('atelier.outbox.runner-one')), null);
  assert.deepEqual(answers.filter((s) => s !== 0), [201], 'one order created, nothing else answered');

  // The same submission sent again (as a second tab might) is answered with the same order.
  const again = await page.evaluate(async (body) => {
    const r = await fetch('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return [r.status, (await r.json()).id];
  }, kept);
  assert.deepEqual(again, [200, number]);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  await page.close();
});
