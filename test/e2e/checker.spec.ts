import type { Page } from '@playwright/test';
import { EDITORS, expect, openEditor, PAGES, type PageKey, test } from './harness';

/** The draft every page copy is checked with: a канцелярит phrase, a misspelling and three legal acts. */
const DRAFT =
  'В целях безопасности проезд по Садовой закрыт до пятницы. Обьявление висит у входа. ' +
  'Штрафы вводят ст. 12.8 КоАП РФ, Федеральный закон № 196-ФЗ и постановление Правительства РФ № 1090.';
const ACTS = ['ст. 12.8 КоАП РФ', 'Федеральный закон № 196-ФЗ', 'постановление Правительства РФ № 1090'];

/** The words under each category's underline, read from the page's CSS highlight registry. */
function underlined(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) out[name.replace('gph-', '')] = [...h].map((r) => r.toString());
    return out;
  });
}

async function clearAndType(page: Page, editorSel: string, text: string) {
  const editor = page.locator(editorSel).first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

for (const key of Object.keys(PAGES) as PageKey[]) {
  test(`${key}: underlines, a one-click fix through the site's input path, Ctrl+Z`, async ({ context, net }) => {
    const { page, spec } = await openEditor(context, key);
    await clearAndType(page, spec.editor, DRAFT);
    await expect.poll(async () => (await underlined(page)).spelling).toEqual(['Обьявление']);
    const u = await underlined(page);
    expect(u.citations).toEqual(ACTS);
    expect(u.style).toContain('В целях');
    // nothing else is underlined as a spelling error or a citation
    const badge = page.getByTestId('gph-badge');
    await expect(badge).toContainText('Ссылок на НПА: 3 из 2');

    // hover the misspelling → card → one click replaces it through the site's own input path
    const box = await page.evaluate((sel) => {
      const el = document.querySelector(sel)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('Обьявление');
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 4);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    }, spec.editor);
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    const card = page.getByTestId('gph-card');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('gph-card-message')).toContainText('Нет в словаре');
    await card.getByTestId('gph-fix').first().click();
    const editor = page.locator(spec.editor).first();
    await expect(editor).toContainText('Объявление висит');
    // the site's own state saw the edit (its model is updated only from input events)
    const siteText = () =>
      page.evaluate(
        (sel) =>
          (window as never as { __site: { textOf(e: Element): string } }).__site.textOf(document.querySelector(sel)!),
        spec.editor,
      );
    await expect.poll(siteText).toContain('Объявление висит');
    await expect.poll(async () => (await underlined(page)).spelling ?? []).toEqual([]);
    // Ctrl+Z restores the misspelling
    await editor.click();
    await page.keyboard.press('Control+z');
    await expect(editor).toContainText('Обьявление висит');
    await expect.poll(siteText).toContain('Обьявление висит');
    expect(net.external).toEqual([]);
  });
}

const REPLIES: [PageKey, string, string][] = [
  ['vkNewComments', '#wall-123_456_789 > .fx-comment-actions [data-testid="comment-reply"]', 'Анна'],
  ['vkLegacyComments', '#post-123_789 .reply_link', 'Анна'],
  ['okComments', '[data-comment-id="1001"] .comments_reply', 'Анна'],
];
for (const [key, replyLink] of REPLIES) {
  test(`${key}: a reply without a greeting gets «Здравствуйте, Анна!» in one click`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(PAGES[key].url);
    await expect(page.locator('[data-gph-tracked]').first()).toBeAttached();
    await page.locator(replyLink).click();
    const editor = page.locator('[data-gph-tracked="comment"]:focus');
    await expect(editor).toBeVisible();
    // the site pre-fills «Анна, »; the admin writes on without a greeting
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('Спасибо, яму на Садовой заделаем в среду.');
    await expect(page.getByTestId('gph-badge').first()).toContainText('Нет приветствия');
    await page.getByTestId('gph-badge').first().click();
    const item = page.getByTestId('gph-panel-item').filter({ hasText: 'Приветствие' });
    await expect(item).toHaveCount(1);
    // open the greeting card from the underline of the first word
    await item.click();
    const pos = await editor.evaluate((el) => {
      const r = document.createRange();
      const t = el.firstChild!;
      r.setStart(t, 0);
      r.setEnd(t, 3);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(pos.x, pos.y);
    const card = page.getByTestId('gph-card');
    await expect(card.getByTestId('gph-fix')).toHaveText('Здравствуйте, Анна!');
    await card.getByTestId('gph-fix').click();
    await expect(editor).toHaveText('Здравствуйте, Анна! Спасибо, яму на Садовой заделаем в среду.');
    await expect(page.getByTestId('gph-badge').first()).not.toContainText('Нет приветствия');
  });
}

test('before publishing with errors: a card, and «Опубликовать всё равно» lets the post through', async ({
  context,
}) => {
  const { page, spec } = await openEditor(context, 'vkLegacyComposer');
  await clearAndType(page, spec.editor, DRAFT);
  await expect(page.getByTestId('gph-badge')).toContainText('Ссылок на НПА: 3 из 2');
  const posts = page.locator('.post');
  const before = await posts.count();
  await page.locator(EDITORS.vkLegacyComposer.publish).click();
  const card = page.getByTestId('gph-prepublish');
  await expect(card).toBeVisible();
  await expect(card).toContainText('ошибк');
  expect(await posts.count()).toBe(before);
  // «Исправить» opens the list of findings, nothing is published
  await card.getByTestId('gph-prepublish-fix').click();
  await expect(page.getByTestId('gph-panel')).toBeVisible();
  expect(await posts.count()).toBe(before);
  // publish anyway: the site's own handler runs and the post appears
  await page.locator(EDITORS.vkLegacyComposer.publish).click();
  await page.getByTestId('gph-prepublish-anyway').click();
  await expect(posts).toHaveCount(before + 1);
  await expect(posts.first()).toContainText('Обьявление висит у входа');
});

test('Ctrl+Enter with errors shows the card too; a clean draft publishes without it', async ({ context }) => {
  const { page, spec } = await openEditor(context, 'vkLegacyComposer');
  await clearAndType(
    page,
    spec.editor,
    'Завтра с 9 до 12 часов на Садовой не будет воды: меняют трубу. Наберите воду заранее.',
  );
  await expect(page.getByTestId('gph-score')).toHaveText(/^(9|10)/);
  const posts = page.locator('.post');
  const before = await posts.count();
  await page.locator(EDITORS.vkLegacyComposer.publish).click();
  await expect(posts).toHaveCount(before + 1);
  await expect(page.getByTestId('gph-prepublish')).toHaveCount(0);
  await clearAndType(page, spec.editor, DRAFT);
  await expect(page.getByTestId('gph-badge')).toContainText('Ссылок на НПА');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('gph-prepublish')).toBeVisible();
});
