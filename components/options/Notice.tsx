import type { ReactNode } from 'react';

/** A storage or validation error in plain Russian (announced by screen readers). */
export function ErrorNote({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="opt-note opt-note-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}

/** A short confirmation: «Сохранено», «Страница добавлена». */
export function OkNote({ children, testId }: { children: ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p className="opt-note opt-note-ok" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

export function Loading() {
  return <p className="muted">Загрузка…</p>;
}
