// `npm run eval`: accuracy of the checker on data nobody on the team wrote (../shared/eval) and on the
// regulations' own texts (../shared/regulations). Prints one table per data set. Nothing is copied.
import fs from 'node:fs';
import path from 'node:path';
import { evalLanguageTool, type LtRow, parseJsonl } from '../lib/checks/eval-languagetool.ts';
import {
  parseMisspellingsTsv,
  parseRuspellJsonl,
  percentile,
  scoreFalseFlags,
  scoreMisspellings,
  scoreRuspellRecall,
} from '../lib/checks/eval-spelling.ts';
import { check } from '../lib/checks/index.ts';
import { getPreset } from '../lib/checks/presets.ts';
import { loadNodeSpeller } from '../lib/checks/spelling-node.ts';
import type { Category } from '../lib/checks/types.ts';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '..', 'shared');
const evalDir = path.join(shared, 'eval');
if (!fs.existsSync(evalDir)) {
  console.error(`Нет данных для оценки: ${evalDir}. Положите папку shared рядом с репозиторием.`);
  process.exit(2);
}
const read = (f: string) => fs.readFileSync(path.join(evalDir, f), 'utf8');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
function table(title: string, header: string[], rows: string[][]) {
  console.log(`\n## ${title}\n`);
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const speller = await loadNodeSpeller();

// 1. Spelling
const pairs = parseMisspellingsTsv(read('misspellings-dev.tsv'));
const ms = scoreMisspellings(speller, pairs, { suggestions: true });
const ruspell = parseRuspellJsonl(read('ruspellru-dev.jsonl'));
const ff = scoreFalseFlags(
  speller,
  ruspell.map((p) => p.corrected_text),
);
const rec = scoreRuspellRecall(speller, ruspell);
table(
  'Орфография / spelling',
  ['data set', 'measure', 'value'],
  [
    ['misspellings-dev.tsv', `misspellings detected (of ${ms.pairs})`, pct(ms.detection)],
    ['misspellings-dev.tsv', 'correct forms accepted', pct(ms.correctAcceptance)],
    ['misspellings-dev.tsv', 'intended word in top-1 / top-3', `${pct(ms.top1Rate)} / ${pct(ms.top3Rate)}`],
    [
      'misspellings-dev.tsv',
      'suggest() ms median / p95',
      `${percentile(ms.suggestMs, 50).toFixed(0)} / ${percentile(ms.suggestMs, 95).toFixed(0)}`,
    ],
    ['ruspellru corrected_text', `word tokens flagged (of ${ff.tokens})`, pct(ff.rate)],
    ['ruspellru source_text', `corrected words flagged (of ${rec.errors})`, pct(rec.recall)],
  ],
);

// 2. LanguageTool's Russian examples, per category we cover
const lt = parseJsonl<LtRow>(read('languagetool-ru-examples.jsonl'));
const noSpell = (text: string) => check(text, { mode: 'post' }, null).findings;
const fam = (cats: Category[]) => (f: { category: Category; rule: string }) => cats.includes(f.category);
const ltRows: string[][] = [];
const covered: [string[], Category[], string][] = [
  [['TYPOGRAPHY', 'PUNCTUATION', 'CASING'], ['punctuation'], 'claimed (floor: recall ≥ 50 %, false alarms ≤ 5 %)'],
  [['TYPOS'], ['punctuation', 'spelling'], 'misspelt phrases (informational)'],
  [['STYLE'], ['style'], 'style (informational: LT style ≠ канцелярит)'],
];
for (const [cats, families, note] of covered) {
  const r = evalLanguageTool(lt, noSpell, cats, { family: fam(families) });
  for (const c of cats) {
    const s = r.perCategory[c]!;
    ltRows.push([
      c,
      `${s.hits}/${s.incorrect}`,
      pct(s.recall),
      `${s.falseAlarms}/${s.correct}`,
      pct(s.falseAlarmRate),
      note,
    ]);
  }
  if (cats.length > 1) {
    const s = r.combined;
    ltRows.push([
      cats.join('+'),
      `${s.hits}/${s.incorrect}`,
      pct(s.recall),
      `${s.falseAlarms}/${s.correct}`,
      pct(s.falseAlarmRate),
      note,
    ]);
  }
}
table('LanguageTool ru examples', ['category', 'hits', 'recall', 'false alarms', 'FA rate', 'note'], ltRows);

// 3. The regulations themselves: full of канцелярит and citations, so the checker must say so
const regDir = path.join(shared, 'regulations');
const regRows: string[][] = [];
for (const f of fs
  .readdirSync(regDir)
  .filter((x) => /^\d{3}_.*\.txt$/.test(x))
  .sort()) {
  const text = fs.readFileSync(path.join(regDir, f), 'utf8');
  const t0 = performance.now();
  const r = check(text, { mode: 'post', preset: getPreset('plastunovskaya') }, speller);
  const ms2 = performance.now() - t0;
  const c = r.summary.counts;
  regRows.push([
    f.slice(0, 3),
    String(text.length),
    String(c.style),
    String(c.spelling),
    String(c.punctuation),
    String(r.summary.citations.count),
    `${r.summary.tone.verdict} (${Math.round(r.summary.tone.pressRelease * 100)} %)`,
    r.summary.score.toFixed(1),
    `${ms2.toFixed(0)} ms`,
  ]);
}
table(
  'Regulations (../shared/regulations), preset plastunovskaya',
  ['act', 'chars', 'style', 'spelling', 'punct.', 'legal acts', 'tone', 'score', 'time'],
  regRows,
);

// 4. Press-release tone on our own labelled samples (written by the team: not independent data)
const samples = JSON.parse(fs.readFileSync(path.join(root, 'test/data/tone-samples.json'), 'utf8')) as {
  samples: { label: string; split: string; text: string }[];
};
const toneRows: string[][] = [];
for (const split of ['train', 'held-out']) {
  const set = samples.samples.filter((s) => (split === 'train' ? s.split === 'train' : s.split !== 'train'));
  let right = 0;
  for (const s of set) {
    const v = check(s.text, { mode: 'post' }, null).summary.tone.verdict;
    if ((v === 'press-release') === (s.label === 'press-release')) right++;
  }
  toneRows.push([split, String(set.length), pct(right / Math.max(1, set.length))]);
}
table('Press-release tone (test/data/tone-samples.json, our own texts)', ['split', 'texts', 'accuracy'], toneRows);
speller.dispose();
