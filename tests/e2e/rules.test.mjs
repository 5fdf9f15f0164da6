// The catalog rules in the browser against the real shop: an unavailable option says why, choosing it anyway
// offers a fix that can be declined (Escape) or accepted, undo/redo work from the keyboard, an automatic change
// is announced, matching panels follow one choice, and an out-of-date stored design is repaired on load.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const checked = (page, name) => page.locator(`input[name="${name}"]:checked`).getAttribute('value');

// Waits until the radio group `name` has `value` checked (the app re-renders after a dispatch).
const waitChecked = (page, name, value) => page.waitForSelector(
  `input[name="${name}"][value="${value}"]:checked`, { timeout: 5000 },
);

// The text an option's aria-describedby points at, or null.
const description = (page, selector) => page.evaluate((sel) => {
  const ids = document.querySelector(sel)?.getAttribute('aria-describedby');
  return ids ? ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null;
}, selector);

// Makes Cushion foam the shopper's own choice for the sole (it is only the default at first).
async function chooseFoam(page) {
  await page.check('input[name="zone"][value="sole"]');
  await page.check('input[name="material-sole"][value="rubber"]');
  await page.check('input[name="material-sole"][value="foam"]');
  await waitChecked(page, 'material-sole', 'foam');
}

test('choosing an unavailable option offers a fix; accept, undo and redo work', async () => {
  const { page, errors } = await openApp(env.browser, env.base);
  await chooseFoam(page);
  const gum = 'input[name="color-sole"][value="gum"]';

  // Escape declines: nothing changes, and the gum radio is not left checked.
  await page.click(gum);
  const dialog = page.locator('[role="alertdialog"]');
  await dialog.waitFor({ timeout: 5000 });
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'fix-accept', 'focus moves into the dialog');
  assert.equal(await checked(page, 'color-sole'), 'white', 'nothing applied while the dialog is open');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await checked(page, 'material-sole'), 'foam');
  assert.equal(await checked(page, 'color-sole'), 'white');

  // Again, and accept: the reason and the change are shown first.
  await page.click(gum);
  await dialog.waitFor({ timeout: 5000 });
  const text = await dialog.textContent();
  assert.match(text, /Gum soles are only made in rubber/);
  assert.match(text, /Material of the Sole: Cushion foam → Natural rubber/);
  await page.click('#fix-accept');
  await dialog.waitFor({ state: 'detached', timeout: 5000 });
  await waitChecked(page, 'color-sole', 'gum');
  assert.equal(await checked(page, 'material-sole'), 'rubber');

  // Ctrl+Z takes the accepted fix back as one step; Ctrl+Shift+Z and Ctrl+Y bring it again.
  await page.keyboard.press('Control+z');
  await waitChecked(page, 'color-sole', 'white');
  assert.equal(await checked(page, 'material-sole'), 'foam');
  await page.keyboard.press('Control+Shift+z');
  await waitChecked(page, 'color-sole', 'gum');
  assert.equal(await checked(page, 'material-sole'), 'rubber');
  await page.click('#undo');
  await waitChecked(page, 'color-sole', 'white');
  await page.keyboard.press('Control+y');
  await waitChecked(page, 'color-sole', 'gum');
  assert.equal(await page.locator('#redo').isDisabled(), true, 'nothing left to redo');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unavailable option stays a real radio and says why', async () => {
  const { page } = await openApp(env.browser, env.base);
  await chooseFoam(page);
  const gum = 'input[name="color-sole"][value="gum"]';
  await page.waitForSelector(`${gum}[aria-describedby]`, { timeout: 5000 });
  assert.equal(
    await description(page, gum),
    'Unavailable: Gum soles are only made in rubber. (You chose Cushion foam for the Material of the Sole.)',
  );
  assert.equal(await page.locator(gum).isEnabled(), true);
  assert.match(await page.locator(gum).evaluate((r) => r.closest('label').className), /unavailable/);
  // Available options carry no such description.
  assert.equal(await description(page, 'input[name="color-sole"][value="black"]'), null);
  // The reason is visible too, under the group, not only to screen readers.
  const visible = page.locator('fieldset:has(input[name="color-sole"]) .why-list li');
  assert.equal(
    (await visible.first().textContent()).trim(),
    'Gum — Unavailable: Gum soles are only made in rubber. (You chose Cushion foam for the Material of the Sole.)',
  );
  assert.equal(await visible.first().isVisible(), true);
  await page.close();

  // In Korean too.
  const ko = await openApp(env.browser, env.base, 'lang=ko');
  await chooseFoam(ko.page);
  await ko.page.waitForSelector(`${gum}[aria-describedby]`, { timeout: 5000 });
  assert.match(await description(ko.page, gum), /^선택할 수 없음: 검 밑창은 고무로만 만듭니다\./);
  await ko.page.close();
});

