/**
 * Accuracy of `checkPunctuation` on LanguageTool 6.8's Russian rule examples
 * (`../shared/eval/languagetool-ru-examples.jsonl`, read in place, never copied).
 *
 * The rules were written from general punctuation rules, not from these sentences; the set measures them.
 * A false alarm is any finding of ours on a `correct` example — including findings of rules the product
 * wants regardless (` - ` → « — », straight quotes → «ёлочки», `10 %` → `10%`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CategoryScore, evalLanguageTool, type LtRow, parseJsonl } from './eval-languagetool';
import { checkPunctuation } from './punctuation';
import type { Finding, Preset } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = path.resolve(repoRoot, '../shared/eval/languagetool-ru-examples.jsonl');

const PRESET = { id: 'custom', name: 'Тест', clauses: {} } as unknown as Preset;
const run = (text: string): Finding[] => checkPunctuation({ text, mode: 'post', preset: PRESET, userWords: new Set() });

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const line = (name: string, s: CategoryScore) =>
  `${name.padEnd(12)} recall ${String(s.hits).padStart(3)}/${String(s.incorrect).padEnd(3)} = ${pct(s.recall).padStart(7)}   ` +
  `false alarms ${String(s.falseAlarms).padStart(3)}/${String(s.correct).padEnd(3)} = ${pct(s.falseAlarmRate).padStart(7)}`;

describe('evalLanguageTool', () => {
  const rows: LtRow[] = [
    {
      rule_id: 'A',
      category: 'PUNCTUATION',
      kind: 'incorrect',
      sentence: 'Мы к сожалению не успели.',
      marker: 'к сожалению',
    },
    { rule_id: 'A', category: 'PUNCTUATION', kind: 'incorrect', sentence: 'Всё хорошо.', marker: 'хорошо' },
    { rule_id: 'A', category: 'PUNCTUATION', kind: 'correct', sentence: 'Мы, к сожалению, не успели.', marker: null },
    { rule_id: 'A', category: 'PUNCTUATION', kind: 'correct', sentence: 'Плохо.', marker: null },
    { rule_id: 'B', category: 'STYLE', kind: 'correct', sentence: 'Плохо.', marker: null },
    { rule_id: 'C', category: 'PUNCTUATION', kind: 'correct', sentence: 'Плохо. (Некорректный пример)', marker: null },
  ];
  const fake = (text: string): Finding[] => {
    const i = text.indexOf('к сожалению');
    const j = text.indexOf('Плохо');
    const out: Finding[] = [];
    const f = (start: number, end: number): Finding => ({
      rule: 'x',
      category: 'punctuation',
      severity: 'warning',
      start,
      end,
      message: 'М.',
      suggestions: [],
    });
    if (i >= 0 && text[i - 2] !== ',') out.push(f(i - 1, i));
    if (j >= 0) out.push(f(j, j + 5));
    return out;
  };

  it('counts overlap hits, false alarms and leaves out annotated rows', () => {
    const r = evalLanguageTool(rows, fake, ['PUNCTUATION']);
    expect(r.perCategory.PUNCTUATION).toEqual({
      incorrect: 2,
      hits: 0,
      recall: 0,
      correct: 2,
      falseAlarms: 1,
      falseAlarmRate: 0.5,
    });
    expect(r.excluded).toBe(1);
    // the finding before the marker («_к сожалению») touches it only at the boundary: no hit
    const hitFake = (text: string) => fake(text).map((x) => ({ ...x, end: x.end + 1 }));
    expect(evalLanguageTool(rows, hitFake, ['PUNCTUATION']).combined.hits).toBe(1);
    expect(evalLanguageTool(rows, fake, ['PUNCTUATION'], { excludeAnnotatedIncorrect: false }).combined.correct).toBe(
      3,
    );
  });

  it('restricts the family with a predicate', () => {
    const r = evalLanguageTool(rows, fake, ['PUNCTUATION', 'STYLE'], { family: (f) => f.rule !== 'x' });
    expect(r.combined.falseAlarms).toBe(0);
    expect(r.perCategory.STYLE!.correct).toBe(1);
  });
});

describe.skipIf(!existsSync(FILE))('checkPunctuation on LanguageTool examples', () => {
  const rows = existsSync(FILE) ? parseJsonl<LtRow>(readFileSync(FILE, 'utf8')) : [];

  it('TYPOGRAPHY + PUNCTUATION + CASING: recall ≥ 50 %, false alarms ≤ 5 %', () => {
    const r = evalLanguageTool(rows, run, ['TYPOGRAPHY', 'PUNCTUATION', 'CASING']);
    const report = [
      ...Object.entries(r.perCategory).map(([k, s]) => line(k, s)),
      line('combined', r.combined),
      `(${r.excluded} «correct» rows marked «(Некорректный пример)» by LanguageTool left out; ${r.skipped} rows without a marker)`,
      ...r.falseAlarms.map(
        (d) => `  FA ${d.row.rule_id}: ${d.row.sentence} → ${d.findings.map((f) => f.rule).join(', ')}`,
      ),
    ];
    console.log(report.join('\n'));
    expect(r.combined.incorrect).toBeGreaterThan(250);
    expect(r.combined.recall).toBeGreaterThanOrEqual(0.5);
    expect(r.combined.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });

  it('TYPOS and STYLE (informational: the phrase list)', () => {
    const r = evalLanguageTool(rows, run, ['TYPOS', 'STYLE']);
    console.log(
      [...Object.entries(r.perCategory).map(([k, s]) => line(k, s)), line('combined', r.combined)].join('\n'),
    );
    expect(r.combined.incorrect).toBeGreaterThan(0);
  });
});
