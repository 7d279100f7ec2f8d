import { handleMessage } from '@/lib/messaging/background-handler';
import { getDB } from '@/lib/store/db';

export default defineBackground(() => {
  const db = getDB();
  browser.runtime.onMessage.addListener((raw: unknown, sender) =>
    handleMessage(db, raw, { tabId: sender.tab?.id, url: sender.url }),
  );
  browser.tabs?.onRemoved.addListener((tabId) => {
    db.tabState.delete(tabId).catch(() => {});
  });
});