test('an automatic change is announced politely', async () => {
  const { page } = await openApp(env.browser, env.base);
  await page.check('input[name="zone"][value="sole"]');
  // Foam is only the default, so gum simply takes rubber along, and says so.
  await page.check('input[name="color-sole"][value="gum"]');
  await waitChecked(page, 'material-sole', 'rubber');
  const notice = page.locator('#rules-notice');
  assert.equal(await notice.getAttribute('aria-live'), 'polite');
  assert.equal(
    (await notice.textContent()).trim(),
    'Also changed: Material of the Sole: Cushion foam → Natural rubber — Gum soles are only made in rubber.',
  );
  await page.close();
});

test('bespoke-set: with matching on, one color goes on all five panels', async () => {
  const { page, errors } = await openApp(env.browser, env.base, 'product=bespoke-set&lang=en');
  const catalog = await (await fetch(`${env.base}/static/catalogs/bespoke-set.json`)).json();
  const mint = catalog.colors.find((c) => c.id === 'mint').swatch.toLowerCase();
  const zones = catalog.zones.map((z) => z.id);
  assert.equal(zones.length, 5);

  await page.check('input[name="choice-match"][value="on"]');
  await waitChecked(page, 'choice-match', 'on');
  await page.check(`input[name="zone"][value="${zones[0]}"]`);
  await page.check(`input[name="color-${zones[0]}"][value="mint"]`);
  await waitChecked(page, `color-${zones[0]}`, 'mint');

  // Every part's dot in the part list shows mint, and each part's own radios agree.
  const dots = await page.$$eval('.zone-list .chip-dot', (els) => els.map((e) => e.getAttribute('style')));
  assert.equal(dots.length, 5);
  for (const style of dots) assert.match(style.toLowerCase(), new RegExp(mint));
  for (const zone of zones) {
    await page.check(`input[name="zone"][value="${zone}"]`);
    assert.equal(await checked(page, `color-${zone}`), 'mint', zone);
  }
  assert.match(await page.textContent('#rules-notice'), /Also changed/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an out-of-date stored design is repaired on load, and says so', async () => {
  const { page } = await openApp(env.browser, env.base);
  // The app stores the selection as soon as it loads; make it one the rules no longer allow.
  await page.evaluate(() => {
    const key = 'atelier.selection.runner-one';
    const stored = JSON.parse(localStorage.getItem(key));
    stored.design.zones.sole = { material: 'foam', color: 'gum' };
    stored.explicit = ['sole.color'];
    localStorage.setItem(key, JSON.stringify(stored));
  });
  // The shopper comes back to the product's address (a reload would open the design link the address now
  // carries, which wins over what this browser stored).
  await page.goto(`${env.base}/?lang=en`);
  await page.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  assert.match(
    await page.textContent('#rules-notice'),
    /Your saved design was updated to fit this product: Material of the Sole: Cushion foam → Natural rubber/,
  );
  await page.check('input[name="zone"][value="sole"]');
  assert.equal(await checked(page, 'color-sole'), 'gum', 'the shopper’s own choice is kept');
  assert.equal(await checked(page, 'material-sole'), 'rubber');
  await page.close();
});
