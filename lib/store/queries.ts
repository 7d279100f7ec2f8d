import { z } from 'zod';
import { lastWeeks, type QuotaStatus, quotaStatus, resolveTimeZone, type WeekRange } from '../quota/weeks';
import type { AppDB } from './db';
import { describeIssue, describeZodError, formatPath, isConstraintError, StoreError, toStoreError } from './errors';
import { type Network, networkSchema, type OfficialPage, type PostRecord, pageSchema, postSchema } from './schema';
import {
  isSettingKey,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  type SettingValue,
  settingDefault,
  settingSchemas,
} from './settings';

/**
 * Storage queries of the extension. Every function takes the database as its first argument, so the
 * background, popup and tests each pass their own `AppDB`. Read functions use only Dexie calls, so
 * they can be wrapped in Dexie's `liveQuery` by a React popup.
 *
 * IndexedDB rule followed here (see research B7): nothing but Dexie calls is awaited inside a
 * transaction — hashing (`crypto.subtle`) happens before the transaction starts, otherwise the
 * transaction would commit early.
 *
 * Popup usage (re-renders whenever pages, posts or settings change):
 *
 *   useEffect(() => {
 *     const sub = liveQuery(() =>
 *       quotaOverview(getDB(), { quotaFor: (page) => getPreset(page.presetId).weeklyQuota }),
 *     ).subscribe({ next: setOverview, error: setError });
 *     return () => sub.unsubscribe();
 *   }, []);
 *   // overview.pages[i].status.label → «2 из 3 на этой неделе», .pace → 'green' | 'amber' | 'red'
 *   // overview.pages[i].history → 8 × { key: '2026-W49', start, end, count }, oldest first
 *
 * Errors are `StoreError` (errors.ts) with a Russian `message` and a `code`.
 */

export type StoredPage = OfficialPage & { id: number };
export type StoredPost = PostRecord & { id: number };

function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new StoreError('invalid-input', `Неверные данные: ${describeZodError(result.error, value)}.`);
  }
  return result.data;
}

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStoreError(e);
  }
}

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

// ---------------------------------------------------------------------------------------------
// Registry of official pages
// ---------------------------------------------------------------------------------------------

export const pageInputSchema = pageSchema.omit({ id: true, addressHistory: true, addedAt: true }).extend({
  addedAt: z.number().optional(),
});
export type PageInput = z.input<typeof pageInputSchema>;

/** Fields `updatePage` may change. `responsible` is merged field by field. */
export type PagePatch = Partial<
  Omit<OfficialPage, 'id' | 'addedAt' | 'addressHistory' | 'responsible'> & {
    responsible: Partial<OfficialPage['responsible']>;
  }
>;

const PATCHABLE = ['network', 'communityId', 'address', 'name', 'presetId', 'organization', 'phone', 'site'] as const;

function trimPageStrings<T extends { communityId?: unknown; address?: unknown; name?: unknown }>(v: T): T {
  const out = { ...v };
  for (const key of ['communityId', 'address', 'name'] as const) {
    const s = out[key];
    if (typeof s === 'string') (out as Record<string, unknown>)[key] = s.trim();
  }
  return out;
}

function duplicatePage(network: Network, communityId: string, existing: OfficialPage): StoreError {
  return new StoreError(
    'duplicate-page',
    `Страница ${network === 'vk' ? 'ВКонтакте' : 'Одноклассников'} с id ${communityId} уже есть в списке: «${existing.name}».`,
  );
}

/** Adds an official page. Throws StoreError `duplicate-page` if network + communityId is taken. */
export async function addPage(db: AppDB, input: PageInput): Promise<StoredPage> {
  const data = parseInput(pageInputSchema, trimPageStrings(input));
  const page: OfficialPage = pageSchema.parse({ ...data, addedAt: data.addedAt ?? Date.now(), addressHistory: [] });
  return run(() =>
    db.transaction('rw', db.pages, async () => {
      const existing = await findPage(db, page.network, page.communityId);
      if (existing) throw duplicatePage(page.network, page.communityId, existing);
      const id = (await db.pages.add(page)) as number;
      return { ...page, id };
    }),
  );
}

