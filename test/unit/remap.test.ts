import { describe, expect, it } from 'vitest';
import { remapFindings } from '@/entrypoints/content/remap';
import type { Finding } from '@/lib/checks/types';

const f = (text: string, word: string): Finding => {
  const start = text.indexOf(word);
  return {
    rule: 'x',
    category: 'style',
    severity: 'warning',
    start,
    end: start + word.length,
    message: '',
    suggestions: [],
  };
};

describe('remapFindings', () => {
  const old = 'В целях безопасности данный проезд закрыт.';
  const found = [f(old, 'В целях'), f(old, 'данный')];

  it('shifts findings after an insertion and keeps those before it', () => {
    const now = 'В целях вашей безопасности данный проезд закрыт.';
    const r = remapFindings(found, old, now);
    expect(r.map((x) => now.slice(x.start, x.end))).toEqual(['В целях', 'данный']);
  });

  it('drops a finding whose words were edited', () => {
    const now = 'В целях безопасности этот проезд закрыт.';
    const r = remapFindings(found, old, now);
    expect(r.map((x) => now.slice(x.start, x.end))).toEqual(['В целях']);
  });
});
