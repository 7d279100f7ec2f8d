/**
 * Publish detection for the weekly quota. A post counts only when it was really published on the page:
 *
 *  1. a click (capture phase, so it is seen before the site clears the composer) on the composer's publish
 *     button — VK «Опубликовать» (new modal `posting_submit_button`, legacy `#send_post`), OK «Поделиться» —
 *     or Ctrl/⌘+Enter in a post box; the composer's text is remembered at that moment;
 *  2. within 30 s a post that was not on the page at click time appears on the wall and contains that text
 *     (VK: a new `data-post-id` of the community's wall; OK: a new topic text), or, for a scheduled post —
 *     an OK topic with «Время публикации», a VK post via «Запланировать» (`posting_postponed_publish_button`) —
 *     the toast «Тема опубликуется <дата> в <время>» / «Запись будет опубликована <дата> в <время>» (counted
 *     at that date); for VK, when no toast shows, the modal closing with the schedule panel's date and time.
 *
 * Then `quota-post-published` goes to the background, which records it only for a registered page.
 * Comments, replies, messages and suggested posts («Предложить») never start step 1; a click that publishes
 * nothing (an error, the in-page pre-publish card) expires after 30 s. Posts already on the page — after a
 * reload, or a wall refresh — are in the click-time snapshot and never count. The background dedupes by
 * post id / text as well.
 *
 * Nothing here opens IndexedDB: everything goes through background messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '@/lib/messaging/client';
import { classifyButton, classifyEditor, editorText, findEditable, findPublishButton, watchUrl } from '@/lib/sites';
import {
  composerPreviewText,
  findComposerEditor,
  findPostEditors,
  isComposerNextButton,
  isScheduledToast,
  listWallPosts,
  matchKey,
  type PageInfo,
  pageInfo,
  parseScheduledToast,
  scheduledToastNetwork,
  textsMatch,
  vkComposerModal,
  vkPostCommunity,
  vkScheduleInputsTime,
  type WallPost,
  wallPostText,
} from '@/lib/sites/publish';
import type { Classification, Network } from '@/lib/store/schema';

/** What the background is told about a confirmed publication. */
export interface PublishedPost {
  network: Network;
  communityId: string;
  text: string;
  postId?: string;
  publishedAt: number;
}

/** The part of the content script's `EditorSession` this module needs. */
export interface SessionLike {
  el: HTMLElement;
  classification: Classification;
}

interface Pending {
  network: Network;
  communityId: string;
  text: string;
  key: string;
  at: number;
  scheduled: boolean;
  /** VK postponed post: the time set in the schedule panel at click time, and the modal that must close. */
  scheduleAt?: number | null;
  modal?: Element | null;
  /** Post ids (VK) and post elements on the page at click time. */
  seenIds: Set<string>;
  seenEls: WeakSet<Element>;
}

export interface TrackerOptions {
  doc: Document;
  /** The page address (location.href). */
  url: () => string;
  report: (post: PublishedPost) => void;
  sessions?: () => Iterable<SessionLike>;
  now?: () => number;
  /** How long a publish click waits for its post (ms). */
  windowMs?: number;
  /** Time zone for the scheduled-topic toast; undefined = the browser's. */
  tz?: string;
}

export const PUBLISH_WINDOW_MS = 30_000;
/** A remembered draft is used for a publish click only this long after it was typed. */
const DRAFT_TTL_MS = 30 * 60_000;
const MAX_PENDING = 10;

/** The DOM side of publish detection; `startPublishDetection` wires it to the page. Testable without WXT. */
export class PublishTracker {
  private pending: Pending[] = [];
  /** Posts that already counted from this page (ids and elements), so one post is reported once. */
  private claimedIds = new Set<string>();
  private claimedEls = new WeakSet<Element>();
  /** Toast-like elements present at the last scheduled click. */
  private toastsBefore = new WeakSet<Element>();
  /** The last text typed in a post box (VK's modal may unmount step 1 before «Опубликовать»). */
  private draft: { network: Network; text: string; at: number } | null = null;
  private observer: MutationObserver | null = null;
  private timer = 0;
  private scheduled = 0;
  private readonly now: () => number;
  private readonly windowMs: number;

