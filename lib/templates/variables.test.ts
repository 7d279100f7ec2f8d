import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { escapeTemplateText, extractFirstName, fillTemplate, formatRuDate, parseVariables } from './variables';

const MSK = 'Europe/Moscow';
/** Monday 30 November 2026, 10:00 Moscow. */
const NOW = new TZDate(2026, 10, 30, 10, 0, MSK).getTime();

describe('parseVariables', () => {
  it('finds built-in and free variables with spans', () => {
    const text = '{обращение} Звоните: {телефон}. Номер заявки: {номер заявки}. Ответим до {срок:3}.';
    const vars = parseVariables(text);
    expect(vars.map((v) => [v.kind, v.key])).toEqual([
      ['greeting', 'обращение'],
      ['phone', 'телефон'],
      ['free', 'номер заявки'],
      ['deadline', 'срок'],
    ]);
    for (const v of vars) expect(text.slice(v.start, v.end)).toBe(v.raw);
    expect(vars[3]?.days).toBe(3);
    expect(vars[0]?.start).toBe(0);
  });

  it('is case- and ё-insensitive for built-ins and keeps the free name as written', () => {
    const vars = parseVariables('{Обращение} {ИМЯ} { Номер  Заявки }');
    expect(vars.map((v) => v.kind)).toEqual(['greeting', 'name', 'free']);
    expect(vars[2]?.name).toBe('Номер Заявки');
    expect(vars[2]?.key).toBe('номер заявки');
  });

  it('treats {{ as a literal brace and ignores empty or unclosed braces', () => {
    expect(parseVariables('{{имя}} и {} и {незакрытая')).toEqual([]);
    expect(parseVariables('строка\n{не\nпеременная}')).toEqual([]);
  });

  it('gives a bad {срок:…} argument to the user as a free variable', () => {
    const [v] = parseVariables('{срок:завтра}');
    expect(v?.kind).toBe('free');
    expect(v?.name).toBe('срок:завтра');
  });
});

describe('extractFirstName', () => {
  it.each([
    ['Анна Смирнова', 'Анна'],
    ['Анна-Мария Петрова', 'Анна-Мария'],
    ['Пётр', 'Пётр'],
    ['Пётр Ёлкин', 'Пётр'],
    ['смирнова анна', 'Анна'],
    ['СМИРНОВА АННА', 'Анна'],
    ['анна-мария', 'Анна-Мария'],
    ['Иванов Иван Иванович', 'Иван'],
    ['Иван Иванович Иванов', 'Иван'],
    ['  Анна   Смирнова  ', 'Анна'],
    ['🌸 Анна Смирнова 🌸', 'Анна'],
    ['[id123|Анна Смирнова]', 'Анна'],
    ['Anna Smirnova', 'Anna'],
    ['Абрамович Анна', 'Анна'],
  ])('%s → %s', (display, name) => {
    expect(extractFirstName(display)).toBe(name);
  });

  it.each([
    'Администрация Пластуновского сельского поселения',
    'администрация города',
    'МБОУ СОШ №1',
    'МБДОУ Детский сад Солнышко',
    'Школа 5',
    'ООО «Водоканал»',
    'Управляющая компания Уют',
    'Подслушано в Пластуновской',
    '[club123|Новости района]',
    'А.',
    '',
    '   ',
  ])('%s → unknown', (display) => {
    expect(extractFirstName(display)).toBeUndefined();
  });

  it('accepts missing input', () => {
    expect(extractFirstName(undefined)).toBeUndefined();
    expect(extractFirstName(null)).toBeUndefined();
  });
});

describe('formatRuDate', () => {
  it('writes «30 ноября 2026 г.» in the given zone', () => {
    expect(formatRuDate(NOW, MSK)).toBe('30 ноября 2026 г.');
    // 23:30 Moscow on 31 Dec is already 1 January in Tomsk
    const lateNight = new TZDate(2026, 11, 31, 23, 30, MSK).getTime();
    expect(formatRuDate(lateNight, MSK)).toBe('31 декабря 2026 г.');
    expect(formatRuDate(lateNight, 'Asia/Tomsk')).toBe('1 января 2027 г.');
  });
});

