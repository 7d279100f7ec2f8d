import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKantselyarit } from './kantselyarit';
import { lexiconEntries, lexiconSize } from './lexicon';
import { parsePattern, replacementLemmas } from './lexicon-pattern';
import { lemmaIndex } from './morph';
import { getPreset } from './presets';
import { styleCtx } from './style-test-utils';
import type { Finding } from './types';

const REGULATIONS = path.resolve(__dirname, '../../../shared/regulations');

function run(text: string) {
  return checkKantselyarit(styleCtx(text)).map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
}

function find(text: string, fragment: string): Finding & { text: string } {
  const f = run(text).find((x) => x.text === fragment);
  if (!f) throw new Error(`no finding for «${fragment}» in «${text}»: ${JSON.stringify(run(text).map((x) => x.text))}`);
  return f;
}

describe('lexicon data', () => {
  it('has at least 400 entries with ids, categories, reasons and unique ids', () => {
    const entries = lexiconEntries();
    expect(entries.length).toBeGreaterThanOrEqual(400);
    expect(lexiconSize()).toBe(entries.length);
    const ids = new Set(entries.map((e) => e.id));
    expect(ids.size).toBe(entries.length);
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9-]+$/);
      expect(e.category.length).toBeGreaterThan(3);
      expect(e.reason).toMatch(/[а-яё]/i);
      expect(e.reason.trim().endsWith('.')).toBe(true);
    }
  });
});

describe('checkKantselyarit: spans and suggestions', () => {
  it('replaces «в целях» with «чтобы», keeping the capital at a sentence start', () => {
    const text = 'В целях безопасности детей дорогу у школы закроют.';
    const f = find(text, 'В целях');
    expect(f.start).toBe(0);
    expect(f.end).toBe(7);
    expect(f.suggestions).toContain('Чтобы');
    expect(f.rule).toBe('kants.v-tselyakh');
    expect(f.category).toBe('style');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('«Чтобы»');
  });

  it('suggests «сейчас» for «в настоящее время» in the middle of a sentence', () => {
    const text = 'Мост в настоящее время закрыт на ремонт.';
    const f = find(text, 'в настоящее время');
    expect(f.start).toBe(5);
    expect(f.suggestions).toEqual(['сейчас']);
  });

  it('finds multi-word expressions', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['Уборку проводят на постоянной основе.', 'на постоянной основе', 'постоянно'],
      ['Работы ведутся в соответствии с графиком.', 'в соответствии с', 'по'],
      ['Семьи получат денежные средства до конца месяца.', 'денежные средства', 'деньги'],
      ['Всех граждан, проживающих на территории района, просим прийти.', 'проживающих на территории', 'жителей'],
      ['Доводим до сведения жителей, что воды не будет.', 'Доводим до сведения', 'Сообщаем'],
      ['Дорогу закрыли в связи с ремонтом.', 'в связи с', 'из-за'],
      ['Концерт пройдёт в рамках Дня города.', 'в рамках', 'во время'],
      ['Проведена большая работа по уборке снега.', 'Проведена большая работа', undefined],
      ['Перечислены дороги, трубы, фонари и т.д.', 'и т.д.', undefined],
      ['Заявку в порядке очереди рассмотрит комиссия.', 'в порядке очереди', 'по очереди'],
    ];
    for (const [text, fragment, suggestion] of cases) {
      const f = find(text, fragment);
      if (suggestion) expect(f.suggestions, fragment).toContain(suggestion);
    }
  });

  it('finds «вышеуказанный» and «нижеследующий» in any form', () => {
    expect(find('Вышеуказанные дома отключат от воды.', 'Вышеуказанные').suggestions).toEqual(['Эти']);
    expect(find('Просим сообщить нижеследующие сведения.', 'нижеследующие').suggestions).toEqual(['следующие']);
  });
});

describe('checkKantselyarit: inflected forms', () => {
  it('matches every form of «данный» and inflects «этот» to agree', () => {
    expect(find('Данного вопроса мы не касались.', 'Данного').suggestions).toEqual(['Этого']);
    expect(find('По данной улице пустим автобус.', 'данной').suggestions).toEqual(['этой']);
    expect(find('Мы довольны данными результатами.', 'данными').suggestions).toEqual(['этими']);
  });

  it('matches forms of «осуществлять» and «осуществить», picking replacements of the same aspect', () => {
    const f1 = find('Вывоз мусора осуществляется по вторникам.', 'осуществляется');
    expect(f1.suggestions).toContain('проводится');
    expect(f1.suggestions).not.toContain('сделается');
    const f2 = find('Подрядчик осуществил укладку асфальта.', 'осуществил');
    expect(f2.suggestions).toEqual(['сделал', 'провёл']);
  });

  it('matches «принять участие» with the verb inflected', () => {
    expect(find('В субботнике приняли участие 40 человек.', 'приняли участие').suggestions).toEqual(['участвовали']);
    expect(find('Глава примет участие во встрече.', 'примет участие').rule).toBe('kants.prinyat-uchastie');
    expect(find('Принимающие участие получат грамоты.', 'Принимающие участие').suggestions).toEqual(['Участвующие']);
  });

  it('matches «мероприятие» in the instrumental plural as a hint', () => {
    const f = find('Занимаемся мероприятиями для детей.', 'мероприятиями');
    expect(f.severity).toBe('hint');
    expect(f.suggestions).toContain('событиями');
  });
});

