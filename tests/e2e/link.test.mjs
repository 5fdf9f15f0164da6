// Design links in headless Chromium against the real shop: the address follows the design (replacing, not
// adding, history entries), the link opens the same design and pixels in a fresh browser context, a link made
// with an older catalog opens with what changed said, and a damaged link opens the standard design with a
// friendly message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasHash, openApp, renderCount, start, waitForRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const linkOf = (page) => new URL(page.url()).searchParams.get('d') ?? '';

test('the address is a link to the design, and it opens the same design anywhere', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  const entries = await page.evaluate(() => history.length);
  let n = await renderCount(page);
  await page.check('input[name="color-toe"][value="navy"]');
  await waitForRender(page, n);
  // The design in words follows: the canvas's text alternative and a polite announcement.
  await page.waitForFunction(() => /Toe box: Navy, Smooth leather/.test(document.querySelector('#design-description')?.textContent));
  assert.match(await page.getAttribute('#preview', 'aria-label'), /^Runner One — Side: Toe box: Navy, Smooth leather;/);
  assert.equal(await page.getAttribute('#design-description', 'aria-live'), 'polite');
  await page.fill('#text-heel-id', 'MINJI');
  await page.selectOption('#size', '250');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('d')?.includes('navy'));
  await page.waitForFunction(() => new URL(location.href).searchParams.get('d')?.includes('.250.'));
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entry per change');
  n = await renderCount(page);
  await page.waitForTimeout(300);
  const want = await canvasHash(page);
  const link = page.url();
  assert.match(link, /lang=en/, 'the other parameters are kept');
  assert.match(link, /toe~leather~navy/, 'readable: no escapes');

  // A fresh context: no stored design, only the link.
  const other = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await other.goto(link);
  await other.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  await other.waitForFunction(() => document.querySelector('#text-heel-id')?.value === 'MINJI');
  assert.equal(await other.isChecked('input[name="color-toe"][value="navy"]'), true);
  assert.equal(await other.inputValue('#size'), '250');
  await other.waitForFunction(() => Number(document.querySelector('#preview').dataset.rendered) > 0);
  await other.waitForTimeout(300);
  assert.equal(await canvasHash(other), want, 'the same pixels');
  assert.equal(await other.textContent('#rules-notice'), '', 'nothing to report');
  assert.equal(linkOf(other), linkOf(page));
  assert.deepEqual(errors, []);
  await other.close();
  await page.close();
});

test('a link from an older catalog opens, says what changed, and keeps what still exists', async () => {
  const old = '1.0123456789ab.runner-one..toe~leather~neon~sole~gel~gum..';
  const { page, errors } = await openApp(env.browser, env.base, `lang=en&d=${old}`);
  const notice = await page.textContent('#rules-notice');
  assert.match(notice, /earlier version of this product/);
  assert.match(notice, /Toe box/);
  assert.equal(await page.isChecked('input[name="color-toe"][value="white"]'), true);
  await page.check('input[name="zone"][value="sole"]');
  assert.equal(await page.isChecked('input[name="color-sole"][value="gum"]'), true, 'gum kept');
  assert.equal(await page.isChecked('input[name="material-sole"][value="rubber"]'), true, 'through the rules');
  // The address now names the loaded catalog's version.
  assert.doesNotMatch(linkOf(page), /0123456789ab/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a damaged link opens the standard design with a friendly message', async () => {
  for (const [d, message] of [
    ['1.zz.runner-one', /damaged/],
    ['<script>alert(1)</script>', /newer version of the shop/],
    ['1..runner-one....heel-id~%%%', /damaged/],
  ]) {
    const { page, errors } = await openApp(env.browser, env.base, `lang=en&d=${encodeURIComponent(d)}`);
    assert.match(await page.textContent('#rules-notice'), message, d);
    assert.equal(await page.isChecked('input[name="color-toe"][value="white"]'), true, d);
    assert.deepEqual(errors, [], d);
    await page.close();
  }
});

test('the message about a link follows the language', async () => {
  const { page } = await openApp(env.browser, env.base, 'lang=ko&d=1.zz.runner-one');
  assert.match(await page.textContent('#rules-notice'), /디자인 링크가 손상/);
  await page.close();
});

test('a reload brings back the design and its undo history', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  let n = await renderCount(page);
  await page.check('input[name="material-toe"][value="suede"]');
  await waitForRender(page, n);
  n = await renderCount(page);
  await page.check('input[name="color-toe"][value="navy"]');
  await waitForRender(page, n);
  await page.reload();
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  assert.equal(await page.isChecked('input[name="color-toe"][value="navy"]'), true, 'the design is back');
  assert.equal(await page.textContent('#rules-notice'), '', 'a reload is not news');
  await page.click('#undo');
  await page.waitForFunction(() => !document.querySelector('input[name="color-toe"][value="navy"]')?.checked);
  assert.equal(await page.isChecked('input[name="material-toe"][value="suede"]'), true);
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('input[name="material-toe"][value="leather"]')?.checked);
  await page.click('#redo');
  await page.waitForFunction(() => document.querySelector('input[name="material-toe"][value="suede"]')?.checked);
  assert.deepEqual(errors, []);
  await page.close();
});
