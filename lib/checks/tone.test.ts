import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset } from './presets';
import { styleCtx } from './style-test-utils';
import { assessTone, TONE_MODEL } from './tone';

interface Sample {
  id: string;
  label: 'press-release' | 'conversational';
  split: 'train' | 'holdout';
  text: string;
}

const samples = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../test/data/tone-samples.json'), 'utf8')) as {
    samples: Sample[];
  }
).samples;

function accuracy(set: readonly Sample[]): number {
  let ok = 0;
  for (const s of set) {
    const p = assessTone(styleCtx(s.text)).tone.pressRelease;
    if (p >= TONE_MODEL.threshold === (s.label === 'press-release')) ok++;
  }
  return ok / set.length;
}

describe('tone model on the labelled set', () => {
  const train = samples.filter((s) => s.split === 'train');
  const holdout = samples.filter((s) => s.split === 'holdout');

  it('has at least 40 texts of each class and a held-out third', () => {
    expect(samples.filter((s) => s.label === 'press-release').length).toBeGreaterThanOrEqual(40);
    expect(samples.filter((s) => s.label === 'conversational').length).toBeGreaterThanOrEqual(40);
    expect(holdout.length).toBe(Math.floor(samples.length / 3));
  });

  it('classifies the training texts (fitted on them)', () => {
    const acc = accuracy(train);
    console.info(`tone accuracy, train (${train.length} texts): ${(acc * 100).toFixed(1)}%`);
    expect(acc).toBeGreaterThanOrEqual(0.95);
  });

  it('classifies the held-out texts', () => {
    const acc = accuracy(holdout);
    console.info(`tone accuracy, held-out (${holdout.length} texts): ${(acc * 100).toFixed(1)}%`);
    expect(acc).toBeGreaterThanOrEqual(0.9);
  });
});

const PRESS_RELEASE =
  '15 марта в администрации района состоялось совещание под председательством главы района Ивана Петровича Сидорова. ' +
  'Участники обсудили ход ремонта дорог. Глава отметил, что работы будут завершены в установленные сроки.';
const CONVERSATIONAL =
  'Завтра с 9 утра на Ленина меняют трубы, воды не будет до обеда. Наберите воды заранее! Если к двум не дадут, звоните нам: 2-15-15.';

describe('assessTone', () => {
  it('recognises a press release and warns on the first sentence of a post', () => {
    const { tone, findings } = assessTone(styleCtx(PRESS_RELEASE));
    expect(tone.verdict).toBe('press-release');
    expect(tone.pressRelease).toBeGreaterThan(TONE_MODEL.threshold);
    expect(tone.reasons.length).toBeGreaterThan(0);
    expect(tone.reasons.length).toBeLessThanOrEqual(3);
    for (const r of tone.reasons) expect(r).toMatch(/^[А-ЯЁ].*\.$/);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.rule).toBe('tone.press-release');
    expect(f.category).toBe('tone');
    expect(f.severity).toBe(getPreset('custom').pressReleaseSeverity);
    expect(PRESS_RELEASE.slice(f.start, f.end)).toBe(
      '15 марта в администрации района состоялось совещание под председательством главы района Ивана Петровича Сидорова.',
    );
    expect(f.message.startsWith('Похоже на пресс-релиз: ')).toBe(true);
  });

  it('uses the preset severity', () => {
    const preset = { ...getPreset('custom'), pressReleaseSeverity: 'error' as const };
    expect(assessTone(styleCtx(PRESS_RELEASE, 'post', preset)).findings[0]?.severity).toBe('error');
  });

  it('calls a practical post conversational, with reasons', () => {
    const { tone, findings } = assessTone(styleCtx(CONVERSATIONAL));
    expect(tone.verdict).toBe('conversational');
    expect(tone.pressRelease).toBeLessThan(TONE_MODEL.mixedFrom);
    expect(tone.reasons.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });

  it('computes the tone of replies but does not warn on them', () => {
    const { tone, findings } = assessTone(styleCtx(PRESS_RELEASE, 'reply'));
    expect(tone.verdict).toBe('press-release');
    expect(findings).toEqual([]);
  });

  it('does not warn on a one-sentence post', () => {
    const one = 'В администрации района состоялось заседание комиссии под председательством главы района.';
    const { findings } = assessTone(styleCtx(one));
    expect(findings).toEqual([]);
  });

  it('returns a middle verdict between the thresholds', () => {
    expect(TONE_MODEL.mixedFrom).toBeLessThan(TONE_MODEL.threshold);
    const mixed =
      'Администрация информирует: в связи с ремонтом водопровода 5 мая будет отключена вода. Ремонт продлится до вечера. Приносим извинения, звоните, если что: 2-15-15.';
    const { tone } = assessTone(styleCtx(mixed));
    expect(['mixed', 'press-release']).toContain(tone.verdict);
  });

  it('never throws and is deterministic', () => {
    for (const t of ['', '   ', '?!', '😀', 'Latin words only here.', 'а'.repeat(17_000)]) {
      const a = assessTone(styleCtx(t));
      expect(a.tone.pressRelease).toBeGreaterThanOrEqual(0);
      expect(a.tone.pressRelease).toBeLessThanOrEqual(1);
      expect(assessTone(styleCtx(t))).toEqual(a);
    }
    expect(assessTone(styleCtx('')).tone.verdict).toBe('conversational');
  });
});
