import Dexie, { type EntityTable } from 'dexie';
import type { DictionaryWord, OfficialPage, PostRecord, Setting, TabState, Template } from './schema';

export const DB_NAME = 'gospublic-helper';

/**
 * The extension's database. Opened only by the background, popup and options pages
 * (the extension origin), never by a content script.
 *
 * Schema history — every change is a new `version(n)` with its upgrade; never edit an old one.
 *   v1: pages, posts, settings, dictionary, templates, tabState.
 */
export class AppDB extends Dexie {
  pages!: EntityTable<OfficialPage, 'id'>;
  posts!: EntityTable<PostRecord, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  dictionary!: EntityTable<DictionaryWord, 'word'>;
  templates!: EntityTable<Template, 'id'>;
  tabState!: EntityTable<TabState, 'tabId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      pages: '++id, &[network+communityId], network, presetId',
      posts: '++id, pageId, publishedAt, &dedupeKey, [pageId+publishedAt]',
      settings: '&key',
      dictionary: '&word',
      templates: '++id, title, category, *tags, useCount, lastUsed',
      tabState: '&tabId, at',
    });
  }
}

let shared: AppDB | undefined;
/** The one database of this extension context. */
export function getDB(): AppDB {
  shared ??= new AppDB();
  return shared;
}
