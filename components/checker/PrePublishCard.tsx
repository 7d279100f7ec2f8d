import { useEffect, useRef } from 'react';
import type { Finding, Summary } from '@/lib/checks/types';
import { Floating } from './Floating';
import { plural, verdicts } from './text';

/** Shown when the admin publishes while errors remain. Never blocks: «Опубликовать всё равно» always works. */
export function PrePublishCard({
  anchor,
  findings,
  summary,
  onFix,
  onPublish,
  onClose,
}: {
  anchor: Element;
  findings: Finding[];
  summary: Summary | null;
  onFix: () => void;
  onPublish: () => void;
  onClose: () => void;
}) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const fixRef = useRef<HTMLButtonElement>(null);
  useEffect(() => fixRef.current?.focus(), []);
  return (
    <Floating
      anchor={anchor}
      placement="top-end"
      testId="gph-prepublish"
      role="alertdialog"
      label="Перед публикацией"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <p className="gph-msg">
        <strong>Перед публикацией:</strong> в тексте {plural(errors, 'ошибка', 'ошибки', 'ошибок')}
        {summary && verdicts(summary, findings).length ? ` (${verdicts(summary, findings).join('; ')})` : ''}.
      </p>
      <div className="gph-suggestions">
        <button ref={fixRef} type="button" className="gph-fix" data-testid="gph-prepublish-fix" onClick={onFix}>
          Исправить
        </button>
        <button type="button" data-testid="gph-prepublish-anyway" onClick={onPublish}>
          Опубликовать всё равно
        </button>
      </div>
    </Floating>
  );
}
