import type { AppDB } from '../store/db';
import type { TabState } from '../store/schema';
import { fail, ok, type Request, type Response, requestSchema } from './messages';

export interface SenderInfo {
  tabId?: number;
  url?: string;
}

export interface Status {
  version: number;
  trackedTabs: number;
  lastClassified: TabState | null;
}

/** Handles one message in the background. Pure apart from the database it is given. */
export async function handleMessage(db: AppDB, raw: unknown, sender: SenderInfo): Promise<Response> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return fail(`Неизвестное сообщение: ${parsed.error.issues[0]?.message ?? 'ошибка формата'}`);
  const msg: Request = parsed.data;
  try {
    switch (msg.type) {
      case 'editor-classified': {
        if (sender.tabId === undefined) return fail('Сообщение пришло не со вкладки.');
        const state: TabState = {
          tabId: sender.tabId,
          url: msg.url,
          classification: msg.classification,
          at: Date.now(),
        };
        await db.tabState.put(state);
        return ok(state);
      }
      case 'get-tab-state': {
        const tabId = msg.tabId ?? sender.tabId;
        if (tabId === undefined) return ok(null);
        return ok((await db.tabState.get(tabId)) ?? null);
      }
      case 'get-status': {
        const [trackedTabs, last] = await Promise.all([
          db.tabState.count(),
          db.tabState.orderBy('at').last(),
        ]);
        const status: Status = { version: db.verno, trackedTabs, lastClassified: last ?? null };
        return ok(status);
      }
    }
  } catch (e) {
    return fail(`Ошибка хранилища: ${e instanceof Error ? e.message : String(e)}`);
  }
}
