import { check } from '../checks/index';
import type { Speller } from '../checks/spelling';
import type { AppDB } from '../store/db';
import { presetFor } from '../store/page-preset';
import { addWord, getSetting, getSettings, listWords, setSetting } from '../store/queries';
import type { TabState } from '../store/schema';
import { fail, ok, type Request, type Response, requestSchema } from './messages';
import { handleQuotaMessage, type QuotaRequest } from './quota';
import { handleTemplatesMessage, type TemplatesRequest } from './templates';

export interface SenderInfo {
  tabId?: number;
  url?: string;
}

export interface Status {
  version: number;
  trackedTabs: number;
  lastClassified: TabState | null;
  spelling: 'ready' | 'loading' | 'unavailable';
}

export interface HandlerDeps {
  /** The spell checker once loaded; `null` when it could not be loaded (checks then run without spelling). */
  speller?: () => Promise<Speller | null>;
  spellingState?: () => Status['spelling'];
}

/** Handles one message in the background. Pure apart from the database and speller it is given. */
export async function handleMessage(
  db: AppDB,
  raw: unknown,
  sender: SenderInfo,
  deps: HandlerDeps = {},
): Promise<Response> {
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
        const [trackedTabs, last] = await Promise.all([db.tabState.count(), db.tabState.orderBy('at').last()]);
        const status: Status = {
          version: db.verno,
          trackedTabs,
          lastClassified: last ?? null,
          spelling: deps.spellingState?.() ?? 'unavailable',
        };
        return ok(status);
      }
      case 'check': {
        // one read of the settings per check (the preset and the disabled rules both come from it)
        const settings = await getSettings(db);
        const [preset, userWords, speller] = await Promise.all([
          presetFor(db, msg.network, msg.communityId, settings),
          listWords(db),
          deps.speller ? deps.speller() : Promise.resolve(null),
        ]);
        const { disabledRules } = settings;
        const result = check(
          msg.text,
          {
            mode: msg.mode,
            preset,
            replyTo: msg.authorName ? { authorName: msg.authorName } : undefined,
            userWords,
            disabledRules,
          },
          speller,
        );
        return ok(result);
      }
      case 'suggest': {
        const speller = deps.speller ? await deps.speller() : null;
        return ok(speller ? speller.suggest(msg.word, 5) : []);
      }
      case 'add-word':
        return ok(await addWord(db, msg.word));
      case 'disable-rule': {
        const rules = await getSetting(db, 'disabledRules');
        if (!rules.includes(msg.rule)) await setSetting(db, 'disabledRules', [...rules, msg.rule]);
        return ok(true);
      }
      case 'get-page-settings': {
        const s = await getSettings(db);
        return ok({ enabled: !s.disabledSites.includes(msg.host), prePublishWarning: s.prePublishWarning });
      }
      default:
        if (msg.type.startsWith('quota-')) return await handleQuotaMessage(db, msg as QuotaRequest, sender);
        if (msg.type.startsWith('templates-')) return await handleTemplatesMessage(db, msg as TemplatesRequest, sender);
        return fail(`Неизвестное сообщение: ${msg.type}`);
    }
  } catch (e) {
    return fail(e instanceof Error && /[а-яё]/i.test(e.message) ? e.message : `Ошибка хранилища: ${String(e)}`);
  }
}
