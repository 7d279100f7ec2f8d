import { send } from '@/lib/messaging/client';
import { classifyEditor, findEditable, watchUrl } from '@/lib/sites';
import type { Classification } from '@/lib/store/schema';

/** Attribute that marks an editor we recognised (kind of box). Only an attribute: the editor's content is never touched. */
export const TRACKED_ATTR = 'data-gph-tracked';
const CANDIDATES = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

export default defineContentScript({
  matches: ['https://vk.com/*', 'https://vk.ru/*', 'https://m.vk.com/*', 'https://ok.ru/*', 'https://m.ok.ru/*'],
  runAt: 'document_idle',
  main(ctx) {
    const known = new WeakMap<Element, string>();

    const report = (el: HTMLElement, c: Classification) => {
      send({ type: 'editor-classified', url: location.href, classification: c }).catch(() => {
        /* the background may be restarting; the next focus reports again */
      });
      void el;
    };

    const track = (el: HTMLElement, force = false): Classification | null => {
      const c = classifyEditor(location.href, el);
      if (!c) {
        if (el.hasAttribute(TRACKED_ATTR)) el.removeAttribute(TRACKED_ATTR);
        known.delete(el);
        return null;
      }
      const sig = JSON.stringify(c);
      if (known.get(el) !== sig || force) {
        known.set(el, sig);
        el.setAttribute(TRACKED_ATTR, c.kind);
        report(el, c);
      }
      return c;
    };

    const scan = () => {
      for (const el of document.querySelectorAll<HTMLElement>(CANDIDATES)) {
        const root = findEditable(el);
        if (root === el) track(el);
      }
    };

    // Throttled, idempotent scan on DOM changes (late editors, React re-renders).
    let scheduled = 0;
    const schedule = () => {
      if (scheduled) return;
      scheduled = ctx.setTimeout(() => {
        scheduled = 0;
        scan();
      }, 100);
    };
    const mo = new MutationObserver(schedule);
    mo.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => mo.disconnect());

    // Focus-driven detection: classify the box the admin is typing in (also reports it as the last one).
    const onFocus = (e: Event) => {
      const el = findEditable(e.target);
      if (el) track(el, true);
    };
    ctx.addEventListener(document, 'focusin', onFocus, { capture: true });

    // SPA navigation: the same element may now belong to another page.
    const stopWatch = watchUrl(() => {
      for (const el of document.querySelectorAll<HTMLElement>(`[${TRACKED_ATTR}]`)) known.delete(el);
      scan();
    });
    ctx.onInvalidated(stopWatch);

    scan();
  },
});
