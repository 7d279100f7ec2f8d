/**
 * Word-shape helpers shared by the style checks (канцелярит, structure, tone).
 * Pure; every regular expression here is compiled once at module load.
 */
import { analyses, hasGroup, LemmaGroup, lemmaGroups, lemmaOf, tagInfo, tagOf } from './morph';
import type { Severity } from './types';

export type Case = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct';

/**
 * Verbal and abstract nouns by suffix, with the cases each ending can stand for:
 * -ние/-ание/-ение, -тие, -ция, -ство, -ость in every case and number.
 */
const NOMINAL_ENDINGS: Array<[RegExp, readonly Case[]]> = [
  [/[аяеё](?:ние|нье)$/, ['nomn', 'accs']],
  [/[аяеё]ния$/, ['gent', 'nomn', 'accs']],
  [/[аяеё]нию$/, ['datv']],
  [/[аяеё]нием$/, ['ablt']],
  [/[аяеё]нии$/, ['loct', 'datv']],
  [/[аяеё]ний$/, ['gent']],
  [/[аяеё]ниям$/, ['datv']],
  [/[аяеё]ниями$/, ['ablt']],
  [/[аяеё]ниях$/, ['loct']],
  [/тие$/, ['nomn', 'accs']],
  [/тия$/, ['gent', 'nomn', 'accs']],
  [/тию$/, ['datv']],
  [/тием$/, ['ablt']],
  [/тии$/, ['loct', 'datv']],
  [/тий$/, ['gent']],
  [/тиям$/, ['datv']],
  [/тиями$/, ['ablt']],
  [/тиях$/, ['loct']],
  [/ция$/, ['nomn']],
  [/ции$/, ['gent', 'datv', 'loct', 'nomn', 'accs']],
  [/цию$/, ['accs']],
  [/цией$/, ['ablt']],
  [/ций$/, ['gent']],
  [/циям$/, ['datv']],
  [/циями$/, ['ablt']],
  [/циях$/, ['loct']],
  [/ство$/, ['nomn', 'accs']],
  [/ства$/, ['gent', 'nomn', 'accs']],
  [/ству$/, ['datv']],
  [/ством$/, ['ablt']],
  [/стве$/, ['loct']],
  [/ств$/, ['gent']],
  [/ствам$/, ['datv']],
  [/ствами$/, ['ablt']],
  [/ствах$/, ['loct']],
  [/ость$/, ['nomn', 'accs']],
  [/ости$/, ['gent', 'datv', 'loct', 'nomn', 'accs']],
  [/остью$/, ['ablt']],
  [/остей$/, ['gent']],
  [/остям$/, ['datv']],
  [/остями$/, ['ablt']],
  [/остях$/, ['loct']],
];

/** Nouns with a «verbal» suffix that are names of places and bodies rather than actions. */
const NOT_NOMINALISATION = new Set([
  'администрация',
  'поселение',
  'учреждение',
  'управление',
  'отделение',
  'подразделение',
  'население',
  'здание',
  'станция',
  'полиция',
  'федерация',
  'конституция',
  'редакция',
  'государство',
  'министерство',
  'правительство',
  'общество',
  'агентство',
  'хозяйство',
  'предприятие',
  'новость',
  'область',
  'собственность',
  'ксения',
  'евгения',
  'есения',
  'мария',
  'компания',
]);
/** Stems (without the inflection) of the words above, for quick checks of oblique forms. */
const NOT_NOMINALISATION_STEMS = [...NOT_NOMINALISATION].map((w) => w.replace(/(?:ие|ия|ция|ство|ость|ь)$/, ''));

export interface NounShape {
  /** Cases this form may stand for. */
  cases: ReadonlySet<Case>;
  /** An отглагольное / abstract noun (-ние, -ция, -ство, -ость, -тие). */
  nominalisation: boolean;
}

const shapeCache = new Map<string, NounShape | null>();
const SHAPE_CACHE_LIMIT = 20_000;

/** Noun analysis of a folded word: by the generated dictionary first, then by suffix. */
export function nounShape(norm: string): NounShape | null {
  const cached = shapeCache.get(norm);
  if (cached !== undefined) return cached;
  let result: NounShape | null = null;
  if (norm.length >= 6) {
    for (const [re, cases] of NOMINAL_ENDINGS) {
      if (re.test(norm)) {
        const blocked = NOT_NOMINALISATION_STEMS.some((s) => s.length >= 4 && norm.startsWith(s));
        result = { cases: new Set(cases), nominalisation: !blocked };
        break;
      }
    }
  }
  if (!result) {
    const cases = new Set<Case>();
    for (const a of analyses(norm)) {
      const t = tagInfo(tagOf(a));
      if (t.pos !== 'NOUN') continue;
      if ((lemmaGroups(lemmaOf(a)) & (LemmaGroup.chainNoun | LemmaGroup.lexicon)) === 0) continue;
      if (t.case) cases.add(t.case as Case);
    }
    if (cases.size) result = { cases, nominalisation: false };
  }
  if (shapeCache.size > SHAPE_CACHE_LIMIT) shapeCache.clear();
  shapeCache.set(norm, result);
  return result;
}

