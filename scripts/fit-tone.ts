/**
 * Fits the press-release tone model on test/data/tone-samples.json (train split only), picks the
 * threshold on the training texts, reports accuracy on train and held-out texts, and writes the
 * weights into the TONE_MODEL block of lib/checks/tone.ts.
 *
 *   npx tsx scripts/fit-tone.ts            # fit, print and update lib/checks/tone.ts
 *   npx tsx scripts/fit-tone.ts --dry-run  # fit and print only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitAtNewlines } from '../lib/checks/style-words.ts';
import { sentences, tokenize } from '../lib/checks/tokenize.ts';
import { FEATURE_NAMES, toneFeatures } from '../lib/checks/tone.ts';

interface Sample {
  id: string;
  label: 'press-release' | 'conversational';
  split: 'train' | 'holdout';
  text: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = (
  JSON.parse(readFileSync(path.join(root, 'test/data/tone-samples.json'), 'utf8')) as { samples: Sample[] }
).samples;

const rows = samples.map((s) => {
  const spans = splitAtNewlines(s.text, sentences(s.text));
  const f = toneFeatures({ text: s.text, tokens: tokenize(s.text), sentences: spans }).features;
  return { s, x: FEATURE_NAMES.map((n) => f[n]), y: s.label === 'press-release' ? 1 : 0 };
});
const train = rows.filter((r) => r.s.split === 'train');
const holdout = rows.filter((r) => r.s.split === 'holdout');

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const k = FEATURE_NAMES.length;
const w = new Array<number>(k).fill(0);
let b = 0;
const LAMBDA = 0.05;
const LR = 0.2;
for (let iter = 0; iter < 20000; iter++) {
  const gw = new Array<number>(k).fill(0);
  let gb = 0;
  for (const r of train) {
    let z = b;
    for (let j = 0; j < k; j++) z += w[j]! * r.x[j]!;
    const e = sigmoid(z) - r.y;
    for (let j = 0; j < k; j++) gw[j]! += e * r.x[j]!;
    gb += e;
  }
  for (let j = 0; j < k; j++) w[j] = w[j]! - LR * (gw[j]! / train.length + LAMBDA * w[j]!);
  b -= LR * (gb / train.length);
}

const prob = (x: number[]) => {
  let z = b;
  for (let j = 0; j < k; j++) z += w[j]! * x[j]!;
  return sigmoid(z);
};
const accuracy = (set: typeof rows, t: number) =>
  set.filter((r) => (prob(r.x) >= t ? 1 : 0) === r.y).length / set.length;

let threshold = 0.5;
let best = -1;
for (let t = 0.3; t <= 0.7001; t += 0.01) {
  const tt = Math.round(t * 100) / 100;
  const acc = accuracy(train, tt);
  if (acc > best + 1e-9 || (Math.abs(acc - best) < 1e-9 && Math.abs(tt - 0.5) < Math.abs(threshold - 0.5))) {
    best = acc;
    threshold = tt;
  }
}
const mixedFrom = Math.max(0.1, Math.round((threshold - 0.2) * 100) / 100);
const means = FEATURE_NAMES.map((_, j) => train.reduce((s, r) => s + r.x[j]!, 0) / train.length);

const r3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(`train ${train.length}, holdout ${holdout.length}, threshold ${threshold}`);
console.log(
  `accuracy train ${(accuracy(train, threshold) * 100).toFixed(1)}%, holdout ${(accuracy(holdout, threshold) * 100).toFixed(1)}%`,
);
for (const r of rows) {
  const p = prob(r.x);
  if ((p >= threshold ? 1 : 0) !== r.y) console.log(`  miss ${r.s.split} ${r.s.id} p=${p.toFixed(3)}`);
}
const obj = (vals: number[]) => `{\n${FEATURE_NAMES.map((n, j) => `    ${n}: ${r3(vals[j]!)},`).join('\n')}\n  }`;
const block = `export const TONE_MODEL = {
  bias: ${r3(b)},
  weights: ${obj(w)} as ToneFeatures,
  /** Mean feature values on the training part, the baseline for reasons. */
  means: ${obj(means)} as ToneFeatures,
  threshold: ${threshold},
  /** Texts with probability in [mixedFrom, threshold) are 'mixed'. */
  mixedFrom: ${mixedFrom},
};`;
console.log(block);

if (!process.argv.includes('--dry-run')) {
  const tonePath = path.join(root, 'lib/checks/tone.ts');
  const src = readFileSync(tonePath, 'utf8');
  const start = src.indexOf('export const TONE_MODEL = {');
  const end = src.indexOf('\n};', start);
  if (start < 0 || end < 0) throw new Error('TONE_MODEL block not found');
  writeFileSync(tonePath, src.slice(0, start) + block + src.slice(end + 3));
  console.log('updated lib/checks/tone.ts');
}
