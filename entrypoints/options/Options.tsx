import { useEffect, useState } from 'react';
import { ClassificationView } from '@/components/ClassificationView';
import type { Status } from '@/lib/messaging/background-handler';
import { send } from '@/lib/messaging/client';

export function Options() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send<Status>({ type: 'get-status' })
      .then(setStatus)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main style={{ maxWidth: 720, margin: '24px auto', padding: '0 16px' }}>
      <h1>Настройки — Помощник госпаблика</h1>
      <p className="muted">
        Расширение работает только в вашем браузере: тексты черновиков никуда не отправляются.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>Состояние</h2>
      <ClassificationView state={status?.lastClassified ?? null} testId="options-last-classified" />
      <p className="muted small" data-testid="options-status">
        {status ? `Схема базы данных: версия ${status.version}. Вкладок с полями ввода: ${status.trackedTabs}.` : 'Загрузка…'}
      </p>
    </main>
  );
}
