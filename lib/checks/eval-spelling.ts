/**
 * Scoring of the speller against the shared evaluation sets (../shared/eval). Pure: the caller
 * reads the files and passes their text in; used by the tests and by `npm run eval`.
 */
import { tokenize } from './tokenize';
import type { Finding, Preset, RuleContext } from './types';

export interface SpellingTarget {
  check(ctx: RuleContext): Finding[];
  suggest(word: string, limit?: number): string[];
}

/** A neutral preset: the speller does not read it, but RuleContext needs one. */
export const NEUTRAL_PRESET: Preset = {
  id: 'custom',
  name: 'Без регламента',
  municipality: '',
  weeklyQuota: 0,
  citationLimit: 0,
  greetingRequired: false,
  kantselyaritSeverity: 'hint',
  pressReleaseSeverity: 'hint',
  replyDeadlineHours: 0,
  urgentReplyDeadlineHours: 0,
  finalReplyWorkingDays: 0,
  clauses: {},
};

export function spellingContext(text: string, userWords: Iterable<string> = []): RuleContext {
  return { text, mode: 'post', preset: NEUTRAL_PRESET, userWords: new Set(userWords) };
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export interface MisspellingPair {
  misspelled: string;
  correct: string;
  source: string;
}

export function parseMisspellingsTsv(text: string): MisspellingPair[] {
  const out: MisspellingPair[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (i === 0 || !line.trim()) continue; // header
    const [misspelled = '', correct = '', source = ''] = line.split('\t');
    if (misspelled && correct) out.push({ misspelled, correct, source });
  }
  return out;
}

export interface RuspellPair {
  id: string;
  source_text: string;
  corrected_text: string;
  has_error: boolean;
}

export function parseRuspellJsonl(text: string): RuspellPair[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RuspellPair);
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

const fold = (w: string) => w.toLowerCase().replace(/ё/g, 'е');

function flagged(findings: readonly Finding[], start: number, end: number): boolean {
  return findings.some((f) => f.category === 'spelling' && f.start < end && f.end > start);
}

export interface MisspellingScore {
  pairs: number;
  /** Misspelled word checked alone: at least one spelling finding. */
  detected: number;
  detection: number;
  /** Correct form checked alone: no spelling finding. */
  correctAccepted: number;
  correctAcceptance: number;
  /** Suggestions computed for detected words only. */
  suggested: number;
  top1: number;
  top3: number;
  top1Rate: number;
  top3Rate: number;
  missed: string[];
  rejectedCorrect: string[];
  notInTop3: { misspelled: string; correct: string; got: string[] }[];
  suggestMs: number[];
}

export function scoreMisspellings(
  speller: SpellingTarget,
  pairs: readonly MisspellingPair[],
  opts: { suggestions?: boolean } = {},
): MisspellingScore {
  const s: MisspellingScore = {
    pairs: pairs.length,
    detected: 0,
    detection: 0,
    correctAccepted: 0,
    correctAcceptance: 0,
    suggested: 0,
    top1: 0,
    top3: 0,
    top1Rate: 0,
    top3Rate: 0,
    missed: [],
    rejectedCorrect: [],
    notInTop3: [],
    suggestMs: [],
  };
  for (const p of pairs) {
    const isDetected = speller.check(spellingContext(p.misspelled)).some((f) => f.category === 'spelling');
    if (isDetected) s.detected++;
    else s.missed.push(p.misspelled);
    if (speller.check(spellingContext(p.correct)).some((f) => f.category === 'spelling'))
      s.rejectedCorrect.push(p.correct);
    else s.correctAccepted++;
    if (opts.suggestions && isDetected) {
      const t = performance.now();
      const got = speller.suggest(p.misspelled, 3);
      s.suggestMs.push(performance.now() - t);
      s.suggested++;
      const want = fold(p.correct);
      const idx = got.findIndex((g) => fold(g) === want);
      if (idx === 0) s.top1++;
      if (idx >= 0 && idx < 3) s.top3++;
      else s.notInTop3.push({ misspelled: p.misspelled, correct: p.correct, got });
    }
  }
  s.detection = s.detected / Math.max(1, s.pairs);
  s.correctAcceptance = s.correctAccepted / Math.max(1, s.pairs);
  s.top1Rate = s.top1 / Math.max(1, s.suggested);
  s.top3Rate = s.top3 / Math.max(1, s.suggested);
  return s;
}

export interface FalseFlagScore {
  sentences: number;
  /** Word tokens (containing a letter) as the tokenizer sees them. */
  tokens: number;
  /** Tokens overlapped by any spelling finding (errors and warnings). */
  flagged: number;
  rate: number;
  /** Only findings with severity `error`. */
  flaggedErrors: number;
  errorRate: number;
  /** Flagged words with counts, most frequent first. */
  words: [string, number][];
}

/** Runs the checker over correct sentences; every spelling finding there is a false flag. */
export function scoreFalseFlags(speller: SpellingTarget, texts: readonly string[]): FalseFlagScore {
  let tokens = 0;
  let flaggedAll = 0;
  let flaggedErr = 0;
  const words = new Map<string, number>();
  for (const text of texts) {
    const findings = speller.check(spellingContext(text));
    const errors = findings.filter((f) => f.severity === 'error');
    for (const t of tokenize(text)) {
      if (!/\p{L}/u.test(t.text)) continue;
      tokens++;
      if (flagged(findings, t.start, t.end)) {
        flaggedAll++;
        words.set(t.text, (words.get(t.text) ?? 0) + 1);
      }
      if (flagged(errors, t.start, t.end)) flaggedErr++;
    }
  }
  return {
    sentences: texts.length,
    tokens,
    flagged: flaggedAll,
    rate: flaggedAll / Math.max(1, tokens),
    flaggedErrors: flaggedErr,
    errorRate: flaggedErr / Math.max(1, tokens),
    words: [...words.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru')),
  };
}

/**
 * Recall on RUSpellRU source sentences: of the source tokens that the correction changes
 * (aligned word by word where token counts match), the share the checker flags.
 */
export function scoreRuspellRecall(
  speller: SpellingTarget,
  pairs: readonly RuspellPair[],
): { aligned: number; errors: number; flagged: number; recall: number } {
  let aligned = 0;
  let errors = 0;
  let hit = 0;
  for (const p of pairs) {
    const src = tokenize(p.source_text);
    const cor = tokenize(p.corrected_text);
    if (src.length !== cor.length) continue;
    aligned++;
    const findings = speller.check(spellingContext(p.source_text));
    src.forEach((t, i) => {
      if (fold(t.text) === fold(cor[i]?.text ?? '')) return;
      errors++;
      if (flagged(findings, t.start, t.end)) hit++;
    });
  }
  return { aligned, errors, flagged: hit, recall: hit / Math.max(1, errors) };
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? 0;
}
