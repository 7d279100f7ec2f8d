import { z } from 'zod';
import type { AppDB } from './db';
import { CodedError, describeIssue, describeZodError, formatPath, isQuotaError } from './errors';
import { makeDedupeKey } from './queries';
import {
  dictionaryWordSchema,
  type OfficialPage,
  type PostRecord,
  pageSchema,
  postSchema,
  type Setting,
  type Template,
  templateSchema,
} from './schema';
import { isSettingKey, settingSchemas } from './settings';

/**
 * Backup of the user's data as one JSON document:
 *
 *   { format: 'gospublic-helper-backup', version: 1, exportedAt: ISO string,
 *     data: { pages, posts, settings, dictionary, templates } }
 *
 * Why our own format and not dexie-export-import: its file mirrors Dexie internals (table schema
 * strings, typed-value envelopes) that we would have to validate with zod anyway, and it ties the
 * file to the physical schema. Our document is the zod schemas of lib/store/schema.ts — the same
 * ones the app writes with — so import can check every field BEFORE touching the database and name
 * the bad field in Russian («pages[2].name — ожидался текст»), and the format stays stable when
 * indexes change. The data is small (tens of MB at most), so streaming is not needed.
 *
 * Not exported: `tabState` (per-tab, rebuilt on the fly).
 */

export const BACKUP_FORMAT = 'gospublic-helper-backup';
export const BACKUP_VERSION = 1;
/** Refuse bigger inputs before parsing (≈ 200 MB of text; a real backup of 200k posts is ~80 MB). */
export const MAX_BACKUP_CHARS = 200_000_000;

export type BackupErrorCode =
  | 'not-json'
  | 'truncated'
  | 'too-large'
  | 'foreign'
  | 'unsupported-version'
  | 'invalid'
  | 'write-failed';

/** Why a backup could not be read or written. `message` is Russian and can be shown as is. */
export class BackupError extends CodedError<BackupErrorCode> {
  override name = 'BackupError';
}

const id = z.number().int().positive();
export const backupPageSchema = pageSchema.extend({ id });
export const backupPostSchema = postSchema.extend({ id });
export const backupTemplateSchema = templateSchema.extend({ id });
export const backupSettingSchema = z.object({ key: z.string().min(1).max(100), value: z.unknown() });

export const backupDataSchema = z.object({
  pages: z.array(backupPageSchema).max(10_000),
  posts: z.array(backupPostSchema).max(2_000_000),
  settings: z.array(backupSettingSchema).max(1_000),
  dictionary: z.array(dictionaryWordSchema).max(200_000),
  templates: z.array(backupTemplateSchema).max(20_000),
});

export const backupDocumentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string().max(64),
  data: backupDataSchema,
});
export type BackupDocument = z.output<typeof backupDocumentSchema>;
export type BackupData = BackupDocument['data'];

export type TableName = keyof BackupData;
export type TableCounts = Record<TableName, number>;

export interface ImportResult {
  /** Records written per table. */
  counts: TableCounts;
  /** Records of the file not written: already present (merge) or unknown settings. */
  skipped: TableCounts;
}

const zero = (): TableCounts => ({ pages: 0, posts: 0, settings: 0, dictionary: 0, templates: 0 });

const tables = (db: AppDB) => [db.pages, db.posts, db.settings, db.dictionary, db.templates];

