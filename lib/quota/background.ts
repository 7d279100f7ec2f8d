import { browser } from 'wxt/browser';
import { configureQuota } from '../messaging/quota';
import { communityAddress } from '../sites/publish';
import { pageContext } from '../sites/url';
import type { AppDB } from '../store/db';
import { badgeFor, pageWeekStatus } from './overview';
import { TabPages } from './tab-pages';

/**
 * The background half of the weekly quota: the tab → community registry and the toolbar badge
 * («сколько постов ещё нужно на этой неделе» for the page of the tab). Call once from the background.
 *
 * Minimal permissions: no "tabs" permission. `tabs.onActivated` gives only the tab id; the tab's
 * community comes from the content script (`quota-page-info`), and `tabs.get` / `onUpdated` reveal the
 * address only for VK/OK tabs (host permissions) — which is exactly when it matters.
 */
export function startQuotaBackground(db: AppDB): void {
  const session = browser.storage?.session;
  const tabs = new TabPages(
    session
      ? {
          get: (key) => session.get(key) as Promise<Record<string, unknown>>,
          set: (items) => session.set(items),
        }
      : undefined,
  );
  // MV3 Chrome: action; Firefox MV2: browserAction.
  const action = browser.action ?? browser.browserAction;

  const setBadge = async (tabId: number) => {
    const info = await tabs.get(tabId);
    const st = info?.communityId ? await pageWeekStatus(db, info.network, info.communityId) : null;
    const badge = badgeFor(st?.status ?? null);
    try {
      await action?.setBadgeText({ tabId, text: badge.text });
      if (badge.text) await action?.setBadgeBackgroundColor({ tabId, color: badge.color });
    } catch {
      /* the tab is gone */
    }
  };
  const refresh = async (tabId?: number) => {
    if (tabId !== undefined) return setBadge(tabId);
    await Promise.all((await tabs.all()).map((t) => setBadge(t.tabId)));
  };
  const safely = (p: Promise<unknown>) => {
    p.catch((e: unknown) => console.warn('Помощник госпаблика: значок не обновлён', e));
  };

  configureQuota({
    tabs,
    onChanged: (tabId) => safely(refresh(tabId)),
    tabInfo: async (tabId) => {
      const t = await browser.tabs.get(tabId);
      return { url: t.url, title: t.title };
    },
  });

  // The badge is per tab; re-reading it on activation picks up a new week (or data changed elsewhere).
  browser.tabs?.onActivated.addListener(({ tabId }) =>
    safely(tabs.get(tabId).then((known) => (known ? setBadge(tabId) : undefined))),
  );
  browser.tabs?.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading' && change.status !== 'complete' && !change.url) return;
    safely(
      (async () => {
        // `tab.url` is visible only on VK/OK: anywhere else the tab has left the community.
        const url = tab.url ?? change.url;
        const ctx = url ? pageContext(url) : null;
        const known = await tabs.get(tabId);
        if (!url || !ctx) {
          // not VK/OK (or not visible to us): clear only what we set
          if (!known) return;
          await tabs.delete(tabId);
        } else if (known && ctx.communityId && ctx.communityId !== known.communityId) {
          // SPA or full navigation to another community: the content script will report its name.
          await tabs.set({
            ...known,
            url,
            network: ctx.network,
            communityId: ctx.communityId,
            name: '',
            address: communityAddress(ctx, url),
          });
        }
        await setBadge(tabId);
      })(),
    );
  });
  browser.tabs?.onRemoved.addListener((tabId) => safely(tabs.delete(tabId)));
}
