import { TZDate } from '@date-fns/tz';

/**
 * Wall-clock time ↔ Unix ms in an IANA time zone, and the short Russian labels of the «Неделя» tab.
 * Pure functions (Intl + @date-fns/tz): safe in the background, popup, content script and tests.
 */

/**
 * Unix ms of a wall-clock time in `tz` (the browser's zone when `tz` is undefined), or null when the
 * fields do not name a real moment (31 February, 24:00, 25:61…). `month` is 1–12.
 */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  tz?: string,
): number | null {
  const nums = [year, month, day, hours, minutes];
  if (!nums.every(Number.isInteger)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return null;
  const d = tz ? new TZDate(year, month - 1, day, hours, minutes, tz) : new Date(year, month - 1, day, hours, minutes);
  const at = d.getTime();
  if (!Number.isFinite(at)) return null;
  // No rollover: 31.11 must not become 01.12.
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return null;
  return at;
}

/** Calendar fields of `at` in `tz` (month 1–12). */
export function zonedParts(at: number, tz?: string) {
  const d = tz ? new TZDate(at, tz) : new Date(at);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hours: d.getHours(),
    minutes: d.getMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-30T10:05`: the value of an `<input type="datetime-local">` for `at` in `tz`. */
export function toDateTimeLocal(at: number, tz?: string): string {
  const p = zonedParts(at, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hours)}:${pad(p.minutes)}`;
}

/** Unix ms of an `<input type="datetime-local">` value read in `tz`, or null when it is not a valid time. */
export function fromDateTimeLocal(value: string, tz?: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!m) return null;
  return zonedTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), tz);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'post' | 'day' | 'time', tz: string): Intl.DateTimeFormat {
  const key = `${kind}\u0000${tz}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'post'
        ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
        : kind === 'day'
          ? { day: 'numeric', month: 'short' }
          : { hour: '2-digit', minute: '2-digit' };
    f = new Intl.DateTimeFormat('ru-RU', { ...opts, timeZone: tz });
    formatters.set(key, f);
  }
  return f;
}

/** «пн, 30 нояб., 10:05». */
export function formatPostTime(at: number, tz: string): string {
  return formatter('post', tz).format(at);
}

/** «30 нояб.». */
export function formatDay(at: number, tz: string): string {
  return formatter('day', tz).format(at);
}

/** «23 нояб. – 29 нояб.» for a week [start, end). */
export function formatWeek(range: { start: number; end: number }, tz: string): string {
  return `${formatDay(range.start, tz)} – ${formatDay(range.end - 1, tz)}`;
}

/** «0,67» — a Russian decimal with at most `digits` fraction digits. */
export function formatNumberRu(n: number, digits = 1): string {
  return new Intl.NumberFormat('ru-RU', { maximumFractionDigits: digits }).format(n);
}