/** `gospublic-helper-2026-12-03.json` — a file name for the download. */
export function backupFileName(at: number = Date.now()): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `gospublic-helper-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Everything (except tab state) as one JSON string, read in one transaction. */
export async function exportAll(db: AppDB, options: { now?: number } = {}): Promise<string> {
  const data = await db.transaction('r', tables(db), async () => ({
    pages: await db.pages.toArray(),
    posts: await db.posts.toArray(),
    settings: await db.settings.toArray(),
    dictionary: await db.dictionary.toArray(),
    templates: await db.templates.toArray(),
  }));
  // A known setting with a value that no longer validates is ignored by getSetting anyway; leaving it
  // out keeps the user's own backup importable.
  data.settings = data.settings.filter((s) => !isSettingKey(s.key) || settingSchemas[s.key].safeParse(s.value).success);
  const doc = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
    data,
  };
  return JSON.stringify(doc);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const invalid = (detail: string) => new BackupError('invalid', `В копии ошибка: ${detail}.`);

/**
 * Reads and fully validates a backup without touching any database. Throws BackupError with a
 * Russian message. Also used by the UI to show what a file contains before importing it.
 */
export function parseBackup(json: string, options: { maxChars?: number } = {}): BackupDocument {
  if (typeof json !== 'string') throw new BackupError('not-json', 'Файл повреждён: это не JSON.');
  const limit = options.maxChars ?? MAX_BACKUP_CHARS;
  if (json.length > limit) {
    const mb = Math.max(1, Math.round(limit / 1_000_000));
    throw new BackupError('too-large', `Файл слишком большой для резервной копии (больше ${mb} МБ).`);
  }
  const text = json.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    if (/^\s*\{\s*"format"\s*:\s*"gospublic-helper-backup"/.test(text)) {
      throw new BackupError('truncated', 'Файл повреждён: копия обрезана или испорчена, JSON не читается.', {
        cause: e,
      });
    }
    throw new BackupError('not-json', 'Файл повреждён: это не JSON.', { cause: e });
  }
  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) {
    throw new BackupError('foreign', 'Это не резервная копия Помощника госпаблика.');
  }
  if (raw.version !== BACKUP_VERSION) {
    const v = raw.version;
    const shown = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 20) : 'без номера';
    throw new BackupError(
      'unsupported-version',
      typeof v === 'number' && Number.isInteger(v) && v > BACKUP_VERSION
        ? `Версия копии ${shown} не поддерживается: обновите расширение.`
        : `Версия копии ${shown} не поддерживается.`,
    );
  }
  const parsed = backupDocumentSchema.safeParse(raw);
  if (!parsed.success) throw invalid(describeZodError(parsed.error, raw, ['data']));
  const doc = parsed.data;
  checkConsistency(doc.data);
  return doc;
}

/** Cross-record rules zod cannot see: unique keys and references. Normalises post dedupe keys. */
function checkConsistency(data: BackupData): void {
  const firstAt = new Map<string, number>();
  const unique = (table: string, i: number, key: string, what: string) => {
    const seen = firstAt.get(`${table}\u0000${key}`);
    if (seen !== undefined) throw invalid(`${table}[${i}] — ${what} повторяется (уже есть в ${table}[${seen}])`);
    firstAt.set(`${table}\u0000${key}`, i);
  };
  data.pages.forEach((p, i) => {
    unique('pages', i, `id:${p.id}`, `id ${p.id}`);
    unique('pages', i, `community:${p.network}:${p.communityId}`, `страница ${p.network} ${p.communityId}`);
  });
  const pageIds = new Set(data.pages.map((p) => p.id));
  data.posts.forEach((p, i) => {
    if (!pageIds.has(p.pageId)) throw invalid(`posts[${i}].pageId — нет страницы с id ${p.pageId}`);
    p.dedupeKey = makeDedupeKey(p);
    unique('posts', i, `id:${p.id}`, `id ${p.id}`);
    unique('posts', i, `key:${p.dedupeKey}`, 'этот пост');
  });
  data.settings.forEach((s, i) => {
    unique('settings', i, s.key, `настройка «${s.key}»`);
    if (!isSettingKey(s.key)) return; // unknown keys (a newer app) are skipped on import
    const r = settingSchemas[s.key].safeParse(s.value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const sub = issue ? formatPath(issue.path) : '';
      const where = `settings[${i}].value${sub && !sub.startsWith('[') ? '.' : ''}${sub}`;
      throw invalid(`${where} — ${issue ? describeIssue(issue, s.value) : 'недопустимое значение'}`);
    }
    s.value = r.data;
  });
  data.dictionary.forEach((w, i) => {
    unique('dictionary', i, w.word, `слово «${w.word}»`);
  });
  data.templates.forEach((t, i) => {
    unique('templates', i, `id:${t.id}`, `id ${t.id}`);
  });
}

/**
 * Imports a backup. The whole file is validated first (nothing is written if anything is wrong),
 * then everything is written in ONE transaction: a failure midway rolls all of it back.
 *
 * - `replace`: pages, posts, settings, dictionary and templates are cleared and replaced by the
 *   file (ids kept).
 * - `merge`: adds what is missing and never overwrites local data. Pages are matched by
 *   network + community id (the file's posts go to the matching local page), posts by the same
 *   rules as `recordPost` (dedupe key, or same text within 10 minutes), settings by key (local
 *   value wins), words by spelling, templates by title + text.
 */
export async function importAll(
  db: AppDB,
  json: string,
  options: { mode: 'replace' | 'merge'; maxChars?: number },
): Promise<ImportResult> {
  const doc = parseBackup(json, options);
  const data = doc.data;
  const settings = data.settings.filter((s) => isSettingKey(s.key)) as Setting[];
  const counts = zero();
  const skipped = zero();
  skipped.settings = data.settings.length - settings.length;
  try {
    await db.transaction('rw', tables(db), async () => {
      if (options.mode === 'replace') {
        await Promise.all(tables(db).map((t) => t.clear()));
        await inChunks(data.pages, (c) => db.pages.bulkAdd(c));
        await inChunks(data.posts, (c) => db.posts.bulkAdd(c));
        await inChunks(settings, (c) => db.settings.bulkAdd(c));
        await inChunks(data.dictionary, (c) => db.dictionary.bulkAdd(c));
        await inChunks(data.templates, (c) => db.templates.bulkAdd(c));
        counts.pages = data.pages.length;
        counts.posts = data.posts.length;
        counts.settings = settings.length;
        counts.dictionary = data.dictionary.length;
        counts.templates = data.templates.length;
      } else {
        await mergeInto(db, { ...data, settings }, counts, skipped);
      }
    });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(
      'write-failed',
      isQuotaError(e)
        ? 'Не хватает места, чтобы восстановить копию. Ничего не изменено.'
        : 'Не удалось восстановить копию, ничего не изменено.',
      { cause: e },
    );
  }
  return { counts, skipped };
}

/**
 * Writes in sequential chunks inside the same transaction: keeps the number of pending IndexedDB
 * requests bounded (fake-indexeddb's request queue is O(n²) in pending requests; browsers also
 * hold every pending request in memory). Atomicity is unchanged — it is still one transaction.
 */
async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>, size = 5_000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Runs inside the import transaction: only Dexie calls are awaited here. */
async function mergeInto(
  db: AppDB,
  data: Omit<BackupData, 'settings'> & { settings: Setting[] },
  counts: TableCounts,
  skipped: TableCounts,
): Promise<void> {
  // Pages: map file ids to local ids.
  const pageIdMap = new Map<number, number>();
  const existingPages = new Set<number>();
  for (const p of data.pages) {
    const local = await db.pages.where('[network+communityId]').equals([p.network, p.communityId]).first();
    if (local?.id) {
      pageIdMap.set(p.id, local.id);
      existingPages.add(local.id);
      skipped.pages++;
    } else {
      const { id: _fileId, ...rest } = p;
      pageIdMap.set(p.id, (await db.pages.add(rest as OfficialPage)) as number);
      counts.pages++;
    }
  }

  // Posts: remap to local page ids, then skip the ones already counted locally. Only pages that
  // existed before can hold such posts (a new page has a new id, and ids are never reused), so one
  // read of their posts is enough — no per-post lookups.
  const incoming: PostRecord[] = data.posts.map(({ id: _fileId, ...p }) => {
    const pageId = pageIdMap.get(p.pageId)!;
    return { ...p, pageId, dedupeKey: makeDedupeKey({ ...p, pageId }) };
  });
  // One `equals` range per page (served by getAll), not `anyOf` (a cursor that jumps key by key).
  const localPosts = (
    await Promise.all([...existingPages].map((pageId) => db.posts.where('pageId').equals(pageId).toArray()))
  ).flat();
  const taken = new Set(localPosts.map((p) => p.dedupeKey));
  // Same text within 10 minutes on the same page = the same post (as in recordPost).
  const byText = new Map<string, Array<{ at: number; postId?: string }>>();
  for (const p of localPosts) {
    const k = `${p.pageId}\u0000${p.textHash}`;
    const list = byText.get(k) ?? [];
    list.push({ at: p.publishedAt, postId: p.postId });
    byText.set(k, list);
  }
  const WINDOW = 10 * 60_000;
  const toAdd = incoming.filter((p) => {
    if (taken.has(p.dedupeKey)) return false;
    const near = byText
      .get(`${p.pageId}\u0000${p.textHash}`)
      ?.some((l) => Math.abs(l.at - p.publishedAt) <= WINDOW && (!l.postId || !p.postId || l.postId === p.postId));
    return !near;
  });
  await inChunks(toAdd, (c) => db.posts.bulkAdd(c));
  counts.posts = toAdd.length;
  skipped.posts = incoming.length - toAdd.length;

  // Settings: local values win.
  const localKeys = new Set((await db.settings.toCollection().primaryKeys()) as string[]);
  const newSettings = data.settings.filter((s) => !localKeys.has(s.key));
  await db.settings.bulkAdd(newSettings);
  counts.settings = newSettings.length;
  skipped.settings += data.settings.length - newSettings.length;

  // Dictionary: union.
  const localWords = new Set((await db.dictionary.toCollection().primaryKeys()) as string[]);
  const newWords = data.dictionary.filter((w) => !localWords.has(w.word));
  await db.dictionary.bulkAdd(newWords);
  counts.dictionary = newWords.length;
  skipped.dictionary = data.dictionary.length - newWords.length;

  // Templates: same title and text = the same template.
  const localTemplates = new Set((await db.templates.toArray()).map((t) => `${t.title}\u0000${t.text}`));
  const newTemplates: Template[] = [];
  for (const { id: _fileId, ...t } of data.templates) {
    const k = `${t.title}\u0000${t.text}`;
    if (localTemplates.has(k)) continue;
    localTemplates.add(k);
    newTemplates.push(t);
  }
  await db.templates.bulkAdd(newTemplates);
  counts.templates = newTemplates.length;
  skipped.templates = data.templates.length - newTemplates.length;
}

/**
 * Asks the browser not to evict the extension's storage (`navigator.storage.persist()`).
 * Call it from the popup or options page (not available in workers everywhere). Resolves to true
 * if storage is (now) persistent; never throws.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
    if (!storage || typeof storage.persist !== 'function') return false;
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return (await storage.persist()) === true;
  } catch {
    return false;
  }
}
