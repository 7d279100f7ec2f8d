/**
 * Expands every lemma used by the style checks into all its word forms and writes
 * lib/checks/data/kantselyarit-forms.json, so the extension needs no morphology at run time.
 *
 *   npx tsx scripts/gen-lexicon-forms.ts
 *
 * Sources: lib/checks/data/kantselyarit.json (`*lemma` slots and `*word` replacements) and
 * lib/checks/data/style-lemmas.json (official verbs for passive voice, nouns for genitive chains).
 * Morphology: the `az` devDependency (OpenCorpora dictionaries in node_modules/az/dicts).
 *
 * Output format (compact, deterministic):
 *   tags:      ["POS|case|number|gender|person|tense|mood|voice|aspect", …]
 *   paradigms: [[ending, tagIndex, ending, tagIndex, …], …]   (shared by lemmas)
 *   lemmas:    [[key, stem, paradigmIndex, groups], …]         form = stem + ending
 * groups is a bit mask: 1 lexicon slot, 2 replacement, 4 passive participle, 8 reflexive passive,
 * 16 chain noun.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lemmaKey, parsePattern, replacementLemmas } from '../lib/checks/lexicon-pattern.ts';

interface AzTag {
  POS?: string;
  CAse?: string;
  NMbr?: string;
  GNdr?: string;
  PErs?: string;
  TEns?: string;
  MOod?: string;
  VOic?: string;
  ASpc?: string;
  Cmp2?: boolean;
  toString(): string;
}
interface AzParse {
  tag: AzTag;
  formCnt?: number;
  paradigmIdx?: number;
  constructor: { name: string };
  normalize(): AzParse;
  inflect(i: number): AzParse | false;
  toString(): string;
}
interface AzModule {
  Morph: ((word: string) => AzParse[]) & { init(dir: string, cb: (err?: unknown) => void): void };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const Az = require('az') as AzModule;

const GROUP = { lexicon: 1, replacement: 2, passivePrts: 4, reflexivePassive: 8, chainNoun: 16 } as const;

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

function tagString(t: AzTag): string {
  return [t.POS, t.CAse, t.NMbr, t.GNdr, t.PErs, t.TEns, t.MOod, t.VOic, t.ASpc].map((x) => x ?? '').join('|');
}

const warnings: string[] = [];

/** All (form, tag) pairs of a lemma reference like «провести» or «провести:PRTS». */
function expand(ref: string): Array<[string, string]> {
  const [word = '', posFilter] = ref.split(':');
  const parses = Az.Morph(word).filter((p) => p.constructor.name === 'DictionaryParse' && p.formCnt);
  let chosen = parses.filter((p) => fold(p.normalize().toString()) === fold(word));
  let pos = posFilter;
  if (!chosen.length && parses[0]) {
    chosen = [parses[0]];
    pos = pos ?? parses[0].tag.POS;
    warnings.push(`«${ref}»: not a dictionary lemma, using the lexeme of «${parses[0].normalize()}» (${pos})`);
  }
  if (!chosen.length) {
    warnings.push(`«${ref}»: unknown to az, only the word itself is used`);
    return [[word.toLowerCase(), '||||||||']];
  }
  const seen = new Set<number>();
  const out: Array<[string, string]> = [];
  const pairs = new Set<string>();
  for (const p of chosen) {
    if (p.paradigmIdx !== undefined) {
      if (seen.has(p.paradigmIdx)) continue;
      seen.add(p.paradigmIdx);
    }
    for (let i = 0; i < (p.formCnt ?? 0); i++) {
      const f = p.inflect(i);
      if (!f) continue;
      if (f.tag.Cmp2) continue;
      if (pos && f.tag.POS !== pos) continue;
      const form = f.toString().toLowerCase();
      const tag = tagString(f.tag);
      const k = `${form}\t${tag}`;
      if (pairs.has(k)) continue;
      pairs.add(k);
      out.push([form, tag]);
    }
  }
  if (!out.length) warnings.push(`«${ref}»: no forms after the filter`);
  return out;
}

