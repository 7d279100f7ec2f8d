import { describe, expect, it } from 'vitest';
import { formatPostTime, formatWeek, fromDateTimeLocal, toDateTimeLocal, zonedParts, zonedTime } from './time';

describe('zoned wall-clock time', () => {
  it('builds a moment in a zone and refuses rollovers', () => {
    expect(zonedTime(2026, 12, 1, 10, 0, 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 1, 7, 0));
    expect(zonedTime(2026, 12, 1, 10, 0, 'Asia/Tomsk')).toBe(Date.UTC(2026, 11, 1, 3, 0));
    expect(zonedTime(2026, 11, 31, 10, 0, 'Europe/Moscow')).toBeNull();
    expect(zonedTime(2026, 2, 29, 10, 0, 'Europe/Moscow')).toBeNull();
    expect(zonedTime(2028, 2, 29, 10, 0, 'Europe/Moscow')).not.toBeNull();
    expect(zonedTime(2026, 13, 1, 10, 0)).toBeNull();
    expect(zonedTime(2026, 1, 1, 24, 0)).toBeNull();
    expect(zonedTime(2026, 1, 1, 1.5, 0)).toBeNull();
  });
  it('datetime-local values round-trip in the user zone, also across a DST change', () => {
    const at = Date.UTC(2026, 2, 29, 0, 30); // 01:30 in Berlin, the night clocks go forward
    const local = toDateTimeLocal(at, 'Europe/Berlin');
    expect(local).toBe('2026-03-29T01:30');
    expect(fromDateTimeLocal(local, 'Europe/Berlin')).toBe(at);
    expect(fromDateTimeLocal('2026-11-30T09:15', 'Europe/Moscow')).toBe(Date.UTC(2026, 10, 30, 6, 15));
    expect(fromDateTimeLocal('2026-11-30T09:15:00', 'Europe/Moscow')).toBe(Date.UTC(2026, 10, 30, 6, 15));
    expect(fromDateTimeLocal('30.11.2026 09:15', 'Europe/Moscow')).toBeNull();
    expect(fromDateTimeLocal('', 'Europe/Moscow')).toBeNull();
    expect(zonedParts(Date.UTC(2026, 10, 30, 22, 0), 'Asia/Vladivostok')).toEqual({
      year: 2026,
      month: 12,
      day: 1,
      hours: 8,
      minutes: 0,
    });
  });
  it('formats in Russian in the given zone', () => {
    const at = Date.UTC(2026, 10, 30, 7, 5);
    expect(formatPostTime(at, 'Europe/Moscow')).toMatch(/^пн, 30 нояб\.?,? 10:05$/);
    expect(formatPostTime(at, 'Asia/Tomsk')).toMatch(/14:05$/);
    expect(formatWeek({ start: Date.UTC(2026, 10, 29, 21), end: Date.UTC(2026, 11, 6, 21) }, 'Europe/Moscow')).toMatch(
      /^30 нояб\.? – 6 дек\.?$/,
    );
  });
});
