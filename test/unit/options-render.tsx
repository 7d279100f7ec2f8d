import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { Options } from '@/entrypoints/options/Options';
import { AppDB } from '@/lib/store/db';

/** Renders the options page on a fresh database of its own; closes and deletes it after the test. */

const opened: AppDB[] = [];

afterEach(async () => {
  cleanup();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete().catch(() => undefined);
  }
});

export function freshDB(): AppDB {
  const db = new AppDB(`t-${Math.random()}`);
  opened.push(db);
  return db;
}

export async function renderOptions(options: { db?: AppDB; persisted?: boolean } = {}) {
  const db = options.db ?? freshDB();
  const download = vi.fn<(fileName: string, text: string) => void>();
  const requestPersistent = vi.fn(async () => options.persisted ?? true);
  const view = render(<Options db={db} download={download} requestPersistent={requestPersistent} />);
  // every section has loaded its data
  await waitFor(() => expect(screen.queryAllByText('Загрузка…')).toHaveLength(0));
  return { db, download, requestPersistent, view };
}

/** One section of the page by its heading. */
export function section(name: string) {
  return within(screen.getByRole('region', { name }));
}
