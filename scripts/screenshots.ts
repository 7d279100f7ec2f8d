// `npm run screenshots`: the README's pictures, taken from the real extension on the page copies.
import path from 'node:path';
import { getExtensionId, installNetwork, launchWithExtension, PAGES } from '../test/e2e/harness.ts';

const out = path.resolve(import.meta.dirname, '..', 'docs');
const ctx = await launchWithExtension(path.resolve(process.env.EXT_DIR ?? '.output/chrome-mv3'));
await installNetwork(ctx);
await getExtensionId(ctx);
const page = await ctx.newPage();
await page.setViewportSize({ width: 1100, height: 720 });
await page.goto(PAGES.vkNewComposer.url);
const editor = page.locator('[data-testid="posting_base_screen_input_message"]');
await page.waitForFunction(() =>
  document.querySelector('[data-testid="posting_base_screen_input_message"]')?.hasAttribute('data-gph-tracked'),
);
await editor.click();
await page.keyboard.insertText(
  'В рамках программы благоустройства в настоящее время осуществляется замена асфальта на улице Ленина. ' +
    'Обьявление о перекрытии висит у администрации. Основание: ст. 12.8 КоАП РФ, Федеральный закон № 131-ФЗ и постановление администрации от 12.03.2023 № 45-п.',
);
await page.waitForTimeout(1200);
const pos = await editor.evaluate((el) => {
  const t = el.firstChild!;
  const i = t.textContent!.indexOf('в настоящее время');
  const r = document.createRange();
  r.setStart(t, i + 3);
  r.setEnd(t, i + 6);
  const b = r.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
});
await page.mouse.move(pos.x, pos.y);
await page.getByTestId('gph-card').waitFor();
await page.waitForTimeout(300);
const box = await page.locator('[data-testid="posting_modal_box"]').boundingBox();
await page.screenshot({
  path: path.join(out, 'checker-card.png'),
  clip: {
    x: box!.x - 20,
    y: box!.y - 20,
    width: Math.min(1060 - box!.x, box!.width + 260),
    height: Math.min(680, box!.height + 260),
  },
});
console.log(`written ${path.join(out, 'checker-card.png')}`);
await ctx.close();
