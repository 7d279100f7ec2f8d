/**
 * VK (vk.com, vk.ru): which box is which, its publish button and the comment it answers.
 * Selectors live in ./vk-selectors.ts; evidence in /work/shared/research/vk-ok-dom.md.
 */
import type { Classification } from '../store/schema';
import {
  cleanText,
  closestAny,
  controlLabel,
  findNear,
  isContentEditableRoot,
  matchesAny,
  ownDescendant,
  queryAny,
  safeMatches,
} from './dom';
import { editorText } from './editor-text';
import type { PageContext } from './url';
import { VK_SEL } from './vk-selectors';

type ReplyTo = NonNullable<Classification['replyTo']>;
export type ButtonAction = 'publish' | 'schedule' | 'suggest' | 'send';

const POST_ID = /^-?\d+_\d+$/;
const ITEM = VK_SEL.comment.item.join(', ');
const ROOT_ITEM = '[data-testid="wall_comments_comment_root"]';
/** GUESS: labels of the new modal's submit button when a publication time is set. */
const VK_SCHEDULE_LABELS = ['Запланировать', 'Отложить', 'В отложенные'];

function ownerToCommunity(owner: string): string {
  return owner.startsWith('-') ? owner.slice(1) : '';
}

function communityOfPost(postId: string | undefined): string {
  return postId ? ownerToCommunity(postId.split('_')[0] ?? '') : '';
}

/** "-123_456" from #reply_field-123_456 / #reply_box-123_456 (legacy). */
function legacyPostKey(root: Element): string | null {
  const own = /^reply_field(-?\d+_\d+)$/.exec(root.id);
  if (own?.[1]) return own[1];
  const box = root.closest(VK_SEL.comment.legacyBox);
  return (box && /^reply_box(-?\d+_\d+)$/.exec(box.id)?.[1]) || null;
}

function postIdOf(root: Element, ctx: PageContext): string | undefined {
  const legacy = legacyPostKey(root);
  if (legacy) return legacy;
  const attr = closestAny(root, VK_SEL.wallPost.root)?.getAttribute('data-post-id');
  if (attr && POST_ID.test(attr)) return attr;
  // legacy post block: <div id="post-123_456" class="post">
  for (let a = root.parentElement; a; a = a.parentElement) {
    const m = /^post(-?\d+_\d+)$/.exec(a.id);
    if (m?.[1] && !safeMatches(a, VK_SEL.comment.legacyItem)) return m[1];
  }
  const layer = closestAny(root, VK_SEL.wallPost.layer);
  const inLayer = layer && queryAny(layer, VK_SEL.wallPost.root)?.getAttribute('data-post-id');
  if (inLayer && POST_ID.test(inLayer)) return inLayer;
  return ctx.postId;
}

const NOT_A_WALL = new Set([
  'feed',
  'im',
  'groups',
  'friends',
  'search',
  'video',
  'audio',
  'music',
  'photos',
  'albums',
  'docs',
  'settings',
  'apps',
  'market',
  'clips',
  'bookmarks',
  'support',
  'notifications',
]);

/**
 * Community of a wall opened by screen name (vk.com/adm_ensk): the owner shared by every post on the
 * page, when it is a community. Only on single-segment addresses that are not known VK sections.
 */
export function vkWallOwnerFromDom(doc: Document): string {
  const seg = /^\/([\w.]+)\/?$/.exec(doc.location?.pathname ?? '')?.[1];
  if (!seg || NOT_A_WALL.has(seg)) return '';
  const owners = new Set<string>();
  for (const p of doc.querySelectorAll(VK_SEL.wallPost.root.join(', '))) {
    const id = p.getAttribute('data-post-id');
    if (id && POST_ID.test(id)) owners.add(id.split('_')[0] ?? '');
  }
  if (owners.size !== 1) return '';
  return ownerToCommunity([...owners][0] ?? '');
}

function postCommunity(root: Element, ctx: PageContext): string {
  const oid = root.closest(VK_SEL.post.legacyBox)?.getAttribute('data-oid');
  if (oid && /^-?\d+$/.test(oid)) return ownerToCommunity(oid);
  if (ctx.communityId) return ctx.communityId;
  return ctx.page === 'other' ? vkWallOwnerFromDom(root.ownerDocument) : '';
}

function isMessageEditor(root: Element): boolean {
  if (matchesAny(root, VK_SEL.message.editor)) return true;
  return isContentEditableRoot(root) && !!closestAny(root, VK_SEL.message.container) && !inPostOrComment(root);
}

function inPostOrComment(root: Element): boolean {
  return !!closestAny(root, [...VK_SEL.post.container, ...VK_SEL.wallPost.root, ...VK_SEL.comment.inputRoot]);
}

