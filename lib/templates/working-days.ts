import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import calendarData from './data/ru-holidays.json';

/**
 * Working days and working hours by the production calendar of the Russian Federation
 * (five-day week, Saturday and Sunday off).
 *
 * The calendar is data: `data/ru-holidays.json` lists, per year, the non-working days (public
 * holidays and days off moved by a government decree) and the weekend days made working.
 * For a year that is not in the file we fall back to Art. 112 of the Labour Code alone:
 * the fixed holidays (1–8 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November)
 * plus the automatic rule of its part 2 — a holiday on Saturday or Sunday moves the day off to
 * the next working day, except the January ones, which only a decree can move. Decrees
 * (transfers, working Saturdays) cannot be guessed, so such a year may be off by a few days:
 * {@link calendarStatus} tells the UI which case it is.
 *
 * All functions take a moment (Unix ms) and an IANA time zone; the calendar day is the day in
 * that zone. Russian zones have had no DST since 2014, but nothing here depends on that.
 */

export type CalendarStatus = 'decree' | 'provisional' | 'fallback';

interface YearData {
  status: CalendarStatus;
  nonWorking: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

interface RawYear {
  status: string;
  nonWorking: string[];
  workingWeekends: string[];
}

export const DEFAULT_TZ = 'Europe/Moscow';

/** Fixed public holidays, Art. 112 part 1 of the Labour Code, as MM-DD. */
const ART_112_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
] as const;

const years = new Map<number, YearData>();
for (const [year, raw] of Object.entries(calendarData.years as Record<string, RawYear>)) {
  years.set(Number(year), {
    status: raw.status === 'decree' ? 'decree' : 'provisional',
    nonWorking: new Set(raw.nonWorking),
    workingWeekends: new Set(raw.workingWeekends),
  });
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Weekday of a calendar date, 0 = Sunday … 6 = Saturday (zone-independent). */
function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Art. 112 only: fixed holidays plus the part 2 shift of non-January holidays that fall on a weekend. */
function fallbackYear(year: number): YearData {
  const nonWorking = new Set<string>();
  const isFree = (y: number, m: number, d: number) => {
    const wd = weekdayOf(y, m, d);
    return wd === 0 || wd === 6 || nonWorking.has(isoDay(y, m, d));
  };
  for (const md of ART_112_HOLIDAYS) nonWorking.add(`${year}-${md}`);
  for (const md of ART_112_HOLIDAYS) {
    const month = Number(md.slice(0, 2));
    const day = Number(md.slice(3));
    if (month === 1) continue; // January weekend holidays are moved only by a decree
    const wd = weekdayOf(year, month, day);
    if (wd !== 0 && wd !== 6) continue;
    // the next working day after the holiday
    const next = new Date(Date.UTC(year, month - 1, day));
    do next.setUTCDate(next.getUTCDate() + 1);
    while (isFree(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()));
    nonWorking.add(isoDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()));
  }
  return { status: 'fallback', nonWorking, workingWeekends: new Set() };
}

function yearData(year: number): YearData {
  let data = years.get(year);
  if (!data) {
    data = fallbackYear(year);
    years.set(year, data);
  }
  return data;
}

/** Where the calendar of `year` comes from: a decree, provisional data, or Art. 112 alone. */
export function calendarStatus(year: number): CalendarStatus {
  return yearData(year).status;
}

function assertTz(tz: string): void {
  if (typeof tz !== 'string' || tz.length === 0) throw new RangeError('Не указан часовой пояс.');
}

function isWorkingDate(year: number, month: number, day: number): boolean {
  const key = isoDay(year, month, day);
  const data = yearData(year);
  if (data.workingWeekends.has(key)) return true;
  if (data.nonWorking.has(key)) return false;
  const wd = weekdayOf(year, month, day);
  return wd !== 0 && wd !== 6;
}

/** Is the calendar day of `at` (in `tz`) a working day? */
export function isWorkingDay(at: number, tz: string = DEFAULT_TZ): boolean {
  assertTz(tz);
  const d = new TZDate(at, tz);
  return isWorkingDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The calendar day of `at` in `tz` as `YYYY-MM-DD`. */
export function localDayKey(at: number, tz: string = DEFAULT_TZ): string {
  const d = new TZDate(at, tz);
  return isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/**
 * The moment `n` working days after `from`, same wall-clock time, in `tz`.
 * Counting starts from the next day (as terms do in Russian law): from a Monday, 1 → Tuesday;
 * from a Saturday, 1 → Monday. `n = 0` returns `from`; a negative `n` counts backwards.
 */
export function addWorkingDays(from: number, n: number, tz: string = DEFAULT_TZ): number {
  assertTz(tz);
  if (!Number.isInteger(n)) throw new RangeError('Число рабочих дней должно быть целым.');
  if (Math.abs(n) > 100_000) throw new RangeError('Слишком большое число рабочих дней.');
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = new TZDate(from, tz);
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDate(d.getFullYear(), d.getMonth() + 1, d.getDate())) left--;
  }
  return d.getTime();
}

