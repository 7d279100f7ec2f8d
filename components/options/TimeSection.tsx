import { type FormEvent, useId, useMemo, useState } from 'react';
import { defaultTimeZone, resolveTimeZone, weekRange } from '@/lib/quota/weeks';
import { getSettings, resetSetting, setSetting } from '@/lib/store/queries';
import { settingDefault, type WorkingHours } from '@/lib/store/settings';
import { useAction, useDB, useLive } from './db';
import { Field } from './Field';
import { ErrorNote, Loading, OkNote } from './Notice';
import { allZones, RUSSIAN_ZONES, zoneLabel } from './time-zones';

const DAYS: ReadonlyArray<[number, string, string]> = [
  [1, 'Пн', 'понедельник'],
  [2, 'Вт', 'вторник'],
  [3, 'Ср', 'среда'],
  [4, 'Чт', 'четверг'],
  [5, 'Пт', 'пятница'],
  [6, 'Сб', 'суббота'],
  [7, 'Вс', 'воскресенье'],
];

function weekText(tz: string, at: number): string {
  const w = weekRange(at, tz);
  const fmt = new Intl.DateTimeFormat('ru-RU', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'long' });
  return `${fmt.format(w.start)} — ${fmt.format(w.end - 1)}`;
}

function WorkingHoursForm({ initial }: { initial: WorkingHours }) {
  const db = useDB();
  const action = useAction();
  const [v, setV] = useState<WorkingHours>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const daysId = useId();

  const change = (patch: Partial<WorkingHours>) => {
    setV((x) => ({ ...x, ...patch }));
    setError(null);
    setSaved(null);
  };
  const toggleDay = (d: number, on: boolean) =>
    change({ days: on ? [...new Set([...v.days, d])].sort((a, b) => a - b) : v.days.filter((x) => x !== d) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (v.days.length === 0) return setError('Отметьте хотя бы один рабочий день.');
    if (!/^\d\d:\d\d$/.test(v.start) || !/^\d\d:\d\d$/.test(v.end))
      return setError('Укажите время начала и конца работы.');
    if (v.start >= v.end) return setError('Конец рабочего дня должен быть позже начала.');
    const ok = await action.run(() => setSetting(db, 'workingHours', v));
    if (ok) setSaved('Рабочее время сохранено.');
  };
  const reset = async () => {
    const ok = await action.run(() => resetSetting(db, 'workingHours').then(() => true));
    if (ok) {
      setV(settingDefault('workingHours'));
      setError(null);
      setSaved('Рабочее время: по умолчанию, пн–пт с 9:00 до 18:00.');
    }
  };

  return (
    <form className="opt-subcard" onSubmit={submit} noValidate aria-label="Рабочее время">
      <h3>Рабочее время</h3>
      <p className="muted small">
        Сроки ответа в регламентах считаются в рабочих часах и днях (например, 8 рабочих часов на ответ).
      </p>
      <fieldset className="opt-fieldset">
        <legend id={daysId}>Рабочие дни</legend>
        <div className="opt-days">
          {DAYS.map(([d, short, full]) => (
            <label key={d} className="opt-day" title={full}>
              <input
                type="checkbox"
                checked={v.days.includes(d)}
                onChange={(e) => toggleDay(d, e.target.checked)}
                aria-label={full}
              />
              <span aria-hidden="true">{short}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="opt-row">
        <Field label="Начало">
          {(p) => <input {...p} type="time" value={v.start} onChange={(e) => change({ start: e.target.value })} />}
        </Field>
        <Field label="Конец">
          {(p) => <input {...p} type="time" value={v.end} onChange={(e) => change({ end: e.target.value })} />}
        </Field>
      </div>
      <label className="opt-check">
        <input
          type="checkbox"
          checked={v.russianHolidays}
          onChange={(e) => change({ russianHolidays: e.target.checked })}
        />
        <span>Праздничные дни России — выходные (с переносами)</span>
      </label>
      <div className="opt-actions">
        <button type="submit" className="opt-primary" disabled={action.busy}>
          Сохранить рабочее время
        </button>
        <button type="button" onClick={reset} disabled={action.busy}>
          По умолчанию
        </button>
      </div>
      <ErrorNote message={error ?? action.error} />
      {saved && <OkNote>{saved}</OkNote>}
    </form>
  );
}

/** «Часовой пояс»: the zone of the weekly quota (Monday to Sunday, local time) and the working hours. */
export function TimeSection() {
  const db = useDB();
  const settings = useLive(getSettings);
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const browserZone = useMemo(() => defaultTimeZone(), []);
  const others = useMemo(() => {
    const ours = new Set(RUSSIAN_ZONES.map((z) => z.zone));
    return allZones().filter((z) => !ours.has(z));
  }, []);

  if (settings.status === 'loading') return <Loading />;
  if (settings.status === 'error') return <ErrorNote message={settings.message} />;
  const s = settings.data;
  const tz = resolveTimeZone(s.timeZone);
  const now = Date.now();
  const known = s.timeZone === null || RUSSIAN_ZONES.some((z) => z.zone === s.timeZone) || others.includes(s.timeZone);

  const choose = async (value: string) => {
    setSaved(null);
    const zone = value === '' ? null : value;
    const ok = await action.run(() => setSetting(db, 'timeZone', zone).then(() => true));
    if (ok)
      setSaved(
        zone ? `Часовой пояс: ${zoneLabel(zone)}.` : `Часовой пояс — как в браузере: ${zoneLabel(browserZone)}.`,
      );
  };

  return (
    <>
      <p className="muted">
        Посты считаются по календарным неделям — с понедельника по воскресенье по местному времени.
      </p>
      <div className="opt-row">
        <Field label="Часовой пояс">
          {(p) => (
            <select {...p} value={s.timeZone ?? ''} onChange={(e) => choose(e.target.value)} disabled={action.busy}>
              <option value="">Как в браузере — {zoneLabel(browserZone, now)}</option>
              {!known && s.timeZone && <option value={s.timeZone}>{s.timeZone}</option>}
              <optgroup label="Россия">
                {RUSSIAN_ZONES.map((z) => (
                  <option key={z.zone} value={z.zone}>
                    {zoneLabel(z.zone, now)}
                  </option>
                ))}
              </optgroup>
              {others.length > 0 && (
                <optgroup label="Другие">
                  {others.map((z) => (
                    <option key={z} value={z}>
                      {z}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          )}
        </Field>
      </div>
      <p className="small" data-testid="current-week">
        Текущая неделя: {weekText(tz, now)} ({zoneLabel(tz, now)}).
      </p>
      <ErrorNote message={action.error} />
      {saved && <OkNote>{saved}</OkNote>}
      <WorkingHoursForm initial={s.workingHours} />
    </>
  );
}
