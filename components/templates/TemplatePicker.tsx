import './picker.css';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { CATEGORY_LABEL, plural, SEVERITY_LABEL } from '@/components/checker/text';
import type { CheckResult } from '@/lib/checks/types';
import { createTemplateSearch } from '@/lib/templates/search';
import { type FillResult, fillTemplate } from '@/lib/templates/variables';
import type { StoredTemplate, TemplateSource, TemplatesContext } from './source';

/**
 * The reply-template picker, shared by the page (in our shadow root) and the popup.
 *
 * 1. Search as you type over title, text and tags (MiniSearch); an empty query lists the most used first.
 *    ↑/↓ move, Enter opens the template, Escape closes.
 * 2. The template is filled from the context: the author being answered → {обращение}/{имя}; the page
 *    registry → {организация}/{телефон}/{сайт}; today → {дата}, {срок} (the preset's working days).
 *    Only what is still missing is asked, in small inputs. The filled text is shown and checked by the
 *    engine. Enter in the last input or the button confirms; Escape goes back to the list.
 * 3. Confirm hands the text to `onConfirm` (the page inserts it into the reply box, the popup copies it)
 *    and counts a use. Nothing is ever sent.
 *
 * Template and comment text is rendered as React text only, never as HTML.
 */

export interface TemplatePickerProps {
  source: TemplateSource;
  /** Display name of the comment's author being answered («Анна Смирнова»); none for messages. */
  authorName?: string;
  /** The confirm button: «Вставить» in the page, «Скопировать» in the popup. */
  confirmLabel: string;
  /**
   * Puts the text where it belongs. May return a Russian status to show (the popup: «Скопировано…»);
   * throws (Russian message) when it failed. The page closes the picker itself.
   */
  onConfirm: (text: string, template: StoredTemplate) => Promise<string | undefined> | string | undefined;
  onClose: () => void;
  /** Clock for {дата}/{срок} (tests). */
  now?: () => number;
  /** Delay before checking the filled text while the user types values (ms). */
  checkDelay?: number;
  /** How many templates the list shows at most. */
  limit?: number;
}

export type CheckState =
  | { status: 'idle' }
  | { status: 'pending'; text: string }
  | { status: 'done'; text: string; result: CheckResult }
  | { status: 'error'; text: string; message: string };

const errorText = (e: unknown) =>
  e instanceof Error && /[а-яё]/i.test(e.message) ? e.message : 'Расширение не ответило. Обновите страницу.';

/** Names that come from the page registry (for the «not registered» hint). */
const REGISTRY_VARIABLES = new Set(['организация', 'телефон', 'сайт']);

export function excerpt(text: string, max = 110): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

