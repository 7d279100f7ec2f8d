import { type FormEvent, useId, useState } from 'react';
import type { PageWeek } from '@/lib/quota/overview';
import { formatPostTime, fromDateTimeLocal, toDateTimeLocal } from '@/lib/quota/time';
import type { StoredPost } from '@/lib/store/queries';
import { needLabel, PACE_LABELS } from './text';
import { WeekChart } from './WeekChart';

const SHOWN = 10;

export interface PageCardProps {
  data: PageWeek;
  tz: string;
  now: number;
  /** The page of the active tab (shown first, list open). */
  current: boolean;
  defaultOpen: boolean;
  onDelete: (post: StoredPost) => void;
  onAddManual: (pageId: number, publishedAt: number, text: string) => Promise<string | null>;
}

/** One registered page: this week's count, pace, 8-week chart, this week's posts. All text as React text. */
export function PageCard({ data, tz, now, current, defaultOpen, onDelete, onAddManual }: PageCardProps) {
  const { page, status, quota, history, posts, later } = data;
  const [open, setOpen] = useState(defaultOpen);
  const [all, setAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const listId = useId();
  const pct = quota > 0 ? Math.min(100, (status.count / quota) * 100) : 100;
  const shown = all ? posts : posts.slice(0, SHOWN);
  return (
    <section className={`card q-page pace-${status.pace}`} data-testid="quota-page" aria-label={page.name}>
      <header className="q-head">
        <a className="q-name" href={page.address || undefined} target="_blank" rel="noreferrer">
          {page.name}
        </a>
        <span className="q-net muted small">
          {page.network === 'vk' ? 'ВКонтакте' : 'OK'}
          {current ? ' · эта вкладка' : ''}
        </span>
      </header>
      <div className="q-status">
        <strong data-testid="quota-label">{status.label}</strong>
        <span className={`q-pace pace-${status.pace}`} data-testid="quota-pace">
          {PACE_LABELS[status.pace]}
        </span>
      </div>
      <div
        className="q-progress"
        role="progressbar"
        aria-label="Выполнение нормы недели"
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={Math.min(status.count, quota)}
        aria-valuetext={status.label}
      >
        <div className="q-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="q-need small" data-testid="quota-need">
        {needLabel(status)}
      </p>
      <p className="q-hint small muted">{status.hint}</p>
      <WeekChart history={history} quota={quota} tz={tz} />

      {later.length > 0 && (
        <p className="small q-later" data-testid="quota-later">
          Запланировано позже:{' '}
          {later.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ', ' : ''}
              {formatPostTime(p.publishedAt, tz)}
            </span>
          ))}
        </p>
      )}

      <div className="q-actions">
        <button
          type="button"
          className="q-link"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Скрыть посты недели' : `Посты этой недели (${posts.length})`}
        </button>
        <button type="button" className="q-link" onClick={() => setAdding(!adding)} aria-expanded={adding}>
          добавить вручную
        </button>
      </div>

      {adding && (
        <ManualForm
          tz={tz}
          now={now}
          onCancel={() => setAdding(false)}
          onSave={async (at, text) => {
            const err = await onAddManual(page.id, at, text);
            if (!err) {
              setAdding(false);
              setOpen(true);
            }
            return err;
          }}
        />
      )}

      {open && (
        <div id={listId}>
          {posts.length === 0 ? (
            <p className="small muted">На этой неделе постов ещё нет.</p>
          ) : (
            <ul className="q-posts" data-testid="quota-posts">
              {shown.map((p) => (
                <li key={p.id} className="q-post" data-testid="quota-post">
                  <span className="q-time">{formatPostTime(p.publishedAt, tz)}</span>
                  {p.source === 'manual' && <span className="q-src small muted"> · вручную</span>}
                  <span className="q-excerpt">{p.excerpt || 'без текста'}</span>
                  <button
                    type="button"
                    className="q-link q-del"
                    aria-label={`Удалить пост «${p.excerpt.slice(0, 40)}» из учёта`}
                    onClick={() => onDelete(p)}
                  >
                    удалить
                  </button>
                </li>
              ))}
            </ul>
          )}
          {posts.length > SHOWN && (
            <button type="button" className="q-link small" onClick={() => setAll(!all)}>
              {all ? 'Показать меньше' : `Показать все (${posts.length})`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** «Добавить вручную»: a post made elsewhere (from a phone). Date and time are read in the user's time zone. */
function ManualForm({
  tz,
  now,
  onSave,
  onCancel,
}: {
  tz: string;
  now: number;
  onSave: (publishedAt: number, text: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [when, setWhen] = useState(() => toDateTimeLocal(now, tz));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = fromDateTimeLocal(when, tz);
    if (at === null) return setError('Укажите дату и время публикации.');
    if (at > now + 5 * 60_000) return setError('Дата публикации ещё не наступила.');
    if (!text.trim()) return setError('Вставьте текст поста или его начало — так пост не посчитается дважды.');
    setBusy(true);
    setError(null);
    const err = await onSave(at, text);
    setBusy(false);
    if (err) setError(err);
  };
  return (
    <form className="q-form" onSubmit={submit} data-testid="quota-manual-form">
      <label htmlFor={`${ids}-when`} className="small">
        Когда опубликован
      </label>
      <input id={`${ids}-when`} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
      <label htmlFor={`${ids}-text`} className="small">
        Текст поста
      </label>
      <textarea id={`${ids}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={100000} />
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <div className="q-actions">
        <button type="submit" disabled={busy}>
          Сохранить
        </button>
        <button type="button" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
