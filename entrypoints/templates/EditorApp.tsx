import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Findings } from '@/components/templates/TemplatePicker';
import type { CheckResult, Finding } from '@/lib/checks/types';
import type { StoredTemplate } from '@/lib/messaging/templates';
import type { AppDB } from '@/lib/store/db';
import { type Template, templateCategorySchema } from '@/lib/store/schema';
import {
  deleteTemplate,
  duplicateTemplate,
  exportAllTemplates,
  importTemplates,
  listTemplates,
  saveTemplate,
  seedStarterTemplates,
} from '@/lib/templates/io';
import { createTemplateSearch } from '@/lib/templates/search';
import { BUILTIN_VARIABLES, fillTemplate, parseVariables } from '@/lib/templates/variables';

/**
 * «Шаблоны ответов»: the template editor, an extension page (extension origin, so it works on the Dexie
 * database directly, like the options page). List with search; create, edit, duplicate, delete;
 * export/import as a JSON file.
 *
 * The text is checked live by the engine in the background (`templates-check`, with the spell checker)
 * with the strictest requirements of all regulations or a chosen preset. What is checked is a sample
 * filling: {обращение} → «Здравствуйте, Анна!», registry data → sample values, free variables → their
 * names. Saving a template without a greeting, with канцелярит or with more than two legal acts asks
 * for confirmation first. Template text is shown as React text only, never as HTML.
 */

type Category = Template['category'];
const CATEGORIES = templateCategorySchema.options;
/** `STRICTEST_PRESET_ID` of lib/messaging/templates.ts (not imported: it would pull the engine into this page). */
const STRICTEST = 'strictest';
const PRESET_OPTIONS: ReadonlyArray<{ id: string; name: string }> = [
  { id: STRICTEST, name: 'Самые строгие требования всех регламентов' },
  { id: 'valuyki', name: 'Валуйский городской округ' },
  { id: 'novoaltaysk', name: 'Город Новоалтайск' },
  { id: 'pyatigorsk', name: 'Город Пятигорск' },
  { id: 'plastunovskaya', name: 'Пластуновское сельское поселение' },
  { id: 'tomsk', name: 'Томский район' },
  { id: 'custom', name: 'Свой профиль' },
];
export const SAMPLE_AUTHOR = 'Анна Смирнова';
const SAMPLE = { organization: 'администрация района', phone: '8 (800) 123-45-67', site: 'admin.example.ru' };

export type CheckFn = (text: string, presetId: string) => Promise<CheckResult>;

interface Draft {
  title: string;
  category: Category;
  tags: string;
  text: string;
}
const EMPTY: Draft = { title: '', category: 'по существу', tags: '', text: '{обращение} ' };

const toDraft = (t: StoredTemplate): Draft => ({
  title: t.title,
  category: t.category,
  tags: t.tags.join(', '),
  text: t.text,
});
const sameDraft = (a: Draft, b: Draft) =>
  a.title === b.title && a.category === b.category && a.tags === b.tags && a.text === b.text;
const parseTags = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);

/** The text the engine checks: the template filled with a sample author, sample page data and variable names. */
export function sampleFill(text: string, now: number): string {
  const values: Record<string, string> = {};
  for (const v of parseVariables(text)) if (v.kind === 'free') values[v.name] = v.name;
  return fillTemplate(text, { authorName: SAMPLE_AUTHOR, ...SAMPLE, now, values }).text;
}

const GREETING_WORD =
  /^[\s\u00a0]*(здравствуй|добр(ый|ое|ого|ой)\s+(день|дня|утро|утра|вечер|вечера|времени|суток)|приветствуем|привет|доброго времени)/iu;