/**
 * Changes a page. When the address changes, the previous address and the moment of the change are
 * appended to `addressHistory` (the registry keeps «даты изменения адресов и предыдущие адреса»).
 * Returns the updated page, or `undefined` if there is no page with this id.
 */
export async function updatePage(
  db: AppDB,
  id: number,
  patch: PagePatch,
  options: { now?: number } = {},
): Promise<StoredPage | undefined> {
  const clean: Record<string, unknown> = {};
  for (const key of PATCHABLE) if (patch[key] !== undefined) clean[key] = patch[key];
  const trimmed = trimPageStrings(clean);
  return run(() =>
    db.transaction('rw', db.pages, async () => {
      const current = await db.pages.get(id);
      if (!current) return undefined;
      const next = { ...current, ...trimmed, id };
      if (patch.responsible) next.responsible = { ...current.responsible, ...patch.responsible };
      if (typeof next.address === 'string' && next.address !== current.address && current.address !== '') {
        next.addressHistory = [
          ...current.addressHistory,
          { address: current.address, changedAt: options.now ?? Date.now() },
        ];
      }
      const page = parseInput(pageSchema, next) as StoredPage;
      if (page.network !== current.network || page.communityId !== current.communityId) {
        const other = await findPage(db, page.network, page.communityId);
        if (other && other.id !== id) throw duplicatePage(page.network, page.communityId, other);
      }
      await db.pages.put(page);
      return page;
    }),
  );
}

/** What `removePage` deleted; pass it to `restorePage` to undo. */
export interface RemovedPage {
  page: StoredPage;
  posts: StoredPost[];
}

/** Deletes a page and all its posts in one transaction. Returns them for undo, or `undefined`. */
export async function removePage(db: AppDB, id: number): Promise<RemovedPage | undefined> {
  return run(() =>
    db.transaction('rw', db.pages, db.posts, async () => {
      const page = await db.pages.get(id);
      if (!page) return undefined;
      const posts = (await db.posts.where('pageId').equals(id).toArray()) as StoredPost[];
      await db.posts.where('pageId').equals(id).delete();
      await db.pages.delete(id);
      return { page: page as StoredPage, posts };
    }),
  );
}

/** Undo of `removePage`: puts the page back with its id and the posts that are not counted again since. */
export async function restorePage(db: AppDB, removed: RemovedPage): Promise<StoredPage> {
  const page = parseInput(pageSchema.extend({ id: z.number().int().positive() }), removed.page) as StoredPage;
  const posts = parseInput(z.array(postSchema.extend({ id: z.number().int().positive() })), removed.posts);
  return run(() =>
    db.transaction('rw', db.pages, db.posts, async () => {
      const other = await findPage(db, page.network, page.communityId);
      if (other) throw duplicatePage(page.network, page.communityId, other);
      if (await db.pages.get(page.id)) throw new StoreError('duplicate-page', 'Страницу уже вернули.');
      await db.pages.add(page);
      // recordPost refuses unknown pages, so nothing can have been counted for this id meanwhile;
      // checked anyway (one range read, no per-key lookups).
      const taken = new Set((await db.posts.where('pageId').equals(page.id).toArray()).map((p) => p.dedupeKey));
      const free = posts.filter((p) => p.pageId === page.id && !taken.has(p.dedupeKey));
      if (free.length) await db.posts.bulkPut(free);
      return page;
    }),
  );
}