describe('checkKantselyarit: severities and context', () => {
  it('takes the severity from the preset and keeps soft entries as hints', () => {
    const strict = { ...getPreset('custom'), kantselyaritSeverity: 'error' as const };
    const text = 'Граждане, в настоящее время идёт ремонт.';
    const out = checkKantselyarit(styleCtx(text, 'post', strict));
    const byText = new Map(out.map((f) => [text.slice(f.start, f.end), f.severity]));
    expect(byText.get('Граждане')).toBe('hint');
    expect(byText.get('в настоящее время')).toBe('error');
  });

  it('flags «является» only as a copula', () => {
    expect(find('Школа является центром села.', 'является').rule).toBe('kants.yavlyatsya');
    expect(run('Он является на приём каждую среду.').map((f) => f.text)).not.toContain('является');
  });

  it('does not flag names and quotations in quotes', () => {
    const text = 'Стартовал проект «Данный момент является историей» — приходите смотреть фото.';
    expect(run(text)).toEqual([]);
  });

  it('does not flag «данные» meaning data', () => {
    expect(run('Персональные данные защищены законом.')).toEqual([]);
    expect(run('По данным синоптиков, завтра снег.')).toEqual([]);
    expect(run('Данные о погоде обновляются каждый час.')).toEqual([]);
  });

  it('does not flag «в силу» in «вступает в силу»', () => {
    expect(run('Новые правила вступают в силу с 1 марта.')).toEqual([]);
  });

  it('checks abbreviations only in capitals', () => {
    expect(find('ТКО вывозят по графику.', 'ТКО').suggestions).toEqual(['Мусор']);
    expect(run('Тко там?')).toEqual([]);
  });
});

describe('checkKantselyarit: no false alarms on plain posts', () => {
  const plain = [
    'Завтра с 9 утра на Ленина меняют трубы, воды не будет до обеда.',
    'В субботу ждём всех в парке на субботник, перчатки дадим.',
    'Автобус № 5 теперь ходит каждые 20 минут.',
    'Спасибо всем, кто пришёл на встречу! Ваши вопросы мы записали.',
    'Прививку от гриппа можно сделать в поликлинике без записи.',
    'Снег чистим с пяти утра, сначала главные улицы.',
    'Детская площадка во дворе на Мира готова, приходите играть.',
    'Если батареи холодные, напишите нам адрес.',
    'Мост откроют в пятницу вечером.',
    'На ярмарке будут мёд, овощи и саженцы.',
    'Глава района ответит на ваши вопросы в прямом эфире в среду.',
    'Фонари на Садовой починили, теперь там светло.',
    'Кто видел, как сломали скамейку в сквере? Напишите нам.',
    'Лёд на реке тонкий, не выходите на него.',
    'Запись в кружки открыта до конца месяца.',
  ];
  for (const text of plain) {
    it(text, () => {
      expect(run(text).filter((f) => f.severity !== 'hint')).toEqual([]);
    });
  }
});

describe('checkKantselyarit: regulations', () => {
  const files = readdirSync(REGULATIONS).filter((f) => f.endsWith('.txt'));
  it('finds the five regulations', () => {
    expect(files.length).toBe(5);
  });
  for (const file of files) {
    it(`reports канцелярит in ${file}`, () => {
      const text = readFileSync(path.join(REGULATIONS, file), 'utf8');
      const out = checkKantselyarit(styleCtx(text));
      expect(out.length).toBeGreaterThan(20);
      const rules = new Set(out.map((f) => f.rule));
      expect(rules.size).toBeGreaterThan(8);
      for (const f of out) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        expect(f.end).toBeGreaterThan(f.start);
      }
    });
  }
});

describe('checkKantselyarit: robustness', () => {
  it('never throws and returns nothing on odd input', () => {
    const odd = ['', ' ', '...!!!???', '😀😀😀', 'Hello world, this is Latin text.', '\n\n\n', '—«»', 'ё'];
    for (const t of odd) expect(checkKantselyarit(styleCtx(t))).toEqual([]);
  });

  it('handles a 16,000-character text and is deterministic', () => {
    const chunk = 'В целях обеспечения безопасности осуществляется вывоз мусора, данные мероприятия пройдут в срок. ';
    const text = chunk.repeat(Math.ceil(16_000 / chunk.length));
    const a = checkKantselyarit(styleCtx(text));
    const b = checkKantselyarit(styleCtx(`${text}`));
    expect(a.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
  });
});

describe('generated word forms', () => {
  it('cover every lemma the lexicon refers to (run scripts/gen-lexicon-forms.ts after editing the lexicon)', () => {
    const missing: string[] = [];
    for (const e of lexiconEntries()) {
      for (const slot of parsePattern(e.pattern)) {
        for (const alt of slot.alts)
          if (alt.kind === 'lemma' && lemmaIndex(alt.value) < 0) missing.push(`${e.id}: ${alt.value}`);
      }
      for (const r of e.replacements) {
        for (const key of replacementLemmas(r)) if (lemmaIndex(key) < 0) missing.push(`${e.id}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('checkKantselyarit: agreement of suggestions', () => {
  it('keeps a verb that exists only with -ся as written', () => {
    expect(find('Вчера состоялся концерт.', 'состоялся').suggestions).toEqual(['прошёл']);
  });

  it('agrees the replacement with the adjective of the phrase', () => {
    expect(find('Спасибо неравнодушным жителям.', 'неравнодушным жителям').suggestions).toEqual(['жителям']);
  });

  it('uses the preposition before the phrase to pick the case', () => {
    expect(find('Работаем без газоснабжения.', 'газоснабжения').suggestions).toEqual(['газа']);
  });

  it('offers no verb in place of a passive participle with its noun', () => {
    expect(find('Благодарим за оказанную поддержку.', 'оказанную поддержку').suggestions).toEqual([]);
  });
});
