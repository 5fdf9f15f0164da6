// axe-core (npm, injected into headless Chromium through the driver, so the shop's CSP stays as it is) finds
// no violations in any state a shopper can reach, against the real shop: both products, each view, Korean and
// English, a phone and a desktop width, easy mode (first step, help open, last step), the fix dialog, text
// entry with a refused word, colors from a room photo with its palette, the order confirmation, and the API
// documentation. Every rule axe runs by default is on (WCAG 2.0–2.2 A/AA and best practices).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { roomPhoto, start } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await start({ env: { ATELIER_HELP_PHONE: '1588-0000' } }); });
after(async () => { await env?.stop(); });

/// axe's violations on the page as it is now, one line each (rule, impact, the first nodes).
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3)
      .map((n) => n.target.join(' ')).join(', ')}: ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`);
  });
  return found;
}

/// Asserts axe finds nothing, naming the state.
async function clean(page, state) {
  assert.deepEqual(await violations(page), [], state);
}

async function open(query, viewport) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${env.base}/?${query}`);
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  return { context, page };
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

for (const product of ['runner-one', 'bespoke-set']) {
  for (const lang of ['en', 'ko']) {
    for (const [width, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      test(`${product}, ${lang}, ${width}: every view, and easy mode's steps and help`, async () => {
        const { context, page } = await open(`product=${product}&lang=${lang}`, viewport);
        try {
          const where = `${product} ${lang} ${width}`;
          await clean(page, `${where}: first screen`);
          const views = await page.$$eval('.view-switch input', (els) => els.map((e) => e.value));
          assert.ok(views.length >= 1);
          for (const view of views.slice(1)) {
            const before = await page.evaluate(() => Number(document.querySelector('#preview').dataset.rendered));
            await page.check(`.view-switch input[value="${view}"]`);
            await page.waitForFunction((n) => Number(document.querySelector('#preview').dataset.rendered) > n,
              before, { timeout: 20000 });
            await clean(page, `${where}: view ${view}`);
          }
          await page.click('#easy-mode');
          await page.waitForSelector('#step-heading');
          await clean(page, `${where}: easy mode, first step`);
          await page.click('#easy-help');
          await page.waitForSelector('#help-panel');
          await clean(page, `${where}: easy mode, help open`);
          await page.click('#easy-help');
          while (await page.locator('#step-next').count()) await page.click('#step-next');
          await clean(page, `${where}: easy mode, last step`);
          // Leave easy mode off for the next page (it is remembered per browser context anyway).
          await page.click('#easy-mode');
        } finally {
          await context.close();
        }
      });
    }
  }
}

test('the fix dialog, a refused word, and the order confirmation', async () => {
  for (const lang of ['en', 'ko']) {
    const { context, page } = await open(`product=runner-one&lang=${lang}`, DESKTOP);
    try {
      await page.check('input[name="zone"][value="sole"]');
      await page.check('input[name="material-sole"][value="rubber"]');
      await page.check('input[name="material-sole"][value="foam"]');
      await page.click('input[name="color-sole"][value="gum"]');
      await page.locator('[role="alertdialog"]').waitFor({ timeout: 5000 });
      await clean(page, `${lang}: fix dialog`);
      await page.click('#fix-accept');
      await page.locator('[role="alertdialog"]').waitFor({ state: 'detached', timeout: 5000 });

      await page.fill('#text-heel-id', 'sh1t');
      await page.waitForSelector('#text-heel-id-status .text-refusal', { timeout: 10000 });
      await clean(page, `${lang}: refused word`);
      await page.fill('#text-heel-id', 'MINJI');
      await page.waitForFunction(() => !document.querySelector('#text-heel-id-status .text-refusal'), null,
        { timeout: 10000 });

      await page.click('#submit');
      await page.waitForFunction(() => document.activeElement?.id === 'size', null, { timeout: 5000 });
      await clean(page, `${lang}: size asked for`);
      await page.selectOption('#size', { index: 2 });
      await page.click('#submit');
      await page.waitForSelector('#order-number', { timeout: 30000 });
      await clean(page, `${lang}: order confirmation`);
    } finally {
      await context.close();
    }
  }
});

test('colors from a room photo, with its palette and matches, on a phone and a desktop', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const { context, page } = await open('product=bespoke-set&lang=en', viewport);
    try {
      await page.setInputFiles('#photo-input', { name: 'room.png', mimeType: 'image/png', buffer: await roomPhoto(page) });
      await page.waitForSelector('.palette-chip', { timeout: 15000 });
      await clean(page, `photo colors ${viewport.width}`);
    } finally {
      await context.close();
    }
  }
});

test('axe does report what it should (the checks above can fail)', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  try {
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,">'
      + '<button></button></main></html>');
    const found = (await violations(page)).map((v) => v.split(' ')[0]);
    assert.ok(found.includes('image-alt') && found.includes('button-name'), found.join(', '));
  } finally {
    await context.close();
  }
});

test('the API documentation', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  try {
    await page.goto(`${env.base}/api/docs`);
    await page.waitForLoadState('load');
    await clean(page, 'API docs');
  } finally {
    await context.close();
  }
});