  constructor(private readonly opts: TrackerOptions) {
    this.now = opts.now ?? Date.now;
    this.windowMs = opts.windowMs ?? PUBLISH_WINDOW_MS;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  private get win(): Window & typeof globalThis {
    return this.opts.doc.defaultView as Window & typeof globalThis;
  }

  /** Capture-phase click anywhere in the page. */
  onClick(target: EventTarget | null): void {
    if (isComposerNextButton(target)) {
      this.rememberDrafts('vk');
      return;
    }
    const hit = classifyButton(this.opts.url(), target);
    if (hit?.kind !== 'post') return; // comments, replies, messages
    if (hit.action === 'suggest') return;
    if (hit.action !== 'publish' && hit.action !== 'schedule') return;
    this.startPending(hit.network, hit.button, hit.action === 'schedule');
  }

  /** Capture-phase keydown: Ctrl/⌘+Enter in a post box publishes on VK's legacy composer. */
  onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    const el = findEditable(e.target);
    if (!el) return;
    const c = this.classificationOf(el);
    if (c?.kind !== 'post') return;
    this.startPending(c.network, el, false, el);
  }

  /** Input in any box: remember the text of post boxes. */
  onInput(target: EventTarget | null): void {
    const el = findEditable(target);
    if (!el) return;
    const c = this.classificationOf(el);
    if (c?.kind === 'post') this.draft = { network: c.network, text: editorText(el), at: this.now() };
  }

  private classificationOf(el: HTMLElement): Classification | null {
    for (const s of this.opts.sessions?.() ?? []) if (s.el === el) return s.classification;
    return classifyEditor(this.opts.url(), el);
  }

  private rememberDrafts(network: Network): void {
    for (const el of findPostEditors(this.opts.doc, network)) {
      const text = editorText(el);
      if (text.trim()) this.draft = { network, text, at: this.now() };
    }
  }

  /** The post box whose publish button is `button`: the checker's session for it, else the composer's box. */
  private editorFor(button: Element, network: Network): HTMLElement | null {
    for (const s of this.opts.sessions?.() ?? []) {
      const c = s.classification;
      if (c.kind !== 'post' || c.network !== network || !s.el.isConnected) continue;
      if (findPublishButton(s.el, c) === button) return s.el;
    }
    return findComposerEditor(button, network);
  }

  private startPending(network: Network, button: Element, scheduled: boolean, editor?: HTMLElement): void {
    const ed = editor ?? this.editorFor(button, network);
    let text = ed ? editorText(ed) : '';
    if (!text.trim() && network === 'vk') text = composerPreviewText(button);
    if (!text.trim() && this.draft?.network === network && this.now() - this.draft.at < DRAFT_TTL_MS) {
      text = this.draft.text;
    }
    const info: PageInfo | null = pageInfo(this.opts.doc, this.opts.url());
    const fromEditor = ed ? this.classificationOf(ed) : null;
    const communityId = (fromEditor?.network === network && fromEditor.communityId) || info?.communityId || '';
    const seenIds = new Set<string>();
    const seenEls = new WeakSet<Element>();
    for (const p of listWallPosts(this.opts.doc, network, { withText: false })) {
      seenEls.add(p.el);
      if (p.postId) seenIds.add(p.postId);
    }
    if (scheduled) for (const t of this.toastCandidates()) this.toastsBefore.add(t);
    const vkSchedule =
      scheduled && network === 'vk'
        ? {
            scheduleAt: vkScheduleInputsTime(button, this.opts.tz),
            modal: vkComposerModal(button),
          }
        : {};
    this.pending.push({
      ...vkSchedule,
      network,
      communityId,
      text,
      key: matchKey(text),
      at: this.now(),
      scheduled,
      seenIds,
      seenEls,
    });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    this.watch();
  }

