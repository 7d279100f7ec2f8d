import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ClassificationView } from '@/components/ClassificationView';
import type { Status } from '@/lib/messaging/background-handler';
import { send } from '@/lib/messaging/client';
import type { TabState } from '@/lib/store/schema';

export function App() {
  const [tab, setTab] = useState<TabState | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const [tabState, st] = await Promise.all([
        active?.id !== undefined ? send<TabState | null>({ type: 'get-tab-state', tabId: active.id }) : null,
        send<Status>({ type: 'get-status' }),
      ]);
      setTab(tabState);
      setStatus(st);
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main>
      <h1>Помощник госпаблика</h1>
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
        {status ? `Вкладок с полями ввода: ${status.trackedTabs}. База данных, версия схемы ${status.version}.` : 'Загрузка…'}
      </p>
      <p className="small">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Настройки
        </a>
      </p>
    </main>
  );
}
