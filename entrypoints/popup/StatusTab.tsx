import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ClassificationView } from '@/components/ClassificationView';
import type { Status } from '@/lib/messaging/background-handler';
import { send } from '@/lib/messaging/client';
import type { TabState } from '@/lib/store/schema';

/** What the extension sees: the box classified in this tab and the last one anywhere. */
export function StatusTab({ activeTabId }: { activeTabId: number | null }) {
  const [tab, setTab] = useState<TabState | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([
      activeTabId !== null ? send<TabState | null>({ type: 'get-tab-state', tabId: activeTabId }) : null,
      send<Status>({ type: 'get-status' }),
    ])
      .then(([t, s]) => {
        setTab(t);
        setStatus(s);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [activeTabId]);

  const spelling = { ready: 'загружена', loading: 'загружается', unavailable: 'недоступна' } as const;
  return (
    <section>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>Эта вкладка</h2>
      <ClassificationView state={tab} testId="tab-state" />
      <h2>Последнее поле ввода</h2>
      <ClassificationView state={status?.lastClassified ?? null} testId="last-classified" />
      <p className="muted small" data-testid="status">
        {status
          ? `Вкладок с полями ввода: ${status.trackedTabs}. Орфография: ${spelling[status.spelling]}. Схема базы: версия ${status.version}.`
          : 'Загрузка…'}
      </p>
      <p className="small">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Настройки
        </a>
      </p>
    </section>
  );
}
