import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spellingContext } from './eval-spelling';
import {
  inferModel,
  isAbbreviation,
  loadSpellerFromUrls,
  MIXED_SCRIPT_RULE,
  parseWordListLine,
  SPELLING_RULE,
  type Speller,
  skippedSpans,
  withTimeout,
} from './spelling';
import { dictionaryPaths, loadNodeSpeller } from './spelling-node';
import type { Finding } from './types';

let speller: Speller;

beforeAll(async () => {
  speller = await loadNodeSpeller();
});
afterAll(() => speller?.dispose());

const check = (text: string, userWords: string[] = []) => speller.check(spellingContext(text, userWords));
const flaggedWords = (text: string, userWords: string[] = []) =>
  check(text, userWords).map((f) => text.slice(f.start, f.end));

describe('typos in municipal posts', () => {
  it('flags misspelt words with exact spans, leaves grammar alone', () => {
    const text = 'Уважамые жители, обьявление о отключении воды: с 10:00 до 18:00 воды не будет.';
    const findings = check(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['Уважамые', 'обьявление']);
    const f = findings[0] as Finding;
    expect(f).toMatchObject({
      rule: SPELLING_RULE,
      category: 'spelling',
      severity: 'error',
      start: 0,
      end: 8,
      message: 'Нет в словаре: возможно, опечатка.',
      suggestions: [],
    });
    expect(findings[1]).toMatchObject({ start: 17, end: 27 });
  });

  it('flags classic misspellings of official texts', () => {
    const text =
      'Приглашаем учавствовать в конкурсе: главное приемущество — бесплатное обучение. ' +
      'Агенство недвижимости и колектив школы благодарят оффициальных партнёров.';
    expect(flaggedWords(text)).toEqual(['учавствовать', 'приемущество', 'Агенство', 'колектив', 'оффициальных']);
  });

  it('accepts a clean post with places, agencies and modern words', () => {
    const text =
      'Уважаемые жители Валуйского городского округа! В МФЦ и на Госуслугах можно записаться на приём. ' +
      'Росреестр напоминает: госпошлина оплачивается онлайн. В Новоалтайске и Шебекине открылись ' +
      'пункты видеонаблюдения, а в станице Пластуновской — новая велодорожка. Самозанятые получат ' +
      'софинансирование по нацпроекту. Пресс-конференция пройдёт по-прежнему в 14:00.';
    expect(flaggedWords(text)).toEqual([]);
  });

  it('accepts ё and е both ways but not a wrong ё', () => {
    expect(flaggedWords('Ещё раз напоминаем: всё будет решено, ёлку установят в Королёве.')).toEqual([]);
    expect(flaggedWords('Еще раз напоминаем: все будет решено, елку установят в Королеве.')).toEqual([]);
    expect(flaggedWords('Это была афёра.')).toEqual(['афёра']);
  });

  it('checks hyphenated words whole, then by parts', () => {
    expect(
      flaggedWords(
        'Кто-нибудь из жителей Ростова-на-Дону и Горно-Алтайска видел жилищно-коммунальный отчёт вице-губернатора?',
      ),
    ).toEqual([]);
    expect(flaggedWords('Пресс-конференцыя состоится завтра.')).toEqual(['Пресс-конференцыя']);
  });

  it('uses the user dictionary case-insensitively and ё-folded', () => {
    const text = 'Шмырёв провёл приём граждан.';
    expect(flaggedWords(text)).toEqual(['Шмырёв']);
    expect(flaggedWords(text, ['шмырев'])).toEqual([]);
    expect(flaggedWords(text, ['ШМЫРЁВ'])).toEqual([]);
  });
});