function isPostEditor(root: Element): boolean {
  if (matchesAny(root, VK_SEL.post.editor)) return true;
  if (safeMatches(root, VK_SEL.post.legacyField) && !matchesAny(root, ['[id^="reply_field"]', '.reply_field']))
    return true;
  // the generic comment-box testid inside the posting modal is still the post text
  return (
    safeMatches(root, '[data-testid="content-editable-input"]') && !!root.closest('[data-testid="posting_modal_box"]')
  );
}

function isCommentEditor(root: Element): boolean {
  return matchesAny(root, VK_SEL.comment.editor);
}

function commentIdOf(item: Element): string {
  const m = /_(\d+)$/.exec(item.id);
  if (m?.[1]) return m[1];
  const href = ownDescendant(item, VK_SEL.comment.permalink, ITEM)?.getAttribute('href') ?? '';
  const q = href.indexOf('?');
  return q >= 0 ? (new URLSearchParams(href.slice(q + 1)).get('reply') ?? '') : '';
}

function ownerNameOf(item: Element): string {
  return cleanText(ownDescendant(item, VK_SEL.comment.owner, ITEM)?.textContent);
}

function precedes(a: Element, b: Element): boolean {
  return !!(a.compareDocumentPosition(b) & 4);
}

/**
 * The comment a reply box answers, or null for a top-level comment box.
 * New UI (GUESS for the placement, see test/fixtures/README.md): the reply box opened by «Ответить»
 * sits inside the answered comment (`wall_comments_comment_root` / `…_in_thread`); a leading
 * "Имя, " picks the latest comment of that thread by an author with that first name.
 * Legacy UI (S1): hidden `#reply_to<owner>_<post>` holds the comment id; the comment is
 * `#post<owner>_<id>` with `.reply_author a.author`.
 */
export function readVkReplyTarget(root: Element): ReplyTo | null {
  const doc = root.ownerDocument;
  const key = legacyPostKey(root);
  if (key) {
    const input = doc.querySelector<HTMLInputElement>(VK_SEL.comment.legacyReplyTo(key));
    const raw = input ? input.value || input.getAttribute('value') || '' : '';
    const cid = /(\d+)$/.exec(raw.trim())?.[1];
    if (!cid) return null;
    const owner = key.split('_')[0] ?? '';
    const item =
      doc.getElementById(`post${owner}_${cid}`) ??
      [...doc.querySelectorAll(VK_SEL.comment.legacyItem)].find((r) => r.id.endsWith(`_${cid}`)) ??
      null;
    const author = cleanText(item?.querySelector(VK_SEL.comment.legacyAuthor)?.textContent);
    return { authorName: author, commentId: cid };
  }
  const item = root.closest(ITEM);
  if (!item) return replyChipTarget(root);
  let target = item;
  const lead = /^\s*([\p{Lu}][\p{L}-]+),/u.exec(editorText(root))?.[1];
  if (lead) {
    const thread = item.closest(ROOT_ITEM) ?? item;
    const candidates = [thread, ...thread.querySelectorAll(ITEM)].filter((c) => precedes(c, root));
    const named = candidates.filter((c) => sameName(firstName(ownerNameOf(c)), lead));
    const last = named[named.length - 1];
    if (last) target = last;
  }
  return targetOf(target);
}

function targetOf(item: Element): ReplyTo | null {
  const commentId = commentIdOf(item);
  const authorName = ownerNameOf(item);
  if (!commentId && !authorName) return null;
  return { authorName, commentId };
}

function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}
function firstName(full: string): string {
  return full.split(' ')[0] ?? '';
}
function sameName(a: string, b: string): boolean {
  return !!a && norm(a) === norm(b);
}
/** «Анне» ↔ «Анна», «Петру» ↔ «Пётр», «Марии» ↔ «Мария»: same stem, case ending differs. */
function dativeMatches(dative: string, nominative: string): boolean {
  const a = norm(dative);
  const b = norm(nominative);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  return p >= Math.max(3, Math.min(a.length, b.length) - 2);
}

/**
 * GUESS, second layout: the box is not inside a comment but its input block shows «ответ Анне»
 * (`[class*=vkitCommentReplyTarget]`). The target is the comment its `reply=` link names, else the latest
 * earlier comment of the same post whose author's first name matches.
 */