/** All pages, sorted by name (Russian collation), then id. */
export async function listPages(db: AppDB): Promise<StoredPage[]> {
  const pages = (await db.pages.toArray()) as StoredPage[];
  return pages.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

export async function getPage(db: AppDB, id: number): Promise<StoredPage | undefined> {
  return (await db.pages.get(id)) as StoredPage | undefined;
}

/** The page of a VK/OK community, by the unique `[network+communityId]` index. */
export async function findPage(db: AppDB, network: Network, communityId: string): Promise<StoredPage | undefined> {
  if (!networkSchema.safeParse(network).success || typeof communityId !== 'string') return undefined;
  return (await db.pages.where('[network+communityId]').equals([network, communityId.trim()]).first()) as
    | StoredPage
    | undefined;
}

// ---------------------------------------------------------------------------------------------
// Posts
// ---------------------------------------------------------------------------------------------

/** Two records of one page with the same text within this many ms are one post. */
export const DEDUPE_WINDOW_MS = 10 * 60_000;
export const EXCERPT_LENGTH = 140;

/** NFC, every run of whitespace (incl. NBSP, zero-width space, BOM) → one space, trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u200B\uFEFF]+/gu, ' ')
    .trim();
}

/** The first 140 characters (code points, never half a surrogate pair) of the normalised text. */
export function makeExcerpt(text: string): string {
  return Array.from(normalizeText(text)).slice(0, EXCERPT_LENGTH).join('');
}

/** SHA-256 of the normalised text as 64 lowercase hex digits. Same in Node 20 and browsers. */
export async function hashText(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(normalizeText(text));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The unique key that stops a post being counted twice:
 * `post:<pageId>:<postId>` when the network's post id is known, else
 * `text:<pageId>:<textHash>:<publishedAt floored to 10 minutes, in ms>`.
 */
export function makeDedupeKey(p: { pageId: number; postId?: string; textHash: string; publishedAt: number }): string {
  if (p.postId) return `post:${p.pageId}:${p.postId}`;
  const bucket = Math.floor(p.publishedAt / DEDUPE_WINDOW_MS) * DEDUPE_WINDOW_MS;
  return `text:${p.pageId}:${p.textHash}:${bucket}`;
}

export const recordPostInputSchema = z.object({
  pageId: z.number().int().positive(),
  /** Unix ms when the post went out. */
  publishedAt: z.number().min(0),
  text: z.string().max(100_000),
  postId: z.string().trim().min(1).max(64).optional(),
  source: z.enum(['detected', 'manual']),
});
export type RecordPostInput = z.input<typeof recordPostInputSchema>;

export interface RecordPostResult {
  /** false = this post was already counted (nothing new was stored). */
  added: boolean;
  /** Id of the stored record (the new one, or the one that already counted this post). */
  id: number;
}

/**
 * Counts a published post once. The same post is recognised by
 * 1. the same `dedupeKey` (unique index; a collision means «already counted»), or
 * 2. the same page and the same normalised text within ±10 minutes — unless both records carry
 *    different network post ids. A record without a post id that is later seen with one is
 *    upgraded in place (gets the id), so «detected at publish, then seen on the wall» counts once.
 * The same text a day later is a new post. Throws StoreError `page-not-found` for an unknown page.
 */
export async function recordPost(db: AppDB, input: RecordPostInput): Promise<RecordPostResult> {
  const data = parseInput(recordPostInputSchema, input);
  const textHash = await hashText(data.text); // before the transaction: crypto is not an IDB promise
  const record: PostRecord = {
    pageId: data.pageId,
    publishedAt: data.publishedAt,
    excerpt: makeExcerpt(data.text),
    textHash,
    source: data.source,
    dedupeKey: makeDedupeKey({ ...data, textHash }),
    ...(data.postId ? { postId: data.postId } : {}),
  };
  try {
    return await db.transaction('rw', db.pages, db.posts, async (): Promise<RecordPostResult> => {
      if (!(await db.pages.get(record.pageId))) {
        throw new StoreError('page-not-found', 'Эта страница не в списке официальных страниц.');
      }
      const same = await db.posts.where('dedupeKey').equals(record.dedupeKey).first();
      if (same?.id) return { added: false, id: same.id };
      const near = (await db.posts
        .where('[pageId+publishedAt]')
        .between(
          [record.pageId, record.publishedAt - DEDUPE_WINDOW_MS],
          [record.pageId, record.publishedAt + DEDUPE_WINDOW_MS],
          true,
          true,
        )
        .filter((p) => p.textHash === textHash)
        .toArray()) as StoredPost[];
      const candidates = record.postId ? near.filter((p) => !p.postId) : near;
      const closest = candidates.sort(
        (a, b) => Math.abs(a.publishedAt - record.publishedAt) - Math.abs(b.publishedAt - record.publishedAt),
      )[0];
      if (closest) {
        if (record.postId) await db.posts.update(closest.id, { postId: record.postId, dedupeKey: record.dedupeKey });
        return { added: false, id: closest.id };
      }
      const id = (await db.posts.add(record)) as number;
      return { added: true, id };
    });
  } catch (e) {
    if (isConstraintError(e)) {
      // Another context stored the same post between our check and our add.
      const same = await db.posts.where('dedupeKey').equals(record.dedupeKey).first();
      if (same?.id) return { added: false, id: same.id };
    }
    throw toStoreError(e);
  }
}

/** Deletes a post and returns the deleted record (for «Отменить»), or `undefined`. */
export async function deletePost(db: AppDB, id: number): Promise<StoredPost | undefined> {
  return run(() =>
    db.transaction('rw', db.posts, async () => {
      const post = await db.posts.get(id);
      if (!post) return undefined;
      await db.posts.delete(id);
      return post as StoredPost;
    }),
  );
}

/**
 * Undo of `deletePost`: puts the record back with its id. If the same post was counted again in the
 * meantime, nothing is added and `restored` is false. Throws `page-not-found` if the page is gone.
 */
export async function restorePost(db: AppDB, post: StoredPost): Promise<{ restored: boolean; id: number }> {
  const record = parseInput(postSchema.extend({ id: z.number().int().positive() }), post) as StoredPost;
  return run(() =>
    db.transaction('rw', db.pages, db.posts, async () => {
      if (!(await db.pages.get(record.pageId))) {
        throw new StoreError('page-not-found', 'Страница этого поста удалена — вернуть пост нельзя.');
      }
      const same = await db.posts.where('dedupeKey').equals(record.dedupeKey).first();
      if (same?.id) return { restored: false, id: same.id };
      if (await db.posts.get(record.id)) {
        const { id: _old, ...rest } = record;
        return { restored: true, id: (await db.posts.add(rest)) as number };
      }
      await db.posts.add(record);
      return { restored: true, id: record.id };
    }),
  );
}

/** Posts of a page with `start <= publishedAt < end`, oldest first (or newest first). */
export async function postsInRange(
  db: AppDB,
  pageId: number,
  start: number,
  end: number,
  options: { newestFirst?: boolean; limit?: number } = {},
): Promise<StoredPost[]> {
  if (!(end > start)) return [];
  let c = db.posts.where('[pageId+publishedAt]').between([pageId, start], [pageId, end], true, false);
  if (options.newestFirst) c = c.reverse();
  if (options.limit !== undefined) c = c.limit(Math.max(0, options.limit));
  return (await c.toArray()) as StoredPost[];
}

/** Number of posts of a page with `start <= publishedAt < end` (index only, no records read). */
export async function countPosts(db: AppDB, pageId: number, start: number, end: number): Promise<number> {
  if (!(end > start)) return 0;
  return db.posts.where('[pageId+publishedAt]').between([pageId, start], [pageId, end], true, false).count();
}

export type WeekCount = WeekRange & { count: number };

/**
 * Posts per week for a page, one entry per given week (same order). One `count()` per week on the
 * `[pageId+publishedAt]` index: no records are read or deserialised. (Measured against a single
 * `keys()` scan bucketed in memory: the key cursor was ~500× slower in fake-indexeddb, and `count()`
 * is the cheapest request in browsers too — see scripts/bench-popup-data.ts.)
 */
export async function weeklyCounts(db: AppDB, pageId: number, weeks: readonly WeekRange[]): Promise<WeekCount[]> {
  const counts = await Promise.all(weeks.map((w) => countPosts(db, pageId, w.start, w.end)));
  return weeks.map((w, i) => ({ start: w.start, end: w.end, key: w.key, count: counts[i]! }));
}

export interface PageQuota {
  page: StoredPage;
  quota: number;
  /** This week's traffic light (`status.count` = posts this week). */
  status: QuotaStatus;
  /** Posts per week, oldest first; the last entry is this week. */
  history: WeekCount[];
}

export interface QuotaOverview {
  at: number;
  tz: string;
  weeks: WeekRange[];
  pages: PageQuota[];
}

/**
 * Everything the popup shows about quotas, in one read transaction: every page (sorted by name)
 * with this week's status and an n-week history. `quotaFor` maps a page to its weekly minimum
 * (usually the preset's `weeklyQuota`). `tz` defaults to the `timeZone` setting, then the browser's.
 */
export async function quotaOverview(
  db: AppDB,
  options: { quotaFor: (page: StoredPage) => number; at?: number; tz?: string; weeks?: number },
): Promise<QuotaOverview> {
  const at = options.at ?? Date.now();
  return db.transaction('r', db.pages, db.posts, db.settings, async () => {
    const tz = options.tz ?? resolveTimeZone(await getSetting(db, 'timeZone'));
    const weeks = lastWeeks(at, tz, Math.max(1, options.weeks ?? 8));
    const pages = await listPages(db);
    const histories = await Promise.all(pages.map((p) => weeklyCounts(db, p.id, weeks)));
    return {
      at,
      tz,
      weeks,
      pages: pages.map((page, i) => {
        const history = histories[i]!;
        const quota = options.quotaFor(page);
        const status = quotaStatus({ count: history.at(-1)!.count, quota, at, tz });
        return { page, quota, status, history };
      }),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/**
 * The stored value of a setting, or its default when it is missing or no longer valid
 * (a bad stored value never breaks the UI).
 */
export async function getSetting<K extends SettingKey>(db: AppDB, key: K): Promise<SettingValue<K>> {
  const row = await db.settings.get(key);
  if (row) {
    const parsed = settingSchemas[key].safeParse(row.value);
    if (parsed.success) return parsed.data as SettingValue<K>;
  }
  return settingDefault(key);
}

/** All known settings at once (defaults filled in). */
export async function getSettings(db: AppDB): Promise<Settings> {
  const rows = await db.settings.bulkGet(SETTING_KEYS);
  const out: Record<string, unknown> = {};
  SETTING_KEYS.forEach((key, i) => {
    const parsed = rows[i] ? settingSchemas[key].safeParse(rows[i]!.value) : undefined;
    out[key] = parsed?.success ? parsed.data : settingDefault(key);
  });
  return out as Settings;
}

/** Validates and stores a setting; returns the stored value. Throws StoreError `invalid-setting`. */
export async function setSetting<K extends SettingKey>(
  db: AppDB,
  key: K,
  value: SettingValue<K>,
): Promise<SettingValue<K>> {
  if (!isSettingKey(key)) throw new StoreError('invalid-setting', `Неизвестная настройка «${String(key)}».`);
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    const what = issue ? describeIssue(issue, value) : 'недопустимое значение';
    throw new StoreError(
      'invalid-setting',
      `Неверное значение настройки «${key}»${where ? ` (${where})` : ''}: ${what}.`,
    );
  }
  await run(() => db.settings.put({ key, value: parsed.data }));
  return parsed.data as SettingValue<K>;
}

/** Removes a stored setting, so `getSetting` returns the default again. */
export async function resetSetting(db: AppDB, key: SettingKey): Promise<void> {
  await run(() => db.settings.delete(key));
}

// ---------------------------------------------------------------------------------------------
// User dictionary (words the spelling check must accept)
// ---------------------------------------------------------------------------------------------

/** NFC and trimmed; one word (letters, digits, hyphen, apostrophe…), no spaces, 1–100 characters. */
export function normalizeWord(word: string): string {
  const w = String(word).normalize('NFC').trim();
  if (w.length === 0 || w.length > 100 || /\s/u.test(w)) {
    throw new StoreError('invalid-word', 'В словарь можно добавить одно слово без пробелов, до 100 символов.');
  }
  return w;
}

/** Adds a word; `added` is false if it was already there. */
export async function addWord(
  db: AppDB,
  word: string,
  options: { now?: number } = {},
): Promise<{ added: boolean; word: string }> {
  const w = normalizeWord(word);
  return run(() =>
    db.transaction('rw', db.dictionary, async () => {
      if (await db.dictionary.get(w)) return { added: false, word: w };
      await db.dictionary.add({ word: w, addedAt: options.now ?? Date.now() });
      return { added: true, word: w };
    }),
  );
}

/** Removes a word; false if it was not there. */
export async function removeWord(db: AppDB, word: string): Promise<boolean> {
  const w = String(word).normalize('NFC').trim();
  return run(() =>
    db.transaction('rw', db.dictionary, async () => {
      if (!(await db.dictionary.get(w))) return false;
      await db.dictionary.delete(w);
      return true;
    }),
  );
}

/** All words, sorted alphabetically (Russian collation). */
export async function listWords(db: AppDB): Promise<string[]> {
  const words = (await db.dictionary.toCollection().primaryKeys()) as string[];
  return words.sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}
