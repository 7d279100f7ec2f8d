import './style.css';
import ReactDOM from 'react-dom/client';
import { send } from '@/lib/messaging/client';
import { classifyEditor, findEditable, findPublishButton, watchUrl } from '@/lib/sites';
import type { Classification } from '@/lib/store/schema';
import { App, type Controller } from './App';
import { highlightApiAvailable } from './highlights';
import { startPublishDetection } from './publish';
import { EditorSession } from './session';
import { UiStore } from './store';

/** Attribute that marks an editor we recognised (its kind). Only an attribute: the content is never touched. */
export const TRACKED_ATTR = 'data-gph-tracked';
const CANDIDATES = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

export default defineContentScript({
  matches: ['https://vk.com/*', 'https://vk.ru/*', 'https://m.vk.com/*', 'https://ok.ru/*', 'https://m.ok.ru/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Watch VK's SPA navigation from the start; the re-scan is wired once it exists.
    let onUrlChange = () => {};
    const stopWatch = watchUrl(() => onUrlChange());
    ctx.onInvalidated(stopWatch);
    const store = new UiStore();
    /** Our shadow-root host; events from inside it are our own UI's. */
    let shadowHost: HTMLElement | null = null;
    const isOurs = (e: Event) => shadowHost !== null && e.composedPath().includes(shadowHost);
    const sessions = new Map<HTMLElement, EditorSession>();
    const signatures = new WeakMap<Element, string>();
    startPublishDetection(ctx, () => sessions);
    let checking = true;
    try {
      const s = await send<{ enabled: boolean; prePublishWarning: boolean }>({
        type: 'get-page-settings',
        host: location.hostname,
      });
      checking = s.enabled;
      store.settings.prePublishWarning = s.prePublishWarning;
    } catch {
      /* background not ready: defaults */
    }

    const report = (c: Classification) => {
      send({ type: 'editor-classified', url: location.href, classification: c }).catch(() => {});
    };

    const drop = (el: HTMLElement) => {
      const s = sessions.get(el);
      if (s) {
        s.dispose();
        sessions.delete(el);
        store.remove(s);
      }
    };

    const track = (el: HTMLElement, force = false): Classification | null => {
      const c = classifyEditor(location.href, el);
      if (!c) {
        if (el.hasAttribute(TRACKED_ATTR)) el.removeAttribute(TRACKED_ATTR);
        signatures.delete(el);
        drop(el);
        return null;
      }
      const sig = JSON.stringify(c);
      if (signatures.get(el) !== sig || force) {
        signatures.set(el, sig);
        if (el.getAttribute(TRACKED_ATTR) !== c.kind) el.setAttribute(TRACKED_ATTR, c.kind);
        report(c);
      }
      if (checking) {
        const s = sessions.get(el);
        if (!s) {
          const ns = new EditorSession(el, c);
          sessions.set(el, ns);
          store.add(ns);
        } else if (JSON.stringify(s.classification) !== sig) {
          s.classification = c;
          s.recheck();
        }
      }
      return c;
    };

    const scan = () => {
      for (const [el] of sessions) if (!el.isConnected) drop(el);
      for (const el of document.querySelectorAll<HTMLElement>(CANDIDATES)) {
        if (findEditable(el) === el) track(el);
      }
    };
    /** The box the admin is in is the page's «last classified» one, even if it was focused before we started. */
    const reportFocused = () => {
      const el = findEditable(document.activeElement);
      if (el) track(el, true);
    };

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

    ctx.addEventListener(
      document,
      'focusin',
      (e) => {
        const el = findEditable(e.target);
        if (!el) return;
        track(el, true);
        const s = sessions.get(el) ?? null;
        if (store.focused !== s) {
          store.focused = s;
          store.changed();
        }
      },
      { capture: true },
    );

    // Hover or click on an underline opens its card.
    let hoverFrame = 0;
    let lastPoint = { x: 0, y: 0 };
    let closeTimer = 0;
    const cardAt = (x: number, y: number, pinned: boolean): boolean => {
      for (const s of sessions.values()) {
        const r = s.el.getBoundingClientRect();
        if (x < r.left || x > r.right || y < r.top - 4 || y > r.bottom + 4) continue;
        const hit = s.findingAt(x, y);
        if (!hit) continue;
        const rect = hit.rect;
        if (store.card?.finding === hit.finding && !pinned) return true;
        store.card = {
          session: s,
          finding: hit.finding,
          anchor: { getBoundingClientRect: () => rect, contextElement: s.el },
          pinned,
        };
        store.panel = null;
        store.changed();
        return true;
      }
      return false;
    };
    ctx.addEventListener(
      document,
      'mousemove',
      (e) => {
        // over our own card or badge: keep what is open
        if (isOurs(e)) {
          clearTimeout(closeTimer);
          closeTimer = 0;
          return;
        }
        lastPoint = { x: e.clientX, y: e.clientY };
        if (hoverFrame) return;
        hoverFrame = requestAnimationFrame(() => {
          hoverFrame = 0;
          if (cardAt(lastPoint.x, lastPoint.y, false)) {
            clearTimeout(closeTimer);
            closeTimer = 0;
          } else if (store.card && !store.card.pinned && !closeTimer) {
            closeTimer = window.setTimeout(() => {
              closeTimer = 0;
              if (store.card && !store.card.pinned && !shadowHost?.matches(':hover')) {
                store.card = null;
                store.changed();
              }
            }, 400);
          }
        });
      },
      { passive: true },
    );
    ctx.addEventListener(document, 'click', (e) => {
      if (isOurs(e)) return;
      if (!cardAt(e.clientX, e.clientY, true) && (store.card || store.panel)) {
        store.card = null;
        store.panel = null;
        store.changed();
      }
    });

    // Before publishing: a non-blocking card when errors remain. The admin can always get through.
    let bypass = false;
    const interceptPublish = (e: Event, s: EditorSession, button: HTMLElement) => {
      if (bypass || !store.settings.prePublishWarning || s.errorCount === 0) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      store.prepublish = { session: s, button };
      store.card = null;
      store.changed();
    };
    ctx.addEventListener(
      document,
      'click',
      (e) => {
        if (!(e.target instanceof Element)) return;
        for (const s of sessions.values()) {
          const button = findPublishButton(s.el, s.classification);
          if (button?.contains(e.target)) return interceptPublish(e, s, button);
        }
      },
      { capture: true },
    );
    ctx.addEventListener(
      document,
      'keydown',
      (e) => {
        const ke = e as KeyboardEvent;
        if (ke.key === 'Escape' && (store.card || store.panel || store.prepublish)) {
          const s = store.card?.session ?? store.panel ?? store.prepublish?.session;
          store.card = null;
          store.panel = null;
          store.prepublish = null;
          store.changed();
          s?.el.focus({ preventScroll: true });
          return;
        }
        if (ke.key !== 'Enter' || !(ke.ctrlKey || ke.metaKey)) return;
        const el = findEditable(e.target);
        const s = el ? sessions.get(el) : undefined;
        if (!s) return;
        const button = findPublishButton(s.el, s.classification);
        if (button) interceptPublish(e, s, button);
      },
      { capture: true },
    );

    // Overlay underlines (no Highlight API) follow scrolling and resizing.
    let frame = 0;
    const relayout = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (store.sessions.size && !highlightApiAvailable()) store.changed();
      });
    };
    ctx.addEventListener(window, 'scroll', relayout, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', relayout, { passive: true });

    const controller: Controller = {
      publishAnyway: () => {
        const p = store.prepublish;
        store.prepublish = null;
        store.changed();
        if (!p?.button.isConnected) return;
        bypass = true;
        try {
          p.button.click();
        } finally {
          bypass = false;
        }
      },
      recheckAll: () => {
        for (const s of sessions.values()) s.recheck();
      },
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'gospublic-helper',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        const root = ReactDOM.createRoot(container);
        root.render(<App store={store} controller={controller} />);
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
    shadowHost = ui.shadowHost;
    store.host = ui.shadowHost;

    onUrlChange = () => {
      for (const el of document.querySelectorAll<HTMLElement>(`[${TRACKED_ATTR}]`)) signatures.delete(el);
      scan();
    };
    ctx.onInvalidated(() => {
      for (const el of [...sessions.keys()]) drop(el);
    });

    scan();
    reportFocused();
  },
});
