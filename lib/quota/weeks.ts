import { TZDate } from '@date-fns/tz';
import { addWeeks, getISODay, getISOWeek, getISOWeekYear, startOfWeek } from 'date-fns';

/**
 * Calendar weeks of the posting quota: Monday 00:00 to the next Monday 00:00 in an IANA time zone
 * (the regulations count posts per calendar week, Monday to Sunday, local time).
 *
 * All calendar arithmetic goes through date-fns on a `TZDate`, so a week that contains a DST change
 * is 167 or 169 hours long and still starts at local midnight; nothing here adds fixed milliseconds.
 * Pure functions: no DOM, no storage, safe in the background, popup and tests.
 */

/** A half-open interval [start, end) of Unix ms, plus the ISO week key, e.g. `2026-W49`. */
export interface WeekRange {
  start: number;
  end: number;
  key: string;
}

/** The browser's time zone, or `Europe/Moscow` if the runtime does not report one. */
export function defaultTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && isValidTimeZone(zone)) return zone;
  } catch {
    // fall through
  }
  return 'Europe/Moscow';
}

/** True for a time zone name the runtime knows (`Asia/Tomsk`, `UTC`, …). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone to use for a stored setting: the setting when valid, else the browser's zone. */
export function resolveTimeZone(setting?: string | null): string {
  return setting && isValidTimeZone(setting) ? setting : defaultTimeZone();
}

function zoned(at: number, tz: string): TZDate {
  if (!Number.isFinite(at)) throw new RangeError(`Invalid timestamp: ${String(at)}`);
  if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone: ${String(tz)}`);
  return new TZDate(at, tz);
}

function rangeFromStart(start: TZDate): WeekRange {
  const end = addWeeks(start, 1);
  // Weeks start on Monday, so the ISO week of the Monday is the ISO week of the whole range.
  const key = `${getISOWeekYear(start)}-W${String(getISOWeek(start)).padStart(2, '0')}`;
  return { start: start.getTime(), end: end.getTime(), key };
}

/** The week containing `at`: [Monday 00:00, next Monday 00:00) in `tz`. Throws RangeError on a bad zone. */
export function weekRange(at: number, tz: string = defaultTimeZone()): WeekRange {
  return rangeFromStart(startOfWeek(zoned(at, tz), { weekStartsOn: 1 }));
}

/** `n` consecutive weeks ending with the week containing `at`, oldest first (chart order). */
export function lastWeeks(at: number, tz: string = defaultTimeZone(), n = 8): WeekRange[] {
  const count = Math.max(0, Math.floor(n));
  const current = startOfWeek(zoned(at, tz), { weekStartsOn: 1 });
  const weeks: WeekRange[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(rangeFromStart(addWeeks(current, -i)));
  return weeks;
}

/** ISO weekday of `at` in `tz`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(at: number, tz: string = defaultTimeZone()): number {
  return getISODay(zoned(at, tz));
}

/** Calendar days left in the week, today included: Monday → 7, Friday → 3, Sunday → 1. */
export function daysLeftInWeek(at: number, tz: string = defaultTimeZone()): number {
  return 8 - isoWeekday(at, tz);
}

export type Pace = 'green' | 'amber' | 'red';

export interface QuotaStatus {
  count: number;
  quota: number;
  /** Posts still needed this week, never negative. */
  remaining: number;
  /** Calendar days left in the week, today included (1…7). */
  daysLeft: number;
  /** remaining / daysLeft, rounded to two decimals (0 when done). */
  perDay: number;
  /** Posts the page should have by the start of today to be on pace (see `quotaStatus`). */
  expectedByNow: number;
  pace: Pace;
  /** «2 из 3 на этой неделе». */
  label: string;
  /** One short Russian sentence explaining the colour, e.g. «Осталось 2 поста за 3 дня». */
  hint: string;
}

/**
 * Russian plural form: `pluralRu(5, 'пост', 'поста', 'постов')` → 'постов'.
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(Math.trunc(n));
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const posts = (n: number) => `${n} ${pluralRu(n, 'пост', 'поста', 'постов')}`;
const days = (n: number) => `${n} ${pluralRu(n, 'день', 'дня', 'дней')}`;
/** «за 3 дня», but «сегодня» for the last day. */
const inDays = (n: number) => (n === 1 ? 'сегодня' : `за ${days(n)}`);

/**
 * The traffic light of the weekly quota. Rules, checked in this order:
 *
 * 1. **green** — done: `count >= quota` (a quota of 0 is always done).
 * 2. **red** — not doable at the normal rate: `remaining > daysLeft × maxPerDay`, where
 *    `maxPerDay = max(1, ceil(quota / 7))`. For every quota up to 7 this is «more posts needed than
 *    days left (today included)», i.e. more than one a day; for quota 8 it allows two a day, so a
 *    Novoaltaysk page (8 a week) is not red on Monday morning.
 * 3. **red** — nothing posted by Friday: `count === 0` on Friday, Saturday or Sunday.
 * 4. **green** — on pace: `count >= expectedByNow`, where
 *    `expectedByNow = floor(quota × daysElapsed / 7)` and `daysElapsed = 7 − daysLeft` counts whole
 *    days before today (today is still usable). Quota 3: Mon–Wed 0, Thu–Fri 1, Sat–Sun 2.
 * 5. **amber** — behind the pace but still doable at the normal rate.
 *
 * `at` and `tz` only decide the weekday; `count` must be the posts of the week containing `at`.
 */
export function quotaStatus(input: { count: number; quota: number; at: number; tz?: string }): QuotaStatus {
  const tz = input.tz ?? defaultTimeZone();
  const count = Number.isFinite(input.count) ? Math.max(0, Math.floor(input.count)) : 0;
  const quota = Number.isFinite(input.quota) ? Math.max(0, Math.floor(input.quota)) : 0;
  const daysLeft = daysLeftInWeek(input.at, tz);
  const remaining = Math.max(0, quota - count);
  const perDay = remaining === 0 ? 0 : Math.round((remaining / daysLeft) * 100) / 100;
  const daysElapsed = 7 - daysLeft;
  const expectedByNow = Math.floor((quota * daysElapsed) / 7);
  const maxPerDay = Math.max(1, Math.ceil(quota / 7));
  const label = `${count} из ${quota} на этой неделе`;

  let pace: Pace;
  let hint: string;
  if (remaining === 0) {
    pace = 'green';
    hint = quota === 0 ? 'Норма на неделю не задана' : 'Норма недели выполнена';
  } else if (remaining > daysLeft * maxPerDay) {
    pace = 'red';
    hint = `Нужно ещё ${posts(remaining)} ${inDays(daysLeft)} — норму уже трудно выполнить`;
  } else if (count === 0 && daysLeft <= 3) {
    pace = 'red';
    hint = `Ни одного поста с понедельника: нужно ${posts(remaining)} ${inDays(daysLeft)}`;
  } else if (count >= expectedByNow) {
    pace = 'green';
    hint = `Идёте по графику: осталось ${posts(remaining)} ${inDays(daysLeft)}`;
  } else {
    pace = 'amber';
    hint = `Отстаёте от графика: осталось ${posts(remaining)} ${inDays(daysLeft)}`;
  }
  return { count, quota, remaining, daysLeft, perDay, expectedByNow, pace, label, hint };
}