/** True for a folded word that looks like an adjective or participle (full form). */
export function looksAdjective(norm: string): boolean {
  return norm.length >= 5 && ADJ_RE.test(norm) && !nounShape(norm);
}
const ADJ_RE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)$/;

export const PREPOSITIONS = new Set([
  'в',
  'во',
  'на',
  'по',
  'о',
  'об',
  'обо',
  'с',
  'со',
  'к',
  'ко',
  'за',
  'из',
  'от',
  'до',
  'для',
  'без',
  'при',
  'про',
  'под',
  'над',
  'через',
  'у',
  'после',
  'перед',
  'между',
  'среди',
  'вокруг',
  'около',
]);

/** Cases a preposition governs (only those used to link nouns in a chain). */
export const PREP_CASES: ReadonlyMap<string, readonly Case[]> = new Map<string, readonly Case[]>([
  ['по', ['datv']],
  ['для', ['gent']],
  ['от', ['gent']],
  ['до', ['gent']],
  ['без', ['gent']],
  ['после', ['gent']],
  ['о', ['loct']],
  ['об', ['loct']],
  ['в', ['loct']],
  ['на', ['loct']],
  ['при', ['loct']],
  ['с', ['ablt']],
  ['со', ['ablt']],
  ['за', ['ablt']],
]);

export const FUNCTION_WORDS = new Set([
  ...PREPOSITIONS,
  'и',
  'а',
  'но',
  'или',
  'либо',
  'не',
  'ни',
  'же',
  'ли',
  'бы',
  'что',
  'чтобы',
  'как',
  'так',
  'если',
  'когда',
  'то',
  'это',
  'уже',
  'еще',
  'только',
  'также',
  'тоже',
]);

const NUMERAL_WORDS = new Set([
  'двух',
  'трех',
  'четырех',
  'пяти',
  'шести',
  'семи',
  'восьми',
  'девяти',
  'десяти',
  'двадцати',
  'тридцати',
  'сорока',
  'пятидесяти',
  'ста',
  'двухсот',
  'трехсот',
  'пятисот',
  'тысячи',
  'тысяч',
  'сотни',
  'сотен',
  'десятка',
  'десятков',
  'миллиона',
  'миллионов',
  'полутора',
  'половины',
  'трети',
]);

export function isNumberLike(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return (c >= 48 && c <= 57) || NUMERAL_WORDS.has(norm);
}

/** A short passive participle of an official verb («проведена», «организован»). */
export function isOfficialPassiveParticiple(norm: string): boolean {
  return hasGroup(norm, LemmaGroup.passivePrts, 'PRTS');
}

/** A reflexive-passive finite form of an official verb («проводится», «осуществлялись»). */
export function isReflexivePassive(norm: string): boolean {
  for (const a of analyses(norm)) {
    if ((lemmaGroups(lemmaOf(a)) & LemmaGroup.reflexivePassive) === 0) continue;
    const t = tagInfo(tagOf(a));
    if (t.pos === 'VERB' && t.mood === 'indc' && (t.person === '3per' || t.tense === 'past')) return true;
  }
  return false;
}

/** The milder of two severities (a preset that asks for hints keeps every style rule a hint). */
export function milder(a: Severity, b: Severity): Severity {
  const rank: Record<Severity, number> = { hint: 0, warning: 1, error: 2 };
  return rank[a] <= rank[b] ? a : b;
}

/** Spans of quoted fragments «…», „…“, "…" (names of programmes, quotations); closed pairs only. */
export function quotedRanges(text: string, maxLength = 400): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: number[] = [];
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x00ab || c === 0x201e) stack.push(i);
    else if ((c === 0x00bb || c === 0x201c) && stack.length) {
      const s = stack.pop()!;
      if (stack.length === 0 && i - s <= maxLength) out.push([s, i + 1]);
    } else if (c === 0x22) {
      if (straight < 0) straight = i;
      else {
        if (i - straight <= maxLength) out.push([straight, i + 1]);
        straight = -1;
      }
    } else if (c === 0x0a && text.charCodeAt(i + 1) === 0x0a) {
      stack.length = 0;
      straight = -1;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Binary search: is `pos` inside one of the sorted, non-nested ranges? */
export function insideRanges(ranges: ReadonlyArray<readonly [number, number]>, pos: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r[0]) hi = mid - 1;
    else if (pos >= r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * Sentence spans split again at line breaks: in posts a line without a full stop (a heading, a list
 * item) is a sentence of its own. Empty pieces are dropped; offsets stay those of `text`.
 */
export function splitAtNewlines(text: string, spans: ReadonlyArray<{ start: number; end: number }>) {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    let from = s.start;
    for (let i = s.start; i <= s.end; i++) {
      if (i === s.end || text.charCodeAt(i) === 10) {
        let a = from;
        let b = i;
        while (a < b && /\s/.test(text[a] ?? '')) a++;
        while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
        if (b > a && /[\p{L}\p{N}]/u.test(text.slice(a, b))) out.push({ start: a, end: b });
        from = i + 1;
      }
    }
  }
  return out;
}
