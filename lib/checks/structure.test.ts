import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKantselyarit } from './kantselyarit';
import { getPreset } from './presets';
import { checkStructure } from './structure';
import { styleCtx } from './style-test-utils';

function run(text: string, mode: 'post' | 'reply' = 'post') {
  return checkStructure(styleCtx(text, mode)).map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
}

describe('checkStructure: noun chains', () => {
  it('finds a chain of verbal nouns with adjectives and «по»', () => {
    const text = 'Ведётся проведение мероприятий по обеспечению пожарной безопасности.';
    const f = run(text).find((x) => x.rule === 'structure.noun-chain');
    expect(f?.text).toBe('проведение мероприятий по обеспечению пожарной безопасности');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('«проведение»');
    expect(f?.message).toContain('«провести»');
  });

  it('finds chains in oblique cases', () => {
    const text = 'Отчёт посвящён вопросам организации проведения ремонта.';
    const f = run(text).find((x) => x.rule === 'structure.noun-chain');
    expect(f?.text).toBe('вопросам организации проведения ремонта');
  });

  it('treats a long genitive chain of titles as a hint', () => {
    const text = 'Заместитель главы администрации района встретился с жителями.';
    const f = run(text).find((x) => x.rule === 'structure.noun-chain');
    expect(f?.text).toBe('Заместитель главы администрации района');
    expect(f?.severity).toBe('hint');
  });

  it('leaves short noun groups and official names alone', () => {
    expect(run('Администрация Пластуновского сельского поселения Динского района ждёт вас.')).toEqual([]);
    expect(run('Ремонт школы закончим к осени.')).toEqual([]);
  });
});

describe('checkStructure: passive voice', () => {
  it('flags «было проведено» and «будут завершены» with the auxiliary in the span', () => {
    const text = 'Было проведено собрание жильцов. Работы будут завершены к маю.';
    const spans = run(text)
      .filter((x) => x.rule === 'structure.passive')
      .map((x) => x.text);
    expect(spans).toEqual(['Было проведено', 'будут завершены']);
  });

  it('flags a participle at the start of a sentence and reflexive passives', () => {
    const text = 'Проведена проверка колодцев. Ремонт проводится ночью.';
    const out = run(text).filter((x) => x.rule === 'structure.passive');
    expect(out.map((x) => x.text)).toEqual(['Проведена', 'проводится']);
    expect(out.every((x) => x.severity === 'hint')).toBe(true);
  });

  it('does not flag short adjectives or states after the subject', () => {
    expect(run('Дорога закрыта до пятницы. Было холодно, он был болен.')).toEqual([]);
  });

  it('does not duplicate passives that the lexicon reports', () => {
    const text = 'Вывоз мусора осуществляется по графику.';
    expect(run(text).filter((x) => x.rule === 'structure.passive')).toEqual([]);
    expect(checkKantselyarit(styleCtx(text)).length).toBe(1);
  });
});

describe('checkStructure: отыменные предлоги', () => {
  it('reports «в части» and «по линии» with plain alternatives', () => {
    const text = 'В части благоустройства вопросов нет. Проверки идут по линии МЧС.';
    const out = run(text).filter((x) => x.rule.startsWith('structure.denominal.'));
    expect(out.map((x) => [x.rule, x.text])).toEqual([
      ['structure.denominal.v-chasti', 'В части'],
      ['structure.denominal.po-linii', 'по линии'],
    ]);
    expect(out[0]?.suggestions).toContain('О');
  });

  it('finds «на предмет», «по вопросу», «в адрес» and «в деле» before a verbal noun', () => {
    const text =
      'Проверили подвалы на предмет протечек. Звоните по вопросу вывоза мусора. Спасибо в адрес волонтёров. Помогают в деле воспитания детей.';
    const found = run(text)
      .filter((x) => x.rule.startsWith('structure.denominal.'))
      .map((x) => x.text);
    expect(found).toEqual(['на предмет', 'по вопросу', 'в адрес', 'в деле']);
  });

  it('keeps «в части города» and «в деле» meaning a file', () => {
    expect(run('В части города нет света.')).toEqual([]);
    expect(run('Все бумаги лежат в деле.')).toEqual([]);
  });

  it('is not reported by checkKantselyarit as well', () => {
    expect(checkKantselyarit(styleCtx('Вопросов по линии МЧС нет.'))).toEqual([]);
  });
});

