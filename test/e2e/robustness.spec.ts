import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, openEditor, openPage, test } from './harness';

/** Errors of the page's main world and of our content script (Chromium reports both to the page). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

test('overlay underlines (browsers without the Highlight API) sit under the misspelt word', async ({ context }) => {
  const page = await openPage(context, 'vkGimLegacy');
  await page.evaluate(() => document.documentElement.setAttribute('data-gph-overlay', ''));
  const editor = page.locator('#im_editable0');
  await expect(editor).toHaveAttribute('data-gph-tracked', 'message');
  await editor.click();
  await page.keyboard.insertText('Добрый день! Обьявление висит у входа в администрацию.');
  const word = await editor.evaluate((el) => {
    const t = el.firstChild!;
    const i = t.textContent!.indexOf('Обьявление');
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + 'Обьявление'.length);
    const b = r.getBoundingClientRect();
    return { left: b.left, right: b.right, bottom: b.bottom };
  });
  const lines = page.getByTestId('gph-overlay-underline');
  await expect(lines.first()).toBeAttached();
  const boxes = await lines.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  const under = boxes.filter((b) => Math.abs(b.left - word.left) < 1 && Math.abs(b.right - word.right) < 1);
  expect(under).toHaveLength(1);
  expect(Math.abs(under[0].top - word.bottom)).toBeLessThan(3);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
});

test('a 16,000-character draft is checked and the page stays responsive, without errors', async ({ context }) => {
  const { page, editor } = await openEditor(context, 'vkGimLegacy');
  const errors = collectErrors(page);
  const para =
    'В рамках благоустройства во дворах меняют плитку и скамейки. Если у вас есть вопросы, звоните нам. ' +
    'Обьявление о перекрытии проездов повесим заранее. ';
  let text = '';
  while (text.length < 16_000) text += para;
  await page.keyboard.insertText(text.slice(0, 16_000));
  await expect(page.getByTestId('gph-score')).toHaveText(/\d/, { timeout: 15_000 });
  // keep typing: each keystroke is handled quickly even with a long draft
  const t0 = Date.now();
  await page.keyboard.type(' Спасибо!', { delay: 20 });
  expect(Date.now() - t0).toBeLessThan(5_000);
  await expect(editor).toContainText('Спасибо!');
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});

test('an editor the site replaces while it is being checked: no errors, the new one is checked', async ({
  context,
}) => {
  const page = await openPage(context, 'vkNewComments', '?late=1');
  const errors = collectErrors(page);
  const first = page.locator('.fx-post-input [data-testid="content-editable-input"]');
  await expect(first).toHaveAttribute('data-gph-tracked', 'comment');
  // type into the first element; the site swaps it for a new one ~600 ms later
  await first.click();
  await page.keyboard.type('В целях безопасности', { delay: 40 });
  await expect(page.locator('xpath=/html')).toHaveAttribute('data-fixture-ready', '1');
  const fresh = page.locator('.fx-post-input [data-testid="content-editable-input"]');
  await expect(fresh).toHaveAttribute('data-gph-tracked', 'comment');
  await fresh.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('В целях безопасности проезд закрыт.');
  await expect(fresh).toHaveText('В целях безопасности проезд закрыт.');
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get('gph-style') ?? [])].map((r) => r.toString())))
    .toContain('В целях');
  // one badge per live editor, none left behind for the removed one
  await expect(page.getByTestId('gph-badge')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('several editors on one page are checked independently', async ({ context }) => {
  const page = await openPage(context, 'vkLegacyComposer');
  await expect(page.locator('#reply_field-123_1')).toHaveAttribute('data-gph-tracked', 'comment');
  await page.locator('#post_field').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Данный проезд закрыт.');
  await page.locator('#reply_field-123_1').click();
  await page.keyboard.insertText('Обьявление повесили.');
  await expect(page.getByTestId('gph-badge')).toHaveCount(2);
  const underlined = () =>
    page.evaluate(() => ({
      style: [...(CSS.highlights.get('gph-style') ?? [])].map((r) => r.toString()),
      spelling: [...(CSS.highlights.get('gph-spelling') ?? [])].map((r) => r.toString()),
    }));
  await expect.poll(underlined).toMatchObject({ spelling: ['Обьявление'] });
  expect((await underlined()).style).toContain('Данный');
});
