// The whole journey with the keyboard alone, on both products, in headless Chromium against the real shop:
// only Tab, Shift+Tab, arrows, Enter, Space and Escape. Choose a part, a material and a color, meet an
// unavailable option (decline its fix with Escape, then accept it with Enter), type a personal text, pick a
// size, place the order and see its number. At every stop the focused element shows a visible focus
// indicator (its own outline, or the ring its styled label or swatch draws for a hidden radio).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/// What is focused, and whether a focus indicator of at least 2 px is drawn for it.
function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: null, visible: false };
    const drawn = (e) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      // The swatches draw their ring as a box shadow in the focus color (#2459d6).
      return outline || /rgb\(36, 89, 214\)/.test(s.boxShadow);
    };
    // A hidden radio's ring is drawn by its styled sibling (segments, swatches) or its label (chips).
    const visible = el.matches(':focus-visible')
      && [el, el.nextElementSibling, el.parentElement].some(drawn);
    const what = el.id || `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}][value=${el.value}]`;
    return { id: what, visible };
  });
}

/// Presses `key`, then checks the focus is visible (when anything is focused).
async function press(page, key) {
  await page.keyboard.press(key);
  const focus = await focusState(page);
  if (focus.id) assert.ok(focus.visible, `after ${key}, focus on ${focus.id} is not visible`);
  return focus;
}

/// Tabs (or Shift+Tabs) until the focused element matches `selector`.
async function tabTo(page, selector, key = 'Tab') {
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await press(page, key);
  }
  assert.fail(`${key} never reached ${selector}`);
}

/// Moves through a radio group with the arrow keys until `value` is checked.
async function arrowTo(page, name, value) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(([n, v]) => document.querySelector(`input[name="${n}"]:checked`)?.value === v,
      [name, value])) return;
    await press(page, 'ArrowRight');
    // An unavailable option on the way opens the fix dialog: that is the caller's to handle.
    if (await page.$('[role="alertdialog"]')) return;
  }
  assert.fail(`the arrows never reached ${name}=${value}`);
}

const checked = (page, name) => page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value, name);

for (const journey of [
  { product: 'runner-one', zone: 'sole', material: ['material-sole', 'foam'], color: ['color-sole', 'gum'],
    fixed: ['material-sole', 'rubber'], text: ['text-heel-id', 'MINJI'] },
  { product: 'bespoke-set', zone: 'dishwasher', material: ['material-dishwasher', 'metal'],
    color: ['color-dishwasher', 'cotta-white'], fixed: ['material-dishwasher', 'matte'], text: ['text-monogram', 'KIM'] },
]) {
  test(`${journey.product}: the whole journey with the keyboard alone`, async () => {
    const { page, errors } = await openApp(env.browser, env.base, `product=${journey.product}&lang=en`);
    try {
      // The part: Tab to the part radios, arrows to the part.
      await tabTo(page, 'input[name="zone"]');
      await arrowTo(page, 'zone', journey.zone);
      // The material, then the color; the color is unavailable with that material.
      await tabTo(page, `input[name="${journey.material[0]}"]`);
      await arrowTo(page, ...journey.material);
      // Away and back, so the material is the shopper's own choice even where it was the default (the rules
      // would otherwise change a default by themselves, without asking).
      await press(page, 'ArrowLeft');
      await press(page, 'ArrowRight');
      assert.equal(await checked(page, journey.material[0]), journey.material[1]);
      await tabTo(page, `input[name="${journey.color[0]}"]`);
      await arrowTo(page, ...journey.color);
      const dialog = page.locator('[role="alertdialog"]');
      await dialog.waitFor({ timeout: 5000 });
      assert.equal((await focusState(page)).id, 'fix-accept', 'focus moves into the fix dialog');
      // Escape declines and gives focus back; the arrows reach the option again, and Enter accepts.
      await press(page, 'Escape');
      await dialog.waitFor({ state: 'detached', timeout: 5000 });
      assert.equal(await checked(page, journey.material[0]), journey.material[1], 'declined: nothing changed');
      const back = await focusState(page);
      assert.match(back.id, new RegExp(`^${journey.color[0]}|name=${journey.color[0]}`), 'focus is back on the colors');
      if (back.id === `${journey.color[0]}-${journey.color[1]}`) {
        await press(page, 'ArrowLeft');
        await press(page, 'ArrowRight');
      } else {
        await arrowTo(page, ...journey.color);
      }
      await dialog.waitFor({ timeout: 5000 });
      assert.equal((await focusState(page)).id, 'fix-accept');
      await press(page, 'Enter');
      await dialog.waitFor({ state: 'detached', timeout: 5000 });
      await page.waitForFunction(([n, v]) => document.querySelector(`input[name="${n}"]:checked`)?.value === v,
        journey.color, { timeout: 5000 });
      assert.equal(await checked(page, journey.fixed[0]), journey.fixed[1], 'the fix changed the material');

      // The personal text, typed; then the size with the arrows, reached back with Shift+Tab from beyond it.
      await tabTo(page, `#${journey.text[0]}`);
      await page.keyboard.type(journey.text[1]);
      await tabTo(page, '#submit');
      await tabTo(page, '#size', 'Shift+Tab');
      await press(page, 'ArrowDown');
      await page.waitForFunction(() => document.querySelector('#size').value !== '', null, { timeout: 5000 });

      // The order: Tab to the button, Space presses it; focus moves to the thank-you with the number.
      await tabTo(page, '#submit');
      await press(page, 'Space');
      await page.waitForSelector('#order-number', { timeout: 30000 });
      assert.match(await page.textContent('#order-number'), /^ATL-/);
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('order-placed')),
        'focus is on the order outcome');
      const order = await (await fetch(`${env.base}/api/orders/${await page.textContent('#order-number')}`)).json();
      assert.equal(JSON.stringify(order.spec).includes(JSON.stringify(journey.text[1])), true, 'the order carries the text');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
