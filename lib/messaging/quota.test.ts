import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { quotaForPage, weekView } from '../quota/overview';
import { TabPages } from '../quota/tab-pages';
import { AppDB } from '../store/db';
import { addPage, quotaOverview, type StoredPost, setSetting } from '../store/queries';
import { handleMessage } from './background-handler';
import { configureQuota } from './quota';

const NOW = Date.UTC(2026, 11, 2, 9, 0); // Wed 2 Dec 2026, 12:00 MSK
const VK_TAB = { tabId: 5, url: 'https://vk.com/club123' };
const POPUP = { url: 'chrome-extension://abc/popup.html' };

let db: AppDB;
let changed: Array<number | undefined>;
beforeEach(async () => {
  db = new AppDB(`q-${Math.random()}`);
  changed = [];
  configureQuota({ tabs: new TabPages(), now: () => NOW, onChanged: (t) => changed.push(t), tabInfo: undefined });
  await setSetting(db, 'timeZone', 'Europe/Moscow');
});

const send = (msg: unknown, sender: { tabId?: number; url?: string } = {}) => handleMessage(db, msg, sender);
const published = (over: Record<string, unknown> = {}) => ({
  type: 'quota-post-published',
  network: 'vk',
  communityId: '123',
  text: 'Друзья, в субботу ярмарка!',
  postId: '-123_3',
  publishedAt: NOW,
  ...over,
});

describe('quota messages', () => {
  it('a tab reports its community; the popup finds it (by tab or the last one) and registers it in one step', async () => {
    const info = {
      type: 'quota-page-info',
      url: VK_TAB.url,
      network: 'vk',
      communityId: '123',
      name: 'Администрация',
      address: 'https://vk.com/club123',
    };
    expect(await send(info, {})).toMatchObject({ ok: false });
    expect(await send({ ...info, network: 'ok' }, VK_TAB)).toMatchObject({ ok: false });
    expect(await send(info, VK_TAB)).toEqual({ ok: true, data: { registered: false } });
    expect(changed).toEqual([5]);
    const byTab = await send({ type: 'quota-tab-page', tabId: 5 }, POPUP);
    expect(byTab).toMatchObject({
      ok: true,
      data: { info: { communityId: '123', name: 'Администрация' }, page: null },
    });
    expect(await send({ type: 'quota-tab-page', last: true }, POPUP)).toMatchObject({
      ok: true,
      data: { info: { tabId: 5 } },
    });
    expect(await send({ type: 'quota-tab-page', tabId: 99 }, POPUP)).toEqual({
      ok: true,
      data: { info: null, page: null },
    });

    // preset = the default preset setting
    await setSetting(db, 'defaultPresetId', 'novoaltaysk');
    const add = {
      type: 'quota-add-page',
      network: 'vk',
      communityId: '123',
      name: 'Администрация',
      address: 'https://vk.com/club123',
    };
    expect(await send(add, VK_TAB)).toMatchObject({ ok: false }); // never from a web page
    const r = await send(add, POPUP);
    expect(r).toMatchObject({ ok: true, data: { presetId: 'novoaltaysk', name: 'Администрация' } });
    expect(await send(add, POPUP)).toMatchObject({ ok: false, error: expect.stringContaining('уже есть') });
    expect(await send({ type: 'quota-tab-page', tabId: 5 }, POPUP)).toMatchObject({
      data: { page: { communityId: '123' } },
    });
  });

  it('a tab the content script has not reported: the address and title the browser gives', async () => {
    configureQuota({ tabInfo: async () => ({ url: 'https://ok.ru/group/555/topics', title: 'Администрация | OK' }) });
    expect(await send({ type: 'quota-tab-page', tabId: 8 }, POPUP)).toMatchObject({
      ok: true,
      data: { info: { network: 'ok', communityId: '555', name: 'Администрация', address: 'https://ok.ru/group/555' } },
    });
  });

  it('counts a published post only for a registered page, once', async () => {
    expect(await send(published(), VK_TAB)).toEqual({ ok: true, data: { counted: false, reason: 'not-registered' } });
    await addPage(db, {
      network: 'vk',
      communityId: '123',
      address: 'https://vk.com/club123',
      name: 'А',
      presetId: 'valuyki',
    });
    expect(await send(published(), {})).toMatchObject({ ok: false }); // not from a tab
    expect(await send(published(), { tabId: 5, url: 'https://ok.ru/group/123' })).toMatchObject({ ok: false });
    expect(await send(published({ publishedAt: NOW + 400 * 86_400_000 }), VK_TAB)).toMatchObject({ ok: false });
    expect(await send(published(), VK_TAB)).toMatchObject({ ok: true, data: { counted: true } });
    expect(await send(published(), VK_TAB)).toMatchObject({
      ok: true,
      data: { counted: false, reason: 'already-counted' },
    });
    // same text without an id seconds later (e.g. a second tab) is the same post
    expect(await send(published({ postId: undefined, publishedAt: NOW + 5000 }), VK_TAB)).toMatchObject({
      data: { counted: false },
    });
    const v = await weekView(db, { at: NOW });
    expect(v.pages[0]!.status.label).toBe('1 из 3 на этой неделе');
    expect(changed).toContain(undefined);
  });

  it('delete with undo, manual posts, validation', async () => {
    const page = await addPage(db, { network: 'ok', communityId: '555', address: '', name: 'OK', presetId: 'custom' });
    const manual = { type: 'quota-add-manual', pageId: page.id, publishedAt: NOW - 3600_000, text: 'С телефона' };
    expect(await send(manual, VK_TAB)).toMatchObject({ ok: false });
    const r = await send(manual, POPUP);
    expect(r).toMatchObject({ ok: true, data: { added: true } });
    expect(await send({ ...manual, text: '  ' }, POPUP)).toMatchObject({ ok: false });
    expect(await send({ ...manual, pageId: 999 }, POPUP)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/не в списке/),
    });
    const id = (r as { data: { id: number } }).data.id;
    const del = await send({ type: 'quota-delete-post', id }, POPUP);
    expect(del).toMatchObject({ ok: true, data: { id, source: 'manual', excerpt: 'С телефона' } });
    expect((await weekView(db, { at: NOW })).pages[0]!.status.count).toBe(0);
    const post = (del as { data: StoredPost }).data;
    expect(await send({ type: 'quota-restore-post', post }, POPUP)).toMatchObject({
      ok: true,
      data: { restored: true },
    });
    expect((await weekView(db, { at: NOW })).pages[0]!.posts.map((p) => p.id)).toEqual([id]);
    expect(await send({ type: 'quota-delete-post', id: 12345 }, POPUP)).toEqual({ ok: true, data: null });
  });
});