function replyChipTarget(root: Element): ReplyTo | null {
  const inputRoot = closestAny(root, VK_SEL.comment.inputRoot);
  const chip =
    inputRoot && [...inputRoot.querySelectorAll(VK_SEL.comment.replyTargetLabel)].find((c) => !root.contains(c));
  if (!chip) return null;
  const scope = closestAny(root, [...VK_SEL.wallPost.root, ...VK_SEL.wallPost.layer]) ?? root.ownerDocument;
  const items = [...scope.querySelectorAll(ITEM)];
  const href = chip.querySelector(VK_SEL.comment.permalink)?.getAttribute('href') ?? '';
  const q = href.indexOf('?');
  const id = q >= 0 ? new URLSearchParams(href.slice(q + 1)).get('reply') : null;
  if (id) {
    const byId = items.find((i) => commentIdOf(i) === id);
    if (byId) return targetOf(byId);
  }
  const name = cleanText(chip.textContent).replace(/^ответ(?:ил[аи]?|у)?\s+/i, '');
  const dative = firstName(name);
  if (!dative) return null;
  const named = items.filter((i) => precedes(i, root) && dativeMatches(dative, firstName(ownerNameOf(i))));
  const last = named[named.length - 1];
  return last ? targetOf(last) : null;
}

export function classifyVk(ctx: PageContext, root: HTMLElement): Classification | null {
  if (isMessageEditor(root)) {
    // Only community dialogs (/gim<id>). The admin's personal /im is not an official channel.
    return ctx.page === 'community-messages' ? { network: 'vk', kind: 'message', communityId: ctx.communityId } : null;
  }
  if (isPostEditor(root)) return { network: 'vk', kind: 'post', communityId: postCommunity(root, ctx) };
  if (isCommentEditor(root)) return comment(root, ctx);
  // role=textbox + context (strategy §6.2c)
  if (root.getAttribute('role') === 'textbox' && isContentEditableRoot(root)) {
    if (closestAny(root, VK_SEL.post.container))
      return { network: 'vk', kind: 'post', communityId: postCommunity(root, ctx) };
    if (closestAny(root, [...VK_SEL.wallPost.root, ...VK_SEL.wallPost.layer])) return comment(root, ctx);
  }
  return null;
}

function comment(root: HTMLElement, ctx: PageContext): Classification {
  const postId = postIdOf(root, ctx);
  const communityId = postId ? communityOfPost(postId) : ctx.communityId;
  const replyTo = readVkReplyTarget(root);
  return {
    network: 'vk',
    kind: 'comment',
    communityId,
    ...(postId ? { postId } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
}

/** The button that publishes / sends what is typed in `root`: same modal, form or composer only. */
export function findVkPublishButton(root: Element, c: Classification): HTMLElement | null {
  if (c.kind === 'post') {
    const scope = closestAny(root, ['[data-testid="posting_modal_box"]', VK_SEL.post.legacyBox, '[role="dialog"]']);
    const opts = { selectors: VK_SEL.post.publish, labels: VK_SEL.post.publishLabels };
    if (scope) return findNear(root, { ...opts, scope }) ?? findNear(scope, { ...opts, maxUp: 2 });
    return findNear(root, { ...opts, maxUp: 4 });
  }
  if (c.kind === 'comment') {
    const scope = closestAny(root, [VK_SEL.comment.legacyBox, ...VK_SEL.comment.inputRoot]);
    const opts = { selectors: VK_SEL.comment.send, labels: VK_SEL.comment.sendLabels };
    if (scope) return findNear(root, { ...opts, scope }) ?? findNear(scope, { ...opts, maxUp: 1 });
    return findNear(root, { ...opts, maxUp: 3 });
  }
  const scope = closestAny(root, VK_SEL.message.container);
  const opts = { selectors: VK_SEL.message.send, labels: VK_SEL.message.sendLabels };
  if (scope) return findNear(root, { ...opts, scope }) ?? findNear(scope, { ...opts, maxUp: 3 });
  return findNear(root, { ...opts, maxUp: 4 });
}

/** What a click on `target` does, if it is one of VK's publish / send controls. */
export function vkButtonAction(
  target: Element,
  ctx: PageContext,
): { kind: Classification['kind']; action: ButtonAction; button: HTMLElement } | null {
  const hit = (sels: readonly string[]) => closestAny(target, sels) as HTMLElement | null;
  let b = hit(VK_SEL.post.schedule);
  if (b) return { kind: 'post', action: 'schedule', button: b };
  b = hit(VK_SEL.post.suggest);
  if (b) return { kind: 'post', action: 'suggest', button: b };
  b = hit(VK_SEL.post.publish);
  if (b) {
    const label = controlLabel(b);
    const action: ButtonAction = (VK_SEL.post.suggestLabels as readonly string[]).includes(label)
      ? 'suggest'
      : VK_SCHEDULE_LABELS.includes(label)
        ? 'schedule'
        : 'publish';
    return { kind: 'post', action, button: b };
  }
  b = hit(VK_SEL.comment.send);
  if (b) return { kind: 'comment', action: 'send', button: b };
  b = hit(VK_SEL.message.send);
  if (b && ctx.page === 'community-messages') return { kind: 'message', action: 'send', button: b };
  return null;
}
