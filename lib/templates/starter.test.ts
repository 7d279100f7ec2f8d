import { describe, expect, it } from 'vitest';
import { templateSchema } from '../store/schema';
import { searchTemplates } from './search';
import { STARTER_TEMPLATES } from './starter';
import { fillTemplate, parseVariables } from './variables';

/** Bureaucratese the regulations forbid (stems, lower case, ё → е). */
const KANTS = [
  'в целях',
  'осуществл',
  'данн',
  'в рамках',
  'в настоящее время',
  'являет',
  'в соответствии',
  'производится',
  'в связи с',
  'по вопросу',
  'информируем',
  'сообщаем',
  'указанн',
  'мероприяти',
  'на территории',
  'уважаем',
  'обращени',
];
/** Anything that looks like a legal act. */
const LEGAL = /(фз|закон|постановлени|кодекс|ст\.|стать[яиейю]|приказ|распоряжени|регламент)/;

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
/** Text without {variables}. */
const prose = (s: string) => s.replace(/\{[^}]*\}/g, '');

describe('starter templates', () => {
  it('has at least 15 templates with unique titles, valid for the schema', () => {
    expect(STARTER_TEMPLATES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(STARTER_TEMPLATES.map((t) => t.title)).size).toBe(STARTER_TEMPLATES.length);
    for (const t of STARTER_TEMPLATES) {
      expect(() => templateSchema.parse(t)).not.toThrow();
      expect(t.builtin).toBe(true);
      expect(t.tags.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers every reply category', () => {
    const cats = new Set(STARTER_TEMPLATES.map((t) => t.category));
    for (const c of [
      'по существу',
      'промежуточный',
      'уточнение',
      'перенаправление',
      'благодарность',
      'отказ с объяснением',
    ] as const) {
      expect(cats.has(c)).toBe(true);
    }
  });

  it.each([
    'дорога',
    'вода',
    'отопление',
    'мусор',
    'снег',
    'фонарь',
    'детский сад',
    'приём',
    'МФЦ',
    'Госуслуги',
    'собаки',
    'автобус',
    'спасибо',
    'адрес',
    'промежуточный',
    'перенаправление',
    'отказ',
  ])('has a template found by «%s»', (q) => {
    expect(searchTemplates(STARTER_TEMPLATES, q).length).toBeGreaterThan(0);
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.title, t] as const))('«%s» follows the reply rules', (_title, t) => {
    const vars = parseVariables(t.text);
    // greeting first
    expect(vars[0]?.kind).toBe('greeting');
    expect(vars[0]?.start).toBe(0);
    // a contact
    expect(vars.some((v) => v.kind === 'phone' || v.kind === 'site')).toBe(true);
    // no канцелярит, no legal acts
    const p = norm(prose(t.text));
    for (const k of KANTS) expect(p, `«${k}» in «${t.title}»`).not.toContain(k);
    expect(p).not.toMatch(LEGAL);
    // short sentences
    const sentences = prose(t.text)
      .split(/[.!?]+\s/)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of sentences) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(22);
    // a reasonable length for a comment
    expect(t.text.length).toBeLessThan(600);
  });

  it('has an interim reply that promises the final answer by {срок} (7 working days)', () => {
    const interim = STARTER_TEMPLATES.filter((t) => t.category === 'промежуточный');
    expect(interim.some((t) => parseVariables(t.text).some((v) => v.kind === 'deadline' && v.days === undefined))).toBe(
      true,
    );
  });

  it('fills with page data and leaves only free variables to the user', () => {
    for (const t of STARTER_TEMPLATES) {
      const r = fillTemplate(t.text, {
        authorName: 'Анна Смирнова',
        organization: 'Администрация поселения',
        phone: '8 (861) 000-00-00',
        site: 'example.ru',
        now: Date.UTC(2026, 10, 30, 9),
        tz: 'Europe/Moscow',
      });
      expect(r.text.startsWith('Здравствуйте, Анна! ')).toBe(true);
      const free = parseVariables(t.text)
        .filter((v) => v.kind === 'free')
        .map((v) => v.name);
      expect(r.missing).toEqual([...new Set(free)]);
      expect(r.text).not.toMatch(/г\.\./);
    }
  });
});
