import type { AppDB } from '@/lib/store/db';
import { StoreError, toStoreError } from '@/lib/store/errors';
import {
  addPage,
  getSetting,
  type RemovedPage,
  removePage,
  restorePage,
  type StoredPage,
  setSetting,
  updatePage,
} from '@/lib/store/queries';
import { pageRefKey, type Settings } from '@/lib/store/settings';
import type { PageFormValues } from './page-form';

/**
 * Registry writes of the options page. The page's preset is stored twice on purpose: in the page record
 * (`presetId`, part of the registry and the backup) and in the `presetByPage` setting, which the
 * background reads first — so both always agree, in one transaction.
 */

async function inTx<T>(db: AppDB, fn: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', [db.pages, db.posts, db.settings], fn);
  } catch (e) {
    throw e instanceof StoreError ? e : toStoreError(e);
  }
}

/** The preset that really applies to a page (the per-page setting wins, as in the background). */
export function effectivePresetId(page: StoredPage, settings: Pick<Settings, 'presetByPage'>): string {
  return settings.presetByPage[pageRefKey(page.network, page.communityId)] ?? page.presetId;
}

/** Adds a page (`existing` undefined) or changes one; keeps `presetByPage` in step. */
export async function savePage(db: AppDB, values: PageFormValues, existing?: StoredPage): Promise<StoredPage> {
  return inTx(db, async () => {
    let page: StoredPage | undefined;
    if (existing) {
      page = await updatePage(db, existing.id, values);
      if (!page)
        throw new StoreError(
          'page-not-found',
          'Этой страницы уже нет в списке: возможно, её удалили в другой вкладке.',
        );
    } else {
      page = await addPage(db, values);
    }
    const map = { ...(await getSetting(db, 'presetByPage')) };
    if (existing) delete map[pageRefKey(existing.network, existing.communityId)];
    map[pageRefKey(page.network, page.communityId)] = values.presetId;
    await setSetting(db, 'presetByPage', map);
    return page;
  });
}

export interface DeletedPage {
  removed: RemovedPage;
  /** The page's entry of `presetByPage`, to put back on undo. */
  preset?: { key: string; value: string };
}

/** Deletes a page with its posts and its `presetByPage` entry; returns what undo needs. */
export async function deletePage(db: AppDB, id: number): Promise<DeletedPage | undefined> {
  return inTx(db, async () => {
    const removed = await removePage(db, id);
    if (!removed) return undefined;
    const key = pageRefKey(removed.page.network, removed.page.communityId);
    const map = { ...(await getSetting(db, 'presetByPage')) };
    const value = map[key];
    if (value === undefined) return { removed };
    delete map[key];
    await setSetting(db, 'presetByPage', map);
    return { removed, preset: { key, value } };
  });
}

/** Undo of `deletePage`. */
export async function undoDeletePage(db: AppDB, deleted: DeletedPage): Promise<StoredPage> {
  return inTx(db, async () => {
    const page = await restorePage(db, deleted.removed);
    if (deleted.preset) {
      const map = { ...(await getSetting(db, 'presetByPage')) };
      map[deleted.preset.key] = deleted.preset.value;
      await setSetting(db, 'presetByPage', map);
    }
    return page;
  });
}
