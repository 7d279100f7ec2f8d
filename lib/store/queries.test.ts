import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastWeeks } from '../quota/weeks';
import { AppDB } from './db';
import { StoreError } from './errors';
import {
  addPage,
  addWord,
  countPosts,
  DEDUPE_WINDOW_MS,
  deletePost,
  findPage,
  getSetting,
  getSettings,
  hashText,
  listPages,
  listWords,
  makeExcerpt,
  type PageInput,
  postsInRange,
  quotaOverview,
  recordPost,
  removePage,
  removeWord,
  resetSetting,
  restorePage,
  restorePost,
  setSetting,
  updatePage,
  weeklyCounts,
} from './queries';

const dbs: AppDB[] = [];
function newDB(): AppDB {
  const db = new AppDB(`t-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const t = (iso: string) => Date.parse(iso);
const MIN = 60_000;

function pageInput(over: Partial<PageInput> = {}): PageInput {
  return {
    network: 'vk',
    communityId: '123',
    address: 'https://vk.com/club123',
    name: 'Администрация Валуйского округа',
    presetId: 'valuyki',
    ...over,
  };
}

async function expectStoreError(p: Promise<unknown>, code: string, message?: string | RegExp) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  expect((e as StoreError).code).toBe(code);
  if (message !== undefined) expect((e as StoreError).message).toMatch(message);
}

describe('registry', () => {
  it('adds, finds and lists pages sorted by name', async () => {
    const db = newDB();
    const b = await addPage(db, pageInput({ communityId: '2', name: 'Борисовка' }));
    const a = await addPage(db, pageInput({ network: 'ok', communityId: '2', name: 'администрация' }));
    const c = await addPage(db, pageInput({ communityId: '  3 ', name: 'Яблоново', addedAt: 5 }));
    expect(a.id).toBeGreaterThan(0);
    expect(c).toMatchObject({ communityId: '3', addedAt: 5, addressHistory: [], organization: '' });
    expect((await listPages(db)).map((p) => p.name)).toEqual(['администрация', 'Борисовка', 'Яблоново']);
    expect((await findPage(db, 'vk', '2'))?.id).toBe(b.id);
    expect((await findPage(db, 'ok', '2'))?.id).toBe(a.id);
    expect(await findPage(db, 'ok', '3')).toBeUndefined();
  });

  it('refuses a second page with the same network and community id', async () => {
    const db = newDB();
    await addPage(db, pageInput());
    await expectStoreError(addPage(db, pageInput({ name: 'Другая' })), 'duplicate-page', /уже есть в списке/);
    expect(await db.pages.count()).toBe(1);
  });

  it('validates input with a Russian message', async () => {
    const db = newDB();
    await expectStoreError(
      addPage(db, pageInput({ name: 'я'.repeat(301) })),
      'invalid-input',
      'Неверные данные: name — слишком длинный текст (больше 300 символов).',
    );
    await expectStoreError(addPage(db, { ...pageInput(), network: 'fb' as 'vk' }), 'invalid-input', /network/);
  });

  it('an address change appends the previous address to addressHistory', async () => {
    const db = newDB();
    const p = await addPage(db, pageInput());
    const u1 = await updatePage(db, p.id, { address: 'https://vk.com/valuyki' }, { now: 1000 });
    expect(u1?.address).toBe('https://vk.com/valuyki');
    expect(u1?.addressHistory).toEqual([{ address: 'https://vk.com/club123', changedAt: 1000 }]);
    const u2 = await updatePage(db, p.id, { name: 'Новое имя', address: 'https://vk.com/valuyki' }, { now: 2000 });
    expect(u2?.addressHistory).toHaveLength(1);
    const u3 = await updatePage(db, p.id, { address: 'https://vk.com/valuyki31' }, { now: 3000 });
    expect(u3?.addressHistory.map((h) => h.address)).toEqual(['https://vk.com/club123', 'https://vk.com/valuyki']);
    expect(await db.pages.get(p.id)).toEqual(u3);
  });

  it('merges responsible, keeps fields not in the patch, ignores id/addedAt', async () => {
    const db = newDB();
    const p = await addPage(db, pageInput({ organization: 'Администрация', addedAt: 7 }));
    const u = await updatePage(db, p.id, {
      responsible: { name: 'Анна' },
      ...({ id: 99, addedAt: 1 } as object),
    });
    expect(u).toMatchObject({ id: p.id, addedAt: 7, organization: 'Администрация' });
    expect(u?.responsible).toEqual({ name: 'Анна', post: '', phone: '', email: '' });
    expect(await updatePage(db, 999, { name: 'x' })).toBeUndefined();
  });

  it('refuses to move a page onto another page’s community id', async () => {
    const db = newDB();
    const p = await addPage(db, pageInput());
    await addPage(db, pageInput({ communityId: '456' }));
    await expectStoreError(updatePage(db, p.id, { communityId: '456' }), 'duplicate-page');
    expect((await db.pages.get(p.id))?.communityId).toBe('123');
  });

  it('removePage deletes the page with its posts; restorePage undoes it', async () => {
    const db = newDB();
    const p = await addPage(db, pageInput());
    const q = await addPage(db, pageInput({ communityId: '9' }));
    await recordPost(db, { pageId: p.id, publishedAt: 1_000_000, text: 'a', postId: '1', source: 'detected' });
    await recordPost(db, { pageId: p.id, publishedAt: 2_000_000, text: 'b', postId: '2', source: 'detected' });
    await recordPost(db, { pageId: q.id, publishedAt: 2_000_000, text: 'b', postId: '2', source: 'detected' });
    const removed = await removePage(db, p.id);
    expect(removed?.posts).toHaveLength(2);
    expect(await db.pages.get(p.id)).toBeUndefined();
    expect(await db.posts.count()).toBe(1);
    expect(await removePage(db, p.id)).toBeUndefined();
    await restorePage(db, removed!);
    expect(await db.pages.get(p.id)).toEqual(removed!.page);
    expect(await db.posts.where('pageId').equals(p.id).count()).toBe(2);
  });
});

describe('recordPost', () => {
  async function setup() {
    const db = newDB();
    const page = await addPage(db, pageInput());
    return { db, pageId: page.id };
  }
  const at = t('2026-12-02T10:00:00+03:00');

  it('stores an excerpt (whitespace collapsed, 140 chars) and a SHA-256 text hash', async () => {
    const { db, pageId } = await setup();
    const text = `  Уважаемые\n\n жители,\u00A0\tсообщаем:  ${'ё'.repeat(200)}`;
    const r = await recordPost(db, { pageId, publishedAt: at, text, source: 'manual' });
    expect(r.added).toBe(true);
    const post = await db.posts.get(r.id);
    expect(post?.excerpt).toBe(`Уважаемые жители, сообщаем: ${'ё'.repeat(112)}`);
    expect(Array.from(post!.excerpt)).toHaveLength(140);
    expect(post?.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(post?.textHash).toBe(await hashText(`Уважаемые жители, сообщаем: ${'ё'.repeat(200)}`));
    expect(post?.dedupeKey).toBe(
      `text:${pageId}:${post?.textHash}:${Math.floor(at / DEDUPE_WINDOW_MS) * DEDUPE_WINDOW_MS}`,
    );
    expect(post?.source).toBe('manual');
  });

  it('hash is deterministic and standard SHA-256; excerpt never splits an emoji', async () => {
    expect(await hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hashText('  abc \n')).toBe(await hashText('abc'));
    expect(makeExcerpt(`${'a'.repeat(139)}😀😀`)).toBe(`${'a'.repeat(139)}😀`);
  });

  it('the same postId twice counts once', async () => {
    const { db, pageId } = await setup();
    const a = await recordPost(db, { pageId, publishedAt: at, text: 'Текст', postId: '-123_45', source: 'detected' });
    const b = await recordPost(db, {
      pageId,
      publishedAt: at + 3 * 86_400_000,
      text: 'Текст (исправлен)',
      postId: '-123_45',
      source: 'detected',
    });
    expect(a).toEqual({ added: true, id: a.id });
    expect(b).toEqual({ added: false, id: a.id });
    expect(await db.posts.count()).toBe(1);
    expect((await db.posts.get(a.id))?.dedupeKey).toBe(`post:${pageId}:-123_45`);
  });

  it('the same text within 10 minutes counts once, also across a 10-minute boundary', async () => {
    const { db, pageId } = await setup();
    const base = t('2026-12-02T10:09:00+03:00');
    const a = await recordPost(db, { pageId, publishedAt: base, text: 'Отключение воды', source: 'detected' });
    const b = await recordPost(db, { pageId, publishedAt: base + 30_000, text: 'Отключение  воды ', source: 'manual' });
    const c = await recordPost(db, {
      pageId,
      publishedAt: base + 2 * MIN,
      text: 'Отключение воды',
      source: 'detected',
    });
    expect(a.added).toBe(true);
    expect(b).toEqual({ added: false, id: a.id });
    expect(c).toEqual({ added: false, id: a.id }); // 10:11 is in the next bucket, still the same post
    expect(await db.posts.count()).toBe(1);
  });

  it('the same text a day later, on another page, or a different text counts', async () => {
    const { db, pageId } = await setup();
    const other = await addPage(db, pageInput({ communityId: '777' }));
    const a = await recordPost(db, { pageId, publishedAt: at, text: 'Субботник', source: 'detected' });
    const b = await recordPost(db, { pageId, publishedAt: at + 86_400_000, text: 'Субботник', source: 'detected' });
    const c = await recordPost(db, { pageId: other.id, publishedAt: at, text: 'Субботник', source: 'detected' });
    const d = await recordPost(db, { pageId, publishedAt: at, text: 'Субботник в субботу', source: 'detected' });
    const e = await recordPost(db, { pageId, publishedAt: at + 11 * MIN, text: 'Субботник', source: 'detected' });
    expect([a, b, c, d, e].map((r) => r.added)).toEqual([true, true, true, true, true]);
    expect(await db.posts.count()).toBe(5);
  });

  it('a post first seen without id and later with its id counts once (and gets the id)', async () => {
    const { db, pageId } = await setup();
    const a = await recordPost(db, { pageId, publishedAt: at, text: 'Новость', source: 'detected' });
    const b = await recordPost(db, {
      pageId,
      publishedAt: at + MIN,
      text: 'Новость',
      postId: '77',
      source: 'detected',
    });
    expect(b).toEqual({ added: false, id: a.id });
    expect(await db.posts.get(a.id)).toMatchObject({ postId: '77', dedupeKey: `post:${pageId}:77` });
    // …and later sightings without the id still match it.
    const c = await recordPost(db, { pageId, publishedAt: at + 2 * MIN, text: 'Новость', source: 'detected' });
    expect(c).toEqual({ added: false, id: a.id });
  });

  it('two posts with the same text but different post ids are two posts', async () => {
    const { db, pageId } = await setup();
    const a = await recordPost(db, { pageId, publishedAt: at, text: 'Повтор', postId: '1', source: 'detected' });
    const b = await recordPost(db, { pageId, publishedAt: at + MIN, text: 'Повтор', postId: '2', source: 'detected' });
    expect([a.added, b.added]).toEqual([true, true]);
  });

  it('concurrent records of the same post count once', async () => {
    const { db, pageId } = await setup();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => recordPost(db, { pageId, publishedAt: at, text: 'Гонка', source: 'detected' })),
    );
    expect(results.filter((r) => r.added)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.posts.count()).toBe(1);
  });

  it('refuses an unknown page and invalid input', async () => {
    const { db } = await setup();
    await expectStoreError(
      recordPost(db, { pageId: 999, publishedAt: at, text: 'x', source: 'manual' }),
      'page-not-found',
    );
    await expectStoreError(
      recordPost(db, { pageId: 1, publishedAt: Number.NaN, text: 'x', source: 'manual' }),
      'invalid-input',
      /publishedAt/,
    );
  });

  it('deletePost returns the record; restorePost puts it back with the same id', async () => {
    const { db, pageId } = await setup();
    const a = await recordPost(db, { pageId, publishedAt: at, text: 'Удалю', postId: '5', source: 'detected' });
    const deleted = await deletePost(db, a.id);
    expect(deleted).toMatchObject({ id: a.id, postId: '5' });
    expect(await db.posts.count()).toBe(0);
    expect(await deletePost(db, a.id)).toBeUndefined();
    expect(await restorePost(db, deleted!)).toEqual({ restored: true, id: a.id });
    expect(await db.posts.get(a.id)).toEqual(deleted);
    // Restoring twice, or after the post was counted again, adds nothing.
    expect(await restorePost(db, deleted!)).toEqual({ restored: false, id: a.id });
  });

  it('restorePost after the page was removed fails clearly', async () => {
    const { db, pageId } = await setup();
    const a = await recordPost(db, { pageId, publishedAt: at, text: 'x', source: 'detected' });
    const deleted = await deletePost(db, a.id);
    await removePage(db, pageId);
    await expectStoreError(restorePost(db, deleted!), 'page-not-found', /удалена/);
  });
});

describe('ranges and weekly counts', () => {
  const tz = 'Europe/Moscow';
  async function seed() {
    const db = newDB();
    const { id: pageId } = await addPage(db, pageInput());
    const times = [
      '2026-11-30T00:00:00+03:00', // Monday 00:00 — week 49
      '2026-12-02T12:00:00+03:00',
      '2026-12-06T23:59:59+03:00', // Sunday 23:59:59 — still week 49
      '2026-12-07T00:00:00+03:00', // Monday 00:00 — week 50
      '2026-11-29T23:59:59+03:00', // week 48
    ];
    for (const [i, iso] of times.entries()) {
      await recordPost(db, { pageId, publishedAt: t(iso), text: `p${i}`, postId: String(i), source: 'detected' });
    }
    return { db, pageId };
  }

  it('postsInRange is half-open [start, end) and can go newest first with a limit', async () => {
    const { db, pageId } = await seed();
    const start = t('2026-11-30T00:00:00+03:00');
    const end = t('2026-12-07T00:00:00+03:00');
    expect((await postsInRange(db, pageId, start, end)).map((p) => p.postId)).toEqual(['0', '1', '2']);
    expect((await postsInRange(db, pageId, start, end, { newestFirst: true, limit: 2 })).map((p) => p.postId)).toEqual([
      '2',
      '1',
    ]);
    expect(await countPosts(db, pageId, start, end)).toBe(3);
    expect(await postsInRange(db, pageId, end, start)).toEqual([]);
    expect(await postsInRange(db, pageId + 1, start, end)).toEqual([]);
  });

  it('weeklyCounts buckets by week, including the Sunday/Monday boundary', async () => {
    const { db, pageId } = await seed();
    const weeks = lastWeeks(t('2026-12-08T12:00:00+03:00'), tz, 4);
    const counts = await weeklyCounts(db, pageId, weeks);
    expect(counts.map((w) => [w.key, w.count])).toEqual([
      ['2026-W47', 0],
      ['2026-W48', 1],
      ['2026-W49', 3],
      ['2026-W50', 1],
    ]);
    expect(await weeklyCounts(db, pageId, [])).toEqual([]);
  });

  it('quotaOverview gives every page its status and an 8-week history', async () => {
    const { db, pageId } = await seed();
    const other = await addPage(db, pageInput({ network: 'ok', communityId: '55', name: 'Альфа', presetId: 'tomsk' }));
    const at = t('2026-12-04T12:00:00+03:00'); // Friday of week 49
    const overview = await quotaOverview(db, {
      at,
      tz,
      quotaFor: (p) => (p.presetId === 'tomsk' ? 3 : 2),
    });
    expect(overview.weeks).toHaveLength(8);
    expect(overview.pages.map((p) => p.page.name)).toEqual(['Администрация Валуйского округа', 'Альфа']);
    const [main, alpha] = overview.pages;
    expect(alpha).toMatchObject({ quota: 3, status: { count: 0, pace: 'red', label: '0 из 3 на этой неделе' } });
    expect(alpha!.page.id).toBe(other.id);
    expect(main!.page.id).toBe(pageId);
    expect(main!.status).toMatchObject({ count: 3, quota: 2, pace: 'green', label: '3 из 2 на этой неделе' });
    expect(main!.history.map((w) => w.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 3]);
    expect(main!.history.at(-1)!.key).toBe('2026-W49');
  });

  it('quotaOverview works under liveQuery: the popup re-renders when a post is recorded', async () => {
    const { db, pageId } = await seed();
    const at = t('2026-12-04T12:00:00+03:00');
    const seen: number[] = [];
    const sub = liveQuery(() => quotaOverview(db, { at, tz, quotaFor: () => 3 })).subscribe({
      next: (o) => seen.push(o.pages[0]!.status.count),
    });
    try {
      await vi.waitFor(() => expect(seen).toEqual([3]));
      await recordPost(db, { pageId, publishedAt: at, text: 'Свежий пост', source: 'detected' });
      await vi.waitFor(() => expect(seen.at(-1)).toBe(4));
    } finally {
      sub.unsubscribe();
    }
  });

  it('quotaOverview takes the time zone from the settings', async () => {
    const { db } = await seed();
    await setSetting(db, 'timeZone', 'Asia/Tomsk');
    // Sunday 21:00 in Moscow = Monday 01:00 in Tomsk.
    const overview = await quotaOverview(db, { at: t('2026-12-06T21:00:00+03:00'), quotaFor: () => 3 });
    expect(overview.tz).toBe('Asia/Tomsk');
    expect(overview.weeks.at(-1)!.key).toBe('2026-W50');
    // Sunday 23:59:59 and Monday 00:00 Moscow are both Monday in Tomsk: week 50 there. The whole
    // week counts, including posts timed later than `at` (scheduled posts).
    expect(overview.pages[0]!.status.count).toBe(2);
    // Week 49 in Tomsk also takes Sunday 29 Nov 23:59:59 Moscow (Monday 03:59:59 in Tomsk).
    expect(overview.pages[0]!.history.at(-2)!.count).toBe(3);
  });
});

describe('settings', () => {
  it('returns defaults, stores validated values', async () => {
    const db = newDB();
    expect(await getSetting(db, 'timeZone')).toBeNull();
    expect(await getSetting(db, 'prePublishWarning')).toBe(true);
    expect(await getSetting(db, 'workingHours')).toEqual({
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      russianHolidays: true,
    });
    await setSetting(db, 'timeZone', 'Asia/Barnaul');
    await setSetting(db, 'disabledRules', ['kants.v-celyah']);
    await setSetting(db, 'presetByPage', { 'vk:123': 'pyatigorsk' });
    expect(await getSetting(db, 'timeZone')).toBe('Asia/Barnaul');
    const all = await getSettings(db);
    expect(all).toMatchObject({
      timeZone: 'Asia/Barnaul',
      disabledRules: ['kants.v-celyah'],
      presetByPage: { 'vk:123': 'pyatigorsk' },
      prePublishWarning: true,
      customPreset: null,
    });
    await resetSetting(db, 'timeZone');
    expect(await getSetting(db, 'timeZone')).toBeNull();
  });

  it('rejects invalid values with a Russian message and keeps the old value', async () => {
    const db = newDB();
    await setSetting(db, 'timeZone', 'Europe/Moscow');
    await expectStoreError(setSetting(db, 'timeZone', 'Mars/Base'), 'invalid-setting', /«timeZone»/);
    expect(await getSetting(db, 'timeZone')).toBe('Europe/Moscow');
    await expectStoreError(
      setSetting(db, 'workingHours', { days: [1], start: '18:00', end: '09:00', russianHolidays: true }),
      'invalid-setting',
      /workingHours/,
    );
    await expectStoreError(
      setSetting(db, 'prePublishWarning', 'yes' as unknown as boolean),
      'invalid-setting',
      'Неверное значение настройки «prePublishWarning»: ожидалось true или false.',
    );
    await expectStoreError(setSetting(db, 'nope' as 'timeZone', null), 'invalid-setting', /Неизвестная/);
  });

  it('a corrupted stored value falls back to the default', async () => {
    const db = newDB();
    await db.settings.put({ key: 'disabledSites', value: 'vk.com' });
    expect(await getSetting(db, 'disabledSites')).toEqual([]);
    expect((await getSettings(db)).disabledSites).toEqual([]);
  });

  it('stores a custom preset', async () => {
    const db = newDB();
    const preset = {
      id: 'custom',
      name: 'Свой профиль',
      municipality: 'Наше поселение',
      weeklyQuota: 4,
      citationLimit: 2,
      greetingRequired: true,
      kantselyaritSeverity: 'warning' as const,
      pressReleaseSeverity: 'hint' as const,
      replyDeadlineHours: 8,
      urgentReplyDeadlineHours: 4,
      finalReplyWorkingDays: 7,
      clauses: {},
    };
    await setSetting(db, 'customPreset', preset);
    expect(await getSetting(db, 'customPreset')).toEqual(preset);
  });
});

describe('dictionary', () => {
  it('adds once, lists sorted, removes', async () => {
    const db = newDB();
    expect(await addWord(db, ' Новоалтайск ')).toEqual({ added: true, word: 'Новоалтайск' });
    expect(await addWord(db, 'Новоалтайск')).toEqual({ added: false, word: 'Новоалтайск' });
    await addWord(db, 'Валуйки');
    await addWord(db, 'аппарат');
    // NFC: «й» typed as и + combining breve is the same word.
    expect((await addWord(db, 'Валуи\u0306ки')).added).toBe(false);
    expect(await listWords(db)).toEqual(['аппарат', 'Валуйки', 'Новоалтайск']);
    expect(await removeWord(db, 'Валуйки')).toBe(true);
    expect(await removeWord(db, 'Валуйки')).toBe(false);
    expect(await listWords(db)).toEqual(['аппарат', 'Новоалтайск']);
  });

  it('refuses empty words, phrases and long strings', async () => {
    const db = newDB();
    await expectStoreError(addWord(db, '   '), 'invalid-word');
    await expectStoreError(addWord(db, 'два слова'), 'invalid-word');
    await expectStoreError(addWord(db, 'я'.repeat(101)), 'invalid-word');
    expect(await listWords(db)).toEqual([]);
  });
});
