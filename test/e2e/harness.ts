import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page, type Request } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

/** Each page copy and the real address it is served at (the production manifest's matches are what is tested). */
export const PAGES = {
  vkNewComposer: { url: 'https://vk.com/club123', file: 'vk-club-new-composer.html' },
  vkLegacyComposer: { url: 'https://vk.ru/club123', file: 'vk-club-legacy-composer.html' },
  vkNewComments: { url: 'https://vk.com/wall-123_456', file: 'vk-wall-post-comments-new.html' },
  vkLegacyComments: { url: 'https://vk.com/wall-123_457', file: 'vk-wall-comments-legacy.html' },
  vkGimLegacy: { url: 'https://vk.com/gim123?sel=456', file: 'vk-gim-legacy.html' },
  vkGimNew: { url: 'https://vk.com/gim123/convo/456', file: 'vk-gim-new.html' },
  okTopics: { url: 'https://ok.ru/group/555/topics', file: 'ok-group-topics.html' },
  okComments: { url: 'https://ok.ru/group/555/topic/777', file: 'ok-topic-comments.html' },
  okMessages: { url: 'https://ok.ru/messages/999', file: 'ok-messages.html' },
} as const;
export type PageKey = keyof typeof PAGES;

/** Hosts whose documents are answered with page copies; every other request is recorded and aborted. */
const SITE_RE = /^https:\/\/(vk\.com|vk\.ru|m\.vk\.com|ok\.ru|m\.ok\.ru)\//;

export function launchWithExtension(extDir: string, userDataDir = ''): Promise<BrowserContext> {
  const ext = path.resolve(extDir);
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`Нет сборки расширения в ${ext}: сначала выполните npm run build`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: process.env.HEADED !== '1',
    locale: 'ru-RU',
    viewport: { width: 1280, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
}

export async function getExtensionId(ctx: BrowserContext): Promise<string> {
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

/** The page copy for a URL: the path decides which file answers (so SPA links between copies work). */
export function fixtureFor(url: string): string | null {
  const u = new URL(url);
  const pages = Object.values(PAGES).map((p) => ({ ...p, u: new URL(p.url) }));
  const exact = pages.find((p) => p.u.pathname === u.pathname && p.u.host === u.host);
  if (exact) return exact.file;
  return pages.find((p) => p.u.pathname === u.pathname && hostAlias(p.u.host) === hostAlias(u.host))?.file ?? null;
}
const hostAlias = (h: string) => (h === 'vk.ru' || h === 'm.vk.com' ? 'vk.com' : h === 'm.ok.ru' ? 'ok.ru' : h);

/**
 * Routes the real VK/OK addresses to the page copies and records every request that would leave
 * the browser (anything not answered from disk and not an extension URL). Such requests are aborted.
 */
export async function installNetwork(ctx: BrowserContext): Promise<{ external: string[] }> {
  const log = { external: [] as string[] };
  await ctx.route('**/*', (route) => {
    const req = route.request();
    const url = req.url();
    // the extension's own files are not network requests
    if (/^(chrome-extension|moz-extension|data|blob):/.test(url)) return route.continue();
    if (SITE_RE.test(url) && req.resourceType() === 'document') {
      const file = fixtureFor(url);
      if (file) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: fs.readFileSync(path.join(FIXTURES, file), 'utf8'),
        });
      }
    }
    log.external.push(`${req.method()} ${url}`);
    return route.abort('blockedbyclient');
  });
  ctx.on('request', (req: Request) => {
    const url = req.url();
    if (/^(chrome-extension|data|blob|about):/.test(url)) return;
    // routed documents are fine; everything else was recorded by the route handler already
    if (SITE_RE.test(url) && req.resourceType() === 'document' && fixtureFor(url)) return;
    if (!log.external.includes(`${req.method()} ${url}`)) log.external.push(`${req.method()} ${url}`);
  });
  return log;
}

export async function openPage(ctx: BrowserContext, key: PageKey, query = ''): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(PAGES[key].url + query);
  return page;
}

export function tempProfile(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gph-profile-'));
}

const logs = new WeakMap<BrowserContext, { external: string[] }>();

export const test = base.extend<
  { context: BrowserContext; extensionId: string; net: { external: string[] } },
  { extDir: string }
>({
  extDir: [process.env.EXT_DIR ?? '.output/chrome-mv3', { option: true, scope: 'worker' }],
  context: async ({ extDir }, use) => {
    const c = await launchWithExtension(extDir);
    logs.set(c, await installNetwork(c));
    await use(c);
    await c.close();
  },
  net: async ({ context }, use) => {
    await use(logs.get(context)!);
  },
  extensionId: async ({ context }, use) => {
    await use(await getExtensionId(context));
  },
});
export { expect };

