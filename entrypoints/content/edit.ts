/**
 * Changing the site's editor only through its own input path: select the range, then
 * `execCommand('insertText')` (contenteditable) or the native value setter + `input` event
 * (textarea/input). The site's React/own state sees a normal user edit and Ctrl+Z undoes it.
 */
import { textOffsetsToRange } from '@/lib/sites/editor-text';

export function replaceText(el: HTMLElement, start: number, end: number, replacement: string): boolean {
  if (!el.isConnected) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    el.setSelectionRange(start, end);
    // execCommand keeps the native undo stack for text fields too; fall back to the value setter.
    if (document.execCommand('insertText', false, replacement)) return true;
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    setter?.call(el, el.value.slice(0, start) + replacement + el.value.slice(end));
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: replacement }));
    return true;
  }
  const range = textOffsetsToRange(el, start, end);
  if (!range) return false;
  el.focus({ preventScroll: true });
  const sel = window.getSelection();
  if (!sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  if (document.execCommand('insertText', false, replacement)) return true;
  // Last resort for editors that refuse execCommand: a beforeinput/input pair the site can handle.
  const ev = new InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    inputType: 'insertReplacementText',
    data: replacement,
  });
  return !el.dispatchEvent(ev);
}

/** Puts the caret at a text offset inside the editor (used by the findings panel). */
export function moveCaret(el: HTMLElement, offset: number): void {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    el.setSelectionRange(offset, offset);
    return;
  }
  const range = textOffsetsToRange(el, offset, offset);
  el.focus({ preventScroll: true });
  if (!range) return;
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  (range.startContainer.parentElement ?? el).scrollIntoView?.({ block: 'nearest' });
}
