import type { Finding, Summary } from '@/lib/checks/types';
import { Floating } from './Floating';
import { CATEGORY_LABEL, verdicts } from './text';

/** The score pill at the editor's corner: score, counts by category and whole-text verdicts. */
export function Badge({
  editor,
  findings,
  summary,
  pending,
  error = null,
  onOpen,
}: {
  editor: Element;
  findings: Finding[];
  summary: Summary | null;
  pending: boolean;
  /** The last check failed (the background is restarting, storage error): say so, keep the old result. */
  error?: string | null;
  onOpen: () => void;
}) {
  const counts = new Map<Finding['category'], number>();
  for (const f of findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  const v = summary ? verdicts(summary, findings) : [];
  const score = summary?.score ?? null;
  const tone = score === null ? 'wait' : score >= 8 ? 'good' : score >= 5 ? 'mid' : 'bad';
  const title = [
    score === null ? 'Проверка…' : `Оценка ${score.toFixed(1)} из 10`,
    ...[...counts].map(([c, n]) => `${CATEGORY_LABEL[c]}: ${n}`),
    ...v,
    ...(error ? [`Проверка не удалась: ${error}`] : []),
  ].join('\n');
  return (
    // Above the box's top-right corner: the site's own send/publish buttons sit below or beside it.
    <Floating anchor={editor} placement="top-end" className="gph-badge-wrap">
      <button
        type="button"
        className={`gph-badge gph-badge-${tone}`}
        data-testid="gph-badge"
        title={title}
        aria-label={`Помощник госпаблика: ${title.replace(/\n/g, '. ')}`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onOpen}
      >
        <span className="gph-score" data-testid="gph-score">
          {score === null || pending ? '…' : score.toFixed(1)}
        </span>
        {[...counts].map(([c, n]) => (
          <span key={c} className={`gph-count gph-cat-${c}`} data-testid={`gph-count-${c}`}>
            {n}
          </span>
        ))}
        {error && (
          <span className="gph-error" data-testid="gph-badge-error">
            !
          </span>
        )}
        {v.map((t) => (
          <span key={t} className="gph-verdict" data-testid="gph-verdict">
            {t}
          </span>
        ))}
      </button>
    </Floating>
  );
}
