import { describe, expect, it } from 'vitest';
import { checkGreeting, firstName, greetingInsertion } from './greeting';
import { PRESETS } from './presets';
import type { Mode, Preset, RuleContext } from './types';

function ctx(
  text: string,
  authorName?: string,
  mode: Mode = 'reply',
  preset: Preset = PRESETS.plastunovskaya,
): RuleContext {
  return { text, mode, preset, replyTo: authorName === undefined ? undefined : { authorName }, userWords: new Set() };
}

function present(text: string): boolean {
  return checkGreeting(ctx(text)).present;
}

/** Applies the insertion the way the UI does: `suggestions[0]` at `finding.start`. */
function applied(text: string, authorName?: string): string {
  const r = checkGreeting(ctx(text, authorName));
  const f = r.findings.find((x) => x.rule === 'greeting.missing');
  if (!f) throw new Error(`no greeting.missing for ${JSON.stringify(text)}`);
  return text.slice(0, f.start) + (f.suggestions[0] ?? '') + text.slice(f.start);
}

describe('greeting present', () => {
  const yes = [
    'Здравствуйте, Анна! Ямы на Садовой засыплем до пятницы.',
    'здравствуйте ямы засыплем',
    'Добрый день! Ямы засыплем до пятницы.',
    'добрый вечер, ямы засыплем',
    'Доброе утро! Автобус пойдёт по новому расписанию.',
    'Доброго времени суток! Автобус пойдёт по новому расписанию.',
    'Приветствуем! Спасибо, что написали.',
    'Приветствую вас! Спасибо, что написали.',
    'Уважаемая Анна Ивановна, ремонт начнётся в мае.',
    'Уважаемый Иван, ремонт начнётся в мае.',
    'Уважаемые жители, ремонт начнётся в мае.',
    'Дорогие соседи, ремонт начнётся в мае.',
    'И вам здравствуйте! Ремонт начнётся в мае.',
    'Ещё раз добрый день! Ремонт начнётся в мае.',
    'Анна, добрый день! Ремонт начнётся в мае.',
    'Анна Ивановна, здравствуйте! Ремонт начнётся в мае.',
    // after a VK mention
    '[id123|Анна], здравствуйте! Ремонт начнётся в мае.',
    '[id123|Анна] добрый день, ремонт начнётся в мае.',
    '[club1|Администрация Валуйского городского округа], приветствуем!',
    '@id123 (Анна), добрый вечер! Ремонт начнётся в мае.',
    '@club1 (Администрация), здравствуйте!',
    '*id123 (Анна), здравствуйте!',
    // leading emoji and whitespace
    '👋 Здравствуйте! Ремонт начнётся в мае.',
    '  \n🌷🌷 Добрый день!',
    // typos and missing ё / capital / comma
    'Здраствуйте! Ремонт начнётся в мае.',
    'Здравствуйти Анна ремонт начнётся в мае',
    'Зравствуйте! Ремонт начнётся в мае.',
    'Здрасьте! Ремонт начнётся в мае.',
    'Доьрый день! Ремонт начнётся в мае.',
    'Добрый дегь! Ремонт начнётся в мае.',
    'Уважемая Анна, ремонт начнётся в мае.',
    // informal, but a greeting
    'Привет! Ремонт начнётся в мае.',
    'Всем привет!',
  ];
  for (const t of yes) it(t, () => expect(present(t)).toBe(true));
});

describe('greeting absent', () => {
  const no = [
    'Спасибо за вопрос! Ремонт начнётся в мае.',
    'Ремонт начнётся в мае.',
    '[id123|Анна], спасибо за вопрос.',
    '@id123 (Анна), ремонт начнётся в мае.',
    'Анна, ремонт начнётся в мае.',
    'Добрый человек нашёл вашу сумку.',
    'Дорогой ремонт нам не нужен.',
    'Здравоохранение района получило новые машины.',
    'Уже ответили вам в личных сообщениях. Здравствуйте!',
    '',
    '   ',
    '👍',
  ];
  for (const t of no) it(JSON.stringify(t), () => expect(present(t)).toBe(false));
});

describe('checkGreeting: when it is required', () => {
  it('required in reply and message mode when the preset requires it', () => {
    expect(checkGreeting(ctx('Ремонт начнётся в мае.', undefined, 'reply')).required).toBe(true);
    expect(checkGreeting(ctx('Ремонт начнётся в мае.', undefined, 'message')).required).toBe(true);
    const post = checkGreeting(ctx('Ремонт начнётся в мае.', undefined, 'post'));
    expect(post).toEqual({ required: false, present: false, findings: [] });
  });

  it('not required by presets whose act is silent (001, 002, 004): no findings, presence still reported', () => {
    for (const p of [PRESETS.novoaltaysk, PRESETS.pyatigorsk, PRESETS.tomsk]) {
      expect(checkGreeting(ctx('Ремонт начнётся в мае.', 'Анна', 'reply', p))).toEqual({
        required: false,
        present: false,
        findings: [],
      });
      expect(checkGreeting(ctx('Добрый день! Ремонт начнётся в мае.', 'Анна', 'reply', p)).present).toBe(true);
    }
    expect(checkGreeting(ctx('Ремонт начнётся в мае.', 'Анна', 'reply', PRESETS.valuyki)).required).toBe(true);
  });
});

