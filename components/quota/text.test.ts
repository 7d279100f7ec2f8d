import { describe, expect, it } from 'vitest';
import { chartLabel, needLabel, perDayLabel } from './text';

describe('quota texts', () => {
  it('per remaining day', () => {
    expect(perDayLabel(0)).toBe('');
    expect(perDayLabel(1)).toBe('по 1 посту в день');
    expect(perDayLabel(2)).toBe('по 2 поста в день');
    expect(perDayLabel(5)).toBe('по 5 постов в день');
    expect(perDayLabel(1.5)).toBe('примерно по 1,5 поста в день');
    expect(perDayLabel(1 / 7)).toBe('примерно раз в 7 дней');
    expect(perDayLabel(2 / 7)).toBe('примерно раз в 3 дня');
    expect(perDayLabel(0.5)).toBe('примерно раз в 2 дня');
    expect(perDayLabel(0.75)).toBe('по 1 посту в день');
  });
  it('what is left this week', () => {
    expect(needLabel({ quota: 3, remaining: 0, daysLeft: 3, perDay: 0 })).toBe('Норма недели выполнена');
    expect(needLabel({ quota: 0, remaining: 0, daysLeft: 3, perDay: 0 })).toBe('Норма на неделю не задана');
    expect(needLabel({ quota: 3, remaining: 2, daysLeft: 4, perDay: 0.5 })).toBe(
      'Осталось 4 дня (с сегодняшним), нужно ещё 2 поста: примерно раз в 2 дня',
    );
    expect(needLabel({ quota: 8, remaining: 2, daysLeft: 1, perDay: 2 })).toBe(
      'Сегодня последний день недели, нужно ещё 2 поста: по 2 поста в день',
    );
  });
  it('chart text for screen readers', () => {
    const tz = 'Europe/Moscow';
    const w = (d: number, count: number) => ({
      start: Date.UTC(2026, 10, d, 21),
      end: Date.UTC(2026, 10, d + 7, 21),
      count,
    });
    expect(chartLabel([w(15, 3), w(22, 1)], 3, tz)).toMatch(
      /^Посты по неделям \(норма 3\): 16 нояб\.? – 22 нояб\.?: 3; эта неделя: 1$/,
    );
  });
});