/** Reasons to confirm before saving (empty: save right away). */
export function saveWarnings(text: string, sample: string, result: CheckResult | null): string[] {
  const out: string[] = [];
  const greets =
    parseVariables(text).some((v) => v.kind === 'greeting') ||
    GREETING_WORD.test(text) ||
    (result?.summary.greeting.present ?? false);
  if (!greets) out.push('Нет приветствия: начните текст с {обращение} или со слова «Здравствуйте».');
  const kants = (result?.findings ?? []).filter((f: Finding) => f.rule.startsWith('kants.'));
  if (kants.length > 0) {
    const words = [...new Set(kants.map((f) => `«${sample.slice(f.start, f.end)}»`))].slice(0, 5).join(', ');
    out.push(`Канцелярит: ${words}. Ответ должен звучать по-человечески.`);
  }
  const acts = result?.summary.citations.count ?? 0;
  if (acts > 2) out.push(`Ссылок на нормативные акты: ${acts}. В ответе — не больше двух.`);
  return out;
}

type Selection = number | 'new' | null;
type Status = { kind: 'ok' | 'error'; text: string } | null;
type CheckState =
  | { status: 'pending'; sample: string }
  | { status: 'done'; sample: string; result: CheckResult }
  | { status: 'error'; sample: string; message: string };

function useTemplates(db: AppDB): { list: StoredTemplate[] | null; error: string | null } {
  const [list, setList] = useState<StoredTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const sub = liveQuery(() => listTemplates(db)).subscribe({
      next: (l) => setList(l as StoredTemplate[]),
      error: () => setError('Не удалось прочитать шаблоны. Обновите страницу.'),
    });
    return () => sub.unsubscribe();
  }, [db]);
  return { list, error };
}

const errorText = (e: unknown, fallback: string) =>
  e instanceof Error && /[а-яё]/i.test(e.message) ? e.message : fallback;

/**
 * `checkText`: the engine check of a sample filling — in the extension a `templates-check` message to the
 * background (main.tsx), so the spell checker takes part.
 */
