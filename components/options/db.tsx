import { liveQuery } from 'dexie';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { AppDB } from '@/lib/store/db';
import { StoreError, toStoreError } from '@/lib/store/errors';
import { getSetting, setSetting } from '@/lib/store/queries';
import type { SettingKey, SettingValue } from '@/lib/store/settings';

/**
 * The options page talks to the extension's Dexie database directly (it runs in the extension origin).
 * Components take the database from this context, so tests can give each render its own `AppDB`.
 */
const DBContext = createContext<AppDB | null>(null);

export function DBProvider({ db, children }: { db: AppDB; children: ReactNode }) {
  return <DBContext.Provider value={db}>{children}</DBContext.Provider>;
}

export function useDB(): AppDB {
  const db = useContext(DBContext);
  if (!db) throw new Error('useDB() outside <DBProvider>');
  return db;
}

export const READ_FAILED =
  'Не удалось прочитать данные расширения. Обновите страницу; если не поможет — перезапустите браузер.';
export const WRITE_FAILED = 'Не удалось сохранить изменения. Попробуйте ещё раз — введённые данные остались на месте.';

/** A message the user can read: our own Russian errors as they are, anything else → `fallback`. */
export function errorText(e: unknown, fallback: string = WRITE_FAILED): string {
  if (e instanceof Error && /[А-Яа-яЁё]/.test(e.message)) return e.message;
  return fallback;
}

export type Live<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/**
 * The result of a read that re-runs whenever the tables it touched change (here, in the background,
 * in the popup or in another options tab). `query` must be stable (a module-level function).
 */
export function useLive<T>(query: (db: AppDB) => Promise<T>): Live<T> {
  const db = useDB();
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const sub = liveQuery(() => query(db)).subscribe({
      next: (data) => setState({ status: 'ready', data }),
      error: (e: unknown) => setState({ status: 'error', message: errorText(e, READ_FAILED) }),
    });
    return () => sub.unsubscribe();
  }, [db, query]);
  return state;
}

export interface Action {
  /** Runs `fn`; on failure keeps the Russian message in `error` and resolves to `undefined`. */
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
}

/** Busy flag and error message of a write. The UI keeps the user's input when it fails. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      if (mounted.current) setError(errorText(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}

/** Read-modify-write of one setting in a single transaction (two tabs cannot lose each other's change). */
export async function updateSetting<K extends SettingKey>(
  db: AppDB,
  key: K,
  change: (current: SettingValue<K>) => SettingValue<K>,
): Promise<SettingValue<K>> {
  try {
    return await db.transaction('rw', db.settings, async () => setSetting(db, key, change(await getSetting(db, key))));
  } catch (e) {
    throw e instanceof StoreError ? e : toStoreError(e);
  }
}
