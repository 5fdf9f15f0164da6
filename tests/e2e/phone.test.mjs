// Phones and small windows, for real: the shop's page and the demo retailer page on another origin (which
// embeds the configurator with the README's two lines), at 390×844 and 320×640, a phone held sideways
// (844×390) and a tablet (1024×768). While each option group is
// brought into view in turn, the preview canvas stays at least 80 % inside the window; nothing scrolls sideways at 320 px or at 200 % zoom (a 1280×900 window at 200 % lays out
// as 640×450 CSS pixels, which is how it is emulated); the keyboard's focus never hides under the pinned
// preview (WCAG 2.4.11).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, serveRetailer, start } from './harness.mjs';

let env;
let retailer;
before(async () => {
  retailer = await serveRetailer();
  env = await start({ env: { ATELIER_EMBED_ORIGINS: retailer.base } });
  retailer.pages['/demo.html'] = readFileSync(join(ROOT, 'embed/demo.html'), 'utf8')
    .replaceAll('http://127.0.0.1:8080', env.base);
  retailer.pages['/demo.js'] = readFileSync(join(ROOT, 'embed/demo.js'), 'utf8');
});
after(async () => {
  await env?.stop();
  retailer?.close();
});

/// A phone-sized page showing the configurator, on the shop's page or inside the retailer's; `frame` is where
/// the configurator's document is.
async function openPhone({ width, height, embedded, product = 'runner-one', scale = 1 }) {
  const context = await env.browser.newContext({
    viewport: { width, height }, deviceScaleFactor: scale, isMobile: scale === 1, hasTouch: true,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let frame = page.mainFrame();
  if (embedded) {
    retailer.pages[`/${product}.html`] = retailer.pages['/demo.html']
      .replace('product="runner-one"', `product="${product}"`);
    await page.goto(`${retailer.base}/${product}.html`);
    await page.waitForFunction(() => window.atelierEvents?.some((e) => e.type === 'atelier:ready'), null,
      { timeout: 30000 });
    frame = page.frames().find((f) => f.url().startsWith(`${env.base}/`));
    // The loader has told the frame the window's height.
    await frame.waitForFunction((h) => getComputedStyle(document.documentElement).getPropertyValue('--vh')
      === `${(h / 100).toFixed(2)}px`, height, { timeout: 10000 });
  } else {
    await page.goto(`${env.base}/?lang=en&product=${product}`);
  }
  await frame.waitForSelector('#preview[data-rendered]', { timeout: 30000 });
  return { context, page, frame, errors };
}

/// The part of `box` inside the window (0–1).
const shown = (box, height) => Math.max(0, Math.min(box.y + box.height, height) - Math.max(box.y, 0)) / box.height;

for (const [width, height] of [[390, 844], [320, 640], [844, 390], [1024, 768]]) {
  for (const embedded of [false, true]) {
    const where = embedded ? 'inside the retailer page' : 'on the shop page';
    test(`${width}×${height} ${where}: the preview stays in view while every option group is reached`, async () => {
      const { context, page, frame, errors } = await openPhone({ width, height, embedded });
      try {
        const groups = await frame.$$('.panel fieldset:not(fieldset fieldset), .order-box');
        assert.ok(groups.length >= 5, `${groups.length} option groups`);
        // Scrolled as a shopper does, with the wheel over the options (inside the frame it scrolls the frame's
        // page first and then the host's), until some of the group shows below the pinned preview.
        await page.mouse.move(width / 2, height - 40);
        if (embedded) {
          // First the shopper scrolls the retailer's page to the configurator.
          const iframe = page.locator('atelier-configurator iframe');
          for (let step = 0; step < 100 && (await iframe.boundingBox()).y > 0; step++) {
            await page.mouse.wheel(0, 40);
            await page.waitForTimeout(40);
          }
        }
        for (const [i, group] of groups.entries()) {
          let reached = false;
          let seen = '';
          for (let step = 0; step < 150 && !reached; step++) {
            const box = await group.boundingBox();
            const stage = await (await frame.$('#app .stage')).boundingBox();
            // Beside the preview (landscape, tablet) the whole window counts; under it, what is below it.
            const beside = stage.x + stage.width <= box.x;
            const top = beside ? 0 : stage.y + stage.height;
            const below = Math.min(box.y + box.height, height) - Math.max(box.y, top);
            reached = below >= Math.min(48, box.height);
            seen = `group ${Math.round(box.y)}–${Math.round(box.y + box.height)}, preview ends at ${Math.round(stage.y + stage.height)}`;
            if (!reached) {
              await page.mouse.wheel(0, 40);
              // The loader reports the host's scroll on the next animation frame; the frame moves its preview.
              await page.waitForTimeout(40);
            }
          }
          assert.ok(reached, `group ${i} was brought into view below the preview (last: ${seen})`);
          await page.waitForTimeout(100);
          const canvas = await (await frame.$('#preview')).boundingBox();
          assert.ok(shown(canvas, height) >= 0.8, `group ${i}: preview ${JSON.stringify(canvas)}`);
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

for (const [width, height, scale, name] of [[320, 640, 1, '320 px wide'], [640, 450, 2, '200 % zoom']]) {
  test(`${name}: nothing scrolls sideways, on either product, on the page and in the frame`, async () => {
    for (const product of ['runner-one', 'bespoke-set']) {
      for (const embedded of [false, true]) {
        const { context, page, frame } = await openPhone({ width, height, embedded, product, scale });
        try {
          for (const doc of embedded ? [page, frame] : [page]) {
            const [scroll, client] = await doc.evaluate(() =>
              [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
            assert.ok(scroll <= client, `${product}${embedded ? ' embedded' : ''}: ${scroll} > ${client}`);
          }
        } finally {
          await context.close();
        }
      }
    }
  });
}

test('390×844: what the keyboard focuses is never hidden under the pinned preview', async () => {
  const { context, page } = await openPhone({ width: 390, height: 844, embedded: false });
  try {
    await page.focus('.lang-button');
    let checked = 0;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || el.closest('#app .stage')) return null;
        const r = el.getBoundingClientRect();
        const s = document.querySelector('#app .stage').getBoundingClientRect();
        const covered = r.top >= s.top && r.bottom <= s.bottom;
        return covered ? `${el.outerHTML.slice(0, 80)} at ${Math.round(r.top)}–${Math.round(r.bottom)}` : false;
      });
      if (hidden === null) continue;
      checked++;
      assert.equal(hidden, false, `focused element under the preview: ${hidden}`);
    }
    assert.ok(checked > 20, `${checked} focus stops checked`);
  } finally {
    await context.close();
  }
});
