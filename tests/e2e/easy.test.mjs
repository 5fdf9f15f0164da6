// Easy mode in headless Chromium against the real shop (started with a help line): the switch is a real switch,
// remembered across reloads; the path walks the product one step at a time from its catalog ("Step 2 of 8",
// Back and Next, focus on the step's heading); on a phone the total and the order button stay on screen on
// every step and the targets are at least 56 px; unavailable options still explain themselves and offer
// their fix; help shows the shop's number as a tap-to-call link and the design's code; ordering from the bar
// without a size goes to the size; the order is placed. And the price is said when it moves, in both modes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { start } from './harness.mjs';

let env;
before(async () => { env = await start({ env: { ATELIER_HELP_PHONE: '+82 2-123-4567' } }); });
after(async () => { await env?.stop(); });

async function open(query, viewport = { width: 390, height: 844 }) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${env.base}/?${query}`);
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  return { context, page, errors };
}

const inView = (page, selector) => page.evaluate((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
}, selector);

test('the switch is a switch, remembered, and says its name in Korean too', async () => {
  const { context, page, errors } = await open('lang=en&product=runner-one');
  try {
    const sw = page.locator('#easy-mode');
    assert.equal(await sw.getAttribute('role'), 'switch');
    assert.equal(await sw.getAttribute('aria-checked'), 'false');
    assert.equal((await sw.textContent()).trim(), 'Easy mode');
    await sw.press('Enter');
    await page.waitForSelector('#step-heading');
    assert.equal(await sw.getAttribute('aria-checked'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-easy')), true);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '20px');

    await page.reload();
    await page.waitForSelector('#step-heading', { timeout: 30000 });
    assert.equal(await sw.getAttribute('aria-checked'), 'true', 'remembered');
    await page.click('[data-locale="ko"]');
    await page.waitForFunction(() => document.querySelector('#easy-mode').textContent.includes('쉬운 모드'));
    assert.match(await page.textContent('#step-heading'), /8단계 중 1단계/);

    await sw.click();
    await page.waitForSelector('#step-heading', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-easy')), false);
    await page.reload();
    await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
    assert.equal(await sw.getAttribute('aria-checked'), 'false', 'off is remembered too');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const [product, steps] of [['runner-one', 8], ['bespoke-set', 9]]) {
  test(`${product} on a phone: one step at a time, price and order button always in view, big targets`, async () => {
    const { context, page, errors } = await open(`lang=en&product=${product}`);
    try {
      await page.click('#easy-mode');
      const catalog = await (await fetch(`${env.base}/static/catalogs/${product}.json`)).json();
      for (let n = 1; n <= steps; n++) {
        const heading = await page.textContent('#step-heading');
        assert.match(heading, new RegExp(`^Step ${n} of ${steps}`), heading);
        const zone = catalog.zones.find((z) => heading.endsWith(z.name.en));
        if (zone) {
          assert.equal(await page.locator(`input[name="material-${zone.id}"]`).count() > 0, true, zone.id);
          assert.equal(await page.locator('input[name="zone"]').count(), 0, 'the part list gives way to the path');
        }
        // Bottom of the step: the total and the order button are still on screen.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        assert.ok(await inView(page, '#easy-total'), `step ${n}: total in view`);
        assert.ok(await inView(page, '#submit'), `step ${n}: order button in view`);
        assert.match(await page.textContent('#easy-total'), /^₩[\d,]+$/);
        // Every visible button and option is at least 56 px tall.
        const small = await page.$$eval('.button, .choice, .chip, .segment span, .easy-switch, .lang-button, #size',
          (els) => els.filter((e) => e.getClientRects().length && e.getBoundingClientRect().height < 55.5)
            .map((e) => `${e.className} ${Math.round(e.getBoundingClientRect().height)}`));
        assert.deepEqual(small, [], `step ${n}: targets under 56 px`);
        if (n < steps) {
          await page.click('#step-next');
          await page.waitForFunction((k) => document.activeElement?.id === 'step-heading'
            && document.activeElement.textContent.startsWith(`Step ${k} `), n + 1, { timeout: 5000 });
        }
      }
      assert.equal(await page.locator('#step-next').count(), 0, 'no Next on the last step');
      assert.ok(await page.locator('#size').count(), 'the size is on the last step');
      await page.click('#step-back');
      assert.match(await page.textContent('#step-heading'), new RegExp(`^Step ${steps - 1} of ${steps}`));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a 320×640 phone in easy mode: room for the options between the preview and the bar; the download at the end', async () => {
  const { context, page, errors } = await open('lang=en&product=bespoke-set', { width: 320, height: 640 });
  try {
    await page.click('#easy-mode');
    await page.click('#step-next');
    await page.evaluate(() => window.scrollTo(0, 400));
    const room = await page.evaluate(() => {
      const stage = document.querySelector('#app .stage').getBoundingClientRect();
      const bar = document.querySelector('.easy-bar').getBoundingClientRect();
      return bar.top - stage.bottom;
    });
    assert.ok(room >= 0.3 * 640, `${room} px between the pinned preview and the bar`);
    assert.equal(await page.locator('#app .stage .download-image').isVisible(), false);
    while (await page.locator('#step-next').count()) await page.click('#step-next');
    assert.equal(await page.locator('.step-download .download-image').isVisible(), true, 'the PNG download is on the last step');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('easy mode: a part chosen on the way still explains and fixes; help; ordering from the bar', async () => {
  const { context, page, errors } = await open('lang=en&product=runner-one');
  try {
    await page.click('#easy-mode');
    // Step 6 is the sole: foam, then gum, which needs rubber: the fix dialog offers it.
    for (let n = 1; n < 6; n++) await page.click('#step-next');
    assert.match(await page.textContent('#step-heading'), /Step 6 of 8Sole/);
    await page.check('input[name="material-sole"][value="rubber"]');
    await page.check('input[name="material-sole"][value="foam"]');
    const gum = page.locator('input[name="color-sole"][value="gum"]');
    assert.match(await page.evaluate(() => {
      const ids = document.querySelector('input[name="color-sole"][value="gum"]').getAttribute('aria-describedby');
      return ids.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    }), /Gum soles are only made in rubber/);
    await gum.click();
    await page.locator('[role="alertdialog"]').waitFor({ timeout: 5000 });
    await page.click('#fix-accept');
    await page.waitForSelector('input[name="color-sole"][value="gum"]:checked');
    // The price moved (foam cost extra): said politely.
    await page.waitForFunction(() => /^Total now ₩[\d,]+, ₩[\d,]+ (more|less)\.$/
      .test(document.querySelector('#price-announcement').textContent), null, { timeout: 5000 });
    assert.equal(await page.getAttribute('#price-announcement', 'aria-live'), 'polite');

    // Help: the number to call and the design's code; Escape closes it and gives focus back.
    await page.click('#easy-help');
    assert.equal(await page.getAttribute('#easy-help', 'aria-expanded'), 'true');
    assert.equal(await page.getAttribute('#help-phone', 'href'), 'tel:+8221234567');
    assert.equal(await page.textContent('#help-phone'), 'Call us: +82 2-123-4567');
    await page.click('#help-get-code');
    await page.waitForSelector('#help-code', { timeout: 10000 });
    const code = await page.textContent('#help-code');
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z*~$=U]{4}$/);
    const stored = await (await fetch(`${env.base}/api/designs/${code}`)).json();
    assert.equal(stored.design.zones.sole.color, 'gum', 'the code names the design on screen');
    await page.focus('#help-get-code');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help-panel', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'easy-help');

    // Ordering from the bar without a size goes to the last step with the size focused; then it orders.
    await page.click('#step-back');
    await page.click('#submit');
    await page.waitForFunction(() => document.activeElement?.id === 'size', null, { timeout: 5000 });
    assert.match(await page.textContent('#step-heading'), /Step 8 of 8/);
    await page.selectOption('#size', { index: 3 });
    await page.click('#submit');
    await page.waitForSelector('#order-number', { timeout: 30000 });
    assert.match(await page.textContent('#order-number'), /^ATL-/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the price is said when it moves, not when the page opens', async () => {
  const { context, page, errors } = await open('lang=ko&product=runner-one', { width: 1280, height: 900 });
  try {
    assert.equal(await page.textContent('#price-announcement'), '');
    await page.check('input[name="material-toe"][value="suede"]');
    await page.waitForFunction(() => document.querySelector('#price-announcement').textContent
      === '합계 ₩159,000: ₩10,000 올랐습니다.', null, { timeout: 5000 });
    await page.check('input[name="material-toe"][value="leather"]');
    await page.waitForFunction(() => document.querySelector('#price-announcement').textContent
      === '합계 ₩149,000: ₩10,000 내렸습니다.', null, { timeout: 5000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
