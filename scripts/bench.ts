// `npm run bench`: speed and memory of the checker. Prints median and p95 of check() on 300, 2,000 and
// 16,000-character posts (warm, no suggestions), the spell checker's cold start and memory, and the same
// text through Debian's `hunspell -l` when it is installed, side by side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');
const base = fs.readFileSync(path.join(root, 'test/data/bench-post.txt'), 'utf8');
const sample = (n: number) => {
  let s = '';
  while (s.length < n) s += `${base}\n\n`;
  const cut = s.lastIndexOf(' ', n);
  return s.slice(0, cut > 0 ? cut : n);
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95) };
};
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

global.gc?.();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const { loadNodeSpeller } = await import('../lib/checks/spelling-node.ts');
const speller = await loadNodeSpeller();
const coldMs = performance.now() - t0;
global.gc?.();
const rssMb = (process.memoryUsage().rss - rss0) / 2 ** 20;
const { check } = await import('../lib/checks/index.ts');

const rows: string[][] = [];
const targets: Record<number, number> = { 2000: 3, 16000: 25 };
for (const n of [300, 2000, 16000]) {
  const text = sample(n);
  const runs = n > 5000 ? 60 : 300;
  // warm-up (also fills the speller's word cache, as during typing)
  for (let i = 0; i < 10; i++) check(text, { mode: 'post' }, speller);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    check(text, { mode: 'post' }, speller);
    times.push(performance.now() - s);
  }
  // first check of an unseen text: vary a word so the cache misses
  const coldTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = `${text.replace(/ремонт/g, `ремонт${'а'.repeat(i % 3)}`)} вариант${i}`;
    const s = performance.now();
    check(t, { mode: 'post' }, speller);
    coldTimes.push(performance.now() - s);
  }
  let hun = '—';
  const h = spawnSync('hunspell', ['-d', 'ru_RU', '-l'], { input: text, encoding: 'utf8' });
  if (!h.error && h.status === 0) {
    const ht: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      spawnSync('hunspell', ['-d', 'ru_RU', '-l'], { input: text, encoding: 'utf8' });
      ht.push(performance.now() - s);
    }
    const ours = stats(times).median;
    hun = `${fmt(stats(ht).median)} ms (×${(stats(ht).median / ours).toFixed(1)} of ours, incl. process start)`;
  }
  const st = stats(times);
  const target = targets[n];
  rows.push([
    `${n.toLocaleString('en')} chars`,
    `${fmt(st.median)} ms`,
    `${fmt(st.p95)} ms`,
    `${fmt(stats(coldTimes).median)} ms`,
    target ? `≤ ${target} ms ${st.median <= target ? 'OK' : 'MISSED'}` : '',
    hun,
  ]);
}

const header = ['text', 'check() median', 'p95', 'new text median', 'target', 'hunspell -l (Debian)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log();
console.log(`spell checker cold start: ${coldMs.toFixed(0)} ms (target ≤ 300 ms ${coldMs <= 300 ? 'OK' : 'MISSED'})`);
console.log(
  `spell checker memory (RSS delta): ${rssMb.toFixed(1)} MB (target ≤ 40 MB ${rssMb <= 40 ? 'OK' : 'MISSED'})`,
);