/** The box an admin types in on each page copy, and what to click first to open it. */
export const EDITORS: Record<
  PageKey,
  {
    open?: string;
    editor: string;
    publish: string;
    expected: { network: 'vk' | 'ok'; kind: 'post' | 'comment' | 'message'; communityId: string; postId?: string };
    label: string;
    decoys: string[];
  }
> = {
  vkNewComposer: {
    editor: '[data-testid="posting_base_screen_input_message"]',
    publish: '[data-testid="posting_base_screen_next"]',
    expected: { network: 'vk', kind: 'post', communityId: '123' },
    label: 'ВКонтакте, новый пост, сообщество 123',
    decoys: ['input[type=search]', '[aria-label="Заметка для себя"]', '.fx-widget-poll [contenteditable]'],
  },
  vkLegacyComposer: {
    editor: '#post_field',
    publish: '#send_post',
    expected: { network: 'vk', kind: 'post', communityId: '123' },
    label: 'ВКонтакте, новый пост, сообщество 123',
    decoys: ['input[type=search]', 'textarea', '.fx-side [contenteditable]'],
  },
  vkNewComments: {
    editor: '.fx-post-input [data-testid="content-editable-input"]',
    publish: '.fx-post-input [data-testid="send-comment"]',
    expected: { network: 'vk', kind: 'comment', communityId: '123', postId: '-123_456' },
    label: 'ВКонтакте, комментарий, сообщество 123, пост -123_456',
    decoys: [
      'input[type=search]',
      '[aria-label="Заметка для себя"]',
      '.fx-side section:nth-child(2) [contenteditable]',
    ],
  },
  vkLegacyComments: {
    open: '#reply_fakebox-123_457',
    editor: '#reply_field-123_457',
    publish: '#reply_button-123_457',
    expected: { network: 'vk', kind: 'comment', communityId: '123', postId: '-123_457' },
    label: 'ВКонтакте, комментарий, сообщество 123, пост -123_457',
    decoys: ['input[type=search]', 'textarea', '.fx-side [role=textbox]'],
  },
  vkGimLegacy: {
    editor: '#im_editable0',
    publish: 'button._im_send',
    expected: { network: 'vk', kind: 'message', communityId: '123' },
    label: 'ВКонтакте, сообщение, сообщество 123',
    decoys: ['input[type=search]', 'textarea', '.fx-notes [contenteditable]'],
  },
  vkGimNew: {
    editor: 'span.ComposerInput__input',
    publish: 'button.ConvoComposer__sendButton--submit',
    expected: { network: 'vk', kind: 'message', communityId: '123' },
    label: 'ВКонтакте, сообщение, сообщество 123',
    decoys: ['input[type=search]', '[aria-label="Заметка для себя"]', '.fx-side [contenteditable]:not([role])'],
  },
  okTopics: {
    editor: '.js-posting-itx',
    publish: 'button.js-publish-btn',
    expected: { network: 'ok', kind: 'post', communityId: '555' },
    label: 'Одноклассники, новый пост, сообщество 555',
    decoys: [
      'input[type=search]',
      '[aria-label="Заметка для себя"]',
      '.fx-side .fx-card:nth-child(2) [contenteditable]',
    ],
  },
  okComments: {
    editor: '.js-comments_add',
    publish: 'button[data-l="t,submit"]',
    expected: { network: 'ok', kind: 'comment', communityId: '555', postId: '777' },
    label: 'Одноклассники, комментарий, сообщество 555, пост 777',
    decoys: [
      'input[type=search]',
      '[aria-label="Заметка для себя"]',
      '.fx-side .fx-card:nth-child(2) [contenteditable]',
      'textarea',
    ],
  },
  okMessages: {
    editor: '[data-tsid="write_msg_input-input"]',
    publish: 'msg-button[data-tsid="button_send"]',
    expected: { network: 'ok', kind: 'message', communityId: '' },
    label: 'Одноклассники, сообщение',
    decoys: ['input[type=search]', '[aria-label="Заметка для себя"]', '.fx-side [contenteditable]:not([role])'],
  },
};

/** Opens a page copy and returns its main editor, opened and focused. */
export async function openEditor(ctx: BrowserContext, key: PageKey, query = '') {
  const page = await openPage(ctx, key, query);
  const spec = EDITORS[key];
  if (spec.open) await page.locator(spec.open).click();
  const editor = page.locator(spec.editor).first();
  await expect(editor).toHaveAttribute('data-gph-tracked', spec.expected.kind);
  await editor.click();
  return { page, editor, spec };
}
