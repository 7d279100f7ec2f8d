import { describe, expect, it } from 'vitest';
import { addressesReader, planInsertion } from './insert';

const apply = (current: string, caret: { start: number; end: number } | null, text: string) => {
  const p = planInsertion(current, caret, text);
  return current.slice(0, p.start) + p.text + current.slice(p.end);
};

describe('planInsertion', () => {
  it('replaces the «Анна, » prefix VK/OK put into a reply box when the template greets the author itself', () => {
    expect(apply('Анна, ', { start: 6, end: 6 }, 'Здравствуйте, Анна! Спасибо.')).toBe('Здравствуйте, Анна! Спасибо.');
    expect(apply('Анна,\u00a0', null, 'Добрый день, Анна! Спасибо.')).toBe('Добрый день, Анна! Спасибо.');
    expect(apply('Пётр Иванов, ', null, 'Здравствуйте! Спасибо.')).toBe('Здравствуйте! Спасибо.');
    expect(apply('Анна, ', null, 'Анна, спасибо, что написали.')).toBe('Анна, спасибо, что написали.');
    expect(apply('Анна,', null, 'Спасибо, Анна, что написали.')).toBe('Спасибо, Анна, что написали.');
  });

  it('keeps the appeal and continues it when the template does not address the author', () => {
    expect(apply('Анна, ', { start: 6, end: 6 }, 'Спасибо за вопрос.')).toBe('Анна, спасибо за вопрос.');
    expect(apply('Анна,', null, 'Спасибо за вопрос.')).toBe('Анна, спасибо за вопрос.');
    // abbreviations keep their case
    expect(apply('Анна, ', null, 'МФЦ работает до 20:00.')).toBe('Анна, МФЦ работает до 20:00.');
  });

  it('fills an empty box and inserts at the caret (or the end) otherwise, with spaces around', () => {
    expect(apply('', null, 'Здравствуйте!')).toBe('Здравствуйте!');
    expect(apply('  ', { start: 1, end: 1 }, 'Здравствуйте!')).toBe('Здравствуйте!');
    expect(apply('Черновик.', null, 'Здравствуйте!')).toBe('Черновик. Здравствуйте!');
    expect(apply('Начало конец', { start: 6, end: 6 }, 'середина')).toBe('Начало середина конец');
    expect(apply('Начало XXX конец', { start: 7, end: 10 }, 'середина')).toBe('Начало середина конец');
    expect(apply('abc', { start: 99, end: 120 }, 'x')).toBe('abc x');
  });

  it('a comment that only starts with a name is not a bare appeal', () => {
    expect(apply('Анна, добрый день', null, 'Здравствуйте!')).toBe('Анна, добрый день Здравствуйте!');
  });
});

describe('addressesReader', () => {
  it('sees a greeting or the name in the first sentence', () => {
    expect(addressesReader('Здравствуйте! Спасибо.', 'Анна')).toBe(true);
    expect(addressesReader('Уважаемая Анна, спасибо.', 'Анна')).toBe(true);
    expect(addressesReader('Спасибо, Алёна! Мы…', 'Алена')).toBe(true);
    expect(addressesReader('Спасибо за вопрос. Анна, мы…', 'Анна')).toBe(false);
    expect(addressesReader('Спасибо за вопрос, Анастасия.', 'Анна')).toBe(false);
  });
});