describe('checkGreeting: the missing-greeting finding', () => {
  it('underlines the first word and suggests «Здравствуйте, Анна! » with the first name', () => {
    const text = 'Спасибо за вопрос! Ремонт начнётся в мае.';
    const r = checkGreeting(ctx(text, 'Анна Петрова'));
    expect(r).toMatchObject({ required: true, present: false });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f).toMatchObject({
      rule: 'greeting.missing',
      category: 'greeting',
      severity: 'error',
      start: 0,
      suggestions: ['Здравствуйте, Анна! '],
    });
    expect(text.slice(f?.start, f?.end)).toBe('Спасибо');
    expect(f?.message).toBe('Ответ начинается без приветствия, а регламент требует поздороваться с автором.');
  });

  it('«Здравствуйте! » without a usable name', () => {
    for (const name of [
      undefined,
      '',
      'Администрация Валуйского городского округа',
      'МКУ «ЦУР»',
      'Подслушано Валуйки',
    ]) {
      expect(checkGreeting(ctx('Ремонт начнётся в мае.', name)).findings[0]?.suggestions).toEqual(['Здравствуйте! ']);
    }
  });

  it('after a mention: the span starts after the mention, the name is not repeated', () => {
    const text = '[id123|Анна], Ремонт начнётся в мае.';
    const f = checkGreeting(ctx(text, 'Анна Петрова')).findings[0];
    expect(f?.start).toBe('[id123|Анна], '.length);
    expect(text.slice(f?.start, f?.end)).toBe('Ремонт');
    expect(f?.suggestions).toEqual(['здравствуйте! ']);
    expect(applied(text, 'Анна Петрова')).toBe('[id123|Анна], здравствуйте! Ремонт начнётся в мае.');
  });

  it('empty text: start = end = 0', () => {
    const f = checkGreeting(ctx('', 'Анна')).findings[0];
    expect(f).toMatchObject({ start: 0, end: 0, suggestions: ['Здравствуйте, Анна! '] });
  });

  it('a first line without words: up to 40 characters of it', () => {
    const text = '👍👍👍\nРемонт начнётся в мае.';
    const f = checkGreeting(ctx(text)).findings[0];
    expect(text.slice(f?.start, f?.end)).toBe('👍👍👍');
  });

  it('a message that is only a mention: an empty range at its end', () => {
    const text = '[id123|Анна], ';
    const f = checkGreeting(ctx(text)).findings[0];
    expect(f).toMatchObject({ start: text.length, end: text.length, suggestions: ['здравствуйте! '] });
  });

  it('a softer message when the greeting rule is our default (custom preset)', () => {
    const f = checkGreeting(ctx('Ремонт начнётся в мае.', undefined, 'reply', PRESETS.custom)).findings[0];
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('Ответ начинается без приветствия: поздоровайтесь с автором, так вежливее.');
  });
});

describe('checkGreeting: informal greeting', () => {
  it('«Привет» is a greeting but gets a hint', () => {
    const text = 'Привет! Ремонт начнётся в мае.';
    const r = checkGreeting(ctx(text));
    expect(r.present).toBe(true);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'greeting.informal', category: 'greeting', severity: 'hint' });
    expect(text.slice(r.findings[0]?.start, r.findings[0]?.end)).toBe('Привет');
    expect(r.findings[0]?.suggestions).toEqual(['Здравствуйте']);
  });

  it('«всем привет» after a mention: the whole phrase is replaced', () => {
    const text = '[id1|Анна], всем привет!';
    const f = checkGreeting(ctx(text)).findings[0];
    expect(text.slice(f?.start, f?.end)).toBe('всем привет');
    expect(f?.suggestions).toEqual(['здравствуйте']);
  });

  it('formal greetings get no finding', () => {
    expect(checkGreeting(ctx('Здраствуйте! Ремонт начнётся в мае.')).findings).toEqual([]);
  });
});

