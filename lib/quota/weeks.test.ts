import { describe, expect, it } from 'vitest';
import {
  daysLeftInWeek,
  defaultTimeZone,
  isoWeekday,
  isValidTimeZone,
  lastWeeks,
  pluralRu,
  quotaStatus,
  resolveTimeZone,
  weekRange,
} from './weeks';

const t = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test date ${iso}`);
  return ms;
};
const HOUR = 3_600_000;

describe('weekRange', () => {
  it('Moscow: Monday 00:00 to next Monday 00:00, ISO key', () => {
    const w = weekRange(t('2026-12-02T12:00:00+03:00'), 'Europe/Moscow');
    expect(w).toEqual({ start: t('2026-11-30T00:00:00+03:00'), end: t('2026-12-07T00:00:00+03:00'), key: '2026-W49' });
    expect(w.end - w.start).toBe(168 * HOUR);
  });

  it('Sunday 23:59:59 belongs to the old week, Monday 00:00 to the new one', () => {
    const sunday = weekRange(t('2026-12-06T23:59:59+03:00'), 'Europe/Moscow');
    const sundayLastMs = weekRange(t('2026-12-06T23:59:59.999+03:00'), 'Europe/Moscow');
    const monday = weekRange(t('2026-12-07T00:00:00+03:00'), 'Europe/Moscow');
    expect(sunday.key).toBe('2026-W49');
    expect(sundayLastMs.key).toBe('2026-W49');
    expect(monday.key).toBe('2026-W50');
    expect(monday.start).toBe(t('2026-12-07T00:00:00+03:00'));
    expect(sunday.end).toBe(monday.start);
  });

  it('the same instant falls in different weeks in Tomsk and Moscow', () => {
    const at = t('2026-12-06T17:00:00Z'); // Monday 00:00 in Tomsk (+07), Sunday 20:00 in Moscow
    expect(weekRange(at, 'Asia/Tomsk').key).toBe('2026-W50');
    expect(weekRange(at, 'Asia/Tomsk').start).toBe(at);
    expect(weekRange(at, 'Europe/Moscow').key).toBe('2026-W49');
    expect(weekRange(at - 1, 'Asia/Tomsk').key).toBe('2026-W49');
  });

  it('Asia/Barnaul and Asia/Tomsk weeks start at local midnight (+07)', () => {
    for (const zone of ['Asia/Barnaul', 'Asia/Tomsk']) {
      const w = weekRange(t('2026-06-14T23:59:59+07:00'), zone);
      expect(w.start).toBe(t('2026-06-08T00:00:00+07:00'));
      expect(w.end).toBe(t('2026-06-15T00:00:00+07:00'));
      expect(weekRange(t('2026-06-15T00:00:00+07:00'), zone).key).toBe('2026-W25');
    }
  });

  it('historic offset changes: Barnaul and Tomsk 2016 (167 h), Moscow 2014 (169 h)', () => {
    const barnaul = weekRange(t('2016-03-27T12:00:00+07:00'), 'Asia/Barnaul');
    expect(barnaul.start).toBe(t('2016-03-21T00:00:00+06:00'));
    expect(barnaul.end).toBe(t('2016-03-28T00:00:00+07:00'));
    expect(barnaul.end - barnaul.start).toBe(167 * HOUR);
    const tomsk = weekRange(t('2016-05-26T12:00:00+06:00'), 'Asia/Tomsk');
    expect(tomsk.end - tomsk.start).toBe(167 * HOUR);
    const moscow = weekRange(t('2014-10-26T12:00:00+03:00'), 'Europe/Moscow');
    expect(moscow.start).toBe(t('2014-10-20T00:00:00+04:00'));
    expect(moscow.end - moscow.start).toBe(169 * HOUR);
  });

  it('Europe/Berlin spring forward 2026-03-29: a 167-hour week ending at local midnight', () => {
    const w = weekRange(t('2026-03-29T12:00:00+02:00'), 'Europe/Berlin');
    expect(w.start).toBe(t('2026-03-23T00:00:00+01:00'));
    expect(w.end).toBe(t('2026-03-30T00:00:00+02:00'));
    expect(w.end - w.start).toBe(167 * HOUR);
    expect(w.key).toBe('2026-W13');
    expect(weekRange(t('2026-03-29T23:59:59+02:00'), 'Europe/Berlin').key).toBe('2026-W13');
    expect(weekRange(t('2026-03-30T00:00:00+02:00'), 'Europe/Berlin').key).toBe('2026-W14');
    // 02:30 does not exist that night; the instants around the jump stay in the same week.
    expect(weekRange(t('2026-03-29T01:59:59+01:00'), 'Europe/Berlin').key).toBe('2026-W13');
    expect(weekRange(t('2026-03-29T03:00:00+02:00'), 'Europe/Berlin').key).toBe('2026-W13');
  });

  it('Europe/Berlin fall back 2026-10-25: a 169-hour week', () => {
    const w = weekRange(t('2026-10-25T02:30:00+01:00'), 'Europe/Berlin');
    expect(w.start).toBe(t('2026-10-19T00:00:00+02:00'));
    expect(w.end).toBe(t('2026-10-26T00:00:00+01:00'));
    expect(w.end - w.start).toBe(169 * HOUR);
    expect(w.key).toBe('2026-W43');
    expect(weekRange(t('2026-10-25T23:59:59+01:00'), 'Europe/Berlin').key).toBe('2026-W43');
    expect(weekRange(t('2026-10-26T00:00:00+01:00'), 'Europe/Berlin').key).toBe('2026-W44');
  });

  it('year boundary: 2026-12-31 … 2027-01-03 is one week, ISO 2026-W53', () => {
    const thu = weekRange(t('2026-12-31T10:00:00+03:00'), 'Europe/Moscow');
    const sun = weekRange(t('2027-01-03T23:59:59+03:00'), 'Europe/Moscow');
    expect(thu).toEqual(sun);
    expect(thu.key).toBe('2026-W53');
    expect(thu.start).toBe(t('2026-12-28T00:00:00+03:00'));
    expect(thu.end).toBe(t('2027-01-04T00:00:00+03:00'));
    expect(weekRange(t('2027-01-04T00:00:00+03:00'), 'Europe/Moscow').key).toBe('2027-W01');
  });

  it('other ISO year edges: 2020-W53 in January, 2025-W01 in December', () => {
    expect(weekRange(t('2021-01-03T12:00:00+03:00'), 'Europe/Moscow').key).toBe('2020-W53');
    expect(weekRange(t('2024-12-30T00:00:00+03:00'), 'Europe/Moscow').key).toBe('2025-W01');
    expect(weekRange(t('2024-12-29T23:59:59+03:00'), 'Europe/Moscow').key).toBe('2024-W52');
  });

  it('rejects an unknown zone and a non-finite time', () => {
    expect(() => weekRange(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => weekRange(Number.NaN, 'Europe/Moscow')).toThrow(RangeError);
  });
});

describe('lastWeeks', () => {
  it('returns contiguous weeks, oldest first, across the year boundary', () => {
    const weeks = lastWeeks(t('2027-01-12T12:00:00+03:00'), 'Europe/Moscow', 3);
    expect(weeks.map((w) => w.key)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
    expect(weeks.at(-1)).toEqual(weekRange(t('2027-01-12T12:00:00+03:00'), 'Europe/Moscow'));
  });

  it('eight weeks over the Berlin DST change are contiguous and start at local Monday midnight', () => {
    const weeks = lastWeeks(t('2026-04-15T12:00:00+02:00'), 'Europe/Berlin', 8);
    expect(weeks).toHaveLength(8);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.end);
    for (const w of weeks) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(w.start);
      expect(local).toBe('Mon 00:00');
    }
    expect(weeks.map((w) => (w.end - w.start) / HOUR)).toEqual([168, 168, 168, 168, 167, 168, 168, 168]);
  });

  it('n = 0 gives nothing; the default is 8', () => {
    expect(lastWeeks(0, 'UTC', 0)).toEqual([]);
    expect(lastWeeks(0, 'UTC')).toHaveLength(8);
  });
});

describe('daysLeftInWeek', () => {
  it('counts today: Monday 7, Friday 3, Sunday 23:59:59 1', () => {
    expect(daysLeftInWeek(t('2026-11-30T00:00:00+03:00'), 'Europe/Moscow')).toBe(7);
    expect(daysLeftInWeek(t('2026-12-04T18:00:00+03:00'), 'Europe/Moscow')).toBe(3);
    expect(daysLeftInWeek(t('2026-12-06T23:59:59+03:00'), 'Europe/Moscow')).toBe(1);
    expect(daysLeftInWeek(t('2026-12-07T00:00:00+03:00'), 'Europe/Moscow')).toBe(7);
  });

  it('depends on the zone', () => {
    const at = t('2026-12-06T17:30:00Z');
    expect(daysLeftInWeek(at, 'Asia/Tomsk')).toBe(7);
    expect(daysLeftInWeek(at, 'Europe/Moscow')).toBe(1);
    expect(isoWeekday(at, 'Asia/Barnaul')).toBe(1);
  });
});

describe('time zone helpers', () => {
  it('default zone is valid; a bad stored zone falls back to it', () => {
    expect(isValidTimeZone(defaultTimeZone())).toBe(true);
    expect(resolveTimeZone('Asia/Tomsk')).toBe('Asia/Tomsk');
    expect(resolveTimeZone('Nowhere/Nothing')).toBe(defaultTimeZone());
    expect(resolveTimeZone(undefined)).toBe(defaultTimeZone());
    expect(isValidTimeZone('')).toBe(false);
  });

  it('pluralRu', () => {
    const p = (n: number) => pluralRu(n, 'пост', 'поста', 'постов');
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(p)).toEqual([
      'постов',
      'пост',
      'поста',
      'поста',
      'постов',
      'постов',
      'постов',
      'постов',
      'пост',
      'поста',
      'постов',
      'пост',
      'постов',
    ]);
  });
});

describe('quotaStatus', () => {
  const tz = 'Europe/Moscow';
  // Week 2026-W49: Monday 2026-11-30 … Sunday 2026-12-06.
  const day = (isoWeekday: number, time = '12:00:00') =>
    t(`2026-${isoWeekday === 1 ? '11-30' : `12-0${isoWeekday - 1}`}T${time}+03:00`);
  const pace = (quota: number, weekday: number, count: number) =>
    quotaStatus({ count, quota, at: day(weekday), tz }).pace;

  it('builds the label and the numbers', () => {
    const s = quotaStatus({ count: 2, quota: 3, at: day(5), tz });
    expect(s).toMatchObject({ count: 2, quota: 3, remaining: 1, daysLeft: 3, perDay: 0.33, pace: 'green' });
    expect(s.label).toBe('2 из 3 на этой неделе');
    expect(s.hint).toBe('Идёте по графику: осталось 1 пост за 3 дня');
  });

  it('quota 3: the whole week table', () => {
    const table: Array<[weekday: number, count: number, expected: string]> = [
      [1, 0, 'green'], // Monday, nothing expected yet
      [2, 0, 'green'],
      [3, 0, 'green'],
      [4, 0, 'amber'], // Thursday: 1 expected by now, 3 in 4 days still doable
      [4, 1, 'green'],
      [5, 0, 'red'], // Friday with no posts at all
      [5, 1, 'green'],
      [6, 0, 'red'],
      [6, 1, 'amber'], // Saturday: 2 needed in 2 days
      [6, 2, 'green'],
      [7, 1, 'red'], // Sunday: 2 needed, 1 day left
      [7, 2, 'green'],
      [7, 3, 'green'],
    ];
    for (const [weekday, count, expected] of table) {
      expect(`${weekday}/${count}: ${pace(3, weekday, count)}`).toBe(`${weekday}/${count}: ${expected}`);
    }
  });

  it('done is green even late on Sunday; over quota is fine', () => {
    const s = quotaStatus({ count: 5, quota: 3, at: day(7, '23:59:59'), tz });
    expect(s).toMatchObject({ remaining: 0, perDay: 0, pace: 'green', hint: 'Норма недели выполнена' });
    expect(s.label).toBe('5 из 3 на этой неделе');
  });

  it('zero posts by Friday is red even when the rest is doable (quota 2 and 1)', () => {
    expect(pace(2, 4, 0)).toBe('green');
    expect(pace(2, 5, 0)).toBe('red');
    expect(pace(1, 5, 0)).toBe('red');
    expect(pace(1, 7, 1)).toBe('green');
    expect(quotaStatus({ count: 0, quota: 2, at: day(5), tz }).hint).toBe(
      'Ни одного поста с понедельника: нужно 2 поста за 3 дня',
    );
  });

  it('quota 8 allows two posts a day, so Monday morning is not red', () => {
    expect(pace(8, 1, 0)).toBe('green');
    expect(pace(8, 2, 0)).toBe('amber');
    expect(pace(8, 4, 0)).toBe('amber'); // 8 in 4 days at 2 a day
    expect(pace(8, 5, 0)).toBe('red');
    expect(pace(8, 7, 6)).toBe('green');
    expect(pace(8, 7, 5)).toBe('red');
  });

  it('more posts needed than days left is red', () => {
    const s = quotaStatus({ count: 0, quota: 5, at: day(4), tz });
    expect(s).toMatchObject({ remaining: 5, daysLeft: 4, perDay: 1.25, pace: 'red' });
    expect(s.hint).toBe('Нужно ещё 5 постов за 4 дня — норму уже трудно выполнить');
    expect(quotaStatus({ count: 1, quota: 3, at: day(7), tz }).hint).toBe(
      'Нужно ещё 2 поста сегодня — норму уже трудно выполнить',
    );
  });

  it('quota 0 is always green; Sunday 23:59:59 vs Monday 00:00 changes daysLeft', () => {
    expect(quotaStatus({ count: 0, quota: 0, at: day(7), tz })).toMatchObject({
      pace: 'green',
      label: '0 из 0 на этой неделе',
    });
    expect(quotaStatus({ count: 0, quota: 3, at: day(7, '23:59:59'), tz }).daysLeft).toBe(1);
    expect(quotaStatus({ count: 0, quota: 3, at: t('2026-12-07T00:00:00+03:00'), tz })).toMatchObject({
      daysLeft: 7,
      pace: 'green',
    });
  });
});
