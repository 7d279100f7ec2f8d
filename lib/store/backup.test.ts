import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BackupError,
  backupFileName,
  exportAll,
  importAll,
  parseBackup,
  requestPersistentStorage,
} from './backup';
import { AppDB } from './db';
import { addPage, addWord, recordPost, setSetting } from './queries';
import type { Template } from './schema';

const dbs: AppDB[] = [];
function newDB(): AppDB {
  const db = new AppDB(`t-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const HOSTILE = '<img src=x onerror=alert(1)>';
const AT = Date.parse('2026-12-02T10:00:00+03:00');

const template = (over: Partial<Template> = {}): Template => ({
  title: 'Благодарность',
  text: 'Здравствуйте, {имя}! Спасибо за обращение.',
  category: 'благодарность',
  tags: ['спасибо'],
  useCount: 3,
  lastUsed: AT,
  builtin: false,
  ...over,
});

async function seed(db: AppDB) {
  const a = await addPage(db, {
    network: 'vk',
    communityId: '123',
    address: 'https://vk.com/club123',
    name: HOSTILE,
    presetId: 'valuyki',
    organization: '"; DROP TABLE pages; --',
    responsible: { name: 'Анна Петрова', post: 'специалист', phone: '+7 (47236) 3-00-00', email: 'a@example.ru' },
    addedAt: AT - 86_400_000,
  });
  const b = await addPage(db, {
    network: 'ok',
    communityId: '555',
    address: 'https://ok.ru/group/555',
    name: 'Администрация Томского района 😀',
    presetId: 'tomsk',
    addedAt: AT,
  });
  await recordPost(db, {
    pageId: a.id,
    publishedAt: AT,
    text: `Пост ${HOSTILE}`,
    postId: '-123_1',
    source: 'detected',
  });
  await recordPost(db, { pageId: a.id, publishedAt: AT + 3_600_000, text: 'Второй пост', source: 'manual' });
  await recordPost(db, { pageId: b.id, publishedAt: AT, text: 'Новость района', postId: '9', source: 'detected' });
  await setSetting(db, 'timeZone', 'Asia/Tomsk');
  await setSetting(db, 'disabledRules', ['kants.v-celyah']);
  await addWord(db, 'Валуйки', { now: AT });
  await addWord(db, HOSTILE.replaceAll(' ', '_'), { now: AT });
  await db.templates.add(template());
  await db.templates.add(template({ title: HOSTILE, text: HOSTILE, tags: [], lastUsed: null, builtin: true }));
  return { a, b };
}

async function snapshot(db: AppDB) {
  return {
    pages: await db.pages.toArray(),
    posts: await db.posts.toArray(),
    settings: await db.settings.toArray(),
    dictionary: await db.dictionary.toArray(),
    templates: await db.templates.toArray(),
  };
}

async function importError(db: AppDB, json: string, mode: 'replace' | 'merge' = 'replace'): Promise<BackupError> {
  const e = await importAll(db, json, { mode }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

/** A valid exported document as an object, for tampering. */
async function exportedDoc() {
  const db = newDB();
  await seed(db);
  return JSON.parse(await exportAll(db, { now: AT })) as {
    format: string;
    version: unknown;
    exportedAt: string;
    data: Record<'pages' | 'posts' | 'settings' | 'dictionary' | 'templates', Array<Record<string, unknown>>>;
  };
}

describe('exportAll', () => {
  it('writes one JSON document in the documented format', async () => {
    const db = newDB();
    await seed(db);
    const doc = JSON.parse(await exportAll(db, { now: AT }));
    expect(doc).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: '2026-12-02T07:00:00.000Z' });
    expect(Object.keys(doc.data).sort()).toEqual(['dictionary', 'pages', 'posts', 'settings', 'templates']);
    expect(doc.data.pages).toHaveLength(2);
    expect(doc.data.posts).toHaveLength(3);
    expect(doc.data.templates).toHaveLength(2);
  });

  it('leaves out a corrupted setting so the backup stays importable', async () => {
    const db = newDB();
    await db.settings.put({ key: 'workingHours', value: 'всегда' });
    await db.settings.put({ key: 'futureSetting', value: { x: 1 } });
    const doc = JSON.parse(await exportAll(db));
    expect(doc.data.settings).toEqual([{ key: 'futureSetting', value: { x: 1 } }]);
    expect((await importAll(newDB(), JSON.stringify(doc), { mode: 'replace' })).skipped.settings).toBe(1);
  });

  it('backupFileName', () => {
    expect(backupFileName(new Date(2026, 11, 3, 12).getTime())).toBe('gospublic-helper-2026-12-03.json');
  });
});

describe('round trip', () => {
  it('export → import (replace) into an empty DB gives equal data; HTML stays plain text', async () => {
    const source = newDB();
    await seed(source);
    const json = await exportAll(source, { now: AT });
    const target = newDB();
    const result = await importAll(target, json, { mode: 'replace' });
    expect(result.counts).toEqual({ pages: 2, posts: 3, settings: 2, dictionary: 2, templates: 2 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // Same data (key order inside records may differ: import writes records in schema order).
    expect(JSON.parse(await exportAll(target, { now: AT }))).toEqual(JSON.parse(json));
    const pages = await target.pages.toArray();
    expect(pages[0]!.name).toBe(HOSTILE);
    expect(typeof pages[0]!.name).toBe('string');
    expect((await target.templates.toArray())[1]).toMatchObject({ title: HOSTILE, text: HOSTILE });
    // The imported DB keeps working: the same post is not counted again.
    const again = await recordPost(target, {
      pageId: pages[0]!.id!,
      publishedAt: AT,
      text: 'x',
      postId: '-123_1',
      source: 'detected',
    });
    expect(again.added).toBe(false);
  });

  it('replace wipes what was there before', async () => {
    const db = newDB();
    await addPage(db, { network: 'vk', communityId: '1', address: '', name: 'Старая', presetId: 'custom' });
    await addWord(db, 'старое');
    const other = newDB();
    await seed(other);
    await importAll(db, await exportAll(other), { mode: 'replace' });
    expect((await db.pages.toArray()).map((p) => p.name)).toEqual([HOSTILE, 'Администрация Томского района 😀']);
    expect((await db.dictionary.toArray()).map((w) => w.word)).not.toContain('старое');
  });
});

describe('merge', () => {
  it('adds what is missing, maps pages by community, never overwrites local data', async () => {
    const source = newDB();
    await seed(source);
    const json = await exportAll(source);

    const db = newDB();
    // Local DB: a different page first (so ids differ), then the same VK community under another id.
    await addPage(db, { network: 'vk', communityId: '999', address: '', name: 'Своя', presetId: 'custom' });
    const local = await addPage(db, {
      network: 'vk',
      communityId: '123',
      address: 'https://vk.com/local',
      name: 'Локальное имя',
      presetId: 'pyatigorsk',
    });
    // The same post already counted locally, once by id and once by text only.
    await recordPost(db, { pageId: local.id, publishedAt: AT, text: 'что-то', postId: '-123_1', source: 'detected' });
    await recordPost(db, {
      pageId: local.id,
      publishedAt: AT + 3_600_000 + 60_000,
      text: 'Второй пост',
      source: 'detected',
    });
    await setSetting(db, 'timeZone', 'Europe/Moscow');
    await addWord(db, 'Валуйки');
    await db.templates.add(template());

    const result = await importAll(db, json, { mode: 'merge' });
    expect(result.counts).toEqual({ pages: 1, posts: 1, settings: 1, dictionary: 1, templates: 1 });
    expect(result.skipped).toEqual({ pages: 1, posts: 2, settings: 1, dictionary: 1, templates: 1 });

    expect((await db.pages.get(local.id))?.name).toBe('Локальное имя');
    const okPage = await db.pages.where('[network+communityId]').equals(['ok', '555']).first();
    expect(okPage?.name).toBe('Администрация Томского района 😀');
    const okPosts = await db.posts.where('pageId').equals(okPage!.id!).toArray();
    expect(okPosts).toHaveLength(1);
    expect(okPosts[0]!.dedupeKey).toBe(`post:${okPage!.id}:9`);
    expect(await db.posts.where('pageId').equals(local.id).count()).toBe(2);
    expect((await db.settings.get('timeZone'))?.value).toBe('Europe/Moscow');
    expect((await db.settings.get('disabledRules'))?.value).toEqual(['kants.v-celyah']);

    // Merging the same file again changes nothing.
    const again = await importAll(db, json, { mode: 'merge' });
    expect(again.counts).toEqual({ pages: 0, posts: 0, settings: 0, dictionary: 0, templates: 0 });
  });
});

describe('bad files change nothing', () => {
  async function expectRejected(json: string, code: string, message: string | RegExp) {
    const db = newDB();
    await seed(db);
    const before = await snapshot(db);
    for (const mode of ['replace', 'merge'] as const) {
      const e = await importError(db, json, mode);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    }
    expect(await snapshot(db)).toEqual(before);
  }

  it('not JSON', async () => {
    await expectRejected('это просто текст', 'not-json', /^Файл повреждён: это не JSON\.$/);
    await expectRejected('', 'not-json', /^Файл повреждён: это не JSON\.$/);
    await expectRejected('\u0000\u0001PK\u0003\u0004', 'not-json', /^Файл повреждён: это не JSON\.$/);
  });

  it('a truncated backup', async () => {
    const db = newDB();
    await seed(db);
    const json = await exportAll(db);
    await expectRejected(json.slice(0, Math.floor(json.length / 2)), 'truncated', /^Файл повреждён: копия обрезана/);
    await expectRejected(json.slice(0, -1), 'truncated', /^Файл повреждён/);
  });

  it('a foreign file', async () => {
    const msg = /^Это не резервная копия Помощника госпаблика\.$/;
    await expectRejected(
      JSON.stringify({ name: 'gospublic-helper', version: '0.1.0', dependencies: {} }),
      'foreign',
      msg,
    );
    await expectRejected(JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: {} }), 'foreign', msg);
    await expectRejected('[1, 2, 3]', 'foreign', msg);
    await expectRejected('null', 'foreign', msg);
    await expectRejected('"gospublic-helper-backup"', 'foreign', msg);
  });

  it('an unsupported version', async () => {
    const doc = await exportedDoc();
    await expectRejected(
      JSON.stringify({ ...doc, version: 7 }),
      'unsupported-version',
      /^Версия копии 7 не поддерживается: обновите расширение\.$/,
    );
    await expectRejected(
      JSON.stringify({ ...doc, version: 0 }),
      'unsupported-version',
      /^Версия копии 0 не поддерживается\.$/,
    );
    await expectRejected(JSON.stringify({ ...doc, version: '1' }), 'unsupported-version', /^Версия копии 1 не/);
    const { version: _v, ...noVersion } = doc;
    await expectRejected(JSON.stringify(noVersion), 'unsupported-version', /без номера/);
  });

  it('wrong field types name the field', async () => {
    const doc = await exportedDoc();
    doc.data.pages.push({ ...doc.data.pages[0], id: 50, communityId: '50' });
    doc.data.pages[2]!.name = 42;
    await expectRejected(JSON.stringify(doc), 'invalid', /^В копии ошибка: pages\[2\]\.name — ожидался текст\.$/);

    const doc2 = await exportedDoc();
    doc2.data.posts[1]!.publishedAt = '2026-12-02';
    await expectRejected(JSON.stringify(doc2), 'invalid', 'В копии ошибка: posts[1].publishedAt — ожидалось число.');

    const doc3 = await exportedDoc();
    delete doc3.data.templates[0]!.title;
    await expectRejected(JSON.stringify(doc3), 'invalid', 'В копии ошибка: templates[0].title — поле отсутствует.');

    const doc4 = await exportedDoc();
    doc4.data.pages[0]!.network = 'facebook';
    await expectRejected(
      JSON.stringify(doc4),
      'invalid',
      /^В копии ошибка: pages\[0\]\.network — недопустимое значение/,
    );

    const doc5 = await exportedDoc();
    doc5.data.posts = 'много' as unknown as [];
    await expectRejected(JSON.stringify(doc5), 'invalid', 'В копии ошибка: posts — ожидался список.');

    const doc6 = await exportedDoc();
    delete (doc6 as { data?: unknown }).data;
    await expectRejected(JSON.stringify(doc6), 'invalid', 'В копии ошибка: data — поле отсутствует.');
  });

  it('oversized strings and files', async () => {
    const doc = await exportedDoc();
    doc.data.pages[0]!.name = 'А'.repeat(1_000_000);
    await expectRejected(
      JSON.stringify(doc),
      'invalid',
      'В копии ошибка: pages[0].name — слишком длинный текст (больше 300 символов).',
    );
    const doc2 = await exportedDoc();
    doc2.data.dictionary[0]!.word = 'я'.repeat(101);
    await expectRejected(JSON.stringify(doc2), 'invalid', /dictionary\[0\]\.word — слишком длинный текст/);

    const db = newDB();
    const e = await importAll(db, JSON.stringify(await exportedDoc()), { mode: 'replace', maxChars: 1000 }).catch(
      (err: unknown) => err,
    );
    expect(e).toMatchObject({ code: 'too-large', message: 'Файл слишком большой для резервной копии (больше 1 МБ).' });
  });

  it('broken references, duplicates and bad settings', async () => {
    const doc = await exportedDoc();
    doc.data.posts[2]!.pageId = 9;
    await expectRejected(JSON.stringify(doc), 'invalid', 'В копии ошибка: posts[2].pageId — нет страницы с id 9.');

    const doc2 = await exportedDoc();
    doc2.data.pages[1]!.communityId = '123';
    doc2.data.pages[1]!.network = 'vk';
    await expectRejected(JSON.stringify(doc2), 'invalid', /^В копии ошибка: pages\[1\] — страница vk 123 повторяется/);

    const doc3 = await exportedDoc();
    doc3.data.posts.push({ ...doc3.data.posts[0], id: 77 });
    await expectRejected(
      JSON.stringify(doc3),
      'invalid',
      /^В копии ошибка: posts\[3\] — этот пост повторяется \(уже есть в posts\[0\]\)/,
    );

    const doc4 = await exportedDoc();
    doc4.data.settings.push({
      key: 'workingHours',
      value: { days: [1], start: '9', end: '18:00', russianHolidays: true },
    });
    await expectRejected(JSON.stringify(doc4), 'invalid', 'В копии ошибка: settings[2].value.start — неверный формат.');

    const doc5 = await exportedDoc();
    doc5.data.settings.push({ key: 'prePublishWarning', value: 'да' });
    await expectRejected(
      JSON.stringify(doc5),
      'invalid',
      'В копии ошибка: settings[2].value — ожидалось true или false.',
    );
  });

  it('hostile JSON does not pollute prototypes and extra fields are dropped', async () => {
    const doc = await exportedDoc();
    const json = JSON.stringify(doc).replace(
      '"network":"vk"',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"onerror":"alert(1)","network":"vk"',
    );
    const db = newDB();
    await importAll(db, json, { mode: 'replace' });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const page = await db.pages.where('[network+communityId]').equals(['vk', '123']).first();
    expect(Object.keys(page!)).not.toContain('onerror');
    expect(Object.keys(page!)).not.toContain('constructor');
    expect(page!.name).toBe(HOSTILE);
  });
});

describe('one transaction', () => {
  it('a duplicate unique key reaching IndexedDB midway rolls everything back (replace)', async () => {
    const db = newDB();
    await seed(db);
    const before = await snapshot(db);
    const other = newDB();
    await seed(other);
    await addPage(other, { network: 'vk', communityId: '42', address: '', name: 'Новая', presetId: 'custom' });
    const json = await exportAll(other);
    // Force every post of the import onto one dedupe key: the 2nd insert violates the unique index
    // after pages were already cleared and re-inserted in the same transaction.
    const creating = (_pk: unknown, obj: { dedupeKey: string }) => {
      obj.dedupeKey = 'same';
    };
    db.posts.hook('creating', creating);
    const e = await importError(db, json, 'replace');
    db.posts.hook('creating').unsubscribe(creating);
    expect(e.code).toBe('write-failed');
    expect(e.message).toBe('Не удалось восстановить копию, ничего не изменено.');
    expect(String(e.cause)).toMatch(/ConstraintError/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a failure in the last table rolls back the earlier ones (merge)', async () => {
    const db = newDB();
    await addPage(db, { network: 'vk', communityId: '1', address: '', name: 'Своя', presetId: 'custom' });
    const before = await snapshot(db);
    const json = JSON.stringify(await exportedDoc());
    const creating = () => {
      throw new Error('disk on fire');
    };
    db.templates.hook('creating', creating);
    const e = await importError(db, json, 'merge');
    db.templates.hook('creating').unsubscribe(creating);
    expect(e.code).toBe('write-failed');
    expect(await snapshot(db)).toEqual(before);
    // And without the failure the same import goes through.
    expect((await importAll(db, json, { mode: 'merge' })).counts.pages).toBe(2);
  });
});

describe('parseBackup', () => {
  it('accepts a BOM and returns the document for a preview', async () => {
    const db = newDB();
    await seed(db);
    const doc = parseBackup(`\uFEFF${await exportAll(db, { now: AT })}`);
    expect(doc.data.pages).toHaveLength(2);
    expect(doc.exportedAt).toBe('2026-12-02T07:00:00.000Z');
  });
});

describe('requestPersistentStorage', () => {
  it('asks navigator.storage.persist when available', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when already persisted', async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => true } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('returns false when refused, missing or throwing', async () => {
    vi.stubGlobal('navigator', { storage: { persist: async () => false } });
    expect(await requestPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', undefined);
    expect(await requestPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', {
      storage: {
        persist: () => {
          throw new DOMException('no', 'InvalidStateError');
        },
      },
    });
    expect(await requestPersistentStorage()).toBe(false);
  });
});
