/**
 * «Шаблоны» next to every recognised reply box (VK/OK comments) and message box (community messages):
 * a small button at the box's corner that opens the template picker in our shadow root. The picker gets
 * its data through `templates-*` background messages (a content script never opens IndexedDB) and the
 * chosen text goes into the box through the site's own input path (`replaceText`: select +
 * execCommand('insertText')), so the site's state sees it and Ctrl+Z undoes it. Nothing is sent.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Floating } from '@/components/checker/Floating';
import { planInsertion } from '@/components/templates/insert';
import { messageSource } from '@/components/templates/source';
import { TemplatePicker } from '@/components/templates/TemplatePicker';
import { editorText, selectionTextOffsets, textOffsetsToRange } from '@/lib/sites/editor-text';
import { replaceText } from './edit';
import type { EditorSession } from './session';
import type { UiStore } from './store';
import { isUncovered } from './visibility';

type Caret = { start: number; end: number } | null;

const keys = new WeakMap<EditorSession, number>();
let nextKey = 1;
function keyOf(s: EditorSession): number {
  let k = keys.get(s);
  if (k === undefined) {
    k = nextKey++;
    keys.set(s, k);
  }
  return k;
}

export function isReplyBox(s: EditorSession): boolean {
  return s.classification.kind === 'comment' || s.classification.kind === 'message';
}

/** True while the element has a box on screen (legacy VK keeps its reply box `display:none` until opened). */
function useShown(el: HTMLElement): boolean {
  const [shown, setShown] = useState(() => el.getClientRects().length > 0);
  useEffect(() => {
    const update = () => setShown(el.isConnected && el.getClientRects().length > 0);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return shown;
}

function restoreCaret(el: HTMLElement, caret: Caret): void {
  if (!el.isConnected) return;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus({ preventScroll: true });
    if (caret) el.setSelectionRange(caret.start, caret.end);
    return;
  }
  el.focus({ preventScroll: true });
  if (!caret) return;
  const range = textOffsetsToRange(el, caret.start, caret.end);
  const sel = window.getSelection();
  if (!range || !sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Puts a filled template into the box; throws a Russian message when the site did not take it. */
export async function insertIntoBox(el: HTMLElement, caret: Caret, text: string): Promise<void> {
  if (!el.isConnected) throw new Error('Поле ответа закрылось. Откройте его снова и выберите шаблон ещё раз.');
  const plan = planInsertion(editorText(el), caret, text);
  const done = replaceText(el, plan.start, plan.end, plan.text);
  if (done && squash(editorText(el)).includes(squash(plan.text))) return;
  const copied = await copyToClipboard(text);
  throw new Error(
    copied
      ? 'Сайт не принял вставку, поэтому текст скопирован: вставьте его в поле сочетанием Ctrl+V.'
      : 'Сайт не принял вставку. Скопируйте текст из окна шаблона вручную.',
  );
}

function TemplatesButton({
  session,
  expanded,
  onOpen,
}: {
  session: EditorSession;
  expanded: boolean;
  onOpen: () => void;
}) {
  const shown = useShown(session.el);
  if (!shown) return null;
  const author = session.classification.replyTo?.authorName;
  return (
    <Floating anchor={session.el} placement="top-end" className="gph-tpl-btn-wrap">
      <button
        type="button"
        className="gph-tpl-btn"
        data-testid="gph-tpl-button"
        aria-haspopup="dialog"
        aria-expanded={expanded}
        aria-label={author ? `Шаблоны ответов, ответ: ${author}` : 'Шаблоны ответов'}
        title="Шаблоны ответов"
        // keep the caret in the box: its position is where the template goes
        onMouseDown={(e) => e.preventDefault()}
        onClick={onOpen}
      >
        Шаблоны
      </button>
    </Floating>
  );
}

/** Every «Шаблоны» button of the page and the open picker. Rendered once by App. */
export function TemplatesLayer({ store }: { store: UiStore }) {
  useSyncExternalStore(store.subscribe, store.getVersion);
  const [open, setOpen] = useState<{ session: EditorSession; caret: Caret } | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);
  const boxes = [...store.sessions].filter((s) => s.el.isConnected && isReplyBox(s) && isUncovered(s.el, store.host));
  const current = open && boxes.includes(open.session) ? open : null;
  const c = current?.session.classification;

  const network = c?.network;
  const communityId = c?.communityId;
  const mode = c?.kind === 'message' ? 'message' : 'reply';
  const authorName = c?.replyTo?.authorName;
  const source = useMemo(
    () => (network ? messageSource({ network, communityId, mode, authorName }) : null),
    [network, communityId, mode, authorName],
  );

  const close = (refocus: boolean) => {
    const o = open;
    setOpen(null);
    if (refocus && o) restoreCaret(o.session.el, o.caret);
  };

  // a click elsewhere on the page closes the picker (the page keeps the focus it got)
  useEffect(() => {
    if (!current) return;
    const onDown = (e: MouseEvent) => {
      const path = e.composedPath();
      if (pickerRef.current && path.includes(pickerRef.current)) return;
      if (path.some((n) => n instanceof HTMLElement && n.dataset.testid === 'gph-tpl-button')) return;
      setOpen(null);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [current]);

  const toggle = (s: EditorSession) => {
    if (current?.session === s) {
      close(true);
      return;
    }
    const caret =
      document.activeElement === s.el || s.el.contains(document.activeElement) ? selectionTextOffsets(s.el) : null;
    if (store.card || store.panel) {
      store.card = null;
      store.panel = null;
      store.changed();
    }
    setOpen({ session: s, caret });
  };

  return (
    <>
      {boxes.map((s) => (
        <TemplatesButton key={keyOf(s)} session={s} expanded={current?.session === s} onOpen={() => toggle(s)} />
      ))}
      {current && source && (
        <Floating
          anchor={current.session.el}
          placement="bottom-start"
          className="gph-pop gph-tpl-pop"
          role="dialog"
          label="Шаблоны ответов"
          testId="gph-tpl-picker"
        >
          {/* keys typed here are ours: they never reach the site's shortcuts */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: only stops propagation */}
          <div ref={pickerRef} onKeyUp={(e) => e.stopPropagation()} onInput={(e) => e.stopPropagation()}>
            <TemplatePicker
              key={keyOf(current.session)}
              source={source}
              authorName={authorName}
              confirmLabel="Вставить"
              onConfirm={async (text) => {
                await insertIntoBox(current.session.el, current.caret, text);
                setOpen(null);
                return undefined;
              }}
              onClose={() => close(true)}
            />
          </div>
        </Floating>
      )}
    </>
  );
}
