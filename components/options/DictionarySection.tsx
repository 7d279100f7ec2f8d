import { type FormEvent, useState } from 'react';
import { pluralRu } from '@/lib/quota/weeks';
import { addWord, listWords, removeWord } from '@/lib/store/queries';
import { useAction, useDB, useLive } from './db';
import { Field } from './Field';
import { ErrorNote, Loading, OkNote } from './Notice';

const SHOW_AT_MOST = 300;
const fold = (s: string) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

/** «Мой словарь»: words the spelling check must accept (names, place names, local terms). */
export function DictionarySection() {
  const db = useDB();
  const words = useLive(listWords);
  const action = useAction();
  const [word, setWord] = useState('');
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  if (words.status === 'loading') return <Loading />;
  if (words.status === 'error') return <ErrorNote message={words.message} />;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setRemoved(null);
    const w = word.trim();
    if (!w) {
      action.setError('Введите слово.');
      return;
    }
    const r = await action.run(() => addWord(db, w));
    if (r) {
      setWord('');
      setMessage(r.added ? `Слово «${r.word}» добавлено.` : `Слово «${r.word}» уже есть в словаре.`);
    }
  };
  const remove = async (w: string) => {
    setMessage(null);
    const ok = await action.run(() => removeWord(db, w));
    if (ok !== undefined) setRemoved(w);
  };
  const restore = async () => {
    if (!removed) return;
    const r = await action.run(() => addWord(db, removed));
    if (r) {
      setRemoved(null);
      setMessage(`Слово «${r.word}» возвращено.`);
    }
  };

  const q = fold(filter.trim());
  const shown = q ? words.data.filter((w) => fold(w).includes(q)) : words.data;
  const n = words.data.length;

  return (
    <>
      <p className="muted">
        Слова, которые проверка орфографии не должна считать ошибкой: фамилии, названия сёл и улиц, местные термины.
      </p>
      <form className="opt-row" onSubmit={add} aria-label="Добавить слово в словарь">
        <Field label="Новое слово">
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={word}
              maxLength={100}
              onChange={(e) => {
                setWord(e.target.value);
                action.setError(null);
              }}
            />
          )}
        </Field>
        <button type="submit" className="opt-primary" disabled={action.busy}>
          Добавить
        </button>
      </form>
      <ErrorNote message={action.error} />
      {message && <OkNote testId="dictionary-message">{message}</OkNote>}
      {removed && (
        <div className="opt-note opt-note-undo" role="status">
          <span>Слово «{removed}» удалено из словаря.</span>{' '}
          <button type="button" onClick={restore} disabled={action.busy}>
            Вернуть
          </button>
        </div>
      )}
      {n === 0 ? (
        <p className="opt-empty">Словарь пуст. Слово можно добавить и прямо из подсказки на странице VK или OK.</p>
      ) : (
        <>
          <div className="opt-row">
            <Field label="Найти в словаре">
              {(p) => (
                <input
                  {...p}
                  type="search"
                  autoComplete="off"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
              )}
            </Field>
            <span className="muted small" aria-live="polite">
              {q ? `Найдено: ${shown.length} из ${n}` : `${n} ${pluralRu(n, 'слово', 'слова', 'слов')} в словаре`}
            </span>
          </div>
          {shown.length === 0 ? (
            <p className="muted">Ничего не найдено.</p>
          ) : (
            <ul className="opt-words" aria-label="Слова словаря" data-testid="dictionary-words">
              {shown.slice(0, SHOW_AT_MOST).map((w) => (
                <li key={w} className="opt-word">
                  <span>{w}</span>
                  <button
                    type="button"
                    className="opt-icon-button"
                    onClick={() => remove(w)}
                    disabled={action.busy}
                    aria-label={`Удалить слово «${w}»`}
                    title="Удалить"
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {shown.length > SHOW_AT_MOST && (
            <p className="muted small">
              Показаны первые {SHOW_AT_MOST} из {shown.length}. Уточните поиск, чтобы найти нужное слово.
            </p>
          )}
        </>
      )}
    </>
  );
}
