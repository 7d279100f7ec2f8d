import { useState } from 'react';
import { pluralRu } from '@/lib/quota/weeks';
import { getSettings, listPages, type StoredPage } from '@/lib/store/queries';
import type { Settings } from '@/lib/store/settings';
import { NETWORK_LABEL } from '../labels';
import { errorText, useAction, useDB, useLive } from './db';
import { ErrorNote, Loading, OkNote } from './Notice';
import { PageForm } from './PageForm';
import { EMPTY_PAGE_FORM, type PageFormValues, safeHref } from './page-form';
import { type DeletedPage, deletePage, effectivePresetId, savePage, undoDeletePage } from './pages-ops';
import { presetChoices, presetName } from './presets-view';

const dateFmt = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
export const formatDate = (at: number) => (Number.isFinite(at) ? dateFmt.format(at) : '—');

function toForm(page: StoredPage, settings: Settings): PageFormValues {
  return {
    network: page.network,
    address: page.address,
    communityId: page.communityId,
    name: page.name,
    presetId: effectivePresetId(page, settings),
    organization: page.organization,
    phone: page.phone,
    site: page.site,
    responsible: { ...page.responsible },
  };
}

/** An address as a link when it is http(s), as plain text otherwise. */
function Address({ value }: { value: string }) {
  const href = safeHref(value);
  if (!href) return <span>{value}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {value.replace(/^https:\/\//, '')}
    </a>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PageCard({
  page,
  settings,
  onEdit,
  onDelete,
  busy,
}: {
  page: StoredPage;
  settings: Settings;
  onEdit: () => void;
  onDelete: () => void;
  busy: boolean;
}) {
  const r = page.responsible;
  return (
    <li className="opt-page" data-testid="page-item">
      <div className="opt-page-head">
        <strong className="opt-page-name">{page.name}</strong>
        <span className={`opt-chip opt-chip-${page.network}`}>{NETWORK_LABEL[page.network]}</span>
        <span className="muted small">ID {page.communityId}</span>
      </div>
      <div className="opt-page-line">
        <Address value={page.address} />
        <span className="muted"> · Регламент: {presetName(effectivePresetId(page, settings), settings)}</span>
      </div>
      <dl className="opt-page-details">
        <Detail label="Организация" value={page.organization} />
        <Detail label="Телефон" value={page.phone} />
        {page.site && (
          <div>
            <dt>Сайт</dt>
            <dd>
              <Address value={page.site} />
            </dd>
          </div>
        )}
        <Detail label="Ответственный" value={[r.name, r.post, r.phone, r.email].filter((x) => x.trim()).join(', ')} />
        <Detail label="Добавлена в список" value={formatDate(page.addedAt)} />
      </dl>
      {page.addressHistory.length > 0 && (
        <div className="opt-history">
          <span className="muted small">Прежние адреса:</span>
          <ul>
            {page.addressHistory.map((h) => (
              <li key={`${h.address}-${h.changedAt}`} className="small">
                <Address value={h.address} /> <span className="muted">— до {formatDate(h.changedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="opt-actions">
        <button type="button" onClick={onEdit} disabled={busy} aria-label={`Изменить страницу «${page.name}»`}>
          Изменить
        </button>
        <button
          type="button"
          className="opt-danger"
          onClick={onDelete}
          disabled={busy}
          aria-label={`Удалить страницу «${page.name}»`}
        >
          Удалить
        </button>
      </div>
    </li>
  );
}

/** «Официальные страницы»: the registry of the administration's pages (regulation 001, section 3). */
export function PagesSection() {
  const db = useDB();
  const pages = useLive(listPages);
  const settings = useLive(getSettings);
  const action = useAction();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<DeletedPage | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (pages.status === 'error') return <ErrorNote message={pages.message} />;
  if (settings.status === 'error') return <ErrorNote message={settings.message} />;
  if (pages.status === 'loading' || settings.status === 'loading') return <Loading />;
  const s = settings.data;
  const presets = presetChoices(s);

  const save = async (values: PageFormValues, existing?: StoredPage): Promise<string | null> => {
    try {
      const page = await savePage(db, values, existing);
      setAdding(false);
      setEditing(null);
      setDeleted(null);
      setMessage(existing ? `Изменения страницы «${page.name}» сохранены.` : `Страница «${page.name}» добавлена.`);
      return null;
    } catch (e) {
      return errorText(e);
    }
  };

  const remove = async (page: StoredPage) => {
    setMessage(null);
    const d = await action.run(() => deletePage(db, page.id));
    if (d) {
      setDeleted(d);
      if (editing === page.id) setEditing(null);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    const page = await action.run(() => undoDeletePage(db, deleted));
    if (page) {
      setDeleted(null);
      setMessage(`Страница «${page.name}» возвращена.`);
    }
  };

  const posts = deleted?.removed.posts.length ?? 0;

  return (
    <>
      <p className="muted">
        Реестр официальных страниц администрации: адреса, ответственные и контакты. По нему расширение узнаёт ваши
        страницы и считает посты за неделю.
      </p>
      {deleted && (
        <div className="opt-note opt-note-undo" role="status" data-testid="page-undo">
          <span>
            Страница «{deleted.removed.page.name}» удалена
            {posts > 0
              ? ` вместе с ${posts} ${pluralRu(posts, 'учтённым постом', 'учтёнными постами', 'учтёнными постами')}`
              : ''}
            .
          </span>{' '}
          <button type="button" onClick={undo} disabled={action.busy}>
            Отменить
          </button>
          <button type="button" className="opt-link" onClick={() => setDeleted(null)} aria-label="Скрыть сообщение">
            ×
          </button>
        </div>
      )}
      <ErrorNote message={action.error} />
      {message && <OkNote testId="page-message">{message}</OkNote>}
      {pages.data.length === 0 ? (
        <p className="opt-empty">
          Пока нет ни одной страницы. Добавьте официальные страницы администрации во ВКонтакте и Одноклассниках.
        </p>
      ) : (
        <ul className="opt-pages" aria-label="Официальные страницы">
          {pages.data.map((page) =>
            editing === page.id ? (
              <li key={page.id} className="opt-page">
                <PageForm
                  initial={toForm(page, s)}
                  presets={presets}
                  title={`Изменить страницу «${page.name}»`}
                  submitLabel="Сохранить изменения"
                  onSave={(v) => save(v, page)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <PageCard
                key={page.id}
                page={page}
                settings={s}
                busy={action.busy}
                onEdit={() => {
                  setEditing(page.id);
                  setAdding(false);
                  setMessage(null);
                }}
                onDelete={() => remove(page)}
              />
            ),
          )}
        </ul>
      )}
      {adding ? (
        <PageForm
          initial={EMPTY_PAGE_FORM(s.defaultPresetId ?? 'custom')}
          presets={presets}
          title="Новая страница"
          submitLabel="Добавить страницу"
          onSave={(v) => save(v)}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button
          type="button"
          className="opt-primary"
          onClick={() => {
            setAdding(true);
            setEditing(null);
            setMessage(null);
          }}
        >
          Добавить страницу
        </button>
      )}
    </>
  );
}
