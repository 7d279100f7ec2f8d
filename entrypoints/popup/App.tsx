import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { QuotaTab } from './QuotaTab';
import { StatusTab } from './StatusTab';
import { TemplatesTab } from './TemplatesTab';

type TabId = 'week' | 'status' | 'templates';
const TABS: { id: TabId; label: string }[] = [
  { id: 'week', label: 'Неделя' },
  { id: 'status', label: 'Состояние' },
  { id: 'templates', label: 'Шаблоны' },
];

export function App() {
  const [activeTabId, setActiveTabId] = useState<number | null>(null);
  // popup.html#status opens a given tab (links from the options page, tests)
  const [tab, setTab] = useState<TabId>(
    () => TABS.find((t) => `#${t.id}` === globalThis.location?.hash)?.id ?? TABS[0]!.id,
  );
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([t]) => setActiveTabId(t?.id ?? null))
      .catch(() => setActiveTabId(null));
  }, []);
  return (
    <main>
      <h1>Помощник госпаблика</h1>
      {TABS.length > 1 && (
        <div className="tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'tab active' : 'tab'}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      {tab === 'week' && <QuotaTab activeTabId={activeTabId} />}
      {tab === 'status' && <StatusTab activeTabId={activeTabId} />}
      {tab === 'templates' && <TemplatesTab activeTabId={activeTabId} />}
    </main>
  );
}
