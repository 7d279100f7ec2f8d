/** What a page address tells us (network, community, post, dialog), and following SPA navigation. */
import type { Network } from '../store/schema';
import { OK_HOSTS, OK_URL } from './ok-selectors';
import { VK_HOSTS, VK_URL } from './vk-selectors';

export type PageKind =
  /** VK /club123, /public123, /event123, /wall-123; OK /group/555 */
  | 'community'
  /** VK /wall-123_456 or any page with ?w=wall-123_456 */
  | 'wall-post'
  /** VK /gim123, /gim123?sel=456, /gim123/convo/456 */
  | 'community-messages'
  /** VK /im… (the admin's own dialogs) */
  | 'personal-messages'
  /** OK /group/555/topics */
  | 'group-topics'
  /** OK /group/555/topic/777 */
  | 'topic'
  /** OK /messages, /messages/999 */
  | 'messages'
  | 'other';

export interface PageContext {
  network: Network;
  host: string;
  page: PageKind;
  /** VK: positive group id ("123"); OK: group id ("555"). '' when the address names none. */
  communityId: string;
  /** VK "-123_456" (owner_post); OK topic id "777". */
  postId?: string;
  /** VK dialog peer (sel= / convo/); OK chat id. */
  peerId?: string;
}

function toUrl(url: URL | string): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function networkOfHost(host: string): Network | null {
  const h = host.toLowerCase().replace(/^www\./, '');
  if ((VK_HOSTS as readonly string[]).includes(h)) return 'vk';
  if ((OK_HOSTS as readonly string[]).includes(h)) return 'ok';
  return null;
}

/** vk.com, vk.ru, m.vk.com, ok.ru, m.ok.ru over https (the manifest's matches). */
export function isSupportedHost(url: URL | string): boolean {
  const u = toUrl(url);
  return !!u && u.protocol === 'https:' && networkOfHost(u.hostname) !== null;
}

function pathOf(u: URL): string {
  try {
    return decodeURIComponent(u.pathname);
  } catch {
    return u.pathname;
  }
}

function vkOwnerToCommunity(owner: string): string {
  return owner.startsWith('-') ? owner.slice(1) : '';
}

function vkContext(u: URL, host: string): PageContext {
  const path = pathOf(u);
  const base: PageContext = { network: 'vk', host, page: 'other', communityId: '' };
  let m = VK_URL.gim.exec(path);
  if (m) {
    const peer = m[2] ?? u.searchParams.get('sel') ?? undefined;
    return { ...base, page: 'community-messages', communityId: m[1] ?? '', ...(peer ? { peerId: peer } : {}) };
  }
  if (VK_URL.im.test(path)) {
    const peer = /^\/im\/convo\/(-?\d+)/.exec(path)?.[1] ?? u.searchParams.get('sel') ?? undefined;
    return { ...base, page: 'personal-messages', ...(peer ? { peerId: peer } : {}) };
  }
  const w = VK_URL.wParam.exec(u.searchParams.get('w') ?? '');
  m = VK_URL.wallPost.exec(path);
  const post = m ?? w;
  if (post) {
    const owner = post[1] ?? '';
    return { ...base, page: 'wall-post', communityId: vkOwnerToCommunity(owner), postId: `${owner}_${post[2]}` };
  }
  m = VK_URL.community.exec(path);
  if (m) return { ...base, page: 'community', communityId: m[1] ?? '' };
  m = VK_URL.wall.exec(path);
  if (m) return { ...base, page: 'community', communityId: vkOwnerToCommunity(m[1] ?? '') };
  return base;
}

function okContext(u: URL, host: string): PageContext {
  const path = pathOf(u);
  const base: PageContext = { network: 'ok', host, page: 'other', communityId: '' };
  const msg = OK_URL.messages.exec(path);
  if (msg) return { ...base, page: 'messages', ...(msg[1] ? { peerId: msg[1] } : {}) };
  const group = OK_URL.group.exec(path)?.[1] ?? u.searchParams.get('st.groupId') ?? '';
  const topic = OK_URL.topic.exec(path)?.[1] ?? u.searchParams.get('st.topicId') ?? undefined;
  if (topic) return { ...base, page: 'topic', communityId: group, postId: topic };
  if (group && OK_URL.topics.test(path)) return { ...base, page: 'group-topics', communityId: group };
  if (group) return { ...base, page: 'community', communityId: group };
  return base;
}

/** Network, community and post named by the address; null for other hosts. */
export function pageContext(url: URL | string): PageContext | null {
  const u = toUrl(url);
  if (!u) return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const net = networkOfHost(host);
  if (net === 'vk') return vkContext(u, host);
  if (net === 'ok') return okContext(u, host);
  return null;
}

export const FIXTURE_URL_META = 'gph-fixture-url';

/**
 * The address to classify with. Normally `location.href`. Test fixtures served from localhost name
 * their real address in `<meta name="gph-fixture-url" content="https://vk.com/club123">`; that is
 * honoured only when `allowFixtureUrl` is true (e2e builds) and the page really is on localhost.
 * The real query string and hash are kept (e.g. `?late=1`).
 */
export function pageUrl(win: Window = window, allowFixtureUrl = false): string {
  const href = win.location.href;
  if (!allowFixtureUrl) return href;
  const host = win.location.hostname;
  if (host !== 'localhost' && host !== '127.0.0.1') return href;
  const meta = win.document.querySelector<HTMLMetaElement>(`meta[name="${FIXTURE_URL_META}"]`)?.content;
  const u = meta ? toUrl(meta) : null;
  if (!u) return href;
  if (!u.search) u.search = win.location.search;
  if (!u.hash) u.hash = win.location.hash;
  return u.href;
}

/**
 * Calls `cb(url, previous)` whenever the address changes. VK navigates with pushState from the page
 * world, which a content script cannot hook, so: popstate + hashchange + a MutationObserver on
 * <head> (VK rewrites <title> on every transition) + a cheap 500 ms poll (S5). Returns a disposer.
 */
export function watchUrl(
  cb: (url: string, previous: string) => void,
  opts: { win?: Window; pollMs?: number; getUrl?: () => string } = {},
): () => void {
  const win = opts.win ?? window;
  const getUrl = opts.getUrl ?? (() => win.location.href);
  let last = getUrl();
  let disposed = false;
  const check = () => {
    if (disposed) return;
    const now = getUrl();
    if (now === last) return;
    const prev = last;
    last = now;
    try {
      cb(now, prev);
    } catch (e) {
      console.error('[gph] watchUrl callback failed', e);
    }
  };
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  let mo: MutationObserver | null = null;
  const head = win.document.head;
  const MO =
    (win as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver ?? globalThis.MutationObserver;
  if (head && MO) {
    mo = new MO(check);
    mo.observe(head, { childList: true, subtree: true, characterData: true });
  }
  const timer = win.setInterval(check, opts.pollMs ?? 500);
  return () => {
    disposed = true;
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    mo?.disconnect();
    win.clearInterval(timer);
  };
}
