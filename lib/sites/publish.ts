/**
 * What VK's and OK's pages show when a post has really been published, for the weekly quota: the posts on
 * the wall, the composer a publish button belongs to, the scheduled-topic toast, the community's name.
 * Selectors live in ./vk-selectors.ts and ./ok-selectors.ts (`VK_PUBLISH_SEL`, `OK_PUBLISH_SEL`);
 * the evidence is in /work/shared/research/vk-ok-dom.md §1d, §2d, §6.
 */
import { zonedParts, zonedTime } from '../quota/time';
import type { Network } from '../store/schema';
import { cleanText, closestAny, findEditable, isElement, queryAny, safeMatches } from './dom';
import { editorText } from './editor-text';
import { OK_PUBLISH_SEL, OK_SEL } from './ok-selectors';
import { type PageContext, pageContext } from './url';
import { vkWallOwnerFromDom } from './vk';
import { VK_PUBLISH_SEL, VK_SEL } from './vk-selectors';

const VK_POST_ID = /^-?\d+_\d+$/;

/** A post as the wall shows it. VK posts carry their id (`-123_456`); OK topics have none we know of. */
export interface WallPost {
  el: Element;
  postId?: string;
  text: string;
}

function queryAll(root: ParentNode, selectors: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const s of selectors) {
    try {
      out.push(...root.querySelectorAll(s));
    } catch {
      /* unsupported selector */
    }
  }
  return out;
}

/** The text a wall shows for a post from `listWallPosts` (its text block, else the whole post). */
export function wallPostText(post: Pick<WallPost, 'el'>, network: Network): string {
  if (network === 'ok') return editorText(post.el);
  const t = queryAny(post.el, VK_PUBLISH_SEL.postText);
  return editorText(t ?? post.el);
}

/**
 * Every post on the page, in document order. VK: new-UI posts by `data-post-id`, legacy posts by their
 * `post<owner>_<id>` element id (comments `.reply` share that pattern and are skipped). OK: each topic text.
 * Pass `withText: false` for a cheap snapshot (ids and elements only).
 */
export function listWallPosts(doc: Document, network: Network, opts: { withText?: boolean } = {}): WallPost[] {
  const withText = opts.withText !== false;
  const out: WallPost[] = [];
  if (network === 'ok') {
    for (const el of queryAll(doc, OK_PUBLISH_SEL.topicText))
      out.push({ el, text: withText ? wallPostText({ el }, 'ok') : '' });
    return out;
  }
  const seen = new Set<string>();
  for (const el of queryAll(doc, VK_PUBLISH_SEL.post)) {
    const id = el.getAttribute('data-post-id') ?? '';
    if (!VK_POST_ID.test(id) || seen.has(id)) continue;
    seen.add(id);
    out.push({ el, postId: id, text: withText ? wallPostText({ el }, 'vk') : '' });
  }
  for (const el of queryAll(doc, VK_PUBLISH_SEL.legacyPost)) {
    if (safeMatches(el, VK_SEL.comment.legacyItem)) continue;
    const id = /^post(-?\d+_\d+)$/.exec(el.id)?.[1];
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ el, postId: id, text: withText ? wallPostText({ el }, 'vk') : '' });
  }
  return out;
}

/** `-123_456` → `123` (a community wall); a user's wall (`456_7`) → ''. */
export function vkPostCommunity(postId: string): string {
  const owner = postId.split('_')[0] ?? '';
  return owner.startsWith('-') ? owner.slice(1) : '';
}

const VK_COMPOSER = [
  '[data-testid="posting_modal_box"]',
  VK_SEL.post.legacyBox,
  '[role="dialog"]',
  ...VK_SEL.post.container,
];
const OK_COMPOSER = ['[role="dialog"]', ...OK_SEL.post.container];

/** The post text box of the composer that `button` (a publish / «Далее» control) belongs to, or null. */
export function findComposerEditor(button: Element, network: Network): HTMLElement | null {
  const scope = closestAny(button, network === 'vk' ? VK_COMPOSER : OK_COMPOSER);
  if (!scope) return null;
  const hit =
    queryAny(scope, network === 'vk' ? VK_SEL.post.editor : OK_SEL.post.editor) ??
    scope.querySelector('[contenteditable="true"], [contenteditable=""]');
  return hit ? (findEditable(hit) ?? (hit as HTMLElement)) : null;
}

/** Every post text box on the page (for remembering the draft before VK's modal moves to step 2). */
export function findPostEditors(doc: Document, network: Network): HTMLElement[] {
  const sels = network === 'vk' ? VK_SEL.post.editor : OK_SEL.post.editor;
  const out = new Set<HTMLElement>();
  for (const el of queryAll(doc, sels)) {
    const root = findEditable(el);
    if (root) out.add(root);
  }
  return [...out];
}