describe('fillTemplate', () => {
  const page = { organization: 'Администрация Пластуновского сельского поселения', phone: '8 (861) 000-00-00' };

  it('greets by first name and fills the page fields', () => {
    const r = fillTemplate('{обращение} Это {организация}, звоните: {телефон}.', {
      ...page,
      authorName: 'Анна Смирнова',
      now: NOW,
      tz: MSK,
    });
    expect(r.text).toBe(
      'Здравствуйте, Анна! Это Администрация Пластуновского сельского поселения, звоните: 8 (861) 000-00-00.',
    );
    expect(r.missing).toEqual([]);
    expect(r.unfilled).toEqual([]);
  });

  it('keeps ё and double names', () => {
    expect(fillTemplate('{обращение}', { authorName: 'Пётр Ёлкин', now: NOW }).text).toBe('Здравствуйте, Пётр!');
    expect(fillTemplate('{обращение} {имя}, спасибо.', { authorName: 'Анна-Мария Петрова', now: NOW }).text).toBe(
      'Здравствуйте, Анна-Мария! Анна-Мария, спасибо.',
    );
  });

  it('says «Здравствуйте!» for an unknown name and does not ask for the name', () => {
    const r = fillTemplate('{обращение} Спасибо за сообщение.', { authorName: 'МБОУ СОШ №1', now: NOW });
    expect(r.text).toBe('Здравствуйте! Спасибо за сообщение.');
    expect(r.missing).toEqual([]);
  });

  it('asks for {имя} when it is used outside {обращение} and the name is unknown', () => {
    const r = fillTemplate('{обращение} {имя}, спасибо!', { now: NOW });
    expect(r.text).toBe('Здравствуйте! {имя}, спасибо!');
    expect(r.missing).toEqual(['имя']);
    expect(r.unfilled).toEqual([{ name: 'имя', start: 14, end: 19 }]);
    expect(r.text.slice(14, 19)).toBe('{имя}');
  });

  it('uses a name typed by the user for both {имя} and {обращение}', () => {
    const r = fillTemplate('{обращение} {имя}, спасибо!', { now: NOW, values: { Имя: 'Ольга' } });
    expect(r.text).toBe('Здравствуйте, Ольга! Ольга, спасибо!');
  });

  it('lists missing page fields and free variables once, in order', () => {
    const r = fillTemplate('{обращение} Адрес: {адрес}. Телефон: {телефон}. Ещё раз адрес: {Адрес}. Сайт: {сайт}.', {
      now: NOW,
      phone: '   ',
    });
    expect(r.missing).toEqual(['адрес', 'телефон', 'сайт']);
    expect(r.unfilled.map((u) => r.text.slice(u.start, u.end))).toEqual(['{адрес}', '{телефон}', '{Адрес}', '{сайт}']);
  });

  it('fills free variables from values, whatever the case and ё', () => {
    const r = fillTemplate('Приедем {Когда} на {улица Ёлочная}.', {
      now: NOW,
      values: { когда: 'в среду', 'улица елочная': 'Ёлочную, 5' },
    });
    expect(r.text).toBe('Приедем в среду на Ёлочную, 5.');
    expect(r.missing).toEqual([]);
  });

  it('writes today and a deadline in working days', () => {
    const r = fillTemplate('Сегодня {дата}. Ответим до {срок}, выедем до {срок:3}.', { now: NOW, tz: MSK });
    // Mon 30 Nov 2026 + 7 working days → Wed 9 Dec; + 3 → Thu 3 Dec
    expect(r.text).toBe('Сегодня 30 ноября 2026 г. Ответим до 9 декабря 2026 г., выедем до 3 декабря 2026 г.');
  });

  it('does not swallow an ellipsis or a dot after a placeholder left for the user', () => {
    expect(fillTemplate('{дата}...', { now: NOW, tz: MSK }).text).toBe('30 ноября 2026 г....');
    expect(fillTemplate('Адрес: {адрес}.', { now: NOW }).text).toBe('Адрес: {адрес}.');
  });

  it('moves the deadline over the New Year holidays', () => {
    const dec29 = new TZDate(2025, 11, 29, 12, 0, MSK).getTime();
    expect(fillTemplate('{срок}', { now: dec29, tz: MSK }).text).toBe('19 января 2026 г.');
    expect(fillTemplate('{срок}', { now: dec29, tz: MSK, defaultDeadlineDays: 2 }).text).toBe('12 января 2026 г.');
  });

  it('turns {{ and }} into literal braces', () => {
    const r = fillTemplate('Пишите {{имя}} в шаблоне, а {{ — это скобка. {имя}', { authorName: 'Анна', now: NOW });
    expect(r.text).toBe('Пишите {имя} в шаблоне, а { — это скобка. Анна');
    expect(fillTemplate(escapeTemplateText('{телефон}'), { now: NOW }).text).toBe('{телефон}');
  });

  it('inserts values as plain text, never parsing them again', () => {
    const r = fillTemplate('{обращение} {ответ}', {
      authorName: 'Анна',
      now: NOW,
      values: { ответ: '{телефон} <img src=x onerror=alert(1)>' },
    });
    expect(r.text).toBe('Здравствуйте, Анна! {телефон} <img src=x onerror=alert(1)>');
    expect(r.missing).toEqual([]);
  });

  it('leaves markup in the template as text', () => {
    const text = '{обращение} <img src=x onerror=alert(1)>';
    expect(fillTemplate(text, { now: NOW }).text).toBe('Здравствуйте! <img src=x onerror=alert(1)>');
  });
});