describe('skip rules', () => {
  it('skips links, e-mails, hashtags, mentions, numbers, Latin and abbreviations', () => {
    const text =
      'Подробности на gosuslugi.ru и https://vk.com/club1?w=wall-1_2, пишите на admin@valuyki-adm.ru ' +
      'или в [id123|Анна Петровна Шмырёва], @club45 (Администрация Валуйкского округа), *id7 (Пётр). ' +
      '#ВалуйкиНашДом #новостиокруга В 2023-м году, в 90-х, 5G, COVID, Wi-Fi, МФЦ, КоАП, СанПиН, ГОСТа, ТОСы.';
    expect(flaggedWords(text)).toEqual([]);
  });

  it('still checks shouted words longer than an abbreviation', () => {
    expect(flaggedWords('ВНИМАНИЕ! ОБЬЯВЛЕНИЕ для жителей.')).toEqual(['ОБЬЯВЛЕНИЕ']);
  });

  it('takes capitalised unknown words mid-sentence for names', () => {
    expect(flaggedWords('Вчера Иван Хабибуллин и Зульфия Мингазова посетили Камбулатовку.')).toEqual([]);
    // at a sentence start the same word is checked
    expect(flaggedWords('Хабибуллин посетил школу.')).toEqual(['Хабибуллин']);
  });

  it('warns about a capitalised word one slip away from a common word', () => {
    const text = 'Документы принимает Администация округа.';
    const f = check(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: SPELLING_RULE, severity: 'warning' });
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('Администация');
  });

  it('reports words typed in mixed Cyrillic and Latin letters', () => {
    const text = 'Желаем всем миpного неба.'; // Latin p
    const f = check(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: MIXED_SCRIPT_RULE, severity: 'error', suggestions: ['мирного'] });
  });

  it('skippedSpans covers mentions and links', () => {
    const text = 'см. [club1|Администрация] и vk.com/valuyki';
    const spans = skippedSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['[club1|Администрация]', 'vk.com/valuyki']);
  });

  it('isAbbreviation', () => {
    for (const w of ['МФЦ', 'ГИБДД', 'КоАП', 'СанПиН', 'ГОСТа', 'ЯндексДзен']) expect(isAbbreviation(w)).toBe(true);
    for (const w of ['Москва', 'ВНИМАНИЕ', 'обьявление']) expect(isAbbreviation(w)).toBe(false);
  });
});

describe('derivations and compounds', () => {
  it('accepts productive compounds and regular derivations', () => {
    expect(
      flaggedWords('Фотосессия, электросамокаты, госслужащие, ретроспективно, класснее, постарее, преинтереснейший.'),
    ).toEqual([]);
  });

  it('does not let derivations hide typical errors', () => {
    expect(flaggedWords('Это написанно остально')).toEqual(['написанно', 'остально']);
  });
});

describe('suggestions', () => {
  it('suggests the intended word first for common typos', () => {
    expect(speller.suggest('приемущество')[0]).toBe('преимущество');
    expect(speller.suggest('учавствовать')[0]).toBe('участвовать');
    expect(speller.suggest('обьявление')[0]).toBe('объявление');
    expect(speller.suggest('агенство')[0]).toBe('агентство');
    expect(speller.suggest('оччччень')[0]).toBe('очень');
    expect(speller.suggest('чтото')[0]).toBe('что-то');
  });

  it('keeps the capitalisation of the word', () => {
    expect(speller.suggest('Уважамые')[0]).toBe('Уважаемые');
    expect(speller.suggest('ОБЬЯВЛЕНИЕ')).toContain('ОБЪЯВЛЕНИЕ');
  });

  it('knows our vocabulary and place names', () => {
    expect(speller.suggest('госулуги', 3)).toContain('госуслуги');
    expect(speller.suggest('Новоалтаск', 3)).toContain('Новоалтайск');
  });

  it('respects the limit and never returns the word itself', () => {
    const s = speller.suggest('колектив', 2);
    expect(s.length).toBeLessThanOrEqual(2);
    expect(s).not.toContain('колектив');
    expect(s[0]).toBe('коллектив');
  });
});