/** VK new modal, step 2: the preview of the text about to be published ('' when there is none). */
export function composerPreviewText(button: Element): string {
  const modal = closestAny(button, ['[data-testid="posting_modal_box"]', '[role="dialog"]']);
  const preview = modal && queryAny(modal, VK_PUBLISH_SEL.preview);
  return preview ? editorText(preview) : '';
}

/** The VK post modal `button` sits in (null when none): its removal confirms a postponed post. */
export function vkComposerModal(button: Element): Element | null {
  return closestAny(button, ['[data-testid="posting_modal_box"]', '[role="dialog"]', '[aria-modal="true"]']);
}

/**
 * VK postponed flow: the date and time set in the schedule panel next to `button` («Запланировать»), read from
 * its date / time inputs (GUESS markup, see VK_PUBLISH_SEL.scheduleDate). Null when they are not readable.
 */
export function vkScheduleInputsTime(button: Element, tz?: string): number | null {
  const modal = closestAny(button, ['[data-testid="posting_modal_box"]', '[role="dialog"]']) ?? button.ownerDocument;
  const date = queryAny(modal, VK_PUBLISH_SEL.scheduleDate) as HTMLInputElement | null;
  const time = queryAny(modal, VK_PUBLISH_SEL.scheduleTime) as HTMLInputElement | null;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date?.value ?? '');
  const h = /^(\d{1,2}):(\d{2})/.exec(time?.value ?? '');
  if (!d || !h) return null;
  return zonedTime(Number(d[1]), Number(d[2]), Number(d[3]), Number(h[1]), Number(h[2]), tz);
}

/** True for VK's «Далее» (step 1 → 2 of the new post modal). */
export function isComposerNextButton(target: EventTarget | null): boolean {
  return isElement(target) && !!closestAny(target, VK_SEL.post.next);
}

// ---------------------------------------------------------------------------------------------
// Matching the composed text with the text a wall shows
// ---------------------------------------------------------------------------------------------

/** Letters and digits only, lower case, ё → е: emoji, spacing, punctuation and link shortening do not matter. */
export function matchKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Length of the start of a long post that must be visible when the wall shortens it («Показать ещё»). */
export const MATCH_PREFIX = 40;

/**
 * Whether a post shown on the wall (`shown`, may include the author line, the date and «Показать ещё»)
 * is the text that was published. An empty composed text (a photo-only post) matches any post.
 */
export function textsMatch(published: string, shown: string): boolean {
  const p = matchKey(published);
  if (!p) return true;
  const s = matchKey(shown);
  if (s.includes(p)) return true;
  return p.length > MATCH_PREFIX && s.includes(p.slice(0, MATCH_PREFIX));
}

// ---------------------------------------------------------------------------------------------
// Scheduled posts: OK topic toast «Тема опубликуется 01.12.2026 в 10:00», VK «Запись будет опубликована …»
// ---------------------------------------------------------------------------------------------

const MONTHS = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.startsWith('май') || w === 'мая') return 5;
  const i = MONTHS.findIndex((m) => w.startsWith(m));
  return i < 0 ? 0 : i + 1;
}

const SCHEDULED_TOASTS: readonly (readonly [Network, RegExp])[] = [
  ['ok', OK_PUBLISH_SEL.scheduledToast],
  ['vk', VK_PUBLISH_SEL.scheduledToast],
];

/** The network whose scheduled-post toast `text` is (OK «Тема опубликуется …», VK «Запись будет опубликована …»). */
export function scheduledToastNetwork(text: string): Network | null {
  const t = text.replace(/\u00a0/g, ' ');
  for (const [network, re] of SCHEDULED_TOASTS) if (re.test(t)) return network;
  return null;
}

/** True when `text` is a scheduled-post toast (OK topic or VK postponed post). */
export function isScheduledToast(text: string): boolean {
  return scheduledToastNetwork(text) !== null;
}

/**
 * The moment a scheduled post goes out, from the toast: OK «Тема опубликуется 01.12.2026 в 10:00», VK (GUESS)
 * «Запись будет опубликована 01.12.2026 в 10:00».
 * Dates: `01.12.2026`, `1.12.26`, `01.12` (this year, or next year when that is already over), `1 декабря
 * [2026]`, `сегодня`, `завтра`. The time is read in `tz` (the browser's zone when undefined) — OK shows it in
 * the user's local time. Null when the text is not such a toast.
 */