describe('greetingInsertion', () => {
  // Our choice, so the result always reads right:
  // - no mention: «Здравствуйте, Анна! » at 0; before a lower-case word «Здравствуйте, Анна, » (the sentence goes on);
  //   without a name always «Здравствуйте! » — «Здравствуйте, ремонт начнётся…» would read as if greeting the repair;
  // - after a mention the person is already named: lower-case «здравствуйте» continues the address and the name is not
  //   repeated; before a lower-case word it ends with a comma, before a capital with «!»;
  //   a mention without a comma gets one.
  // Never «[id1|Анна], Здравствуйте, Анна! спасибо».
  const cases: Array<[string, string | undefined, string]> = [
    ['Спасибо за вопрос.', 'Анна Петрова', 'Здравствуйте, Анна! Спасибо за вопрос.'],
    ['спасибо за вопрос.', 'Анна Петрова', 'Здравствуйте, Анна, спасибо за вопрос.'],
    ['Спасибо за вопрос.', undefined, 'Здравствуйте! Спасибо за вопрос.'],
    ['ремонт начнётся в мае.', undefined, 'Здравствуйте! ремонт начнётся в мае.'],
    ['[id1|Анна], спасибо за вопрос.', 'Анна Петрова', '[id1|Анна], здравствуйте, спасибо за вопрос.'],
    ['[id1|Анна], Спасибо за вопрос.', 'Анна Петрова', '[id1|Анна], здравствуйте! Спасибо за вопрос.'],
    ['[id1|Анна] Спасибо за вопрос.', undefined, '[id1|Анна], здравствуйте! Спасибо за вопрос.'],
    ['[id1|Анна] спасибо за вопрос.', undefined, '[id1|Анна], здравствуйте, спасибо за вопрос.'],
    ['[id1|Анна],спасибо', undefined, '[id1|Анна], здравствуйте, спасибо'],
    ['[id1|Анна]! Спасибо.', undefined, '[id1|Анна]! Здравствуйте! Спасибо.'],
    ['[id1|Анна]', undefined, '[id1|Анна], здравствуйте! '],
    ['@id1 (Анна), спасибо!', undefined, '@id1 (Анна), здравствуйте, спасибо!'],
    ['[club1|Администрация], Спасибо!', undefined, '[club1|Администрация], здравствуйте! Спасибо!'],
    // the author's name used as an address works like a mention
    ['Анна, ремонт начнётся в мае.', 'Анна Петрова', 'Анна, здравствуйте, ремонт начнётся в мае.'],
    // leading emoji: the greeting goes first
    ['👍 Спасибо!', 'Анна', 'Здравствуйте, Анна! 👍 Спасибо!'],
    ['', 'Анна', 'Здравствуйте, Анна! '],
    ['', undefined, 'Здравствуйте! '],
  ];
  for (const [text, name, result] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(result)}`, () => {
      const { at, insert } = greetingInsertion(text, name);
      expect(text.slice(0, at) + insert + text.slice(at)).toBe(result);
      // and the finding offers the same insertion at its start
      expect(applied(text, name)).toBe(result);
    });
  }

  it('the result reads as a greeting', () => {
    for (const [text, name] of cases) {
      const { at, insert } = greetingInsertion(text, name);
      expect(present(text.slice(0, at) + insert + text.slice(at))).toBe(true);
    }
  });

  it('the insertion point is after the mention and its comma and space', () => {
    expect(greetingInsertion('[id123|Анна Петрова], спасибо').at).toBe('[id123|Анна Петрова], '.length);
    expect(greetingInsertion('Спасибо').at).toBe(0);
  });
});

describe('firstName', () => {
  const cases: Array<[string | undefined, string]> = [
    ['Анна Петрова', 'Анна'],
    ['Анна', 'Анна'],
    ['  Ольга   Сидорова ', 'Ольга'],
    ['Иван-Иванов', 'Иван'],
    ['Анна-Мария Петрова', 'Анна-Мария'],
    ['анна петрова', 'Анна'],
    ['АННА ПЕТРОВА', 'Анна'],
    ['Anna Smith', 'Anna'],
    ['Алёна Ёлкина', 'Алёна'],
    ['[id1|Ольга Сидорова]', 'Ольга'],
    ['Администрация Валуйского городского округа', ''],
    ['Глава Пластуновского сельского поселения', ''],
    ['МКУ «ЦУР»', ''],
    ['ЦУР', ''],
    ['Подслушано Валуйки', ''],
    ['Новости Томского района', ''],
    ['Вася123', ''],
    ['А.', ''],
    ['', ''],
    [undefined, ''],
  ];
  for (const [name, expected] of cases) {
    it(`${JSON.stringify(name)} → ${JSON.stringify(expected)}`, () => expect(firstName(name)).toBe(expected));
  }
});

describe('robustness', () => {
  it('never throws and gives valid spans', () => {
    const nasty = [
      '',
      '[',
      '[id',
      '[id1|',
      '[id1|]',
      '@',
      '@id1 (',
      '\u0000',
      '\ud83d',
      '👋'.repeat(5000),
      'а'.repeat(20000),
    ];
    for (const t of nasty) {
      for (const mode of ['post', 'reply', 'message'] as const) {
        const r = checkGreeting(ctx(t, 'Анна', mode));
        for (const f of r.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
        }
        expect(checkGreeting(ctx(t, 'Анна', mode))).toEqual(r);
      }
      expect(() => greetingInsertion(t, '[')).not.toThrow();
    }
    expect(() => checkGreeting({ ...ctx('x'), preset: undefined as unknown as Preset })).not.toThrow();
  });
});
