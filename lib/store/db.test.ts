import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from './db';
import { addPage, findPage, quotaOverview, recordPost } from './queries';

/**
 * Schema tests.
 *
 * SCHEMA_HISTORY is a frozen copy of every `version(n).stores({...})` ever shipped. Never edit an
 * entry. When db.ts gets `version(2)` with an upgrade:
 *   1. add `2: { ...stores of v2 }` here,
 *   2. add `SEEDS[2]` if v2 data differs, and extend `verifyCurrent` with what the upgrade must produce.
 * Every older version is then seeded with the raw historical schema and reopened with the current
 * `AppDB`, so each upgrade path (1→latest, 2→latest, …) is tested.
 */
const SCHEMA_HISTORY: Record<number, Record<string, string>> = {
  1: {
    pages: '++id, &[network+communityId], network, presetId',
    posts: '++id, pageId, publishedAt, &dedupeKey, [pageId+publishedAt]',
    settings: '&key',
    dictionary: '&word',
    templates: '++id, title, category, *tags, useCount, lastUsed',
    tabState: '&tabId, at',
  },
};
const LATEST = Math.max(...Object.keys(SCHEMA_HISTORY).map(Number));

/** A Dexie that knows only the versions up to `version`, as an older build of the extension did. */
function legacyDB(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) {
    const stores = SCHEMA_HISTORY[v];
    if (stores) db.version(v).stores(stores);
  }
  return db;
}

const AT = Date.parse('2026-12-02T10:00:00+03:00');

/** Data as the build of that version wrote it (raw table calls, no current helpers). */
const SEEDS: Record<number, (db: Dexie) => Promise<void>> = {
  1: async (db) => {
    await db.table('pages').add({
      network: 'vk',
      communityId: '123',
      address: 'https://vk.com/club123',
      name: 'Администрация',
      presetId: 'valuyki',
      organization: '',
      phone: '',
      site: '',
      responsible: { name: '', post: '', phone: '', email: '' },
      addedAt: AT,
      addressHistory: [{ address: 'https://vk.com/old', changedAt: AT - 1 }],
    });
    await db.table('posts').bulkAdd([
      {
        pageId: 1,
        publishedAt: AT,
        excerpt: 'Первый',
        textHash: 'a'.repeat(64),
        postId: '1',
        source: 'detected',
        dedupeKey: 'post:1:1',
      },
      {
        pageId: 1,
        publishedAt: AT + 3_600_000,
        excerpt: 'Второй',
        textHash: 'b'.repeat(64),
        source: 'manual',
        dedupeKey: `text:1:${'b'.repeat(64)}:${Math.floor((AT + 3_600_000) / 600_000) * 600_000}`,
      },
    ]);
    await db.table('settings').put({ key: 'timeZone', value: 'Asia/Tomsk' });
    await db.table('dictionary').put({ word: 'Валуйки', addedAt: AT });
    await db.table('templates').add({
      title: 'Спасибо',
      text: 'Здравствуйте! Спасибо.',
      category: 'благодарность',
      tags: ['спасибо', 'общее'],
      useCount: 0,
      lastUsed: null,
      builtin: true,
    });
    await db.table('tabState').put({
      tabId: 7,
      url: 'https://vk.com/club123',
      classification: { network: 'vk', kind: 'post', communityId: '123' },
      at: AT,
    });
  },
};

/** What every older database must look like after opening with the current AppDB. */
async function verifyCurrent(db: AppDB) {
  const page = await findPage(db, 'vk', '123');
  expect(page).toMatchObject({ id: 1, name: 'Администрация', addressHistory: [{ address: 'https://vk.com/old' }] });
  expect(await db.posts.count()).toBe(2);
  expect((await db.settings.get('timeZone'))?.value).toBe('Asia/Tomsk');
  expect(await db.dictionary.get('Валуйки')).toBeTruthy();
  expect(await db.templates.where('tags').equals('общее').count()).toBe(1);
  expect(await db.tabState.get(7)).toBeTruthy();
  // Old records keep working with the current queries.
  expect((await recordPost(db, { pageId: 1, publishedAt: AT, text: 'x', postId: '1', source: 'detected' })).added).toBe(
    false,
  );
  const overview = await quotaOverview(db, { at: AT, quotaFor: () => 3 });
  expect(overview.tz).toBe('Asia/Tomsk');
  expect(overview.pages[0]!.status.count).toBe(2);
}

