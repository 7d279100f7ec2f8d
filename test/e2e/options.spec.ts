import fs from 'node:fs';
import { expect, test } from './harness';

/**
 * The options page in the built extension: it opens the extension's IndexedDB directly, so what is
 * added here must survive a reload, and a backup must download as a JSON file.
 */
test('options page: add a page, choose a preset, add a word, download a copy; all of it survives a reload', async ({
  context,
  extensionId,
  net,
}) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Настройки — Помощник госпаблика' })).toBeVisible();

  // 1. Add an official page from its VK address
  const pages = page.getByRole('region', { name: 'Официальные страницы' });
  await pages.getByRole('button', { name: 'Добавить страницу' }).click();
  const form = pages.getByTestId('page-form');
  await form.getByLabel('Адрес страницы').fill('vk.com/club123');
  await expect(form.getByText('ВКонтакте, сообщество 123')).toBeVisible();
  await form.getByLabel('Название', { exact: true }).fill('Администрация <img src=x onerror=alert(1)>');
  await form.getByLabel('ФИО').fill('Иванова Анна Сергеевна');
  await form.getByRole('button', { name: 'Добавить страницу' }).click();
  const item = pages.getByTestId('page-item');
  await expect(item).toContainText('Администрация <img src=x onerror=alert(1)>');
  await expect(item).toContainText('ID 123');
  await expect(item.locator('img')).toHaveCount(0);

  // 2. Switch the default preset
  const reglament = page.getByRole('region', { name: 'Регламент' });
  await reglament.getByRole('radio', { name: /Город Новоалтайск/ }).check();
  await expect(reglament.getByTestId('preset-saved')).toContainText('Город Новоалтайск');
  await expect(reglament.getByText('Порядок п. 2.1: «не менее 8 публикаций в неделю»')).toBeVisible();

  // 3. Add a word to the dictionary
  const dict = page.getByRole('region', { name: 'Мой словарь' });
  await dict.getByLabel('Новое слово').fill('Новоалтайск');
  await dict.getByRole('button', { name: 'Добавить' }).click();
  await expect(dict.getByTestId('dictionary-words')).toContainText('Новоалтайск');

  // 4. Download a backup
  const backup = page.getByRole('region', { name: 'Резервная копия' });
  await expect(backup.getByTestId('storage-persisted')).not.toHaveText('Проверяем хранилище…');
  const downloading = page.waitForEvent('download');
  await backup.getByRole('button', { name: 'Скачать копию' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^gospublic-helper-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(doc.format).toBe('gospublic-helper-backup');
  expect(doc.data.pages).toMatchObject([{ network: 'vk', communityId: '123', address: 'https://vk.com/club123' }]);
  expect(doc.data.dictionary.map((w: { word: string }) => w.word)).toEqual(['Новоалтайск']);
  expect(doc.data.settings).toContainEqual({ key: 'defaultPresetId', value: 'novoaltaysk' });
  await expect(backup.getByTestId('backup-message')).toContainText(download.suggestedFilename());

  // 5. Reload: everything is still there
  await page.reload();
  await expect(page.getByRole('region', { name: 'Официальные страницы' }).getByTestId('page-item')).toContainText(
    'ID 123',
  );
  await expect(page.getByRole('radio', { name: /Город Новоалтайск/ })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Мой словарь' }).getByTestId('dictionary-words')).toContainText(
    'Новоалтайск',
  );

  expect(errors).toEqual([]);
  expect(net.external, `requests that left the browser:\n${net.external.join('\n')}`).toEqual([]);
});
