/**
 * Scores a checker on LanguageTool's Russian rule examples (`../shared/eval/languagetool-ru-examples.jsonl`).
 *
 * - `incorrect` example: a hit when some finding of the family overlaps the marker's position in the
 *   sentence (the first occurrence of `marker`, as LanguageTool does not store offsets).
 * - `correct` example: any finding of the family is a false alarm.
 *
 * Pure: no file access; the caller loads and parses the rows.
 */
import type { Finding } from './types';

export interface LtRow {
  rule_id: string;
  category: string;
  kind: 'incorrect' | 'correct';
  sentence: string;
  marker: string | null;
  correction?: string | null;
  message?: string;
  default?: string | null;
}

export interface CategoryScore {
  /** Incorrect examples scored (marker found in the sentence). */
  incorrect: number;
  hits: number;
  recall: number;
  correct: number;
  falseAlarms: number;
  falseAlarmRate: number;
}

export interface EvalDetail {
  row: LtRow;
  findings: Finding[];
}

export interface EvalResult {
  perCategory: Record<string, CategoryScore>;
  combined: CategoryScore;
  /** Incorrect rows whose marker is not in the sentence (not scored). */
  skipped: number;
  /** Correct rows left out because LanguageTool itself marks them «(Некорректный пример)». */
  excluded: number;
  misses: EvalDetail[];
  hits: EvalDetail[];
  falseAlarms: EvalDetail[];
}

export interface EvalOptions {
  /** Which findings belong to the family scored; default: all. */
  family?: (f: Finding) => boolean;
  /**
   * LanguageTool lists some sentences under `correct` with the note «(Некорректный пример)»: its rule
   * does not fire there, but the sentence is wrong. They are left out of the false-alarm count unless
   * this is false. Default true.
   */
  excludeAnnotatedIncorrect?: boolean;
}

const ANNOTATED_INCORRECT = '(Некорректный пример)';

function empty(): CategoryScore {
  return { incorrect: 0, hits: 0, recall: 0, correct: 0, falseAlarms: 0, falseAlarmRate: 0 };
}

function finish(s: CategoryScore): CategoryScore {
  s.recall = s.incorrect ? s.hits / s.incorrect : 0;
  s.falseAlarmRate = s.correct ? s.falseAlarms / s.correct : 0;
  return s;
}

export function evalLanguageTool(
  rows: readonly LtRow[],
  checkFn: (text: string) => Finding[],
  categories: readonly string[],
  options: EvalOptions = {},
): EvalResult {
  const family = options.family ?? (() => true);
  const exclude = options.excludeAnnotatedIncorrect ?? true;
  const wanted = new Set(categories);
  const perCategory: Record<string, CategoryScore> = {};
  for (const c of categories) perCategory[c] = empty();
  const combined = empty();
  const result: EvalResult = {
    perCategory,
    combined,
    skipped: 0,
    excluded: 0,
    misses: [],
    hits: [],
    falseAlarms: [],
  };
  for (const row of rows) {
    if (!wanted.has(row.category)) continue;
    const score = perCategory[row.category]!;
    if (row.kind === 'incorrect') {
      const marker = row.marker ?? '';
      let pos = marker ? row.sentence.indexOf(marker) : -1;
      let len = marker.length;
      for (const alt of [marker.trim(), marker.replace(/\u00a0/g, ' '), marker.replace(/\u00a0/g, ' ').trim()]) {
        if (pos >= 0 || !alt) break;
        pos = row.sentence.indexOf(alt);
        len = alt.length;
      }
      if (pos < 0) {
        result.skipped++;
        continue;
      }
      const findings = checkFn(row.sentence).filter(family);
      const end = pos + Math.max(1, len);
      const hit = findings.some((f) => f.start < end && f.end > pos);
      score.incorrect++;
      combined.incorrect++;
      if (hit) {
        score.hits++;
        combined.hits++;
        result.hits.push({ row, findings });
      } else result.misses.push({ row, findings });
    } else {
      if (exclude && row.sentence.includes(ANNOTATED_INCORRECT)) {
        result.excluded++;
        continue;
      }
      const findings = checkFn(row.sentence).filter(family);
      score.correct++;
      combined.correct++;
      if (findings.length > 0) {
        score.falseAlarms++;
        combined.falseAlarms++;
        result.falseAlarms.push({ row, findings });
      }
    }
  }
  for (const c of categories) finish(perCategory[c]!);
  finish(combined);
  return result;
}

/** Parses JSON Lines, skipping blank or broken lines. */
export function parseJsonl<T>(text: string): T[] {
  const out: T[] = [];
  for (const line of text.split('\n')) {
    const s = line.trim();
    if (!s) continue;
    try {
      out.push(JSON.parse(s) as T);
    } catch {
      // skip
    }
  }
  return out;
}