describe('weekView', () => {
  it('agrees with quotaOverview, lists this week newest first and later (scheduled) posts apart', async () => {
    const a = await addPage(db, { network: 'vk', communityId: '1', address: '', name: 'Б', presetId: 'novoaltaysk' });
    const b = await addPage(db, { network: 'ok', communityId: '2', address: '', name: 'А', presetId: 'custom' });
    const DAY = 86_400_000;
    const rows = [
      [a.id, NOW - 1 * DAY],
      [a.id, NOW - 2 * 3600_000],
      [a.id, NOW - 9 * DAY],
      [a.id, NOW - 60 * DAY],
      [b.id, NOW - 20 * DAY],
      [b.id, NOW + 6 * DAY], // next week (scheduled)
      [b.id, NOW - 400 * DAY],
    ] as const;
    let n = 0;
    for (const [pageId, at] of rows) {
      await db.posts.add({
        pageId,
        publishedAt: at,
        excerpt: `п${n}`,
        textHash: `h${n}`,
        source: 'detected',
        dedupeKey: `k${n++}`,
      });
    }
    await setSetting(db, 'customPreset', null);
    const v = await weekView(db, { at: NOW });
    const ov = await quotaOverview(db, { at: NOW, quotaFor: (p) => (p.presetId === 'novoaltaysk' ? 8 : 3) });
    expect(v.pages.map((p) => p.page.name)).toEqual(['А', 'Б']);
    expect(v.pages.map((p) => p.history.map((h) => h.count))).toEqual(
      ov.pages.map((p) => p.history.map((h) => h.count)),
    );
    expect(v.pages.map((p) => p.status)).toEqual(ov.pages.map((p) => p.status));
    const pa = v.pages[1]!;
    expect(pa.quota).toBe(8);
    expect(pa.posts.map((p) => p.excerpt)).toEqual(['п1', 'п0']);
    expect(v.pages[0]!.later.map((p) => p.excerpt)).toEqual(['п5']);
    expect(v.pages[0]!.status.count).toBe(0);
  });

  it('quota per page: the page preset, the per-page choice, the custom preset', () => {
    const page = { network: 'vk' as const, communityId: '1', presetId: 'plastunovskaya' } as Parameters<
      typeof quotaForPage
    >[1];
    expect(quotaForPage({ presetByPage: {}, customPreset: null }, page)).toBe(2);
    expect(quotaForPage({ presetByPage: { 'vk:1': 'novoaltaysk' }, customPreset: null }, page)).toBe(8);
    const custom = { weeklyQuota: 5 } as never;
    expect(quotaForPage({ presetByPage: { 'vk:1': 'custom' }, customPreset: custom }, page)).toBe(5);
    expect(quotaForPage({ presetByPage: {}, customPreset: null }, { ...page, presetId: 'custom' })).toBe(3);
  });
});

describe('TabPages', () => {
  it('mirrors to session storage and survives a new instance (a restarted service worker)', async () => {
    const store: Record<string, unknown> = {};
    const session = {
      get: vi.fn(async (k: string) => ({ [k]: store[k] })),
      set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(store, items)),
    };
    const t1 = new TabPages(session);
    await t1.set({ tabId: 1, url: 'u', network: 'vk', communityId: '1', name: '', address: '', at: 1 });
    await t1.set({ tabId: 2, url: 'u', network: 'ok', communityId: '2', name: '', address: '', at: 2 });
    const t2 = new TabPages(session);
    expect((await t2.get(1))?.communityId).toBe('1');
    expect((await t2.last())?.tabId).toBe(2);
    await t2.delete(2);
    expect((await new TabPages(session).all()).map((t) => t.tabId)).toEqual([1]);
  });
});