function isDictionaryLemma(word: string): boolean {
  return Az.Morph(word).some(
    (p) => p.constructor.name === 'DictionaryParse' && fold(p.normalize().toString()) === fold(word),
  );
}

interface LexiconFile {
  entries: Array<{ id: string; pattern: string; replacements: string[] }>;
}
interface StyleLemmas {
  passivePerfective: string[];
  passiveImperfective: string[];
  chainNouns: string[];
}

function main(): void {
  const lexicon = JSON.parse(readFileSync(path.join(root, 'lib/checks/data/kantselyarit.json'), 'utf8')) as LexiconFile;
  const style = JSON.parse(readFileSync(path.join(root, 'lib/checks/data/style-lemmas.json'), 'utf8')) as StyleLemmas;

  const groups = new Map<string, number>();
  const add = (key: string, g: number) => groups.set(key, (groups.get(key) ?? 0) | g);

  for (const e of lexicon.entries) {
    for (const slot of parsePattern(e.pattern)) {
      for (const alt of slot.alts) if (alt.kind === 'lemma') add(alt.value, GROUP.lexicon);
    }
    for (const r of e.replacements) {
      for (const key of replacementLemmas(r)) {
        add(key, GROUP.replacement);
        // A reflexive head («осуществляется») needs a reflexive replacement («делается»).
        if (!key.includes(':') && /ть$|ти$|чь$/.test(key)) {
          const refl = key + (/[аеёиоуыэюя]$/.test(key) ? 'сь' : 'ся');
          if (isDictionaryLemma(refl)) add(refl, GROUP.replacement);
        }
      }
    }
  }
  for (const v of style.passivePerfective) add(lemmaKey(`${v}:PRTS`), GROUP.passivePrts);
  for (const v of style.passiveImperfective) add(lemmaKey(`${v}:VERB`), GROUP.reflexivePassive);
  for (const n of style.chainNouns) add(lemmaKey(n), GROUP.chainNoun);

  const tagIndex = new Map<string, number>();
  const tags: string[] = [];
  const paradigmIndex = new Map<string, number>();
  const paradigms: Array<Array<string | number>> = [];
  const lemmas: Array<[string, string, number, number]> = [];
  let formCount = 0;

  for (const key of [...groups.keys()].sort()) {
    const forms = expand(key);
    if (!forms.length) continue;
    let stem = forms[0]![0];
    for (const [f] of forms) {
      let i = 0;
      while (i < stem.length && i < f.length && stem[i] === f[i]) i++;
      stem = stem.slice(0, i);
    }
    const flat: Array<string | number> = [];
    for (const [f, t] of forms) {
      let ti = tagIndex.get(t);
      if (ti === undefined) {
        ti = tags.length;
        tags.push(t);
        tagIndex.set(t, ti);
      }
      flat.push(f.slice(stem.length), ti);
    }
    const pk = JSON.stringify(flat);
    let pi = paradigmIndex.get(pk);
    if (pi === undefined) {
      pi = paradigms.length;
      paradigms.push(flat);
      paradigmIndex.set(pk, pi);
    }
    lemmas.push([key, stem, pi, groups.get(key) ?? 0]);
    formCount += forms.length;
  }

  const lines = [
    '{',
    '  "version": 1,',
    '  "generatedBy": "scripts/gen-lexicon-forms.ts (az 0.2.3, OpenCorpora)",',
    `  "tags": ${JSON.stringify(tags)},`,
    '  "paradigms": [',
    paradigms.map((p) => `    ${JSON.stringify(p)}`).join(',\n'),
    '  ],',
    '  "lemmas": [',
    lemmas.map((l) => `    ${JSON.stringify(l)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ];
  const outPath = path.join(root, 'lib/checks/data/kantselyarit-forms.json');
  writeFileSync(outPath, lines.join('\n'));
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(
    `${lexicon.entries.length} entries, ${lemmas.length} lemmas, ${formCount} forms, ${paradigms.length} paradigms, ${tags.length} tags → ${path.relative(root, outPath)}`,
  );
}

Az.Morph.init(path.join(root, 'node_modules/az/dicts'), (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  main();
});
