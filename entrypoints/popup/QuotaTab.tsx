import { liveQuery } from 'dexie';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { PageCard } from '@/components/quota/PageCard';
import { PageOffer } from '@/components/quota/PageOffer';
import '@/components/quota/quota.css';
import { send } from '@/lib/messaging/client';
import type { TabPageAnswer } from '@/lib/messaging/quota';
import { type WeekView, weekView } from '@/lib/quota/overview';
import { formatWeek } from '@/lib/quota/time';
import { type AppDB, getDB } from '@/lib/store/db';
import type { StoredPost } from '@/lib/store/queries';

/** Performance marks for the e2e benchmark: this module evaluated; the tab first showed its data. */
export const MODULE_MARK = 'gph-quota-module';
export const FIRST_RENDER_MARK = 'gph-quota-first-render';
if (typeof performance !== 'undefined') performance.mark(MODULE_MARK);

// Start opening the database while React sets up (the first query would otherwise wait for it).
if (typeof indexedDB !== 'undefined')
  void getDB()
    .open()
    .catch(() => undefined);

const message = (e: unknown) =>
  e instanceof Error && /[А-Яа-яЁё]/.test(e.message) ? e.message : 'Не удалось выполнить действие. Попробуйте ещё раз.';

/**
 * Which tab the popup is about: `?tab=<id>` when given; the popup opened as a page of its own (tests, a
 * pinned tab) — the VK/OK tab that reported last; otherwise the active tab.
 */
async function tabPageRequest(activeTabId: number | null) {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return { type: 'quota-tab-page' as const, tabId: param };
  const self = await browser.tabs?.getCurrent?.().catch(() => undefined);
  if (self) return { type: 'quota-tab-page' as const, last: true };
  if (activeTabId === null) return null;
  return { type: 'quota-tab-page' as const, tabId: activeTabId };
}

/** «Неделя»: posts per registered page this week, pace, 8-week history, this week's posts. */
export function QuotaTab({ activeTabId, db = getDB() }: { activeTabId: number | null; db?: AppDB }) {
  const [view, setView] = useState<WeekView | null>(null);
  const [tabPage, setTabPage] = useState<TabPageAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [undo, setUndo] = useState<StoredPost | null>(null);
  const [version, setVersion] = useState(0);
  const undoTimer = useRef(0);
  const marked = useRef(false);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  // Re-runs when pages, posts or settings change (also after our own writes, which go through the background).
  useEffect(() => {
    void version;
    const sub = liveQuery(() => weekView(db)).subscribe({
      next: (v) => {
        setView(v);
        setError(null);
      },
      error: (e: unknown) => setError(message(e)),
    });
    return () => sub.unsubscribe();
  }, [db, version]);

  useEffect(() => {
    void version;
    let cancelled = false;
    tabPageRequest(activeTabId)
      .then((req) => (req ? send<TabPageAnswer>(req) : null))
      .then((r) => !cancelled && setTabPage(r))
      .catch(() => !cancelled && setTabPage(null));
    return () => {
      cancelled = true;
    };
  }, [activeTabId, version]);

  useLayoutEffect(() => {
    if (view && !marked.current) {
      marked.current = true;
      performance.mark(FIRST_RENDER_MARK);
    }
  }, [view]);

  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const act = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      const r = await fn();
      setError(null);
      return r;
    } catch (e) {
      setError(message(e));
      return undefined;
    } finally {
      refresh();
    }
  };

  const onDelete = async (post: StoredPost) => {
    const deleted = await act(() => send<StoredPost | null>({ type: 'quota-delete-post', id: post.id }));
    if (!deleted) return;
    setNotice(null);
    setUndo(deleted);
    clearTimeout(undoTimer.current);
    undoTimer.current = window.setTimeout(() => setUndo(null), 15_000);
  };
  const onUndo = async () => {
    const post = undo;
    setUndo(null);
    if (!post) return;
    const r = await act(() => send<{ restored: boolean }>({ type: 'quota-restore-post', post }));
    if (r && !r.restored) setNotice('Этот пост уже снова учтён.');
  };
  const onAddManual = async (pageId: number, publishedAt: number, text: string): Promise<string | null> => {
    try {
      const r = await send<{ added: boolean }>({ type: 'quota-add-manual', pageId, publishedAt, text });
      setNotice(r.added ? 'Пост добавлен.' : 'Этот пост уже учтён — второй раз он не считается.');
      return null;
    } catch (e) {
      return message(e);
    } finally {
      refresh();
    }
  };
  const info = tabPage?.info ?? null;
  const onRegister = async (): Promise<string | null> => {
    if (!info) return null;
    try {
      await send({
        type: 'quota-add-page',
        network: info.network,
        communityId: info.communityId,
        name: info.name,
        address: info.address,
      });
      setNotice('Страница добавлена в реестр. Новые посты на ней будут учитываться.');
      return null;
    } catch (e) {
      return message(e);
    } finally {
      refresh();
    }
  };

  const currentId = tabPage?.page?.id ?? null;
  const pages = view
    ? [...view.pages].sort((a, b) => (b.page.id === currentId ? 1 : 0) - (a.page.id === currentId ? 1 : 0))
    : [];
  const week = view?.weeks.at(-1);

  return (
    <section className="q-tab" data-testid="quota-tab">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div role="status" className="q-status-line">
        {undo && (
          <p className="q-undo" data-testid="quota-undo">
            Пост удалён из учёта.{' '}
            <button type="button" className="q-link" onClick={onUndo}>
              Отменить
            </button>
          </p>
        )}
        {notice && !undo && <p className="small q-notice">{notice}</p>}
      </div>
      {info?.communityId && !tabPage?.page && <PageOffer info={info} onAdd={onRegister} />}
      {!view ? (
        <p className="muted">Загрузка…</p>
      ) : (
        <>
          {week && (
            <p className="small muted q-week">
              Неделя {formatWeek(week, view.tz)} · часовой пояс {view.tz}
            </p>
          )}
          {pages.length === 0 ? (
            <p className="muted" data-testid="quota-empty">
              В реестре пока нет страниц. Откройте страницу сообщества во ВКонтакте или в Одноклассниках и добавьте её
              отсюда — посты на ней будут считаться сами.
            </p>
          ) : (
            pages.map((p) => (
              <PageCard
                key={p.page.id}
                data={p}
                tz={view.tz}
                now={view.at}
                current={p.page.id === currentId}
                defaultOpen={p.page.id === currentId || pages.length <= 3}
                onDelete={onDelete}
                onAddManual={onAddManual}
              />
            ))
          )}
        </>
      )}
    </section>
  );
}
