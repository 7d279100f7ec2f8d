import { useSyncExternalStore } from 'react';
import { Badge } from '@/components/checker/Badge';
import { FindingCard } from '@/components/checker/FindingCard';
import { FindingsPanel } from '@/components/checker/FindingsPanel';
import { PrePublishCard } from '@/components/checker/PrePublishCard';
import type { Finding } from '@/lib/checks/types';
import { send } from '@/lib/messaging/client';
import { moveCaret, replaceText } from './edit';
import { highlightApiAvailable } from './highlights';
import type { EditorSession } from './session';
import type { UiStore } from './store';
import { TemplatesLayer } from './TemplatesButton';
import { isUncovered } from './visibility';

export interface Controller {
  publishAnyway: () => void;
  recheckAll: () => void;
}

export function applyFix(session: EditorSession, f: Finding, replacement: string): boolean {
  // A missing greeting is inserted before the first words; every other fix replaces its span.
  if (f.rule === 'greeting.missing') return replaceText(session.el, f.start, f.start, replacement);
  return replaceText(session.el, f.start, f.end, replacement);
}

const suggestionCache = new Map<string, () => Promise<string[]>>();
/** One stable loader per word, so the card does not ask twice. */
function suggestionsFor(word: string): () => Promise<string[]> {
  let fn = suggestionCache.get(word);
  if (!fn) {
    const p = send<string[]>({ type: 'suggest', word });
    fn = () => p;
    if (suggestionCache.size > 500) suggestionCache.clear();
    suggestionCache.set(word, fn);
  }
  return fn;
}

/** Underlines as positioned boxes, for browsers without the CSS Custom Highlight API. */
function OverlayUnderlines({ sessions }: { sessions: EditorSession[] }) {
  const boxes: { key: string; category: string; rect: DOMRect }[] = [];
  for (const s of sessions) {
    if (!s.el.isConnected) continue;
    const clip = s.el.getBoundingClientRect();
    for (const { finding, rects } of s.findingRects()) {
      rects.forEach((rect, i) => {
        // only the parts visible inside the (possibly scrolled) editor
        if (rect.bottom < clip.top || rect.top > clip.bottom || rect.width === 0) return;
        boxes.push({ key: `${s.id}:${finding.rule}:${finding.start}:${i}`, category: finding.category, rect });
      });
    }
  }
  return (
    <>
      {boxes.map((b) => (
        <div
          key={b.key}
          className={`gph-overlay gph-cat-${b.category}`}
          data-testid="gph-overlay-underline"
          style={{ left: b.rect.left, top: b.rect.bottom - 1, width: b.rect.width, height: 0 }}
        />
      ))}
    </>
  );
}

export function App({ store, controller }: { store: UiStore; controller: Controller }) {
  useSyncExternalStore(store.subscribe, store.getVersion);
  const { card, panel, prepublish } = store;
  const badges = [...store.sessions].filter(
    (s) => s.el.isConnected && (s.state.text.trim() !== '' || s === store.focused) && isUncovered(s.el, store.host),
  );

  const closeCard = (refocus: boolean) => {
    const s = store.card?.session;
    store.card = null;
    store.changed();
    if (refocus && s) s.el.focus({ preventScroll: true });
  };

  return (
    <>
      {!highlightApiAvailable() && <OverlayUnderlines sessions={[...store.sessions]} />}
      {badges.map((s) => (
        <Badge
          key={s.id}
          editor={s.el}
          findings={s.state.findings}
          summary={s.state.summary}
          pending={s.state.summary === null}
          error={s.state.error}
          onOpen={() => {
            store.panel = store.panel === s ? null : s;
            store.card = null;
            store.changed();
          }}
        />
      ))}
      {panel?.el.isConnected && (
        <FindingsPanel
          editor={panel.el}
          text={panel.state.text}
          findings={panel.state.findings}
          summary={panel.state.summary}
          onPick={(f) => {
            moveCaret(panel.el, f.start);
            store.panel = null;
            store.changed();
          }}
          onClose={() => {
            store.panel = null;
            store.changed();
            panel.el.focus({ preventScroll: true });
          }}
        />
      )}
      {card?.session.el.isConnected && (
        <FindingCard
          key={`${card.finding.rule}:${card.finding.start}`}
          finding={card.finding}
          words={card.session.state.text.slice(card.finding.start, card.finding.end)}
          anchor={card.anchor}
          autoFocus={card.pinned}
          actions={{
            apply: (r) => {
              const s = card.session;
              store.card = null;
              store.changed();
              applyFix(s, card.finding, r);
            },
            loadSuggestions:
              card.finding.category === 'spelling'
                ? suggestionsFor(card.session.state.text.slice(card.finding.start, card.finding.end))
                : undefined,
            addToDictionary:
              card.finding.category === 'spelling'
                ? () => {
                    const word = card.session.state.text.slice(card.finding.start, card.finding.end);
                    card.session.skip(card.finding);
                    closeCard(true);
                    send({ type: 'add-word', word }).then(controller.recheckAll, () => {});
                  }
                : undefined,
            disableRule: () => {
              const rule = card.finding.rule;
              closeCard(true);
              send({ type: 'disable-rule', rule }).then(controller.recheckAll, () => {});
            },
            skip: () => {
              card.session.skip(card.finding);
              closeCard(true);
            },
            close: (refocus) => {
              if (!refocus && store.card?.pinned) return;
              closeCard(refocus);
            },
            keep: () => {},
          }}
        />
      )}
      <TemplatesLayer store={store} />
      {prepublish?.button.isConnected && (
        <PrePublishCard
          anchor={prepublish.button}
          findings={prepublish.session.state.findings}
          summary={prepublish.session.state.summary}
          onFix={() => {
            const s = prepublish.session;
            store.prepublish = null;
            store.panel = s;
            store.changed();
            s.el.focus({ preventScroll: true });
          }}
          onPublish={controller.publishAnyway}
          onClose={() => {
            store.prepublish = null;
            store.changed();
          }}
        />
      )}
    </>
  );
}