describe('word lists', () => {
  it('parses the list syntax', () => {
    expect(parseWordListLine('  # comment')).toBeNull();
    expect(parseWordListLine('госуслуга = услуга  # сокращение')).toEqual({
      words: ['госуслуга'],
      model: 'услуга',
      forms: [],
    });
    expect(parseWordListLine('Сочи = -')).toEqual({ words: ['Сочи'], model: null, forms: [] });
    expect(parseWordListLine('Валуйки + Валуек')).toEqual({ words: ['Валуйки'], forms: ['Валуек'] });
    expect(parseWordListLine('Набережные Челны')).toEqual({ words: ['Набережные', 'Челны'], forms: [] });
  });

  it('infers inflection models by ending', () => {
    expect(inferModel('Новоалтайск')).toEqual({ lemma: 'Новоалтайск', model: 'Томск' });
    expect(inferModel('Пластуновская')).toEqual({ lemma: 'Пластуновский', model: 'московский' });
    expect(inferModel('Стрежевой')).toEqual({ lemma: 'Стрежевой', model: 'молодой' });
    expect(inferModel('Шебекино').model).toBe('село');
    expect(inferModel('Валуйки').model).toBe('Химки');
    expect(inferModel('Улан-Удэ').model).toBeNull();
  });

  it('every inflection model is a stem of the dictionary', () => {
    const stems = new Set(
      readFileSync(dictionaryPaths().dic, 'utf8')
        .split('\n')
        .filter((l) => l.includes('/'))
        .map((l) => l.slice(0, l.indexOf('/'))),
    );
    const models = new Set<string>();
    for (const file of dictionaryPaths().wordLists)
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const e = parseWordListLine(line);
        if (e?.model) models.add(e.model);
        for (const w of e?.words ?? []) {
          const m = inferModel(w).model;
          if (m) models.add(m);
        }
      }
    expect([...models].filter((m) => !stems.has(m))).toEqual([]);
  });

  it('inflects added place names', () => {
    const forms = 'Новоалтайска Новоалтайском Валуек Валуйкам Шебекине Губкина Стрежевом Пластуновской Нарьян-Маре';
    for (const w of forms.split(' ')) expect(speller.accepts(w), w).toBe(true);
  });

  it('adds words at run time', async () => {
    const s = await loadNodeSpeller({ wordLists: false });
    try {
      expect(s.accepts('Новоалтайском')).toBe(false);
      expect(s.addWords(['Новоалтайск'])).toBe(1);
      expect(s.accepts('Новоалтайском')).toBe(true);
    } finally {
      s.dispose();
    }
  });
});

describe('loading', () => {
  it('loads from URLs with an injected fetch', async () => {
    const p = dictionaryPaths();
    const files: Record<string, string> = {
      'x:/aff': p.aff,
      'x:/dic': p.dic,
      'x:/w1': p.wordLists[0] ?? '',
      'x:/w2': p.wordLists[1] ?? '',
    };
    const fakeFetch = (async (url: string) => {
      const f = files[url];
      return f ? new Response(readFileSync(f)) : new Response('', { status: 404 });
    }) as unknown as typeof fetch;
    const s = await loadSpellerFromUrls('x:/aff', 'x:/dic', { wordListUrls: ['x:/w1', 'x:/w2'], fetch: fakeFetch });
    try {
      expect(s.accepts('Новоалтайске')).toBe(true);
      expect(s.accepts('обьявление')).toBe(false);
    } finally {
      s.dispose();
    }
    await expect(loadSpellerFromUrls('x:/missing', 'x:/dic', { fetch: fakeFetch })).rejects.toThrow(/404/);
  });

  it('withTimeout rejects a promise that never settles', async () => {
    await expect(withTimeout(new Promise(() => {}), 20, 'loadModule()')).rejects.toThrow(/no answer in 20 ms/);
  });

  it('a disposed speller returns nothing', async () => {
    const s = await loadNodeSpeller({ wordLists: false });
    s.dispose();
    expect(s.check(spellingContext('обьявление'))).toEqual([]);
    expect(s.suggest('обьявление')).toEqual([]);
  });
});

describe('performance (informational)', () => {
  it('checks a 2,000-character post quickly when warm', () => {
    const para =
      'Уважаемые жители! Администрация Валуйского городского округа сообщает, что с 1 по 5 июля ' +
      'в связи с плановым ремонтом водовода будет отключено холодное водоснабжение на улицах Никольской, ' +
      'Степана Разина и в переулке Школьном. Подвоз воды организуют ресурсоснабжающие организации. ' +
      'Приносим извинения за временные неудобства. Вопросы можно задать в МФЦ или на Госуслугах. ';
    let text = '';
    while (text.length < 2000) text += para;
    text = text.slice(0, 2000);
    check(text); // warm the cache
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      check(text);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[15] ?? 0;
    console.info(`spelling check(): 2,000 chars, warm median ${median.toFixed(2)} ms`);
    expect(median).toBeLessThan(50);
  });
});