export function EditorApp({ db, checkText, now = Date.now }: { db: AppDB; checkText: CheckFn; now?: () => number }) {
  const { list, error: readError } = useTemplates(db);
  const [selected, setSelected] = useState<Selection>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [baseline, setBaseline] = useState<Draft>(EMPTY);
  const [query, setQuery] = useState('');
  const [presetId, setPresetId] = useState(STRICTEST);
  const [check, setCheck] = useState<CheckState | null>(null);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [pendingNav, setPendingNav] = useState<Selection | undefined>(undefined);
  const [deleteArmed, setDeleteArmed] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // the background seeds on install; this covers a page opened before it ran
    seedStarterTemplates(db).catch(() => {});
  }, [db]);

  const current = typeof selected === 'number' ? (list?.find((t) => t.id === selected) ?? null) : null;
  const dirty = selected !== null && !sameDraft(draft, baseline);
  const search = useMemo(() => createTemplateSearch(list ?? []), [list]);
  const shown = useMemo(() => search.search(query), [search, query]);
  const sample = useMemo(() => sampleFill(draft.text, now()), [draft.text, now]);
  const freeVars = useMemo(
    () => [
      ...new Set(
        parseVariables(draft.text)
          .filter((v) => v.kind === 'free')
          .map((v) => v.name),
      ),
    ],
    [draft.text],
  );

  // live check of the sample filling (after a pause in typing)
  const runCheck = useCallback(
    (text: string, preset: string) =>
      checkText(text, preset).then(
        (result): CheckState => ({ status: 'done', sample: text, result }),
        (e: unknown): CheckState => ({
          status: 'error',
          sample: text,
          message: errorText(e, 'Фоновая часть расширения не ответила.'),
        }),
      ),
    [checkText],
  );
  useEffect(() => {
    if (selected === null || !draft.text.trim()) {
      setCheck(null);
      return;
    }
    let live = true;
    setCheck({ status: 'pending', sample });
    const timer = setTimeout(() => {
      runCheck(sample, presetId).then((s) => live && setCheck(s));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sample, presetId, selected, runCheck, draft.text]);

  const open = (target: Selection) => {
    setStatus(null);
    setConfirm(null);
    setDeleteArmed(false);
    setPendingNav(undefined);
    setSelected(target);
    const t = typeof target === 'number' ? list?.find((x) => x.id === target) : undefined;
    const next = t ? toDraft(t) : EMPTY;
    setDraft(next);
    setBaseline(next);
    if (target === 'new') setTimeout(() => titleRef.current?.focus(), 0);
  };
  const navigate = (target: Selection) => {
    // the same saved template again keeps the edits; anything else (a new one too) asks first
    if (dirty && !(typeof target === 'number' && target === selected)) {
      setPendingNav(target);
      return;
    }
    open(target);
  };

  const save = async (force: boolean) => {
    if (busy || selected === null) return;
    setStatus(null);
    let state = check;
    if (!force) {
      if (!state || state.status === 'pending' || state.sample !== sample) {
        setBusy(true);
        state = await runCheck(sample, presetId);
        setCheck(state);
        setBusy(false);
      }
      const warnings = saveWarnings(draft.text, sample, state.status === 'done' ? state.result : null);
      if (warnings.length > 0) {
        setConfirm(warnings);
        return;
      }
    }
    setConfirm(null);
    setBusy(true);
    try {
      const base = current && selected === current.id ? current : null;
      const id = await saveTemplate(db, {
        ...(base ?? { useCount: 0, lastUsed: null, builtin: false }),
        title: draft.title,
        text: draft.text,
        category: draft.category,
        tags: parseTags(draft.tags),
      });
      const saved = { ...draft, title: draft.title.trim(), tags: parseTags(draft.tags).join(', ') };
      setSelected(id);
      setDraft(saved);
      setBaseline(saved);
      setStatus({ kind: 'ok', text: 'Шаблон сохранён.' });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, 'Не удалось сохранить шаблон. Попробуйте ещё раз.') });
    } finally {
      setBusy(false);
    }
  };

  const duplicate = async () => {
    if (!current) return;
    try {
      const id = await duplicateTemplate(db, current.id);
      const copy = await db.templates.get(id);
      setSelected(id);
      if (copy) {
        const d = toDraft(copy as StoredTemplate);
        setDraft(d);
        setBaseline(d);
      }
      setStatus({ kind: 'ok', text: 'Копия создана: поменяйте название и текст.' });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, 'Не удалось создать копию.') });
    }
  };

  const remove = async () => {
    if (!current) return;
    try {
      await deleteTemplate(db, current.id);
      open(null);
      setStatus({ kind: 'ok', text: `Шаблон «${current.title}» удалён.` });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, 'Не удалось удалить шаблон.') });
    }
  };

  const exportFile = async () => {
    try {
      const json = await exportAllTemplates(db);
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `shablony-otvetov-${new Date(now()).toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 5000);
      setStatus({ kind: 'ok', text: `Сохранён файл ${a.download}.` });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, 'Не удалось выгрузить шаблоны.') });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await importTemplates(db, await file.text());
      const parts = [`добавлено ${r.added}`];
      if (r.merged) parts.push(`совпали с имеющимися ${r.merged}`);
      if (r.renamed) parts.push(`добавлены под новым названием ${r.renamed}`);
      setStatus({ kind: 'ok', text: `Шаблоны загружены: ${parts.join(', ')}.` });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, 'Файл не загружен. Шаблоны не изменились.') });
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const insertVariable = (name: string) => {
    const ta = textRef.current;
    const token = `{${name}}`;
    if (!ta) {
      setDraft((d) => ({ ...d, text: d.text + token }));
      return;
    }
    const start = ta.selectionStart ?? draft.text.length;
    const end = ta.selectionEnd ?? start;
    const text = draft.text.slice(0, start) + token + draft.text.slice(end);
    setDraft((d) => ({ ...d, text }));
    requestAnimationFrame(() => {
      ta.focus();
      ta.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <main className="tpl-editor">
      <header className="tpl-top">
        <h1>Шаблоны ответов</h1>
        <div className="tpl-toolbar">
          <button type="button" className="primary" data-testid="tpl-new" onClick={() => navigate('new')}>
            Новый шаблон
          </button>
          <button type="button" data-testid="tpl-export" onClick={() => void exportFile()}>
            Экспорт шаблонов
          </button>
          <label className="button" data-testid="tpl-import">
            Импорт из файла
            <input
              ref={fileRef}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              data-testid="tpl-import-input"
              onChange={(e) => void importFile(e.target.files?.[0])}
            />
          </label>
        </div>
      </header>
      {status && (
        <p
          className={status.kind === 'error' ? 'tpl-status error' : 'tpl-status ok'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="tpl-status"
        >
          {status.text}
        </p>
      )}
      {readError && (
        <p className="tpl-status error" role="alert">
          {readError}
        </p>
      )}
      {pendingNav !== undefined && (
        <div className="tpl-confirm" role="alertdialog" aria-label="Несохранённые изменения" data-testid="tpl-discard">
          <p>Изменения в шаблоне не сохранены.</p>
          <div className="tpl-row">
            <button type="button" onClick={() => open(pendingNav)}>
              Не сохранять
            </button>
            <button type="button" className="primary" onClick={() => setPendingNav(undefined)}>
              Остаться
            </button>
          </div>
        </div>
      )}
      <div className="tpl-layout">
        <nav className="tpl-side" aria-label="Список шаблонов">
          <input
            type="search"
            placeholder="Поиск: название, текст или метка"
            aria-label="Поиск шаблона"
            value={query}
            data-testid="tpl-search"
            onChange={(e) => setQuery(e.target.value)}
          />
          {list === null ? (
            <p className="muted">Загрузка…</p>
          ) : shown.length === 0 ? (
            <p className="muted">{list.length === 0 ? 'Шаблонов нет.' : 'Ничего не нашлось.'}</p>
          ) : (
            <ul className="tpl-list" data-testid="tpl-list">
              {shown.map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    className={t.id === selected ? 'tpl-item active' : 'tpl-item'}
                    aria-current={t.id === selected ? 'true' : undefined}
                    data-testid="tpl-item"
                    onClick={() => navigate(t.id)}
                  >
                    <span className="tpl-item-title">{t.title}</span>
                    <span className="tpl-item-meta">
                      {t.category}
                      {t.useCount > 0 ? ` · использован ${t.useCount}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">Всего шаблонов: {list?.length ?? '…'}</p>
        </nav>

        <section className="tpl-form" aria-label="Шаблон">
          {selected === null ? (
            <p className="muted">Выберите шаблон слева или создайте новый.</p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save(false);
              }}
            >
              <h2>{selected === 'new' ? 'Новый шаблон' : 'Шаблон'}</h2>
              <label className="tpl-field">
                <span>Название</span>
                <input
                  ref={titleRef}
                  type="text"
                  maxLength={200}
                  required
                  value={draft.title}
                  data-testid="tpl-title"
                  onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                />
              </label>
              <div className="tpl-row">
                <label className="tpl-field">
                  <span>Категория</span>
                  <select
                    value={draft.category}
                    data-testid="tpl-category"
                    onChange={(e) => setDraft({ ...draft, category: e.target.value as Category })}
                  >
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="tpl-field grow">
                  <span>Метки через запятую (для поиска)</span>
                  <input
                    type="text"
                    value={draft.tags}
                    data-testid="tpl-tags"
                    onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
                  />
                </label>
              </div>
              <label className="tpl-field">
                <span>Текст ответа</span>
                <textarea
                  ref={textRef}
                  rows={9}
                  maxLength={16000}
                  value={draft.text}
                  data-testid="tpl-text"
                  onChange={(e) => setDraft({ ...draft, text: e.target.value })}
                />
              </label>
              <div className="tpl-vars">
                <span className="muted small">Вставить:</span>
                {BUILTIN_VARIABLES.map((v) => (
                  <button
                    key={v.name}
                    type="button"
                    className="tpl-var"
                    title={v.description}
                    onClick={() => insertVariable(v.name)}
                  >
                    {`{${v.name}}`}
                  </button>
                ))}
              </div>
              <details className="tpl-help">
                <summary>Как работают переменные</summary>
                <dl>
                  {BUILTIN_VARIABLES.map((v) => (
                    <div key={v.name}>
                      <dt>{`{${v.name}}`}</dt>
                      <dd>{v.description}</dd>
                    </div>
                  ))}
                  <div>
                    <dt>{'{адрес}, {номер заявки}…'}</dt>
                    <dd>Любое другое слово в фигурных скобках: его спросят при вставке шаблона.</dd>
                  </div>
                  <div>
                    <dt>{'{{ и }}'}</dt>
                    <dd>Фигурная скобка как обычный символ.</dd>
                  </div>
                </dl>
                <p className="muted small">
                  Организация, телефон и сайт берутся из карточки страницы в настройках. Если страницы нет в реестре, их
                  спросят при вставке.
                </p>
              </details>
              {freeVars.length > 0 && (
                <p className="muted small" data-testid="tpl-free-vars">
                  При вставке спросят: {freeVars.join(', ')}.
                </p>
              )}

              <div className="tpl-checkbox" data-testid="tpl-check">
                <div className="tpl-row">
                  <strong>Проверка</strong>
                  <select
                    aria-label="Требования для проверки"
                    value={presetId}
                    data-testid="tpl-preset"
                    onChange={(e) => setPresetId(e.target.value)}
                  >
                    {PRESET_OPTIONS.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </div>
                {!draft.text.trim() ? (
                  <p className="muted">Напишите текст — он проверится.</p>
                ) : check === null || check.status === 'pending' ? (
                  <p className="muted">Проверка…</p>
                ) : check.status === 'error' ? (
                  <p className="error">Проверка не удалась: {check.message}</p>
                ) : (
                  <div className="gph-tpl tpl-findings" data-testid="tpl-findings">
                    <Findings text={check.sample} result={check.result} max={20} />
                  </div>
                )}
                <p className="muted small">Пример заполнения (так проверяется текст):</p>
                <div className="tpl-sample" data-testid="tpl-sample">
                  {sample}
                </div>
              </div>

              {confirm && (
                <div
                  className="tpl-confirm"
                  role="alertdialog"
                  aria-label="Сохранить с замечаниями?"
                  data-testid="tpl-confirm"
                >
                  <p>
                    <strong>Сохранить шаблон с замечаниями?</strong>
                  </p>
                  <ul>
                    {confirm.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                  <div className="tpl-row">
                    <button type="button" data-testid="tpl-confirm-save" onClick={() => void save(true)}>
                      Сохранить всё равно
                    </button>
                    <button
                      type="button"
                      className="primary"
                      data-testid="tpl-confirm-back"
                      onClick={() => {
                        setConfirm(null);
                        textRef.current?.focus();
                      }}
                    >
                      Вернуться к правке
                    </button>
                  </div>
                </div>
              )}

              <div className="tpl-row tpl-actions">
                <button type="submit" className="primary" data-testid="tpl-save" disabled={busy}>
                  Сохранить
                </button>
                {current && (
                  <>
                    <button type="button" data-testid="tpl-duplicate" onClick={() => void duplicate()}>
                      Дублировать
                    </button>
                    {deleteArmed ? (
                      <>
                        <button
                          type="button"
                          className="danger"
                          data-testid="tpl-delete-confirm"
                          onClick={() => void remove()}
                        >
                          Удалить навсегда
                        </button>
                        <button type="button" onClick={() => setDeleteArmed(false)}>
                          Не удалять
                        </button>
                      </>
                    ) : (
                      <button type="button" data-testid="tpl-delete" onClick={() => setDeleteArmed(true)}>
                        Удалить
                      </button>
                    )}
                  </>
                )}
                {dirty && <span className="muted small">Есть несохранённые изменения</span>}
              </div>
            </form>
          )}
        </section>
      </div>
    </main>
  );
}
