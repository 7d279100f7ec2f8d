import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCitations, countDistinctActs, findCitations } from './citations';
import { PRESETS } from './presets';
import type { Mode, Preset, RuleContext } from './types';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REG_DIR = path.resolve(REPO_ROOT, '../shared/regulations');

function regulation(num: string): string {
  const file = readdirSync(REG_DIR).find((f) => f.startsWith(`${num}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`regulation ${num} not found in ${REG_DIR}`);
  return readFileSync(path.join(REG_DIR, file), 'utf8');
}

/** Mentions as [exact span text, key]; also checks that `text` is the slice of the input. */
function mentions(text: string): Array<[string, string]> {
  return findCitations(text).map((a) => {
    expect(text.slice(a.start, a.end)).toBe(a.text);
    return [a.text, a.key];
  });
}

function spans(text: string): string[] {
  return findCitations(text).map((a) => text.slice(a.start, a.end));
}

function count(text: string): number {
  return countDistinctActs(findCitations(text));
}

function ctx(text: string, preset: Preset = PRESETS.plastunovskaya, mode: Mode = 'reply'): RuleContext {
  return { text, mode, preset, userWords: new Set() };
}

describe('findCitations: the forms from the brief', () => {
  it('federal law, full and short, with articles', () => {
    const t =
      'Порядок ответа задаёт Федеральный закон от 9 февраля 2009 г. № 8-ФЗ, а вопросы местного значения — ст. 14 Федерального закона № 131-ФЗ.';
    expect(mentions(t)).toEqual([
      ['Федеральный закон от 9 февраля 2009 г. № 8-ФЗ', 'федеральный закон|рф|2009-02-09|8-фз'],
      ['ст. 14 Федерального закона № 131-ФЗ', 'федеральный закон|рф||131-фз'],
    ]);
  });

  it('resolutions of the Government and of the administration', () => {
    const t =
      'Так сказано в постановлении Правительства РФ № 2560, а местные правила утверждены постановлением администрации от 12.03.2023 № 45-п.';
    expect(mentions(t)).toEqual([
      ['постановлении Правительства РФ № 2560', 'постановление|правительства рф||2560'],
      ['постановлением администрации от 12.03.2023 № 45-п', 'постановление|администрации|2023-03-12|45-п'],
    ]);
  });

  it('articles of one code are one act', () => {
    const t = 'За это штрафуют по ст. 12.8 КоАП РФ, а за отказ от освидетельствования — по статье 12.26 КоАП РФ.';
    expect(spans(t)).toEqual(['ст. 12.8 КоАП РФ', 'статье 12.26 КоАП РФ']);
    expect(count(t)).toBe(1);
    const t2 = 'Ответственность предусматривают статьи 12.8 и 12.26 КоАП РФ.';
    expect(mentions(t2)).toEqual([['статьи 12.8 и 12.26 КоАП РФ', 'кодекс об административных правонарушениях|рф||']]);
    const t3 = 'Смотрите ст. 12.8 и ст. 12.26 КоАП РФ.';
    expect(spans(t3)).toEqual(['ст. 12.8 и ст. 12.26 КоАП РФ']);
  });

  it('a point of an article of a code named in full', () => {
    const t = 'Собственники обязаны платить за ремонт по п. 3 ст. 14 Жилищного кодекса.';
    expect(mentions(t)).toEqual([['п. 3 ст. 14 Жилищного кодекса', 'жилищный кодекс|рф||']]);
  });

  it('sanitary rules and codes of rules', () => {
    const t = 'Меню в школе составлено по СанПиН 2.3/2.4.3590-20, а пандус построен по СП 59.13330.2020.';
    expect(mentions(t)).toEqual([
      ['СанПиН 2.3/2.4.3590-20', 'санпин|||2.3/2.4.3590-20'],
      ['СП 59.13330.2020', 'сп|||59.13330.2020'],
    ]);
  });

  it('decree of the President, decision of the council, orders', () => {
    expect(mentions('Цели развития определил Указ Президента РФ от 21.07.2020 № 474.')).toEqual([
      ['Указ Президента РФ от 21.07.2020 № 474', 'указ|президента рф|2020-07-21|474'],
    ]);
    expect(mentions('Ставки налога установлены решением Совета депутатов от 25.05.2023 № 12.')).toEqual([
      ['решением Совета депутатов от 25.05.2023 № 12', 'решение|совета депутатов|2023-05-25|12'],
    ]);
    expect(spans('Деньги выделены на основании распоряжения Губернатора Белгородской области.')).toEqual([
      'распоряжения Губернатора Белгородской области',
    ]);
    expect(mentions('Форма справки утверждена приказом Минздрава России от 28.01.2021 № 29н.')).toEqual([
      ['приказом Минздрава России от 28.01.2021 № 29н', 'приказ|минздрава рф|2021-01-28|29н'],
    ]);
  });

  it('charter and constitution', () => {
    const t = 'Эти полномочия закреплены в Уставе муниципального образования и в Конституции РФ.';
    expect(mentions(t)).toEqual([
      ['Уставе муниципального образования', 'устав|муниципального образования||'],
      ['Конституции РФ', 'конституция|рф||'],
    ]);
  });

  it('codes named in full, in every case', () => {
    const t =
      'Гражданский кодекс, Налогового кодекса, Жилищному кодексу, Трудовым кодексом, о Бюджетном кодексе, Градостроительного кодекса, Земельным кодексом РФ, Уголовного кодекса Российской Федерации.';
    expect(findCitations(t).map((a) => a.key.split('|')[0])).toEqual([
      'гражданский кодекс',
      'налоговый кодекс',
      'жилищный кодекс',
      'трудовой кодекс',
      'бюджетный кодекс',
      'градостроительный кодекс',
      'земельный кодекс',
      'уголовный кодекс',
    ]);
    expect(spans(t)).toContain('Земельным кодексом РФ');
    expect(spans(t)).toContain('Уголовного кодекса Российской Федерации');
  });

  it('code abbreviations with «РФ» or an article; the full name and the abbreviation are one act', () => {
    const t = 'ст. 161 ЖК РФ, ст. 210 ГК РФ, УК РФ, НК РФ, ТК РФ, БК РФ, ЗК РФ, ГрК и УПК.';
    expect(count(t)).toBe(9);
    expect(count('Жилищный кодекс РФ (ст. 161 ЖК РФ) это прямо говорит.')).toBe(1);
    expect(
      count('по ст. 20.1 Кодекса Российской Федерации об административных правонарушениях, то есть по КоАП РФ'),
    ).toBe(1);
    expect(count('Трудового кодекса Российской Федерации и Трудовым кодексом')).toBe(1);
  });

  it('regional acts are distinct from federal ones', () => {
    expect(count('ст. 3.1 КоАП Московской области и ст. 20.1 КоАП РФ')).toBe(2);
    expect(count('Конституции Республики Татарстан и Конституции РФ')).toBe(2);
    expect(
      mentions(
        'Штраф установлен законом Краснодарского края от 23.07.2003 № 608-КЗ «Об административных правонарушениях».',
      ),
    ).toEqual([['законом Краснодарского края от 23.07.2003 № 608-КЗ', 'закон|краснодарского края|2003-07-23|608-кз']]);
  });

  it('federal laws by number only', () => {
    const t =
      'Закупка идёт по 44-ФЗ, закон 223-ФЗ к нам не относится, а ФЗ-131 описывает полномочия. ФЗ № 131 — тот же закон.';
    expect(spans(t)).toEqual(['44-ФЗ', 'закон 223-ФЗ', 'ФЗ-131', 'ФЗ № 131']);
    expect(count(t)).toBe(3);
  });

  it('rules of improvement always, traffic rules only with a point', () => {
    expect(spans('Правила благоустройства запрещают парковку на газоне, это нарушение ПДД.')).toEqual([
      'Правила благоустройства',
    ]);
    expect(mentions('Водитель нарушил п. 9.10 ПДД и п. 9.10 Правил дорожного движения.')).toEqual([
      ['п. 9.10 ПДД', 'правила дорожного движения|||'],
      ['п. 9.10 Правил дорожного движения', 'правила дорожного движения|||'],
    ]);
  });

  it('a number in parentheses after the title', () => {
    const t = 'Федеральный закон «Об общих принципах организации местного самоуправления» (№ 131-ФЗ) — он же 131-ФЗ.';
    expect(spans(t)).toEqual([
      'Федеральный закон «Об общих принципах организации местного самоуправления» (№ 131-ФЗ)',
      '131-ФЗ',
    ]);
    expect(count(t)).toBe(1);
  });

  it('laws by title', () => {
    const t =
      'Вам поможет закон о защите прав потребителей на этой неделе. Закон РФ «О защите прав потребителей» это прямо говорит.';
    expect(spans(t)).toEqual(['закон о защите прав потребителей', 'Закон РФ']);
    expect(count(t)).toBe(1);
    expect(count('Федеральный закон «О полиции» и ФЗ «О полиции».')).toBe(1);
  });
});

describe('findCitations: grammatical cases of the act words', () => {
  const law = [
    'Федеральный закон',
    'Федерального закона',
    'Федеральному закону',
    'Федеральным законом',
    'Федеральном законе',
  ];
  for (const head of law) {
    it(`«${head} № 8-ФЗ»`, () => {
      const t = `Это описано в ${head} № 8-ФЗ.`;
      expect(mentions(t)).toEqual([[`${head} № 8-ФЗ`, 'федеральный закон|рф||8-фз']]);
    });
  }
  const res = ['постановление', 'постановления', 'постановлению', 'постановлением', 'постановлении'];
  for (const head of res) {
    it(`«${head} администрации от 01.02.2023 № 5»`, () => {
      const t = `Речь о ${head} администрации от 01.02.2023 № 5.`;
      expect(mentions(t)).toEqual([
        [`${head} администрации от 01.02.2023 № 5`, 'постановление|администрации|2023-02-01|5'],
      ]);
    });
  }
  it('распоряжение, приказ, указ, решение, устав in other cases', () => {
    expect(count('распоряжением Правительства РФ от 02.09.2022 № 2523-р')).toBe(1);
    expect(count('по приказу Минстроя России от 14.05.2021 № 292/пр')).toBe(1);
    expect(count('Указом Губернатора области от 01.03.2023 № 10')).toBe(1);
    expect(count('в решении Думы города от 10.10.2022 № 7')).toBe(1);
    expect(count('согласно Уставу Пластуновского сельского поселения')).toBe(1);
  });
  it('all capitals and a missing space after a number or a preposition', () => {
    expect(spans('ПОСТАНОВЛЕНИЕ от 04.09.2023 г. № 273')).toEqual(['ПОСТАНОВЛЕНИЕ от 04.09.2023 г. № 273']);
    expect(spans('пунктом 4постановления Правительства края от 27 июля 2023 г. № 459-п')).toEqual([
      'пунктом 4постановления Правительства края от 27 июля 2023 г. № 459-п',
    ]);
    expect(count('В соответствии сФедеральным законом от 27 июля 2006 года № 149-ФЗ')).toBe(1);
  });
});

describe('findCitations: one act mentioned several times counts once', () => {
  it('full form, then alias and short form', () => {
    const t =
      'Порядок утверждён постановлением Правительства Российской Федерации от 31 декабря 2022 г. № 2560 (далее — постановление Правительства РФ № 2560). Постановление № 2560 действует с 2023 года.';
    const acts = findCitations(t);
    expect(acts).toHaveLength(3);
    expect(countDistinctActs(acts)).toBe(1);
    expect(acts[0]?.key).toBe('постановление|правительства рф|2022-12-31|2560');
  });

  it('«Закон № 59-ФЗ» after the full form; «указанный закон» is not a new act', () => {
    const t =
      'Федеральный закон от 2 мая 2006 г. № 59-ФЗ (далее — Закон № 59-ФЗ) здесь не применяется. Указанный закон касается обращений, а Законом № 59-ФЗ комментарии не регулируются.';
    expect(spans(t)).toEqual(['Федеральный закон от 2 мая 2006 г. № 59-ФЗ', 'Закон № 59-ФЗ', 'Законом № 59-ФЗ']);
    expect(count(t)).toBe(1);
  });

  it('short form first, full form later', () => {
    expect(count('По 131-ФЗ… а именно Федеральный закон от 06.10.2003 № 131-ФЗ (ред. от 04.08.2023).')).toBe(1);
  });

  it('a reference without a number joins the act with a number', () => {
    const t =
      'Ставки утверждены решением Совета депутатов от 25.05.2023 № 12, и решением Совета депутатов же изменены.';
    expect(count(t)).toBe(1);
    expect(count('СанПиН 1.2.3685-21 действует, значит, требования СанПиН выполнены.')).toBe(1);
  });

  it('different numbers are different acts', () => {
    expect(count('постановление Правительства РФ № 2560 и постановление Правительства РФ № 2650')).toBe(2);
    expect(count('Постановлением администрации города от 01.02.2023 № 5 и от 03.04.2023 № 7 утверждены схемы.')).toBe(
      2,
    );
    expect(spans('федеральными законами от 06.10.2003 № 131-ФЗ, от 27.07.2006 № 149-ФЗ и № 44-ФЗ')).toEqual([
      'федеральными законами от 06.10.2003 № 131-ФЗ',
      'от 27.07.2006 № 149-ФЗ',
      '№ 44-ФЗ',
    ]);
  });
});

describe('findCitations: what is not an act', () => {
  const notActs = [
    'Всё сделано в соответствии с действующим законодательством.',
    'Настоящее постановление вступает в силу со дня его опубликования.',
    'Контроль за исполнением настоящего распоряжения оставляю за собой.',
    'Постановление вступает в силу со дня подписания.',
    'Разъяснение дано в письме Минфина России от 01.02.2023 № 03-04-05/1234.',
    'Решение суда по делу № А40-12345/2023 вступило в силу.',
    'Постановление Пленума Верховного Суда РФ от 23.06.2015 № 25 это разъясняет.',
    'Вам пришло постановление № 18810123230101234567 по делу об административном правонарушении.',
    'Подробности на https://minfin.gov.ru/document/8-ФЗ и на сайте zakon-8-ФЗ.ru.',
    'ЖК «Солнечный» сдадут в марте, УК «Жилсервис» уже выбрана, СК России проводит проверку, группа ВК открыта.',
    'Два автобуса в распоряжении администрации района.',
    'Приказ директора школы висит на стене. Решение вопроса найдено. Решение общего собрания собственников принято.',
    'Это запрещено законом. Законопроект внесли в Думу. Законы надо соблюдать.',
    'Федеральные законы и постановления Правительства обязательны для всех.',
    'Указанный закон вступил в силу. Данным постановлением утверждён порядок.',
    'Заседание сельского поселения, СП «Пластуновское», прошло вчера.',
  ];
  for (const t of notActs) {
    it(t, () => expect(mentions(t)).toEqual([]));
  }
  it('a resolution «о назначении публичных слушаний» is an act, a court fine is not', () => {
    expect(count('Постановлением администрации № 5 о назначении публичных слушаний назначена дата.')).toBe(1);
  });
});

describe('findCitations: the five regulations (they cite many acts)', () => {
  // Distinct acts per file, checked by hand against the text.
  const expected: Record<string, string[]> = {
    // 8-ФЗ, распоряжение Правительства РФ № 2523-р, постановление Правительства Белгородской обл. № 3-пп,
    // 210-ФЗ, the unnumbered «постановлением администрации» of the appendix header.
    '000': ['8-фз', '2523-р', '3-пп', '210-фз', 'постановление|администрации||'],
    // 131-ФЗ, 149-ФЗ, 8-ФЗ, Устав, постановление Правительства Алтайского края № 133, постановление № 608 itself.
    '001': ['131-фз', '149-фз', '8-фз', 'устав|городского округа', '|133', '|608'],
    // 149-ФЗ, 8-ФЗ, постановление Правительства Ставропольского края № 459-п, Устав, постановление № 3520 itself.
    '002': ['149-фз', '8-фз', '459-п', 'устав|муниципального образования', '|3520'],
    // 8-ФЗ, Закон Краснодарского края № 2000-КЗ, постановления главы администрации края № 478 и № 960, Устав,
    // постановление № 273 itself, постановление Правительства РФ № 2560 and its misprint № 2650, 59-ФЗ,
    // распоряжение администрации поселения (no number).
    '003': [
      '8-фз',
      '2000-кз',
      '|478',
      '|960',
      'устав|пластуновского',
      '|273',
      '|2560',
      '|2650',
      '59-фз',
      'распоряжение|администрации пластуновского',
    ],
    // 149-ФЗ, 8-ФЗ, постановление Правительства РФ № 2560, Закон Томской области № 141-ОЗ,
    // распоряжение Губернатора Томской области № 132-р, распоряжение Администрации района № 159-П.
    '004': ['149-фз', '8-фз', '|2560', '141-оз', '132-р', '159-п'],
  };
  for (const [num, parts] of Object.entries(expected)) {
    it(`${num}: ${parts.length} distinct acts`, () => {
      const text = regulation(num);
      const acts = findCitations(text);
      const keys = [...new Set(acts.map((a) => a.key))];
      expect(keys).toHaveLength(parts.length);
      for (const p of parts)
        expect(
          keys.filter((k) => k.includes(p)),
          `${num}: ${p} in ${keys.join(' ; ')}`,
        ).toHaveLength(1);
      for (const a of acts) expect(text.slice(a.start, a.end)).toBe(a.text);
    });
  }

  it('articles and repeated mentions collapse: 002 cites 8-ФЗ three times and 149-ФЗ twice', () => {
    const text = regulation('002');
    const acts = findCitations(text);
    const by = (n: string) => acts.filter((a) => a.key.endsWith(`|${n}`)).map((a) => a.text.replace(/\s+/g, ' '));
    expect(by('8-фз')).toEqual([
      'Федеральным законом от 9 февраля 2009 года № 8-ФЗ',
      'Федеральным законом от 09 февраля 2009 года № 8-ФЗ',
      'частью 1.2 статьи 13 Федерального закона 9 февраля 2009 года № 8-ФЗ',
    ]);
    expect(by('149-фз')).toEqual([
      'Федеральным законом от 27 июля 2006 года № 149-ФЗ',
      'статьей 10.6 Федерального закона от 27 июля 2006 года № 149-ФЗ',
    ]);
  });

  it('003: the alias «(далее – Закон № 59-ФЗ)» and a title inside another title are not new acts', () => {
    const acts = findCitations(regulation('003'));
    expect(acts.filter((a) => a.key.endsWith('|59-фз')).map((a) => a.text)).toEqual([
      'Федерального закона от 2 мая 2006 г. № 59-ФЗ',
      'Закон № 59-ФЗ',
      'Законом № 59-ФЗ',
    ]);
    // «…предусмотренной Федеральным законом «Об организации предоставления…»» sits inside the title of № 2560
    expect(acts.some((a) => a.key.includes('об органи'))).toBe(false);
  });
});

describe('checkCitations', () => {
  const three =
    'Ответ подготовлен по Федеральному закону № 8-ФЗ, постановлению Правительства РФ № 2560 и ст. 12.8 КоАП РФ. Статья 12.26 КоАП РФ тоже применима.';

  it('counts distinct acts and reports nothing within the limit', () => {
    const r = checkCitations(ctx('Штраф — по ст. 12.8 и ст. 12.26 КоАП РФ, порядок — в Федеральном законе № 8-ФЗ.'));
    expect(r).toMatchObject({ count: 2, limit: 2, findings: [] });
    expect(r.acts).toHaveLength(2);
  });

  it('over the limit: every mention gets a finding; error when the act sets the limit (003)', () => {
    const r = checkCitations(ctx(three));
    expect(r.count).toBe(3);
    expect(r.limit).toBe(2);
    expect(r.findings).toHaveLength(4);
    for (const f of r.findings) {
      expect(f).toMatchObject({
        rule: 'citations.over-limit',
        category: 'citations',
        severity: 'error',
        suggestions: [],
      });
      expect(f.message).toBe(
        'Ссылок на нормативные акты: 3, а регламент разрешает не больше 2. Оставьте главное, остальное — ссылкой на сайт.',
      );
    }
    expect(r.findings.map((f) => three.slice(f.start, f.end))).toEqual([
      'Федеральному закону № 8-ФЗ',
      'постановлению Правительства РФ № 2560',
      'ст. 12.8 КоАП РФ',
      'Статья 12.26 КоАП РФ',
    ]);
  });

  it('a warning when the limit is our default, and the message says so', () => {
    const r = checkCitations(ctx(three, PRESETS.tomsk, 'post'));
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.findings[0]?.message).toContain('а мы советуем не больше 2');
  });

  it('uses the preset limit', () => {
    const loose: Preset = { ...PRESETS.custom, citationLimit: 5 };
    expect(checkCitations(ctx(three, loose)).findings).toEqual([]);
    const strict: Preset = { ...PRESETS.custom, citationLimit: 0 };
    const r = checkCitations(ctx('Смотрите ст. 161 ЖК РФ.', strict));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toContain('не должно');
  });

  it('checks the regulations themselves: all five break the rule of two', () => {
    for (const num of ['000', '001', '002', '003', '004']) {
      const r = checkCitations(ctx(regulation(num)));
      expect(r.count, num).toBeGreaterThan(2);
      expect(r.findings.length, num).toBe(r.acts.length);
    }
  });
});

describe('robustness', () => {
  it('never throws, gives valid spans and is deterministic', () => {
    const nasty = [
      '',
      ' ',
      '№',
      '№ ',
      'от',
      'ФЗ',
      '-ФЗ',
      '8-',
      'ст.',
      'п. ст. ч.',
      '«',
      '»',
      '«««««',
      'закон «',
      'постановление от',
      'постановление №',
      'постановление № _____ от ______ года',
      'Федеральный закон от 99.99.9999 № 0-ФЗ',
      'СанПиН',
      'СП 1.',
      'КоАП',
      '\u0000\uffff\ud800',
      '😀 закон 😀 № 1-ФЗ 😀',
      'ст. 1 '.repeat(500),
      'закон о '.repeat(500),
      'постановление '.repeat(500),
      `${'«'.repeat(3000)}Федеральный закон № 8-ФЗ`,
    ];
    for (const t of nasty) {
      const a = findCitations(t);
      expect(findCitations(t)).toEqual(a);
      for (const x of a) {
        expect(x.start).toBeGreaterThanOrEqual(0);
        expect(x.end).toBeLessThanOrEqual(t.length);
        expect(x.start).toBeLessThan(x.end);
      }
      expect(() => checkCitations(ctx(t))).not.toThrow();
    }
    expect(findCitations(undefined as unknown as string)).toEqual([]);
    expect(findCitations(`${'«'.repeat(3000)}Федеральный закон № 8-ФЗ`)).toHaveLength(1);
  });

  it('handles random text quickly (16,000 characters of the regulations)', () => {
    const all = ['000', '001', '002', '003', '004'].map(regulation).join('\n').slice(0, 16000);
    findCitations(all);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      findCitations(all);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(15);
  });
});
