import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { pluralRu } from '@/lib/quota/weeks';
import {
  type BackupDocument,
  backupFileName,
  exportAll,
  type ImportResult,
  importAll,
  parseBackup,
  requestPersistentStorage,
  type TableCounts,
} from '@/lib/store/backup';
import { errorText, useDB } from './db';
import { ErrorNote, OkNote } from './Notice';

/** Saves text as a file through a Blob and an object URL (no network, no extra permission). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const NOUNS: Record<keyof TableCounts, [string, string, string]> = {
  pages: ['страница', 'страницы', 'страниц'],
  posts: ['пост', 'поста', 'постов'],
  settings: ['настройка', 'настройки', 'настроек'],
  dictionary: ['слово', 'слова', 'слов'],
  templates: ['шаблон', 'шаблона', 'шаблонов'],
};

/** «2 страницы, 10 постов, 5 слов» (zero counts left out; «ничего» when all are zero). */
export function describeCounts(c: TableCounts): string {
  const parts = (Object.keys(NOUNS) as (keyof TableCounts)[])
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${pluralRu(c[k], ...NOUNS[k])}`);
  return parts.length ? parts.join(', ') : 'ничего';
}

function docCounts(doc: BackupDocument): TableCounts {
  const d = doc.data;
  return {
    pages: d.pages.length,
    posts: d.posts.length,
    settings: d.settings.length,
    dictionary: d.dictionary.length,
    templates: d.templates.length,
  };
}

const sum = (c: TableCounts) => Object.values(c).reduce((a, b) => a + b, 0);

function withNothingChanged(message: string): string {
  return /ничего не изменено/i.test(message) ? message : `${message} Данные расширения не изменены.`;
}

type Mode = 'merge' | 'replace';

/**
 * «Резервная копия»: download everything as JSON, restore from a file (merge or replace), and ask the
 * browser once to keep the storage persistent.
 */
export function BackupSection({
  requestPersistent = requestPersistentStorage,
  download = downloadText,
}: {
  requestPersistent?: () => Promise<boolean>;
  download?: (fileName: string, text: string) => void;
}) {
  const db = useDB();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [pending, setPending] = useState<{ name: string; text: string; counts: TableCounts } | null>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    let live = true;
    requestPersistent()
      .then((p) => live && setPersisted(p))
      .catch(() => live && setPersisted(false));
    return () => {
      live = false;
    };
  }, [requestPersistent]);

  const reset = () => {
    setError(null);
    setMessage(null);
  };

  const doExport = async () => {
    reset();
    setBusy(true);
    try {
      const json = await exportAll(db);
      const name = backupFileName();
      download(name, json);
      setMessage(`Копия сохранена в файл ${name}. Храните её там, где не потеряете: на диске или в сетевой папке.`);
    } catch (e) {
      setError(errorText(e, 'Не удалось сделать копию. Попробуйте ещё раз.'));
    } finally {
      setBusy(false);
    }
  };

  const runImport = async (text: string, m: Mode) => {
    setBusy(true);
    try {
      const result: ImportResult = await importAll(db, text, { mode: m });
      const skipped = sum(result.skipped);
      setMessage(
        `Копия восстановлена. ${m === 'replace' ? 'Загружено' : 'Добавлено'}: ${describeCounts(result.counts)}.` +
          (skipped > 0 ? ` Уже были у вас и оставлены как есть: ${describeCounts(result.skipped)}.` : ''),
      );
    } catch (e) {
      setError(withNothingChanged(errorText(e, 'Не удалось восстановить копию.')));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    reset();
    setPending(null);
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError('Не удалось прочитать файл. Данные расширения не изменены.');
      return;
    } finally {
      input.value = '';
    }
    if (mode === 'merge') {
      await runImport(text, 'merge');
      return;
    }
    // Replacing deletes the current data: show what the file holds and ask first.
    try {
      setPending({ name: file.name, text, counts: docCounts(parseBackup(text)) });
    } catch (err) {
      setError(withNothingChanged(errorText(err, 'Не удалось прочитать копию.')));
    }
  };

  return (
    <>
      <p className="muted">
        Все данные расширения — страницы, учтённые посты, настройки, словарь и шаблоны — хранятся только в этом
        браузере. Скачайте копию, чтобы перенести их на другой компьютер или не потерять при переустановке.
      </p>
      <p className="small" data-testid="storage-persisted">
        {persisted === null
          ? 'Проверяем хранилище…'
          : persisted
            ? 'Хранилище постоянное: браузер не удалит данные расширения при нехватке места на диске.'
            : 'Браузер может удалить данные при нехватке места на диске. Скачивайте копию хотя бы раз в месяц.'}
      </p>
      <div className="opt-actions">
        <button type="button" className="opt-primary" onClick={doExport} disabled={busy}>
          Скачать копию
        </button>
      </div>

      <fieldset className="opt-fieldset" disabled={busy}>
        <legend>Восстановить из файла</legend>
        <label className="opt-check">
          <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          <span>
            Добавить недостающее к текущим данным
            <span className="opt-hint">
              Ваши страницы, слова и настройки останутся, из копии добавится только новое.
            </span>
          </span>
        </label>
        <label className="opt-check">
          <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          <span>
            Заменить все данные копией
            <span className="opt-hint">Текущие страницы, посты, настройки, словарь и шаблоны будут удалены.</span>
          </span>
        </label>
        <div className="opt-file">
          <label>
            <input
              type="file"
              accept=".json,application/json"
              onChange={onFile}
              data-testid="backup-file"
              className="opt-visually-hidden"
            />
            <span className="opt-file-button">Выбрать файл копии…</span>
          </label>
          <span className="opt-hint">Файл gospublic-helper-ГГГГ-ММ-ДД.json, скачанный кнопкой «Скачать копию».</span>
        </div>
      </fieldset>

      {pending && (
        <div className="opt-note opt-note-warn" role="alertdialog" aria-label="Заменить данные копией?">
          <p>
            В файле «{pending.name}»: {describeCounts(pending.counts)}. Заменить этим все текущие данные расширения?
          </p>
          <div className="opt-actions">
            <button
              type="button"
              className="opt-danger"
              disabled={busy}
              onClick={async () => {
                const p = pending;
                setPending(null);
                await runImport(p.text, 'replace');
              }}
            >
              Заменить данные
            </button>
            <button type="button" onClick={() => setPending(null)} disabled={busy}>
              Отмена
            </button>
          </div>
        </div>
      )}
      <ErrorNote message={error} testId="backup-error" />
      {message && <OkNote testId="backup-message">{message}</OkNote>}
    </>
  );
}