const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('schema v1 (current)', () => {
  it('the current AppDB declares the latest frozen schema', async () => {
    const db = track(new AppDB(`t-${Math.random()}`));
    await db.open();
    expect(db.verno).toBe(LATEST);
    const frozen = track(legacyDB(`t-${Math.random()}`, LATEST));
    await frozen.open();
    const shape = (d: Dexie) =>
      Object.fromEntries(
        d.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()]]),
      );
    expect(shape(db)).toEqual(shape(frozen));
  });

  it('creates all tables and native indexes', async () => {
    const db = track(new AppDB(`t-${Math.random()}`));
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'dictionary',
      'pages',
      'posts',
      'settings',
      'tabState',
      'templates',
    ]);
    const idb = db.backendDB();
    const tx = idb.transaction(['pages', 'posts', 'templates'], 'readonly');
    const posts = tx.objectStore('posts');
    expect([...posts.indexNames].sort()).toEqual(['[pageId+publishedAt]', 'dedupeKey', 'pageId', 'publishedAt']);
    expect(posts.index('dedupeKey').unique).toBe(true);
    expect(posts.index('[pageId+publishedAt]').keyPath).toEqual(['pageId', 'publishedAt']);
    expect(tx.objectStore('pages').index('[network+communityId]').unique).toBe(true);
    expect(tx.objectStore('templates').index('tags').multiEntry).toBe(true);
  });

  it('compound and unique indexes work', async () => {
    const db = track(new AppDB(`t-${Math.random()}`));
    const p = await addPage(db, { network: 'ok', communityId: '9', address: '', name: 'Поселение', presetId: 'tomsk' });
    await recordPost(db, { pageId: p.id, publishedAt: 100, text: 'a', postId: '1', source: 'detected' });
    await recordPost(db, { pageId: p.id, publishedAt: 200, text: 'b', postId: '2', source: 'detected' });
    expect(await db.posts.where('[pageId+publishedAt]').between([p.id, 150], [p.id, Dexie.maxKey]).count()).toBe(1);
    expect((await db.pages.where('[network+communityId]').equals(['ok', '9']).first())?.name).toBe('Поселение');
    await expect(
      db.posts.add({
        pageId: p.id,
        publishedAt: 300,
        excerpt: '',
        textHash: '',
        source: 'manual',
        dedupeKey: `post:${p.id}:1`,
      }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
  });
});

describe.each(Object.keys(SCHEMA_HISTORY).map(Number))('upgrade from v%i', (version) => {
  it(`data written by a v${version} build survives opening with the current AppDB (v${LATEST})`, async () => {
    const name = `t-${Math.random()}`;
    const old = legacyDB(name, version);
    await old.open();
    const seed =
      SEEDS[version] ??
      SEEDS[
        Math.max(
          ...Object.keys(SEEDS)
            .map(Number)
            .filter((v) => v <= version),
        )
      ]!;
    await seed(old);
    old.close();

    const db = track(new AppDB(name));
    await db.open();
    expect(db.verno).toBe(LATEST);
    await verifyCurrent(db);
  });
});

describe('several windows', () => {
  it('an open connection does not block a newer version opening in another context', async () => {
    const name = `t-${Math.random()}`;
    const current = track(new AppDB(name));
    await current.open();
    // A hypothetical next build: the same schema plus a version bump.
    const next = track(new Dexie(name));
    for (const [v, stores] of Object.entries(SCHEMA_HISTORY)) next.version(Number(v)).stores(stores);
    next.version(LATEST + 1).stores({});
    let blocked = false;
    next.on('blocked', () => {
      blocked = true;
    });
    await next.open();
    expect(blocked).toBe(false);
    expect(next.verno).toBe(LATEST + 1);
    expect(current.isOpen()).toBe(false); // Dexie closed the old connection on `versionchange`
  });
});
