import { useState } from 'react';
import type { TabPageInfo } from '@/lib/quota/tab-pages';

/** The active tab shows a community that is not in the registry: one click adds it. */
export function PageOffer({ info, onAdd }: { info: TabPageInfo; onAdd: () => Promise<string | null> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card q-offer" data-testid="quota-offer" aria-label="Страница этой вкладки">
      <p className="small muted">Эта страница не в реестре официальных страниц:</p>
      <p className="q-offer-name" data-testid="quota-offer-name">
        {info.name || 'Без названия'}
      </p>
      <p className="small muted" data-testid="quota-offer-address">
        {info.address}
      </p>
      <button
        type="button"
        className="q-primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const err = await onAdd();
          setBusy(false);
          setError(err);
        }}
      >
        Добавить страницу в реестр
      </button>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