  private watch(): void {
    if (this.observer || !this.win) return;
    const MO = this.win.MutationObserver ?? globalThis.MutationObserver;
    this.observer = new MO((records) => this.onMutations(records));
    this.observer.observe(this.opts.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.timer = this.win.setInterval(() => this.check(), 1000);
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) this.win?.clearInterval(this.timer);
    this.timer = 0;
    if (this.scheduled) this.win?.clearTimeout(this.scheduled);
    this.scheduled = 0;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.pending.some((p) => p.scheduled)) {
      for (const r of records) {
        const nodes = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
        for (const n of nodes) {
          const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
          if (el && this.tryToast(el)) return;
        }
      }
    }
    if (!this.scheduled) this.scheduled = this.win.setTimeout(() => this.check(), 150);
  }

  /** `[role=status]`/`[role=alert]`/`aria-live` regions: where sites put toasts. */
  private toastCandidates(): Element[] {
    return [...this.opts.doc.querySelectorAll('[role="status"], [role="alert"], [aria-live]')];
  }

  private tryToast(el: Element): boolean {
    for (let cur: Element | null = el, i = 0; cur && i < 3; cur = cur.parentElement, i++) {
      const text = cur.textContent ?? '';
      if (text.length > 400) break;
      if (this.toastsBefore.has(cur) || !isScheduledToast(text)) continue;
      const at = parseScheduledToast(text, this.now(), this.opts.tz);
      const network = scheduledToastNetwork(text);
      const p = this.pending.find((x) => x.scheduled && x.network === network);
      if (at === null || !p) return false;
      this.toastsBefore.add(cur);
      this.resolve(p, { publishedAt: at });
      return true;
    }
    return false;
  }

  /** Looks for the posts of the pending clicks; drops clicks older than the window. */
  check(): void {
    this.scheduled = 0;
    const now = this.now();
    this.pending = this.pending.filter((p) => now - p.at <= this.windowMs);
    if (this.pending.some((p) => p.scheduled)) for (const t of this.toastCandidates()) if (this.tryToast(t)) break;
    // VK postponed post without a toast: the modal closed, the time comes from the schedule panel.
    for (const p of this.pending.filter((x) => x.scheduled && x.network === 'vk')) {
      if (!this.pending.includes(p) || !p.modal || p.modal.isConnected || p.scheduleAt == null) continue;
      this.resolve(p, { publishedAt: p.scheduleAt });
    }
    for (const network of ['vk', 'ok'] as const) {
      const waiting = this.pending.filter((p) => !p.scheduled && p.network === network);
      if (!waiting.length) continue;
      // Ids and elements first; the (costlier) text only of posts that are new for a click.
      const posts = listWallPosts(this.opts.doc, network, { withText: false });
      const texts = new Map<Element, string>();
      const textOf = (w: WallPost) => {
        const known = texts.get(w.el);
        if (known !== undefined) return known;
        const t = wallPostText(w, network);
        texts.set(w.el, t);
        return t;
      };
      // Newest click first: its text is the one that was published.
      for (const p of [...waiting].reverse()) {
        if (!this.pending.includes(p)) continue;
        const post = posts.find(
          (w) =>
            !(w.postId && (p.seenIds.has(w.postId) || this.claimedIds.has(w.postId))) &&
            !p.seenEls.has(w.el) &&
            !this.claimedEls.has(w.el) &&
            (network !== 'vk' || !p.communityId || !w.postId || vkPostCommunity(w.postId) === p.communityId) &&
            textsMatch(p.text, textOf(w)),
        );
        if (!post) continue;
        if (post.postId) this.claimedIds.add(post.postId);
        this.claimedEls.add(post.el);
        this.resolve(p, { publishedAt: now, ...(post.postId ? { postId: post.postId } : {}) });
      }
    }
    if (!this.pending.length) this.unwatch();
  }

  private resolve(p: Pending, found: { publishedAt: number; postId?: string }): void {
    // Every click that waited for this text (e.g. the one the pre-publish card stopped) is settled.
    this.pending = this.pending.filter(
      (x) => !(x.network === p.network && x.key === p.key && x.scheduled === p.scheduled),
    );
    if (!this.pending.length) this.unwatch();
    if (!p.communityId) return;
    this.opts.report({
      network: p.network,
      communityId: p.communityId,
      text: p.text,
      publishedAt: found.publishedAt,
      ...(found.postId ? { postId: found.postId } : {}),
    });
  }

  dispose(): void {
    this.pending = [];
    this.unwatch();
  }
}

/**
 * Starts publish detection and the `quota-page-info` reports in the content script.
 * `getSessions` gives the checker's tracked editors (their classification is reused when present).
 */
export function startPublishDetection(
  ctx: ContentScriptContext,
  getSessions: () => { values(): Iterable<SessionLike> },
): PublishTracker {
  const tracker = new PublishTracker({
    doc: document,
    url: () => location.href,
    sessions: () => getSessions().values(),
    report: (post) => {
      send({ type: 'quota-post-published', ...post }).catch((e: unknown) =>
        console.warn('Помощник госпаблика: публикация не учтена', e),
      );
    },
  });
  ctx.addEventListener(document, 'click', (e) => tracker.onClick(e.target), { capture: true });
  ctx.addEventListener(document, 'keydown', (e) => tracker.onKeydown(e as KeyboardEvent), { capture: true });
  ctx.addEventListener(document, 'input', (e) => tracker.onInput(e.target), { capture: true });

  let lastReport = '';
  const report = () => {
    const info = pageInfo(document, location.href);
    if (!info) return;
    const sig = JSON.stringify([location.href, info]);
    if (sig === lastReport) return;
    lastReport = sig;
    send({ type: 'quota-page-info', url: location.href, ...info }).catch(() => {});
  };
  report();
  // The header and title may render late (VK's SPA): report again once they are there.
  ctx.setTimeout(report, 1500);
  ctx.setTimeout(report, 5000);
  const stopWatch = watchUrl(() => ctx.setTimeout(report, 300));
  ctx.onInvalidated(() => {
    stopWatch();
    tracker.dispose();
  });
  return tracker;
}
