import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, openPage, test } from './harness';

/**
 * Reply templates in the built extension: the «Шаблоны» button next to a reply / message box on each page
 * copy, the picker (search, Enter, missing values, engine check) and the insertion through the site's own
 * input path — the page copy's model (updated only from `input` events) must hold the text, the send
 * button must be enabled and nothing may be sent. Plus the template editor page.
 *
 * `GPH_SCREENSHOTS=1` also saves docs/templates-picker.png (the picker in the page) for the README.
 */

declare global {
  interface Window {
    __site: { log: unknown[]; textOf: (el: Element) => string };
  }
}

const PHONE = '8 (800) 123-45-67';
const SHOT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'templates-picker.png');

/** Adds «Администрация Энского района» (VK club 123) to the page registry, straight into the extension's IndexedDB. */
async function registerVkPage(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/templates.html`);
  // the starter set is there: the database exists and is seeded
  await expect(page.getByTestId('tpl-item').first()).toBeVisible();
  await page.evaluate(
    (phone) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('gospublic-helper');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('pages', 'readwrite');
          tx.objectStore('pages').add({
            network: 'vk',
            communityId: '123',
            address: 'https://vk.com/club123',
            name: 'Администрация Энского района',
            presetId: 'plastunovskaya',
            organization: 'администрация Энского района',
            phone,
            site: 'ensk.example.ru',
            responsible: { name: '', post: '', phone: '', email: '' },
            addedAt: Date.now(),
            addressHistory: [],
          });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    PHONE,
  );
  await page.close();
}

const sentCount = (page: Page) => page.evaluate(() => window.__site.log.length);
const modelText = (box: Locator) => box.evaluate((el) => window.__site.textOf(el));

/** Opens the picker next to `box` with the «Шаблоны» button, types `query` and opens the first result with Enter. */
async function pickTemplate(page: Page, buttonName: string | RegExp, query: string, title: string) {
  await page.getByRole('button', { name: buttonName, exact: typeof buttonName === 'string' }).click();
  const picker = page.getByTestId('gph-tpl-picker');
  await expect(picker).toBeVisible();
  const search = picker.getByTestId('gph-tpl-search');
  await expect(search).toBeFocused();
  await page.keyboard.type(query);
  await expect(picker.getByTestId('gph-tpl-option').first()).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('button', { name: 'Вставить' })).toBeVisible();
  return picker;
}

async function expectInserted(page: Page, box: Locator, sendButton: string, expected: string, sentBefore: number) {
  await expect.poll(() => modelText(box)).toBe(expected);
  // the site's own state and the DOM agree (the rendered text: the second paragraph is a <div>)
  // biome-ignore lint/performance/useDomNodeTextContent: textContent drops the line break between blocks
  expect(await box.evaluate((el) => (el as HTMLElement).innerText)).toBe(expected);
  await expect(page.locator(sendButton)).toBeEnabled();
  await expect(page.getByTestId('gph-tpl-picker')).toHaveCount(0);
  await expect(box).toBeFocused();
  // never sent
  await page.waitForTimeout(300);
  expect(await sentCount(page)).toBe(sentBefore);
}

test('VK, new comments: «Ответить» → «Шаблоны» → search, Enter, the free value → «Здравствуйте, Анна! …» in the box', async ({
  context,
  extensionId,
  net,
}) => {
  await registerVkPage(context, extensionId);
  const page = await openPage(context, 'vkNewComments');
  await page.locator('#wall-123_456_789 > .fx-comment-actions [data-testid="comment-reply"]').click();
  const box = page.locator('.fx-reply-input [data-testid="content-editable-input"]');
  await expect(box).toHaveAttribute('data-gph-tracked', 'comment');
  expect(await modelText(box)).toBe('Анна, ');
  const sent = await sentCount(page);

  const picker = await pickTemplate(page, 'Шаблоны ответов, ответ: Анна Смирнова', 'добрые', 'Спасибо за добрые слова');
  // the phone comes from the registry: only {кому} is asked
  const values = picker.getByTestId('gph-tpl-value');
  await expect(values).toHaveCount(1);
  await expect(values).toHaveAttribute('data-name', 'кому');
  await expect(values).toBeFocused();
  await expect(picker.getByTestId('gph-tpl-context')).toContainText('Ответ: Анна Смирнова');
  await page.keyboard.type('главе района');
  await expect(picker.getByTestId('gph-tpl-preview')).toContainText('Здравствуйте, Анна! Спасибо за добрые слова!');
  await expect(picker.getByTestId('gph-tpl-check')).toContainText('Проверено');
  if (process.env.GPH_SCREENSHOTS === '1') {
    await page.waitForTimeout(200);
    const a = (await page.locator('#wall-123_456_789').boundingBox())!;
    const b = (await picker.boundingBox())!;
    const x = Math.max(0, Math.min(a.x, b.x) - 16);
    const y = Math.max(0, Math.min(a.y, b.y) - 16);
    fs.mkdirSync(path.dirname(SHOT), { recursive: true });
    await page.screenshot({
      path: SHOT,
      clip: {
        x,
        y,
        width: Math.max(a.x + a.width, b.x + b.width) + 16 - x,
        height: Math.max(a.y + a.height, b.y + b.height) + 16 - y,
      },
    });
  }
  await page.keyboard.press('Enter');

  await expectInserted(
    page,
    box,
    '.fx-reply-input [data-testid="send-comment"]',
    'Здравствуйте, Анна! Спасибо за добрые слова! Обязательно передадим их главе района.\n' +
      'Нам важно знать, что получается хорошо, а что стоит исправить. ' +
      `Пишите нам и дальше: здесь или по телефону ${PHONE}.`,
    sent,
  );
  // one edit of the site's input path: Ctrl+Z brings the «Анна, » back
  await page.keyboard.press('Control+z');
  await expect.poll(() => modelText(box)).toBe('Анна, ');
  expect(net.external).toEqual([]);
});

test('VK, legacy comments: «Ответить» on Анна’s comment → template with the registry phone, nothing asked', async ({
  context,
  extensionId,
  net,
}) => {
  await registerVkPage(context, extensionId);
  const page = await openPage(context, 'vkLegacyComments');
  await page.locator('#post-123_789 .reply_link').click();
  const box = page.locator('#reply_field-123_457');
  await expect(box).toHaveAttribute('data-gph-tracked', 'comment');
  expect(await modelText(box)).toBe('Анна, ');
  const sent = await sentCount(page);

  const picker = await pickTemplate(page, 'Шаблоны ответов, ответ: Анна Смирнова', 'уточните адр', 'Уточните адрес');
  await expect(picker.getByTestId('gph-tpl-value')).toHaveCount(0);
  await expect(picker.getByTestId('gph-tpl-confirm')).toBeFocused();
  await expect(picker.getByTestId('gph-tpl-check')).toContainText('Проверено');
  await page.keyboard.press('Enter');

  await expectInserted(
    page,
    box,
    '#reply_button-123_457',
    'Здравствуйте, Анна! Чтобы быстро решить проблему, нам нужен точный адрес: улица и номер дома или заметный ' +
      'ориентир рядом. Если можете, приложите фото.\nНапишите, пожалуйста, здесь в комментарии или в личные ' +
      `сообщения группы. Можно и позвонить по телефону ${PHONE}.`,
    sent,
  );
  // the reply target the site keeps is untouched
  await expect(page.locator('#reply_to-123_457')).toHaveValue('789');
  expect(net.external).toEqual([]);
});

test('OK, comments: an unregistered group → the phone is asked, ↓/↑ move, Enter inserts', async ({ context, net }) => {
  const page = await openPage(context, 'okComments');
  await page.locator('[data-comment-id="1001"] .comments_reply').click();
  const box = page.locator('.js-comments_add');
  await expect(box).toHaveAttribute('data-gph-tracked', 'comment');
  const sent = await sentCount(page);

  await page.getByRole('button', { name: 'Шаблоны ответов, ответ: Анна Смирнова' }).click();
  const picker = page.getByTestId('gph-tpl-picker');
  await expect(picker.getByTestId('gph-tpl-search')).toBeFocused();
  await page.keyboard.type('уточн');
  const options = picker.getByTestId('gph-tpl-option');
  await expect(options.nth(0).locator('.gph-tpl-title')).toHaveText(/Уточните (адрес|подробности)/);
  await expect(options.nth(1)).toBeVisible();
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type(' адрес');
  await expect(options.first()).toContainText('Уточните адрес');
  await page.keyboard.press('Enter');

  const values = picker.getByTestId('gph-tpl-value');
  await expect(values).toHaveCount(1);
  await expect(values).toHaveAttribute('data-name', 'телефон');
  await expect(picker.getByTestId('gph-tpl-context')).toContainText('Страницы нет в реестре');
  // Enter with the value empty does not insert
  await page.keyboard.press('Enter');
  expect(await modelText(box)).toBe('Анна, ');
  await page.keyboard.type('8 (86162) 5-55-55');
  await page.keyboard.press('Enter');

  await expectInserted(
    page,
    box,
    'button[data-l="t,submit"]',
    'Здравствуйте, Анна! Чтобы быстро решить проблему, нам нужен точный адрес: улица и номер дома или заметный ' +
      'ориентир рядом. Если можете, приложите фото.\nНапишите, пожалуйста, здесь в комментарии или в личные ' +
      'сообщения группы. Можно и позвонить по телефону 8 (86162) 5-55-55.',
    sent,
  );
  await expect(page.locator('input[name="st.replyTo"]')).toHaveValue('1001');
  expect(net.external).toEqual([]);
});

test('VK community messages: no reply author → «Здравствуйте!», Escape closes and gives the box back', async ({
  context,
  extensionId,
  net,
}) => {
  await registerVkPage(context, extensionId);
  const page = await openPage(context, 'vkGimLegacy');
  const box = page.locator('#im_editable0');
  await expect(box).toHaveAttribute('data-gph-tracked', 'message');
  await box.click();
  const sent = await sentCount(page);

  // Escape closes the picker and returns the focus to the box
  await page.getByRole('button', { name: 'Шаблоны ответов', exact: true }).click();
  await expect(page.getByTestId('gph-tpl-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('gph-tpl-picker')).toHaveCount(0);
  await expect(box).toBeFocused();

  await pickTemplate(page, 'Шаблоны ответов', 'уточните адрес', 'Уточните адрес');
  await page.keyboard.press('Enter');
  await expectInserted(
    page,
    box,
    'button._im_send',
    'Здравствуйте! Чтобы быстро решить проблему, нам нужен точный адрес: улица и номер дома или заметный ' +
      'ориентир рядом. Если можете, приложите фото.\nНапишите, пожалуйста, здесь в комментарии или в личные ' +
      `сообщения группы. Можно и позвонить по телефону ${PHONE}.`,
    sent,
  );
  expect(net.external).toEqual([]);
});

test('popup: «Шаблоны» tab copies the filled template and counts the use', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Шаблоны' }).click();
  const search = popup.getByTestId('gph-tpl-search');
  await expect(search).toBeFocused();
  await search.fill('снег');
  await expect(popup.getByTestId('gph-tpl-option').first()).toContainText('Уборка снега');
  await search.press('Enter');
  // not registered, no author: the address, when and the phone are asked
  const values = popup.getByTestId('gph-tpl-value');
  await expect(values).toHaveCount(3);
  await values.nth(0).fill('ул. Ленина, 5');
  await values.nth(1).fill('завтра до обеда');
  await values.nth(2).fill(PHONE);
  await expect(popup.getByTestId('gph-tpl-preview')).toHaveText(
    /^Здравствуйте! Снег по адресу ул\. Ленина, 5 уберут завтра до обеда\./,
  );
  await popup.getByRole('button', { name: 'Скопировать' }).click();
  await expect(popup.getByTestId('gph-tpl-status')).toContainText('Скопировано');
  await popup.reload();
  await popup.getByRole('tab', { name: 'Шаблоны' }).click();
  // most used first
  await expect(popup.getByTestId('gph-tpl-option').first()).toContainText('Уборка снега');
  await expect(popup.getByTestId('gph-tpl-option').first()).toContainText('1 раз');
});

test('template editor: HTML in a template is text; no greeting asks for confirmation; a bad file changes nothing', async ({
  context,
  extensionId,
  net,
}) => {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`chrome-extension://${extensionId}/templates.html`);
  await expect(page.getByRole('heading', { name: 'Шаблоны ответов' })).toBeVisible();
  const items = page.getByTestId('tpl-item');
  await expect(items.first()).toBeVisible();
  const starters = await items.count();
  expect(starters).toBeGreaterThanOrEqual(20);

  // 1. HTML stays text
  const evil = '<img src=x onerror=alert(1)>';
  await page.getByTestId('tpl-new').click();
  await page.getByTestId('tpl-title').fill(evil);
  await page.getByTestId('tpl-text').fill(`{обращение} ${evil} Спасибо, что написали.`);
  await expect(page.getByTestId('tpl-sample')).toHaveText(`Здравствуйте, Анна! ${evil} Спасибо, что написали.`);
  await expect(page.getByTestId('tpl-findings')).toBeVisible();
  await page.getByTestId('tpl-save').click();
  await expect(page.getByTestId('tpl-status')).toHaveText('Шаблон сохранён.');
  await expect(items.filter({ hasText: evil })).toHaveCount(1);
  await expect(page.locator('img')).toHaveCount(0);

  // 2. No greeting → confirmation; «Вернуться к правке» saves nothing
  await page.getByTestId('tpl-new').click();
  await page.getByTestId('tpl-title').fill('Без приветствия');
  await page.getByTestId('tpl-text').fill('Спасибо за вопрос. Мы всё проверим и напишем здесь же.');
  await page.getByTestId('tpl-save').click();
  const confirm = page.getByTestId('tpl-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Нет приветствия');
  await page.getByTestId('tpl-confirm-back').click();
  await expect(confirm).toHaveCount(0);
  await expect(items.filter({ hasText: 'Без приветствия' })).toHaveCount(0);
  // канцелярит is named too; «Сохранить всё равно» saves
  await page.getByTestId('tpl-text').fill('В целях улучшения качества осуществляется проверка вашего обращения.');
  await page.getByTestId('tpl-save').click();
  await expect(confirm).toContainText('Нет приветствия');
  await expect(confirm).toContainText('Канцелярит');
  await page.getByTestId('tpl-confirm-save').click();
  await expect(page.getByTestId('tpl-status')).toHaveText('Шаблон сохранён.');
  await expect(items.filter({ hasText: 'Без приветствия' })).toHaveCount(1);

  // 3. Duplicate and delete
  await page.getByTestId('tpl-duplicate').click();
  await expect(items.filter({ hasText: 'Без приветствия (копия)' })).toHaveCount(1);
  await page.getByTestId('tpl-delete').click();
  await page.getByTestId('tpl-delete-confirm').click();
  await expect(items.filter({ hasText: 'Без приветствия (копия)' })).toHaveCount(0);
  await expect(items).toHaveCount(starters + 2);

  // 4. Export, then a bad file: the Russian error, nothing changes; the exported file merges without duplicates
  const download = page.waitForEvent('download');
  await page.getByTestId('tpl-export').click();
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { templates: unknown[] };
  expect(exported.templates).toHaveLength(starters + 2);
  await page.getByTestId('tpl-import-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something-else","templates":[]}'),
  });
  await expect(page.getByTestId('tpl-status')).toHaveText('Это не файл шаблонов «Помощника госпаблика».');
  await expect(items).toHaveCount(starters + 2);
  await page.getByTestId('tpl-import-input').setInputFiles(file);
  await expect(page.getByTestId('tpl-status')).toContainText('добавлено 0');
  await expect(items).toHaveCount(starters + 2);

  expect(dialogs).toEqual([]);
  expect(net.external).toEqual([]);
});
