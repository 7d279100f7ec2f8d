import type { Finding, Summary } from '@/lib/checks/types';
import { Floating } from './Floating';
import { CATEGORY_LABEL, SEVERITY_LABEL, verdicts } from './text';

/** All findings of one editor; clicking an item puts the caret there. */
export function FindingsPanel({
  editor,
  text,
  findings,
  summary,
  onPick,
  onClose,
}: {
  editor: Element;
  text: string;
  findings: Finding[];
  summary: Summary | null;
  onPick: (f: Finding) => void;
  onClose: () => void;
}) {
  const v = summary ? verdicts(summary, findings) : [];
  return (
    <Floating
      anchor={editor}
      placement="bottom-end"
      testId="gph-panel"
      role="dialog"
      label="Замечания к тексту"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="gph-panel-head">
        <strong>{summary ? `Оценка ${summary.score.toFixed(1)} из 10` : 'Проверка…'}</strong>
        <button type="button" className="gph-close" aria-label="Закрыть" onClick={onClose}>
          ×
        </button>
      </div>
      {v.length > 0 && (
        <ul className="gph-verdicts">
          {v.map((t) => (
            <li key={t}>{t}</li>
          ))}
          {findings.some((f) => f.category === 'tone') &&
            summary?.tone.reasons.map((r) => (
              <li key={r} className="gph-reason">
                {r}
              </li>
            ))}
        </ul>
      )}
      {findings.length === 0 ? (
        <p className="gph-msg">Замечаний нет.</p>
      ) : (
        <ol className="gph-list">
          {findings.map((f) => (
            <li key={`${f.rule}:${f.start}:${f.end}`}>
              <button type="button" data-testid="gph-panel-item" onClick={() => onPick(f)}>
                <span className={`gph-dot gph-cat-${f.category}`} />
                <span className="gph-item-words">«{text.slice(f.start, f.end).slice(0, 60) || '…'}»</span>{' '}
                <span className="gph-item-msg">
                  {CATEGORY_LABEL[f.category]}, {SEVERITY_LABEL[f.severity]}: {f.message}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </Floating>
  );
}