export interface WorkingHoursOptions {
  /** IANA time zone of the office, e.g. `Europe/Moscow`, `Asia/Tomsk`. */
  tz: string;
  /** Start of the working day, `HH:MM`. Default `09:00`. */
  start?: string;
  /** End of the working day, `HH:MM`. Default `18:00`. */
  end?: string;
  /** Lunch break not counted as working time, e.g. `{ start: '13:00', end: '14:00' }`. */
  lunch?: { start: string; end: string };
  /**
   * Office weekdays, ISO numbers 1 = Monday … 7 = Sunday. Default Monday–Friday.
   * Same shape as the `workingHours` setting, so `{ tz, ...settings.workingHours }` fits.
   */
  days?: readonly number[];
  /**
   * Public holidays and moved days off of the RF are days off, moved working Saturdays are
   * working (default true). With `false` only `days` counts.
   */
  russianHolidays?: boolean;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** The day predicate for working-hours options. */
function dayPredicate(opts: WorkingHoursOptions): (year: number, month: number, day: number) => boolean {
  const days = opts.days ?? WEEKDAYS;
  for (const d of days) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError('Дни недели задаются числами от 1 до 7.');
  }
  const useCalendar = opts.russianHolidays !== false;
  const standard = days.length === 5 && WEEKDAYS.every((d) => days.includes(d));
  return (year, month, day) => {
    if (useCalendar && standard) return isWorkingDate(year, month, day);
    if (useCalendar) {
      const key = isoDay(year, month, day);
      const data = yearData(year);
      if (data.nonWorking.has(key)) return false;
      if (data.workingWeekends.has(key)) return true;
    }
    return days.includes(weekdayOf(year, month, day) || 7);
  };
}

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function minutesOf(value: string, what: string): number {
  const m = HHMM.exec(value.trim());
  if (!m) throw new RangeError(`${what}: время нужно в виде ЧЧ:ММ, например 09:00 (получено «${value}»).`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Working intervals of a day in minutes from midnight, validated. */
function dayIntervals(opts: WorkingHoursOptions): Array<[number, number]> {
  const start = minutesOf(opts.start ?? '09:00', 'Начало рабочего дня');
  const end = minutesOf(opts.end ?? '18:00', 'Конец рабочего дня');
  if (end <= start) throw new RangeError('Конец рабочего дня должен быть позже начала.');
  if (!opts.lunch) return [[start, end]];
  const ls = minutesOf(opts.lunch.start, 'Начало обеда');
  const le = minutesOf(opts.lunch.end, 'Конец обеда');
  if (le <= ls) throw new RangeError('Конец обеда должен быть позже начала.');
  if (ls < start || le > end) throw new RangeError('Обед должен быть внутри рабочего дня.');
  const out: Array<[number, number]> = [];
  if (ls > start) out.push([start, ls]);
  if (end > le) out.push([le, end]);
  if (out.length === 0) throw new RangeError('Обед не может занимать весь рабочий день.');
  return out;
}

const MINUTE = 60_000;

type DayPredicate = ReturnType<typeof dayPredicate>;

/** Absolute working intervals [from, to) of the calendar day that `d` (a TZDate at local midnight) is on. */
function absoluteIntervals(
  d: TZDate,
  tz: string,
  intervals: Array<[number, number]>,
  isWorking: DayPredicate,
): Array<[number, number]> {
  if (!isWorking(d.getFullYear(), d.getMonth() + 1, d.getDate())) return [];
  return intervals.map(([a, b]) => [
    new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(a / 60), a % 60, tz).getTime(),
    new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(b / 60), b % 60, tz).getTime(),
  ]);
}

function startOfLocalDay(at: number, tz: string): TZDate {
  const d = new TZDate(at, tz);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), tz);
}

/**
 * The moment when `hours` working hours have passed since `from` (fractions allowed: 0.5 = 30 min).
 * Only working days count (the production calendar and `days`), from `start` to `end` minus `lunch`.
 * A deadline that lands exactly on the end of a working day is that end (18:00), not next morning.
 */
export function addWorkingHours(from: number, hours: number, opts: WorkingHoursOptions): number {
  assertTz(opts.tz);
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('Число рабочих часов должно быть неотрицательным.');
  if (hours > 24 * 366) throw new RangeError('Слишком большое число рабочих часов.');
  const intervals = dayIntervals(opts);
  const isWorking = dayPredicate(opts);
  if ((opts.days ?? WEEKDAYS).length === 0 && hours > 0) throw new RangeError('Не выбрано ни одного рабочего дня.');
  let left = Math.round(hours * 60 * MINUTE);
  if (left === 0) return from;
  let day = startOfLocalDay(from, opts.tz);
  for (let guard = 0; guard < 20_000; guard++) {
    for (const [a, b] of absoluteIntervals(day, opts.tz, intervals, isWorking)) {
      if (b <= from) continue;
      const s = Math.max(a, from);
      const avail = b - s;
      if (left <= avail) return s + left;
      left -= avail;
    }
    day = startOfLocalDay(addDays(day, 1).getTime() + 12 * 60 * MINUTE, opts.tz);
  }
  throw new RangeError('Не удалось найти рабочее время: проверьте настройки рабочего дня.');
}

/** Working time between two moments, in hours (0 when `to <= from`). For "time left" timers. */
export function workingHoursBetween(from: number, to: number, opts: WorkingHoursOptions): number {
  assertTz(opts.tz);
  if (to <= from) return 0;
  const intervals = dayIntervals(opts);
  const isWorking = dayPredicate(opts);
  let total = 0;
  let day = startOfLocalDay(from, opts.tz);
  while (day.getTime() < to) {
    for (const [a, b] of absoluteIntervals(day, opts.tz, intervals, isWorking)) {
      const s = Math.max(a, from);
      const e = Math.min(b, to);
      if (e > s) total += e - s;
    }
    day = startOfLocalDay(addDays(day, 1).getTime() + 12 * 60 * MINUTE, opts.tz);
  }
  return total / (60 * MINUTE);
}
