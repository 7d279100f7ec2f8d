import { setDefaultSpeller } from '@/lib/checks/index';
import { loadExtensionSpeller, type Speller } from '@/lib/checks/spelling';
import { handleMessage, type Status } from '@/lib/messaging/background-handler';
import { configureTemplatesHandler, ensureStarterTemplates } from '@/lib/messaging/templates';
import { startQuotaBackground } from '@/lib/quota/background';
import { getDB } from '@/lib/store/db';

export default defineBackground(() => {
  const db = getDB();
  let state: Status['spelling'] = 'loading';
  // The dictionary is packaged with the extension and loaded once per service-worker start.
  const speller: Promise<Speller | null> = loadExtensionSpeller((p) => browser.runtime.getURL(p as '/'))
    .then((s) => {
      state = 'ready';
      setDefaultSpeller(s);
      return s;
    })
    .catch((e: unknown) => {
      state = 'unavailable';
      console.warn('Помощник госпаблика: орфография недоступна', e);
      return null;
    });

  configureTemplatesHandler({ speller: () => speller });
  // The starter reply templates, once per profile (a flag in settings; deleted ones never come back).
  ensureStarterTemplates(db).catch((e: unknown) => console.warn('Помощник госпаблика: шаблоны не добавлены', e));

  browser.runtime.onMessage.addListener((raw: unknown, sender) =>
    handleMessage(
      db,
      raw,
      { tabId: sender.tab?.id, url: sender.url },
      { speller: () => speller, spellingState: () => state },
    ),
  );
  startQuotaBackground(db);
  browser.tabs?.onRemoved.addListener((tabId) => {
    db.tabState.delete(tabId).catch(() => {});
  });
});
