import { useEffect, useRef, useState } from 'react';
import type { Finding } from '@/lib/checks/types';
import { type Anchor, Floating } from './Floating';
import { CATEGORY_LABEL, SEVERITY_LABEL } from './text';

export interface CardActions {
  apply: (replacement: string) => void;
  /** Spelling suggestions are slow, so they are computed when the card opens. */
  loadSuggestions?: () => Promise<string[]>;
  addToDictionary?: () => void;
  disableRule: () => void;
  skip: () => void;
  close: (refocus: boolean) => void;
  keep: () => void;
}

/** The card for one underline: plain-Russian message, fixes as buttons, dictionary and rule controls. */
export function FindingCard({
  finding,
  words,
  anchor,
  actions,
  autoFocus,
}: {
  finding: Finding;
  words: string;
  anchor: Anchor;
  actions: CardActions;
  autoFocus: boolean;
}) {
  const first = useRef<HTMLButtonElement>(null);
  const [loaded, setLoaded] = useState<string[] | null>(null);
  const { loadSuggestions } = actions;
  const needsLoad = finding.suggestions.length === 0 && loadSuggestions !== undefined;
  useEffect(() => {
    if (!needsLoad || !loadSuggestions) return;
    let live = true;
    loadSuggestions().then(
      (s) => live && setLoaded(s),
      () => live && setLoaded([]),
    );
    return () => {
      live = false;
    };
  }, [needsLoad, loadSuggestions]);
  const suggestions = needsLoad ? (loaded ?? []) : finding.suggestions;
  useEffect(() => {
    if (autoFocus) first.current?.focus();
  }, [autoFocus]);
  return (
    <Floating
      anchor={anchor}
      testId="gph-card"
      role="dialog"
      label={CATEGORY_LABEL[finding.category]}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.close(true);
        }
      }}
      onMouseEnter={actions.keep}
      onMouseLeave={() => actions.close(false)}
    >
      <div className={`gph-card-head gph-cat-${finding.category}`}>
        <span>{CATEGORY_LABEL[finding.category]}</span>
        <span className="gph-sev">{SEVERITY_LABEL[finding.severity]}</span>
      </div>
      {words && <div className="gph-words">«{words}»</div>}
      <p className="gph-msg" data-testid="gph-card-message">
        {finding.message}
      </p>
      {needsLoad && loaded === null && <p className="gph-msg gph-muted">Ищу варианты…</p>}
      {needsLoad && loaded?.length === 0 && <p className="gph-msg gph-muted">Вариантов исправления нет.</p>}
      {suggestions.length > 0 && (
        <div className="gph-suggestions">
          {suggestions.slice(0, 5).map((s, i) => (
            <button
              key={s}
              ref={i === 0 ? first : undefined}
              type="button"
              className="gph-fix"
              data-testid="gph-fix"
              onClick={() => actions.apply(s)}
            >
              {s.trim() === '' ? '(удалить)' : s}
            </button>
          ))}
        </div>
      )}
      <div className="gph-card-actions">
        {actions.addToDictionary && (
          <button type="button" data-testid="gph-add-word" onClick={actions.addToDictionary}>
            Добавить в словарь
          </button>
        )}
        <button type="button" data-testid="gph-skip" onClick={actions.skip}>
          Пропустить здесь
        </button>
        <button type="button" data-testid="gph-disable-rule" onClick={actions.disableRule}>
          Не проверять это правило
        </button>
      </div>
    </Floating>
  );
}
