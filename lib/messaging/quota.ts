import { z } from 'zod';
import { DEFAULT_PRESET_ID } from '../checks/presets';
import { type TabPageInfo, TabPages } from '../quota/tab-pages';
import { communityAddress, nameFromTitle } from '../sites/publish';
import { pageContext } from '../sites/url';
import type { AppDB } from '../store/db';
import {
  addPage,
  deletePost,
  findPage,
  getSetting,
  recordPost,
  restorePost,
  type StoredPage,
  type StoredPost,
} from '../store/queries';
import { networkSchema, postSchema } from '../store/schema';
import type { Response } from './messages';

/** Messages of the weekly quota (publish detection, popup). Added to the request union in messages.ts. */
export const quotaRequestSchemas = [
  z.object({ type: z.literal('quota-ping') }),
  /** Content script → background, on start and on every address change: the community this tab shows. */
  z.object({
    type: z.literal('quota-page-info'),
    url: z.string().max(2000),
    network: networkSchema,
    communityId: z.string().max(64),
    name: z.string().max(300),
    address: z.string().max(500),
  }),
  /** Content script → background: a post was published on the wall (confirmed in the page). */
  z.object({
    type: z.literal('quota-post-published'),
    network: networkSchema,
    communityId: z.string().min(1).max(64),
    text: z.string().max(100_000),
    postId: z.string().trim().min(1).max(64).optional(),
    /** Unix ms; a scheduled OK topic: when it goes out. */
    publishedAt: z.number().finite(),
  }),
  /** Popup → background: the community of a tab (`last`: the tab that reported last, if `tabId` is unknown). */
  z.object({ type: z.literal('quota-tab-page'), tabId: z.number().int().optional(), last: z.boolean().optional() }),
  /** Popup → background: register a page (preset = the default preset setting unless given). */
  z.object({
    type: z.literal('quota-add-page'),
    network: networkSchema,
    communityId: z.string().trim().min(1).max(64),
    name: z.string().max(300),
    address: z.string().max(500),
    presetId: z.string().min(1).max(64).optional(),
  }),
  z.object({ type: z.literal('quota-delete-post'), id: z.number().int().positive() }),
  z.object({ type: z.literal('quota-restore-post'), post: postSchema.extend({ id: z.number().int().positive() }) }),
  /** Popup → background: a post made elsewhere (from a phone), typed in by hand. */
  z.object({
    type: z.literal('quota-add-manual'),
    pageId: z.number().int().positive(),
    publishedAt: z.number().finite(),
    text: z.string().trim().min(1).max(100_000),
  }),
] as const;
export type QuotaRequest = z.infer<(typeof quotaRequestSchemas)[number]>;

export interface TabPageAnswer {
  info: TabPageInfo | null;
  /** The registered page of that community, or null. */
  page: StoredPage | null;
}

export interface PublishedAnswer {
  counted: boolean;
  reason?: 'not-registered' | 'already-counted';
  id?: number;
}

/** What the background gives the quota handler (set once by `startQuotaBackground`; defaults for tests). */
export interface QuotaEnv {
  tabs: TabPages;
  /** Called after posts or pages changed (`tabId` undefined: every tab) or a tab's page changed. */
  onChanged?: (tabId?: number) => void;
  /** Address and title of a tab as the browser reports them (only for VK/OK tabs: host permissions). */
  tabInfo?: (tabId: number) => Promise<{ url?: string; title?: string } | undefined>;
  now?: () => number;
}

let env: QuotaEnv = { tabs: new TabPages() };

export function configureQuota(next: Partial<QuotaEnv>): QuotaEnv {
  env = { ...env, ...next };
  return env;
}

export function quotaEnv(): QuotaEnv {
  return env;
}

const DAY = 24 * 3600_000;
const ok = <T>(data: T): Response<T> => ({ ok: true, data });
const fail = (error: string): Response<never> => ({ ok: false, error });

/** Registry and post edits come from the popup / options only, never from a web page's tab. */
function fromExtensionPage(sender: { url?: string }): boolean {
  return !sender.url || !/^https?:/i.test(sender.url);
}