export function TemplatePicker({
  source,
  authorName,
  confirmLabel,
  onConfirm,
  onClose,
  now = Date.now,
  checkDelay = 250,
  limit = 50,
}: TemplatePickerProps) {
  const uid = useId();
  const [templates, setTemplates] = useState<StoredTemplate[] | null>(null);
  const [context, setContext] = useState<TemplatesContext | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<{ template: StoredTemplate; at: number } | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [checkState, setCheckState] = useState<CheckState>({ status: 'idle' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'hint'; text: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRefs = useRef(new Map<string, HTMLInputElement>());
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([source.list(), source.context()])
      .then(([list, ctx]) => {
        if (!live) return;
        setTemplates(list);
        setContext(ctx);
      })
      .catch((e: unknown) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
  }, [source]);

  const search = useMemo(() => createTemplateSearch(templates ?? []), [templates]);
  const results = useMemo(() => search.search(query, { limit }), [search, query, limit]);
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));

  // ---- filling
  const fillContext = useCallback(
    (at: number, vals: Record<string, string>) => ({
      authorName,
      organization: context?.page?.organization,
      phone: context?.page?.phone,
      site: context?.page?.site,
      now: at,
      tz: context?.timeZone,
      defaultDeadlineDays: context?.preset.finalReplyWorkingDays || undefined,
      values: vals,
    }),
    [authorName, context],
  );
  /** What has to be asked: missing before the user typed anything (stable while they type). */
  const asked = useMemo(
    () => (chosen ? fillTemplate(chosen.template.text, fillContext(chosen.at, {})).missing : []),
    [chosen, fillContext],
  );
  const fill: FillResult | null = useMemo(
    () => (chosen ? fillTemplate(chosen.template.text, fillContext(chosen.at, values)) : null),
    [chosen, fillContext, values],
  );
  const remaining = fill?.missing ?? [];
  const complete = chosen !== null && remaining.length === 0;

  // ---- checking the filled text (after a pause in typing)
  useEffect(() => {
    if (!fill || fill.missing.length > 0) {
      setCheckState({ status: 'idle' });
      return;
    }
    const text = fill.text;
    let live = true;
    setCheckState({ status: 'pending', text });
    const timer = setTimeout(() => {
      source.check(text).then(
        (result) => live && setCheckState({ status: 'done', text, result }),
        (e: unknown) => live && setCheckState({ status: 'error', text, message: errorText(e) }),
      );
    }, checkDelay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fill, source, checkDelay]);

  // ---- focus: the search box, or the first value to fill / the confirm button when a template opens
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opened template, not on every keystroke
  useEffect(() => {
    if (!chosen) {
      searchRef.current?.focus({ preventScroll: true });
      return;
    }
    const first = asked[0];
    const input = first !== undefined ? inputRefs.current.get(first) : undefined;
    if (input) input.focus({ preventScroll: true });
    else confirmRef.current?.focus({ preventScroll: true });
  }, [chosen]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll the newly active option into view
  useEffect(() => {
    if (chosen) return;
    const el = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex, chosen]);

  const choose = (t: StoredTemplate | undefined) => {
    if (!t) return;
    setValues({});
    setStatus(null);
    setChosen({ template: t, at: now() });
  };

  const back = () => {
    setChosen(null);
    setValues({});
    setStatus(null);
  };

  const confirm = async () => {
    if (!chosen || !fill || busy) return;
    if (fill.missing.length > 0) {
      setStatus({ kind: 'hint', text: `Заполните: ${fill.missing.join(', ')}.` });
      inputRefs.current.get(fill.missing[0]!)?.focus();
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const message = await onConfirm(fill.text, chosen.template);
      source.markUsed(chosen.template.id).catch(() => {});
      if (message) setStatus({ kind: 'ok', text: message });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const stop = (e: React.KeyboardEvent) => {
    // keep our keys away from the site's shortcuts
    e.stopPropagation();
  };

  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    stop(e);
    if (e.nativeEvent.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setActive(Math.min(activeIndex + 1, Math.max(0, results.length - 1)));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive(Math.max(activeIndex - 1, 0));
        break;
      case 'Home':
        if (e.ctrlKey) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (e.ctrlKey) {
          e.preventDefault();
          setActive(Math.max(0, results.length - 1));
        }
        break;
      case 'Enter':
        e.preventDefault();
        choose(results[activeIndex]);
        break;
      case 'Escape':
        e.preventDefault();
        onClose();
        break;
    }
  };

  const onFillKey = (e: React.KeyboardEvent) => {
    stop(e);
    if (e.key === 'Escape') {
      e.preventDefault();
      back();
    }
  };

  const onValueKey = (e: React.KeyboardEvent<HTMLInputElement>, name: string) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const empty = asked.filter((n) => remaining.includes(n));
    if (empty.length === 0) {
      void confirm();
      return;
    }
    const next = empty.find((n) => asked.indexOf(n) > asked.indexOf(name)) ?? empty[0]!;
    inputRefs.current.get(next)?.focus();
  };

  const listId = `${uid}-list`;
  const optionId = (i: number) => `${uid}-opt-${i}`;

  if (loadError) {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the picker closes it
      <div className="gph-tpl" data-testid="gph-tpl-picker-body" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <PickerHead title="Шаблоны ответов" onClose={onClose} />
        <p className="gph-tpl-error" role="alert">
          {loadError}
        </p>
      </div>
    );
  }

  if (!chosen) {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the picker closes it
      <div
        className="gph-tpl"
        data-testid="gph-tpl-picker-body"
        onKeyDown={(e) => {
          stop(e);
          if (e.key === 'Escape') onClose();
        }}
      >
        <PickerHead title="Шаблоны ответов" onClose={onClose} />
        <input
          ref={searchRef}
          className="gph-tpl-search"
          type="search"
          role="combobox"
          aria-label="Поиск шаблона"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
          placeholder="Поиск: название, текст или метка"
          value={query}
          data-testid="gph-tpl-search"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
        {templates === null ? (
          <p className="gph-tpl-muted">Загрузка…</p>
        ) : results.length === 0 ? (
          <p className="gph-tpl-muted" data-testid="gph-tpl-empty">
            {templates.length === 0 ? 'Шаблонов пока нет. Добавьте их в редакторе шаблонов.' : 'Ничего не нашлось.'}
          </p>
        ) : (
          <div ref={listRef} id={listId} className="gph-tpl-list" role="listbox" aria-label="Шаблоны">
            {results.map((t, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys
              <div
                key={t.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'gph-tpl-option gph-tpl-active' : 'gph-tpl-option'}
                data-testid="gph-tpl-option"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                onClick={() => choose(t)}
              >
                <span className="gph-tpl-title">{t.title}</span>
                <span className="gph-tpl-meta">
                  {t.category}
                  {t.useCount > 0 ? ` · ${plural(t.useCount, 'раз', 'раза', 'раз')}` : ''}
                </span>
                <span className="gph-tpl-excerpt">{excerpt(t.text)}</span>
              </div>
            ))}
          </div>
        )}
        <p className="gph-tpl-keys">↑ ↓ — выбрать, Enter — открыть, Esc — закрыть</p>
      </div>
    );
  }

  const registryAsked = asked.some((n) => REGISTRY_VARIABLES.has(n));
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the form goes back to the list
    <div className="gph-tpl" data-testid="gph-tpl-picker-body" onKeyDown={onFillKey}>
      <PickerHead title={chosen.template.title} onClose={onClose} onBack={back} />
      <p className="gph-tpl-muted gph-tpl-context" data-testid="gph-tpl-context">
        {authorName ? `Ответ: ${authorName}. ` : ''}
        {context?.page ? `Данные страницы: ${context.page.name}.` : ''}
        {!context?.page && registryAsked ? 'Страницы нет в реестре: впишите данные сами.' : ''}
      </p>
      {asked.length > 0 && (
        <div className="gph-tpl-fields" data-testid="gph-tpl-fields">
          {asked.map((name) => (
            <label key={name} className="gph-tpl-field">
              <span className="gph-tpl-label">{name}</span>
              <input
                ref={(el) => {
                  if (el) inputRefs.current.set(name, el);
                  else inputRefs.current.delete(name);
                }}
                type="text"
                value={values[name] ?? ''}
                data-testid="gph-tpl-value"
                data-name={name}
                autoComplete="off"
                aria-invalid={remaining.includes(name) && status?.kind === 'hint' ? true : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                onKeyDown={(e) => onValueKey(e, name)}
              />
            </label>
          ))}
        </div>
      )}
      <Preview fill={fill!} />
      <CheckView state={checkState} complete={complete} />
      {status && (
        <p
          className={status.kind === 'error' ? 'gph-tpl-error' : status.kind === 'ok' ? 'gph-tpl-ok' : 'gph-tpl-hint'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="gph-tpl-status"
        >
          {status.text}
        </p>
      )}
      <div className="gph-tpl-actions">
        <button
          ref={confirmRef}
          type="button"
          className="gph-tpl-confirm"
          data-testid="gph-tpl-confirm"
          aria-disabled={!complete || busy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={back}>
          К списку
        </button>
      </div>
      <p className="gph-tpl-keys">Отправляете вы сами: расширение ничего не отправляет.</p>
    </div>
  );
}

function PickerHead({ title, onClose, onBack }: { title: string; onClose: () => void; onBack?: () => void }) {
  return (
    <div className="gph-tpl-head">
      {onBack && (
        <button type="button" className="gph-tpl-icon" aria-label="К списку шаблонов" onClick={onBack}>
          ←
        </button>
      )}
      <strong className="gph-tpl-heading">{title}</strong>
      <button type="button" className="gph-tpl-icon" aria-label="Закрыть" data-testid="gph-tpl-close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** The filled text; placeholders still to fill are marked. */
function Preview({ fill }: { fill: FillResult }) {
  const parts: { text: string; missing: boolean }[] = [];
  let at = 0;
  for (const u of fill.unfilled) {
    if (u.start > at) parts.push({ text: fill.text.slice(at, u.start), missing: false });
    parts.push({ text: fill.text.slice(u.start, u.end), missing: true });
    at = u.end;
  }
  if (at < fill.text.length) parts.push({ text: fill.text.slice(at), missing: false });
  return (
    <div className="gph-tpl-preview" data-testid="gph-tpl-preview">
      {parts.map((p, i) =>
        p.missing ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, in order
          <mark key={i}>{p.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, in order
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}

/** «Проверено: замечаний нет» or the findings of the engine for the filled text. */
export function CheckView({ state, complete }: { state: CheckState; complete: boolean }) {
  let body: React.ReactNode;
  if (!complete) body = <span className="gph-tpl-muted">Заполните поля — потом текст проверится.</span>;
  else if (state.status === 'pending' || state.status === 'idle')
    body = <span className="gph-tpl-muted">Проверка…</span>;
  else if (state.status === 'error') body = <span className="gph-tpl-error">Проверка не удалась: {state.message}</span>;
  else body = <Findings text={state.text} result={state.result} />;
  return (
    <div className="gph-tpl-check" data-testid="gph-tpl-check" aria-live="polite">
      {body}
    </div>
  );
}

/** Whole-text verdicts the findings do not already name (too many НПА, no greeting). */
export function templateVerdicts(result: CheckResult): string[] {
  const s = result.summary;
  const has = (rule: string) => result.findings.some((f) => f.rule === rule);
  const out: string[] = [];
  if (s.citations.count > s.citations.limit && !has('citations.over-limit')) {
    out.push(`Ссылок на НПА: ${s.citations.count} из ${s.citations.limit}`);
  }
  if (s.greeting.required && !s.greeting.present && !has('greeting.missing')) out.push('Нет приветствия');
  return out;
}

export function Findings({ text, result, max = 6 }: { text: string; result: CheckResult; max?: number }) {
  const v = templateVerdicts(result);
  const n = result.findings.length;
  if (n === 0 && v.length === 0) return <span className="gph-tpl-ok">Проверено: замечаний нет</span>;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const head =
    n === 0
      ? 'Проверено'
      : `Проверено: ${plural(n, 'замечание', 'замечания', 'замечаний')}${errors ? `, из них ${plural(errors, 'ошибка', 'ошибки', 'ошибок')}` : ''}`;
  return (
    <>
      <span className={errors || v.length ? 'gph-tpl-warn' : ''}>{head}</span>
      <ul className="gph-tpl-findings">
        {v.map((t) => (
          <li key={t} className="gph-tpl-verdict">
            {t}
          </li>
        ))}
        {result.findings.slice(0, max).map((f) => (
          <li key={`${f.rule}:${f.start}:${f.end}`} data-testid="gph-tpl-finding">
            <span className={`gph-tpl-dot gph-cat-${f.category}`} />
            {CATEGORY_LABEL[f.category]}, {SEVERITY_LABEL[f.severity]}: {f.message}
            {f.end > f.start && <span className="gph-tpl-words"> «{text.slice(f.start, f.end).slice(0, 60)}»</span>}
          </li>
        ))}
        {n > max && <li className="gph-tpl-muted">и ещё {n - max}</li>}
      </ul>
    </>
  );
}
