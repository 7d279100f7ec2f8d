import { describe, expect, it } from 'vitest';
import type { Template } from '../store/schema';
import { createTemplateSearch, searchTemplates } from './search';
import { STARTER_TEMPLATES } from './starter';

function tpl(title: string, text: string, tags: string[] = [], useCount = 0, lastUsed: number | null = null): Template {
  return { title, text, tags, useCount, lastUsed, category: 'по существу', builtin: false };
}

const starters = STARTER_TEMPLATES.map((t, i) => ({ ...t, id: i + 1 }));
const titles = (list: ReadonlyArray<{ title: string }>) => list.map((t) => t.title);

describe('template search', () => {
  it('finds by part of a title', () => {
    const r = searchTemplates(starters, 'фонар');
    expect(r[0]?.title).toBe('Не горит уличный фонарь');
  });

  it('finds by a tag', () => {
    const r = searchTemplates(starters, 'отлов');
    expect(r[0]?.title).toBe('Бездомные собаки');
    expect(titles(searchTemplates(starters, 'мфц'))).toContain('Документы через МФЦ или Госуслуги');
  });

  it('forgives a typo', () => {
    expect(searchTemplates(starters, 'отоплние')[0]?.title).toBe('Отопление: холодные батареи');
    expect(searchTemplates(starters, 'сабаки')[0]?.title).toBe('Бездомные собаки');
    expect(searchTemplates(starters, 'раписание автобуса')[0]?.title).toBe('Расписание автобуса');
  });

  it('folds ё and case', () => {
    const list = [tpl('Гололёд на тротуаре', 'Посыпаем песком.'), tpl('Вода', 'Нет воды.')];
    expect(titles(searchTemplates(list, 'ГОЛОЛЕД'))).toEqual(['Гололёд на тротуаре']);
    expect(titles(searchTemplates(list, 'гололёд'))).toEqual(['Гололёд на тротуаре']);
  });

  it('needs all words when it can, and falls back to any word', () => {
    const r = searchTemplates(starters, 'промежуточный выезд');
    expect(r[0]?.title).toBe('Промежуточный ответ: специалисты приедут на место');
    expect(searchTemplates(starters, 'снег зюзюзю').length).toBeGreaterThan(0);
  });

  it('orders equally relevant results by use', () => {
    const list = [
      tpl('Вывоз мусора: двор', 'Мусор вывезут завтра.', [], 1, 100),
      tpl('Вывоз мусора: улица', 'Мусор вывезут завтра.', [], 5, 50),
      tpl('Вывоз мусора: парк', 'Мусор вывезут завтра.', [], 5, 80),
    ];
    expect(titles(searchTemplates(list, 'мусор'))).toEqual([
      'Вывоз мусора: парк',
      'Вывоз мусора: улица',
      'Вывоз мусора: двор',
    ]);
  });

  it('keeps relevance before use', () => {
    const list = [tpl('Снег', 'Уберём снег.', [], 100), tpl('Фонари', 'Починим свет.', ['освещение'], 0)];
    expect(titles(searchTemplates(list, 'фонари'))).toEqual(['Фонари']);
  });

  it('lists everything by most used for an empty query', () => {
    const list = [
      tpl('Бэ', 'б', [], 0, null),
      tpl('Вэ', 'в', [], 3, 10),
      tpl('Гэ', 'г', [], 3, 20),
      tpl('Аа', 'а', [], 0, null),
    ];
    expect(titles(searchTemplates(list, '   '))).toEqual(['Гэ', 'Вэ', 'Аа', 'Бэ']);
  });

  it('filters by category and limits', () => {
    const index = createTemplateSearch(starters);
    const interim = index.search('', { category: 'промежуточный' });
    expect(interim.length).toBe(2);
    expect(interim.every((t) => t.category === 'промежуточный')).toBe(true);
    expect(index.search('ответ', { category: 'промежуточный' }).every((t) => t.category === 'промежуточный')).toBe(
      true,
    );
    expect(index.search('', { limit: 3 }).length).toBe(3);
  });

  it('returns the same objects it was given (React keys stay stable)', () => {
    const r = searchTemplates(starters, 'собаки');
    expect(starters).toContain(r[0]);
  });
});