describe('checkStructure: long sentences and walls of text', () => {
  it('reports a sentence over 25 words with the sentence as the span', () => {
    const long =
      'Жители домов на улице Ленина и на улице Мира просили нас починить дорогу, поставить фонари, убрать старые деревья и сделать новую остановку, и всё это мы планируем успеть до конца лета.';
    const text = `Короткое начало. ${long} Конец.`;
    const f = run(text).find((x) => x.rule === 'structure.long-sentence');
    expect(f?.text).toBe(long);
    expect(f?.severity).toBe('hint');
    expect(f?.message).toMatch(/В предложении \d+ слов/);
  });

  it('treats each line of a list as a sentence', () => {
    const list =
      'Что взять с собой на прививку\n— паспорт\n— полис ОМС\n— СНИЛС\n— карту прививок, если есть\n— бахилы и маску\n— немного терпения, в первые дни бывает очередь';
    expect(run(list).filter((x) => x.rule === 'structure.long-sentence')).toEqual([]);
  });

  it('does not report a 25-word sentence', () => {
    const words = Array.from({ length: 25 }, () => 'слово').join(' ');
    expect(run(`${words}.`).filter((x) => x.rule === 'structure.long-sentence')).toEqual([]);
  });

  it('reports a paragraph longer than 600 characters or with more than 5 sentences', () => {
    const sentence = 'Мы меняем трубы на Садовой улице. ';
    const wall = sentence.repeat(6).trim();
    const f = run(wall).find((x) => x.rule === 'structure.wall-of-text');
    expect(f?.start).toBe(0);
    expect(f?.end).toBe(wall.length);
    const split = `${sentence.repeat(3).trim()}\n\n${sentence.repeat(3).trim()}`;
    expect(run(split).filter((x) => x.rule === 'structure.wall-of-text')).toEqual([]);
    const longText = 'Дорогу на Заречной отремонтируют летом, а тротуар сделают осенью. '.repeat(10).trim();
    expect(run(longText).some((x) => x.rule === 'structure.wall-of-text')).toBe(true);
  });
});

describe('checkStructure: plain posts and robustness', () => {
  const plain = [
    'Завтра с 9 утра на Ленина меняют трубы, воды не будет до обеда.',
    'В субботу ждём всех в парке на субботник, перчатки дадим.',
    'Прививку от гриппа можно сделать в поликлинике без записи.',
    'Если батареи холодные, напишите нам адрес.',
    'Снег чистим с пяти утра, сначала главные улицы.',
    'Кто видел, как сломали скамейку в сквере? Напишите нам.',
    'Фонари на Садовой починили, теперь там светло.',
  ];
  for (const text of plain) {
    it(text, () => expect(run(text)).toEqual([]));
  }

  it('never throws on odd input', () => {
    for (const t of ['', '   ', '?!.', '😀 😀', 'Plain English words only.', '\n\n', 'а'.repeat(20_000)]) {
      expect(() => checkStructure(styleCtx(t))).not.toThrow();
    }
  });

  it('reports on a regulation and keeps spans inside the text', () => {
    const file = path.resolve(__dirname, '../../../shared/regulations/003_7882df1e4c209347.txt');
    const text = readFileSync(file, 'utf8');
    const out = checkStructure(styleCtx(text, 'post', getPreset('custom')));
    const rules = new Set(out.map((f) => f.rule.split('.').slice(0, 2).join('.')));
    expect(rules.has('structure.noun-chain')).toBe(true);
    expect(rules.has('structure.long-sentence')).toBe(true);
    for (const f of out) expect(f.end).toBeLessThanOrEqual(text.length);
  });
});