export function parseScheduledToast(text: string, now: number, tz?: string): number | null {
  const t = text.replace(/\u00a0/g, ' ');
  let m: RegExpExecArray | null = null;
  for (const [, re] of SCHEDULED_TOASTS) {
    m = re.exec(t);
    if (m) break;
  }
  if (!m) return null;
  const datePart = (m[1] ?? '').trim().toLowerCase();
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const today = zonedParts(now, tz);
  let year: number | undefined;
  let month = 0;
  let day = 0;
  const numeric = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$/.exec(datePart);
  const worded = /^(\d{1,2})\s+([\p{L}]+\.?)(?:\s+(\d{4}))?(?:\s*г\.?)?$/u.exec(datePart);
  if (datePart === 'сегодня' || datePart === 'завтра') {
    const base = zonedTime(today.year, today.month, today.day, 12, 0, tz);
    if (base === null) return null;
    const p = zonedParts(base + (datePart === 'завтра' ? 24 * 3600_000 : 0), tz);
    year = p.year;
    month = p.month;
    day = p.day;
  } else if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    if (numeric[3]) year = numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
  } else if (worded) {
    day = Number(worded[1]);
    month = monthOf(worded[2] ?? '');
    if (worded[3]) year = Number(worded[3]);
  } else return null;
  if (!month) return null;
  if (year !== undefined) return zonedTime(year, month, day, hours, minutes, tz);
  const thisYear = zonedTime(today.year, month, day, hours, minutes, tz);
  // «01.12» seen in late December of the year before is next year's.
  if (thisYear !== null && thisYear >= now - 24 * 3600_000) return thisYear;
  return zonedTime(today.year + 1, month, day, hours, minutes, tz);
}

// ---------------------------------------------------------------------------------------------
// The community a page belongs to (for the registry offer in the popup)
// ---------------------------------------------------------------------------------------------

export interface PageInfo {
  network: Network;
  /** '' when the page is not a community's (feed, personal messages, OK messages). */
  communityId: string;
  /** The community's name as the page shows it ('' when unknown). */
  name: string;
  /** A stable address of the community: https://vk.com/club123, https://ok.ru/group/555. */
  address: string;
}

/** «Администрация Энского района | ВКонтакте» → «Администрация Энского района». */
export function nameFromTitle(title: string, network: Network): string {
  let t = cleanText(title);
  if (network === 'vk') t = t.replace(VK_PUBLISH_SEL.titleSuffix, '').replace(VK_PUBLISH_SEL.titlePrefix, '');
  else t = t.replace(OK_PUBLISH_SEL.titleSuffix, '');
  return cleanText(t).slice(0, 300);
}

/** The community's name from the page header, else from the document title. */
export function readPageName(doc: Document, network: Network): string {
  const sels = network === 'vk' ? VK_PUBLISH_SEL.pageName : OK_PUBLISH_SEL.pageName;
  for (const s of sels) {
    for (const el of queryAll(doc, [s])) {
      const t = cleanText(el.textContent);
      if (t) return t.slice(0, 300);
    }
  }
  return nameFromTitle(doc.title ?? '', network);
}

const CANONICAL_HOST: Record<string, string> = { 'm.vk.com': 'vk.com', 'm.ok.ru': 'ok.ru' };

/**
 * The address to keep in the registry: VK `https://vk.com/club123` (the screen name when the page was opened
 * by one, e.g. `https://vk.ru/adm_ensk`); OK `https://ok.ru/group/555`. The host the admin uses is kept.
 */
export function communityAddress(ctx: PageContext, url: URL | string, communityId = ctx.communityId): string {
  const u = url instanceof URL ? url : new URL(url);
  const host = CANONICAL_HOST[ctx.host] ?? ctx.host;
  if (!communityId) return '';
  if (ctx.network === 'ok') return `https://${host}/group/${communityId}`;
  const path = u.pathname.replace(/\/+$/, '');
  if (ctx.page === 'community' && /^\/(?:club|public|event)\d+$/.test(path)) return `https://${host}${path}`;
  if (ctx.page === 'other' && /^\/[\w.]+$/.test(path)) return `https://${host}${path}`;
  return `https://${host}/club${communityId}`;
}

/** Network, community, name and address of the page at `url`; null on other sites. */
export function pageInfo(doc: Document, url: string): PageInfo | null {
  const ctx = pageContext(url);
  if (!ctx) return null;
  let communityId = ctx.communityId;
  // vk.com/adm_ensk: the community is the owner of the posts on the wall.
  if (!communityId && ctx.network === 'vk' && ctx.page === 'other') communityId = vkWallOwnerFromDom(doc);
  const community = !!communityId;
  return {
    network: ctx.network,
    communityId: community ? communityId : '',
    name: community ? readPageName(doc, ctx.network) : '',
    address: community ? communityAddress(ctx, url, communityId) : '',
  };
}
