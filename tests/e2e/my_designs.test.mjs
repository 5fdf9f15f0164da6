// "My designs" in headless Chromium against the real shop: two named designs kept on the device with their
// thumbnails, renamed, one deleted, still there after a reload, and opened again through the rules; a name
// with markup stays text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, renderCount, start, waitForRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const names = (page) => page.$$eval('#my-designs .saved-name', (els) => els.map((e) => e.textContent));

test('designs are saved, renamed, deleted, kept across a reload and opened again', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  assert.match(await page.textContent('.my-designs'), /no account needed/);
  let n = await renderCount(page);
  await page.check('input[name="color-toe"][value="navy"]');
  await waitForRender(page, n);
  await page.fill('#design-name', "Minji's runners <b>bold</b>");
  await page.click('#save-design');
  await page.waitForSelector('#my-designs .saved-design');
  assert.match(await page.textContent('#my-designs-status'), /saved on this device/);
  const thumb = await page.getAttribute('#my-designs .saved-thumbnail', 'src');
  assert.match(thumb, /^data:image\/png;base64,/);
  assert.equal(await page.$$eval('#my-designs b', (b) => b.length), 0, 'a name is text, not markup');

  n = await renderCount(page);
  await page.check('input[name="color-toe"][value="red"]');
  await waitForRender(page, n);
  await page.fill('#design-name', 'Red toes');
  await page.press('#design-name', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#my-designs .saved-design').length === 2);
  assert.deepEqual(await names(page), ['Red toes', "Minji's runners <b>bold</b>"]);

  // Rename the first, delete the second.
  await page.click('#my-designs .saved-design:nth-child(1) .rename-start');
  await page.fill('#my-designs .rename input', 'Red toes for Jun');
  await page.press('#my-designs .rename input', 'Enter');
  await page.waitForFunction(() => document.querySelector('#my-designs .saved-name')?.textContent === 'Red toes for Jun');
  await page.click('#my-designs .saved-design:nth-child(2) .delete');
  await page.waitForFunction(() => document.querySelectorAll('#my-designs .saved-design').length === 1);

  await page.reload();
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  assert.deepEqual(await names(page), ['Red toes for Jun']);
  // Open it from a changed design: it comes back through the rules, as one undo step.
  n = await renderCount(page);
  await page.check('input[name="color-toe"][value="black"]');
  await waitForRender(page, n);
  await page.click('#my-designs .open');
  await page.waitForFunction(() => document.querySelector('input[name="color-toe"][value="red"]')?.checked);
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('input[name="color-toe"][value="black"]')?.checked);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an empty name saves nothing', async () => {
  const { page } = await openApp(env.browser, env.base);
  await page.fill('#design-name', '   ');
  await page.click('#save-design');
  await page.waitForTimeout(200);
  assert.equal(await page.$$eval('#my-designs .saved-design', (e) => e.length), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'design-name');
  await page.close();
});
