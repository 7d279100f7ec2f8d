/**
 * Everything that knows VK's or OK's markup, behind one small API. Callers pass DOM nodes and the
 * page address; they never see a selector.
 */
import type { Classification } from '../store/schema';
import { findEditable, isElement } from './dom';
import { classifyOk, findOkPublishButton, okButtonAction, readOkReplyTarget } from './ok';
import { pageContext } from './url';
import { type ButtonAction, classifyVk, findVkPublishButton, readVkReplyTarget, vkButtonAction } from './vk';

export type { Classification } from '../store/schema';
export { findEditable } from './dom';
export {
  editorText,
  rangeToTextOffsets,
  selectionTextOffsets,
  type TextModel,
  textModel,
  textOffsetsToRange,
} from './editor-text';
export { isSupportedHost, type PageContext, type PageKind, pageContext, pageUrl, watchUrl } from './url';
export type { ButtonAction };

/**
 * What the box `el` (or the box containing it) is for, on the page at `url`; null when it is not one
 * of ours: site search, notes, unrelated widgets, the admin's personal VK dialogs (/im), other hosts.
 * `communityId` is '' when neither the address nor the page names the community (OK messages always).
 */
export function classifyEditor(url: URL | string, el: Element): Classification | null {
  const root = findEditable(el);
  if (!root) return null;
  const ctx = pageContext(url);
  if (!ctx) return null;
  return ctx.network === 'vk' ? classifyVk(ctx, root) : classifyOk(ctx, root);
}

/**
 * The control that publishes / sends what is typed in `el`, looked up only within the same modal,
 * form or composer (never page-wide). New VK post modal: `posting_submit_button` («Опубликовать»,
 * on step 2; not «Далее»). Null when none is rendered yet.
 */
export function findPublishButton(el: Element, classification: Classification): HTMLElement | null {
  const root = findEditable(el) ?? el;
  return classification.network === 'vk'
    ? findVkPublishButton(root, classification)
    : findOkPublishButton(root, classification);
}

/** The comment a reply box answers (author as shown, comment id), or null. */
export function readReplyTarget(el: Element, url?: URL | string): Classification['replyTo'] | null {
  const root = findEditable(el) ?? el;
  const href = url ?? root.ownerDocument.location?.href ?? '';
  const net = pageContext(href)?.network;
  if (net === 'vk') return readVkReplyTarget(root);
  if (net === 'ok') return readOkReplyTarget(root);
  return readVkReplyTarget(root) ?? readOkReplyTarget(root);
}

/**
 * What a click on `target` does if it hits a publish / send control: for counting publications
 * (`publish` only; `schedule` and `suggest` are not publications) and for the pre-publish warning.
 */
export function classifyButton(
  url: URL | string,
  target: EventTarget | null,
): {
  network: Classification['network'];
  kind: Classification['kind'];
  action: ButtonAction;
  button: HTMLElement;
} | null {
  if (!isElement(target)) return null;
  const ctx = pageContext(url);
  if (!ctx) return null;
  const r = ctx.network === 'vk' ? vkButtonAction(target, ctx) : okButtonAction(target, ctx);
  return r ? { network: ctx.network, ...r } : null;
}