async function tabPage(tabId: number): Promise<TabPageInfo | undefined> {
  const known = await env.tabs.get(tabId);
  if (known) return known;
  // Not reported (yet): the address and title the browser gives for VK/OK tabs.
  const t = await env.tabInfo?.(tabId).catch(() => undefined);
  const ctx = t?.url ? pageContext(t.url) : null;
  if (!t?.url || !ctx) return undefined;
  return {
    tabId,
    url: t.url,
    network: ctx.network,
    communityId: ctx.communityId,
    name: ctx.communityId ? nameFromTitle(t.title ?? '', ctx.network) : '',
    address: ctx.communityId ? communityAddress(ctx, t.url) : '',
    at: 0,
  };
}

export async function handleQuotaMessage(
  db: AppDB,
  msg: QuotaRequest,
  sender: { tabId?: number; url?: string },
): Promise<Response> {
  const now = env.now?.() ?? Date.now();
  switch (msg.type) {
    case 'quota-ping':
      return ok('pong');

    case 'quota-page-info': {
      if (sender.tabId === undefined) return fail('Сообщение пришло не со вкладки.');
      const url = sender.url ?? msg.url;
      const ctx = pageContext(url);
      if (!ctx || ctx.network !== msg.network) return fail('Адрес вкладки не совпадает с сетью страницы.');
      const info: TabPageInfo = {
        tabId: sender.tabId,
        url,
        network: msg.network,
        communityId: msg.communityId.trim(),
        name: msg.name.trim(),
        address: msg.address.trim(),
        at: now,
      };
      await env.tabs.set(info);
      env.onChanged?.(sender.tabId);
      const page = info.communityId ? await findPage(db, info.network, info.communityId) : undefined;
      return ok({ registered: !!page });
    }

    case 'quota-post-published': {
      if (sender.tabId === undefined) return fail('Сообщение пришло не со вкладки.');
      if (sender.url && pageContext(sender.url)?.network !== msg.network) {
        return fail('Адрес вкладки не совпадает с сетью страницы.');
      }
      if (msg.publishedAt < now - DAY || msg.publishedAt > now + 366 * DAY) {
        return fail('Неверное время публикации.');
      }
      const page = await findPage(db, msg.network, msg.communityId);
      if (!page) return ok<PublishedAnswer>({ counted: false, reason: 'not-registered' });
      const r = await recordPost(db, {
        pageId: page.id,
        publishedAt: msg.publishedAt,
        text: msg.text,
        ...(msg.postId ? { postId: msg.postId } : {}),
        source: 'detected',
      });
      env.onChanged?.();
      return ok<PublishedAnswer>(
        r.added ? { counted: true, id: r.id } : { counted: false, reason: 'already-counted', id: r.id },
      );
    }

    case 'quota-tab-page': {
      let info = msg.tabId !== undefined ? await tabPage(msg.tabId) : undefined;
      if (!info && msg.last) info = await env.tabs.last();
      const page = info?.communityId ? ((await findPage(db, info.network, info.communityId)) ?? null) : null;
      return ok<TabPageAnswer>({ info: info ?? null, page });
    }

    case 'quota-add-page': {
      if (!fromExtensionPage(sender)) return fail('Страницы добавляются только из окна расширения.');
      const presetId = msg.presetId ?? (await getSetting(db, 'defaultPresetId')) ?? DEFAULT_PRESET_ID;
      const page = await addPage(db, {
        network: msg.network,
        communityId: msg.communityId,
        address: msg.address,
        name: msg.name.trim() || msg.address || `${msg.network === 'vk' ? 'ВКонтакте' : 'OK'} ${msg.communityId}`,
        presetId,
      });
      env.onChanged?.();
      return ok(page);
    }

    case 'quota-delete-post': {
      if (!fromExtensionPage(sender)) return fail('Посты удаляются только из окна расширения.');
      const deleted = await deletePost(db, msg.id);
      env.onChanged?.();
      return ok<StoredPost | null>(deleted ?? null);
    }

    case 'quota-restore-post': {
      if (!fromExtensionPage(sender)) return fail('Посты возвращаются только из окна расширения.');
      const r = await restorePost(db, msg.post as StoredPost);
      env.onChanged?.();
      return ok(r);
    }

    case 'quota-add-manual': {
      if (!fromExtensionPage(sender)) return fail('Посты добавляются вручную только из окна расширения.');
      if (msg.publishedAt > now + 366 * DAY || msg.publishedAt < 0) return fail('Неверная дата публикации.');
      const r = await recordPost(db, {
        pageId: msg.pageId,
        publishedAt: msg.publishedAt,
        text: msg.text,
        source: 'manual',
      });
      env.onChanged?.();
      return ok(r);
    }
  }
}
