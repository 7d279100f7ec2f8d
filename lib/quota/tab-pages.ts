import type { Network } from '../store/schema';

/**
 * Which VK/OK community each open tab shows, as reported by the content script (`quota-page-info`, with
 * `sender.tab.id` and `sender.url`). The popup asks for the active tab's entry to offer «Добавить страницу в
 * реестр», and the background uses it for the toolbar badge — no "tabs" permission needed.
 *
 * Kept in memory and mirrored to `storage.session` (when the browser has it) so that a restarted MV3
 * service worker still knows the tabs; cleared when the browser closes.
 */
export interface TabPageInfo {
  tabId: number;
  url: string;
  network: Network;
  /** '' when the tab is on VK/OK but not on a community's page. */
  communityId: string;
  name: string;
  address: string;
  /** When the content script last reported (ms). */
  at: number;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'quotaTabPages';
const MAX_TABS = 200;

export class TabPages {
  private tabs = new Map<number, TabPageInfo>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly session?: SessionArea) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.session) return;
      try {
        const stored = (await this.session.get(KEY))[KEY];
        if (Array.isArray(stored)) {
          for (const t of stored as TabPageInfo[]) {
            if (t && typeof t.tabId === 'number' && !this.tabs.has(t.tabId)) this.tabs.set(t.tabId, t);
          }
        }
      } catch {
        /* session storage unavailable: memory only */
      }
    })();
    return this.loaded;
  }

  private async save(): Promise<void> {
    if (!this.session) return;
    try {
      await this.session.set({ [KEY]: [...this.tabs.values()] });
    } catch {
      /* memory only */
    }
  }

  async get(tabId: number): Promise<TabPageInfo | undefined> {
    await this.load();
    return this.tabs.get(tabId);
  }

  async set(info: TabPageInfo): Promise<void> {
    await this.load();
    this.tabs.delete(info.tabId);
    this.tabs.set(info.tabId, info);
    while (this.tabs.size > MAX_TABS) this.tabs.delete(this.tabs.keys().next().value as number);
    await this.save();
  }

  async delete(tabId: number): Promise<void> {
    await this.load();
    if (this.tabs.delete(tabId)) await this.save();
  }

  /** The tab that reported most recently (the popup opened in a tab of its own uses it). */
  async last(): Promise<TabPageInfo | undefined> {
    await this.load();
    let best: TabPageInfo | undefined;
    for (const t of this.tabs.values()) if (!best || t.at >= best.at) best = t;
    return best;
  }

  async all(): Promise<TabPageInfo[]> {
    await this.load();
    return [...this.tabs.values()];
  }
}
