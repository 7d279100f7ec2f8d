import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../checks/index';
import type { Speller } from '../checks/spelling';
import { loadNodeSpeller } from '../checks/spelling-node';
import { STARTER_TEMPLATES } from './starter';
import { fillTemplate, normalizeVariableName, parseVariables } from './variables';

/** Sample answers for the free variables, so the check sees a finished reply. */
const SAMPLE_VALUES: Record<string, string> = {
  адрес: 'улица Ленина, 5',
  когда: 'в среду',
  подробности: 'В нашем поселении два детских сада, свободные места есть в обоих.',
  'дни и часы приёма': 'по вторникам с 10 до 12 часов',
  'какие документы': 'свидетельство о рождении ребёнка',
  'номер маршрута': 'номер 3',
  расписание: 'каждый час с 6 до 20 часов',
  кому: 'нашим дворникам',
  'что уточнить': 'с какого дня нет света в подъезде',
  'что сейчас делаем': 'запросили сведения у подрядчика',
  'кто отвечает': 'районная больница',
  'что можем сделать мы': 'помочь с транспортом до больницы',
  'их контакт': 'телефон регистратуры 8 (861) 000-00-01',
  причина: 'на этом месте проходит газопровод',
  'что можно вместо этого': 'поставить скамейку в соседнем сквере',
  'кому принадлежит': 'частному владельцу',
};

describe('starter templates pass the checker', () => {
  let speller: Speller;
  beforeAll(async () => {
    speller = await loadNodeSpeller();
  }, 60_000);

  it('has a sample value for every free variable', () => {
    const keys = new Set(Object.keys(SAMPLE_VALUES).map(normalizeVariableName));
    for (const t of STARTER_TEMPLATES) {
      for (const v of parseVariables(t.text)) if (v.kind === 'free') expect(keys.has(v.key), v.name).toBe(true);
    }
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.title, t] as const))(
    '«%s» has no errors (plastunovskaya, reply)',
    (_t, t) => {
      const filled = fillTemplate(t.text, {
        authorName: 'Анна Смирнова',
        organization: 'Администрация Пластуновского сельского поселения',
        phone: '8 (861) 000-00-00',
        site: 'plastunovskaya.ru',
        now: Date.UTC(2026, 10, 30, 7),
        tz: 'Europe/Moscow',
        values: SAMPLE_VALUES,
      });
      expect(filled.missing).toEqual([]);
      const result = check(
        filled.text,
        { mode: 'reply', preset: 'plastunovskaya', replyTo: { authorName: 'Анна Смирнова' } },
        speller,
      );
      const errors = result.findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.rule}: «${filled.text.slice(f.start, f.end)}» — ${f.message}`);
      expect(errors).toEqual([]);
      expect(result.summary.greeting.present).toBe(true);
      expect(result.summary.citations.count).toBe(0);
      expect(result.summary.tone.verdict).not.toBe('press-release');
    },
  );

  it.each(STARTER_TEMPLATES.map((t) => [t.title, t] as const))('«%s» has no errors for an unknown author', (_t, t) => {
    const filled = fillTemplate(t.text, {
      authorName: 'МБОУ СОШ №1',
      phone: '8 (861) 000-00-00',
      site: 'plastunovskaya.ru',
      now: Date.UTC(2026, 10, 30, 7),
      tz: 'Europe/Moscow',
      values: SAMPLE_VALUES,
    });
    expect(filled.text.startsWith('Здравствуйте! ')).toBe(true);
    const result = check(filled.text, { mode: 'reply', preset: 'plastunovskaya' }, speller);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([]);
    expect(result.summary.greeting.present).toBe(true);
  });
});
