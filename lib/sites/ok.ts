/**
 * OK (ok.ru): which box is which, its publish button and the comment it answers.
 * Selectors live in ./ok-selectors.ts; evidence in /work/shared/research/vk-ok-dom.md.
 */
import type { Classification } from '../store/schema';
import { cleanText, closestAny, controlLabel, findNear, isContentEditableRoot, matchesAny, safeMatches } from './dom';
import { OK_SEL } from './ok-selectors';
import type { PageContext } from './url';
import type { ButtonAction } from './vk';

type ReplyTo = NonNullable<Classification['replyTo']>;

const MESSAGE_HOSTS = ['msg-input', '[data-tsid="write_msg_input"]'];

function isMessageEditor(root: Element, ctx: PageContext): boolean {
  if (matchesAny(root, OK_SEL.message.editor) || safeMatches(root, OK_SEL.message.legacyEditor)) return true;
  if (isContentEditableRoot(root) && closestAny(root, MESSAGE_HOSTS)) return true;
  // legacy messages form on /messages reuses the comment box classes (S15)
  return ctx.page === 'messages' && matchesAny(root, OK_SEL.comment.editor) && !!root.closest('.comments_add_form');
}

function isPostEditor(root: Element): boolean {
  if (matchesAny(root, OK_SEL.post.editor)) return true;
  // throttled posting form: a comment-type box inside the posting layer (S3)
  return isContentEditableRoot(root) && !!closestAny(root, OK_SEL.post.container);
}

/**
 * GUESS (no source for OK's «Ответить»): our fixture records the answered comment's id in a hidden
 * `input[name="st.replyTo"]` of the comment form; the comment is `[data-comment-id]` with
 * `.comments_author-name`.
 */
export function readOkReplyTarget(root: Element): ReplyTo | null {
  const form = root.closest('form') ?? root.parentElement?.parentElement ?? null;
  const input = form?.querySelector<HTMLInputElement>(OK_SEL.comment.replyTo);
  const id = (input ? input.value || input.getAttribute('value') || '' : '').trim();
  if (!id) return null;
  const item = [...root.ownerDocument.querySelectorAll(OK_SEL.comment.item)].find(
    (e) => e.getAttribute('data-comment-id') === id,
  );
  return { authorName: cleanText(item?.querySelector(OK_SEL.comment.author)?.textContent), commentId: id };
}

export function classifyOk(ctx: PageContext, root: HTMLElement): Classification | null {
  // Messages: personal or group chats; OK has no known community messages screen → communityId ''.
  if (isMessageEditor(root, ctx)) return { network: 'ok', kind: 'message', communityId: '' };
  if (isPostEditor(root)) return { network: 'ok', kind: 'post', communityId: ctx.communityId };
  if (matchesAny(root, OK_SEL.comment.editor)) return comment(root, ctx);
  if (
    root.getAttribute('role') === 'textbox' &&
    isContentEditableRoot(root) &&
    closestAny(root, OK_SEL.comment.topicBody)
  )
    return comment(root, ctx);
  return null;
}

function comment(root: HTMLElement, ctx: PageContext): Classification {
  const replyTo = readOkReplyTarget(root);
  return {
    network: 'ok',
    kind: 'comment',
    communityId: ctx.communityId,
    ...(ctx.postId ? { postId: ctx.postId } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
}

export function findOkPublishButton(root: Element, c: Classification): HTMLElement | null {
  if (c.kind === 'post') {
    const scope = closestAny(root, ['[role="dialog"]', ...OK_SEL.post.container]);
    const opts = { selectors: OK_SEL.post.publish, labels: OK_SEL.post.publishLabels };
    if (scope) return findNear(root, { ...opts, scope }) ?? findNear(scope, { ...opts, maxUp: 2 });
    return findNear(root, { ...opts, maxUp: 5 });
  }
  if (c.kind === 'comment') {
    const scope = root.closest('form');
    const opts = { selectors: OK_SEL.comment.send, labels: OK_SEL.comment.sendLabels };
    if (scope) return findNear(root, { ...opts, scope });
    return findNear(root, { ...opts, maxUp: 3 });
  }
  const scope = closestAny(root, OK_SEL.message.container);
  const opts = { selectors: OK_SEL.message.send, labels: OK_SEL.message.sendLabels };
  if (scope) return findNear(root, { ...opts, scope }) ?? findNear(scope, { ...opts, maxUp: 3 });
  return findNear(root, { ...opts, maxUp: 4 });
}

/** What a click on `target` does, if it is one of OK's publish / send controls. */
export function okButtonAction(
  target: Element,
  _ctx: PageContext,
): { kind: Classification['kind']; action: ButtonAction; button: HTMLElement } | null {
  const hit = (sels: readonly string[]) => closestAny(target, sels) as HTMLElement | null;
  let b = hit(OK_SEL.post.publish);
  if (b) {
    const label = controlLabel(b);
    const scope = closestAny(b, ['[role="dialog"]', ...OK_SEL.post.container]);
    const timer = scope?.querySelector<HTMLInputElement>(OK_SEL.post.timer);
    const scheduled =
      (OK_SEL.post.scheduleLabels as readonly string[]).includes(label) ||
      (b.getAttribute('data-save') !== null && label === b.getAttribute('data-save')) ||
      !!timer?.checked;
    return { kind: 'post', action: scheduled ? 'schedule' : 'publish', button: b };
  }
  b = hit(OK_SEL.message.send);
  if (b) return { kind: 'message', action: 'send', button: b };
  b = hit(OK_SEL.comment.send);
  if (b) return { kind: 'comment', action: 'send', button: b };
  return null;
}
