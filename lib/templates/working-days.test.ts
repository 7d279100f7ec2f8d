import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  calendarStatus,
  isWorkingDay,
  localDayKey,
  workingHoursBetween,
} from './working-days';

const MSK = 'Europe/Moscow';
const TOMSK = 'Asia/Tomsk';

/** A wall-clock moment in a zone. */
function at(tz: string, y: number, m: number, d: number, h = 12, min = 0): number {
  return new TZDate(y, m - 1, d, h, min, tz).getTime();
}

function day(ts: number, tz = MSK): string {
  return localDayKey(ts, tz);
}

function workingDaysIn(year: number, tz = MSK): number {
  let n = 0;
  for (let ts = at(tz, year, 1, 1); localDayKey(ts, tz).startsWith(String(year)); ts += 86_400_000) {
    if (isWorkingDay(ts, tz)) n++;
  }
  return n;
}

describe('production calendar', () => {
  it('has the official number of working days in 2025 and 2026', () => {
    expect(workingDaysIn(2025)).toBe(247);
    expect(workingDaysIn(2026)).toBe(247);
  });

  it('knows where each year comes from', () => {
    expect(calendarStatus(2025)).toBe('decree');
    expect(calendarStatus(2026)).toBe('decree');
    expect(calendarStatus(2027)).toBe('provisional');
    expect(calendarStatus(2031)).toBe('fallback');
  });

  it('marks New Year holidays, transfers and an ordinary weekday', () => {
    expect(isWorkingDay(at(MSK, 2026, 1, 8), MSK)).toBe(false);
    expect(isWorkingDay(at(MSK, 2026, 1, 9), MSK)).toBe(false); // moved from Saturday 3 January
    expect(isWorkingDay(at(MSK, 2026, 1, 12), MSK)).toBe(true);
    expect(isWorkingDay(at(MSK, 2025, 12, 31), MSK)).toBe(false); // moved from 5 January 2025
    expect(isWorkingDay(at(MSK, 2026, 12, 31), MSK)).toBe(false); // moved from 4 January 2026
    expect(isWorkingDay(at(MSK, 2026, 12, 30), MSK)).toBe(true);
  });

  it('treats the transferred Saturday 1 November 2025 as a working day', () => {
    expect(isWorkingDay(at(MSK, 2025, 11, 1), MSK)).toBe(true);
    expect(isWorkingDay(at(MSK, 2025, 11, 2), MSK)).toBe(false);
    expect(isWorkingDay(at(MSK, 2025, 11, 3), MSK)).toBe(false);
    expect(isWorkingDay(at(MSK, 2025, 11, 4), MSK)).toBe(false);
    expect(isWorkingDay(at(MSK, 2025, 11, 8), MSK)).toBe(false); // an ordinary Saturday
  });

  it('falls back to Art. 112 with the weekend shift for years without data', () => {
    // 2031: 1 May is Thursday, 9 May Friday; 4 November Tuesday; 12 June Thursday
    expect(isWorkingDay(at(MSK, 2031, 11, 4), MSK)).toBe(false);
    expect(isWorkingDay(at(MSK, 2031, 11, 5), MSK)).toBe(true);
    // 2033: 12 June is Sunday → Monday 13 June off; 8 January is Saturday, not shifted (January)
    expect(isWorkingDay(at(MSK, 2033, 6, 13), MSK)).toBe(false);
    expect(isWorkingDay(at(MSK, 2033, 6, 14), MSK)).toBe(true);
    expect(isWorkingDay(at(MSK, 2033, 1, 10), MSK)).toBe(true);
  });

  it('uses the calendar day of the given zone', () => {
    // 30 Dec 2025 21:00 in Moscow is already 31 Dec 01:00 in Tomsk (a day off)
    const ts = at(MSK, 2025, 12, 30, 21);
    expect(isWorkingDay(ts, MSK)).toBe(true);
    expect(isWorkingDay(ts, TOMSK)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('counts from the next day and skips weekends', () => {
    // Friday 27 Nov 2026 + 1 → Monday 30 Nov
    expect(day(addWorkingDays(at(MSK, 2026, 11, 27), 1, MSK))).toBe('2026-11-30');
    // Saturday + 1 → Monday
    expect(day(addWorkingDays(at(MSK, 2026, 11, 28), 1, MSK))).toBe('2026-11-30');
    expect(addWorkingDays(at(MSK, 2026, 11, 27), 0, MSK)).toBe(at(MSK, 2026, 11, 27));
  });

  it('keeps the wall-clock time', () => {
    const r = new TZDate(addWorkingDays(at(MSK, 2026, 11, 30, 15, 45), 7, MSK), MSK);
    expect([r.getHours(), r.getMinutes()]).toEqual([15, 45]);
  });

  it('crosses the New Year holidays 2025/2026', () => {
    // Monday 29 Dec 2025: working 30 Dec, then off 31 Dec – 11 Jan
    expect(day(addWorkingDays(at(MSK, 2025, 12, 29), 1, MSK))).toBe('2025-12-30');
    expect(day(addWorkingDays(at(MSK, 2025, 12, 29), 2, MSK))).toBe('2026-01-12');
    expect(day(addWorkingDays(at(MSK, 2025, 12, 29), 7, MSK))).toBe('2026-01-19'); // 30.12, 12–16.01, 19.01
  });

  it('crosses the New Year 2026/2027', () => {
    // 30 Dec 2026 (Wed) + 1: 31 Dec off, 1–10 Jan 2027 off → Monday 11 Jan 2027
    expect(day(addWorkingDays(at(MSK, 2026, 12, 30), 1, MSK))).toBe('2027-01-11');
  });

  it('crosses the May holidays of 2025 and 2026', () => {
    // Wed 30 Apr 2025 + 1: 1–4 May off → Mon 5 May; +4: 8–11 May off → Mon 12 May
    expect(day(addWorkingDays(at(MSK, 2025, 4, 30), 1, MSK))).toBe('2025-05-05');
    expect(day(addWorkingDays(at(MSK, 2025, 4, 30), 4, MSK))).toBe('2025-05-12');
    // Thu 30 Apr 2026 + 7: 1–3, 9–11 May off → 4,5,6,7,8,12,13 → Wed 13 May
    expect(day(addWorkingDays(at(MSK, 2026, 4, 30), 7, MSK))).toBe('2026-05-13');
  });

  it('skips 4 November', () => {
    // Tue 3 Nov 2026 + 1 → Thu 5 Nov
    expect(day(addWorkingDays(at(MSK, 2026, 11, 3), 1, MSK))).toBe('2026-11-05');
  });

  it('counts the transferred working Saturday', () => {
    // Fri 31 Oct 2025 + 1 → Sat 1 Nov (working); + 2 → Wed 5 Nov
    expect(day(addWorkingDays(at(MSK, 2025, 10, 31), 1, MSK))).toBe('2025-11-01');
    expect(day(addWorkingDays(at(MSK, 2025, 10, 31), 2, MSK))).toBe('2025-11-05');
  });

  it('counts backwards', () => {
    expect(day(addWorkingDays(at(MSK, 2026, 1, 12), -1, MSK))).toBe('2025-12-30');
  });

  it('works in Asia/Tomsk', () => {
    // 22:30 Moscow on Friday 30 Apr 2027 is already Saturday 1 May 02:30 in Tomsk
    const ts = at(MSK, 2027, 4, 30, 22, 30);
    expect(day(addWorkingDays(ts, 1, MSK), MSK)).toBe('2027-05-04'); // 1–3 May off (3 May = shifted 1 May)
    expect(day(addWorkingDays(ts, 1, TOMSK), TOMSK)).toBe('2027-05-04');
    const r = new TZDate(addWorkingDays(ts, 1, TOMSK), TOMSK);
    expect([r.getHours(), r.getMinutes()]).toEqual([2, 30]);
  });

  it('rejects fractional counts', () => {
    expect(() => addWorkingDays(0, 1.5, MSK)).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  const opts = { tz: MSK };

  it('adds inside one day and stops exactly at the end of the day', () => {
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 10), 4, opts)).toBe(at(MSK, 2026, 11, 30, 14));
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 9), 9, opts)).toBe(at(MSK, 2026, 11, 30, 18));
  });

  it('carries over to the next working day (8 working hours)', () => {
    // Mon 16:00 + 8 h: 2 h today, 6 h tomorrow → Tue 15:00
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 16), 8, opts)).toBe(at(MSK, 2026, 12, 1, 15));
  });

  it('starts at the opening time when detected at night or on a weekend', () => {
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 7), 4, opts)).toBe(at(MSK, 2026, 11, 30, 13));
    // Saturday 28 Nov 2026 → Monday 09:00 + 4 h
    expect(addWorkingHours(at(MSK, 2026, 11, 28, 11), 4, opts)).toBe(at(MSK, 2026, 11, 30, 13));
  });

  it('skips the lunch break', () => {
    const lunch = { tz: MSK, lunch: { start: '13:00', end: '14:00' } };
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 12), 2, lunch)).toBe(at(MSK, 2026, 11, 30, 15));
    // a full day with lunch is 8 hours
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 9), 8, lunch)).toBe(at(MSK, 2026, 11, 30, 18));
  });

  it('uses custom hours', () => {
    const short = { tz: MSK, start: '08:30', end: '17:30' };
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 17), 1, short)).toBe(at(MSK, 2026, 12, 1, 9));
    expect(addWorkingHours(at(MSK, 2026, 11, 30, 10), 0.5, short)).toBe(at(MSK, 2026, 11, 30, 10, 30));
  });

  it('skips the New Year holidays and the May holidays', () => {
    // Tue 30 Dec 2025 17:00 + 4 h → Mon 12 Jan 2026 12:00
    expect(addWorkingHours(at(MSK, 2025, 12, 30, 17), 4, opts)).toBe(at(MSK, 2026, 1, 12, 12));
    // Fri 8 May 2026 (working) 17:00 + 8 h: 1 h, then 9–11 May off → Tue 12 May 16:00
    expect(addWorkingHours(at(MSK, 2026, 5, 8, 17), 8, opts)).toBe(at(MSK, 2026, 5, 12, 16));
  });

  it('counts the working Saturday 1 November 2025', () => {
    expect(addWorkingHours(at(MSK, 2025, 10, 31, 17), 4, opts)).toBe(at(MSK, 2025, 11, 1, 12));
  });

  it('works in the office zone (Asia/Tomsk)', () => {
    // 13:00 Moscow = 17:00 Tomsk; 4 h in Tomsk → 1 h today, 3 h tomorrow → 12:00 Tomsk
    const ts = at(MSK, 2026, 11, 30, 13);
    expect(addWorkingHours(ts, 4, { tz: TOMSK })).toBe(at(TOMSK, 2026, 12, 1, 12));
  });

  it('accepts the workingHours setting as it is stored', () => {
    const setting = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', russianHolidays: true };
    expect(addWorkingHours(at(MSK, 2025, 12, 30, 17), 4, { tz: MSK, ...setting })).toBe(at(MSK, 2026, 1, 12, 12));
  });

  it('uses custom office days, still with the holidays', () => {
    const tueToSat = { tz: MSK, days: [2, 3, 4, 5, 6] };
    // Fri 27 Nov 2026 17:00 + 4 h → 1 h Friday, 3 h Saturday → Sat 12:00
    expect(addWorkingHours(at(MSK, 2026, 11, 27, 17), 4, tueToSat)).toBe(at(MSK, 2026, 11, 28, 12));
    // Saturday 2 May 2026 is an ordinary Saturday for such an office, Sat 9 May a holiday
    expect(addWorkingHours(at(MSK, 2026, 5, 1, 12), 1, tueToSat)).toBe(at(MSK, 2026, 5, 2, 10));
    expect(addWorkingHours(at(MSK, 2026, 5, 8, 17), 2, tueToSat)).toBe(at(MSK, 2026, 5, 12, 10));
  });

  it('can ignore the holidays', () => {
    const noHolidays = { tz: MSK, russianHolidays: false };
    expect(addWorkingHours(at(MSK, 2026, 1, 2, 17), 2, noHolidays)).toBe(at(MSK, 2026, 1, 5, 10));
    expect(() => addWorkingHours(0, 1, { tz: MSK, days: [] })).toThrow(/ни одного/);
    expect(() => addWorkingHours(0, 1, { tz: MSK, days: [0] })).toThrow(/от 1 до 7/);
  });

  it('validates the hours', () => {
    expect(() => addWorkingHours(0, 1, { tz: MSK, start: '18:00', end: '09:00' })).toThrow(/позже начала/);
    expect(() => addWorkingHours(0, 1, { tz: MSK, start: '9 утра' })).toThrow(/ЧЧ:ММ/);
    expect(() => addWorkingHours(0, -1, opts)).toThrow(RangeError);
  });

  it('measures working time between two moments', () => {
    expect(workingHoursBetween(at(MSK, 2026, 11, 27, 16), at(MSK, 2026, 11, 30, 11), opts)).toBe(4);
    expect(workingHoursBetween(at(MSK, 2026, 11, 30, 11), at(MSK, 2026, 11, 27, 16), opts)).toBe(0);
    const from = at(MSK, 2026, 11, 30, 16, 20);
    expect(workingHoursBetween(from, addWorkingHours(from, 8, opts), opts)).toBeCloseTo(8, 10);
  });
});
