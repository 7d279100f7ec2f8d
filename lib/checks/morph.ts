/**
 * Run-time morphology for the style checks: a Map lookup over the word forms that
 * scripts/gen-lexicon-forms.ts expanded with az. No az at run time, no I/O; built lazily once.
 */
import formsData from './data/kantselyarit-forms.json';

export interface TagInfo {
  pos: string;
  case: string;
  number: string;
  gender: string;
  person: string;
  tense: string;
  mood: string;
  voice: string;
  aspect: string;
}

/** Bit mask of the lemma groups, see scripts/gen-lexicon-forms.ts. */
export const LemmaGroup = {
  lexicon: 1,
  replacement: 2,
  passivePrts: 4,
  reflexivePassive: 8,
  chainNoun: 16,
} as const;

interface FormsFile {
  tags: string[];
  paradigms: Array<Array<string | number>>;
  lemmas: Array<Array<string | number>>;
}

interface MorphState {
  /** folded form → analyses, each `lemma * TAG_SLOTS + tag`. */
  forms: Map<string, number[]>;
  lemmaByKey: Map<string, number>;
  lemmaKeys: string[];
  lemmaGroups: number[];
  lemmaStem: string[];
  lemmaParadigm: number[];
  tags: TagInfo[];
  paradigms: Array<Array<string | number>>;
}

const TAG_SLOTS = 1024;
const EMPTY: readonly number[] = [];

let state: MorphState | null = null;

export function fold(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

function parseTag(s: string): TagInfo {
  const [pos = '', cs = '', number = '', gender = '', person = '', tense = '', mood = '', voice = '', aspect = ''] =
    s.split('|');
  return { pos, case: cs, number, gender, person, tense, mood, voice, aspect };
}

function init(): MorphState {
  if (state) return state;
  const data = formsData as unknown as FormsFile;
  const forms = new Map<string, number[]>();
  const lemmaByKey = new Map<string, number>();
  const lemmaKeys: string[] = [];
  const lemmaGroups: number[] = [];
  const lemmaStem: string[] = [];
  const lemmaParadigm: number[] = [];
  data.lemmas.forEach((rec, li) => {
    const key = String(rec[0]);
    const stem = String(rec[1]);
    const pi = Number(rec[2]);
    lemmaKeys.push(key);
    lemmaStem.push(stem);
    lemmaParadigm.push(pi);
    lemmaGroups.push(Number(rec[3]));
    lemmaByKey.set(key, li);
    const p = data.paradigms[pi] ?? [];
    for (let j = 0; j + 1 < p.length; j += 2) {
      const form = fold(stem + String(p[j]));
      const code = li * TAG_SLOTS + Number(p[j + 1]);
      const list = forms.get(form);
      if (!list) forms.set(form, [code]);
      else if (!list.includes(code)) list.push(code);
    }
  });
  state = {
    forms,
    lemmaByKey,
    lemmaKeys,
    lemmaGroups,
    lemmaStem,
    lemmaParadigm,
    tags: data.tags.map(parseTag),
    paradigms: data.paradigms,
  };
  return state;
}

/** Analyses of a folded word form (`lemma * 1024 + tag`), empty when unknown. */
export function analyses(norm: string): readonly number[] {
  return init().forms.get(norm) ?? EMPTY;
}

export const lemmaOf = (analysis: number): number => Math.floor(analysis / TAG_SLOTS);
export const tagOf = (analysis: number): number => analysis % TAG_SLOTS;

export function lemmaIndex(key: string): number {
  return init().lemmaByKey.get(key) ?? -1;
}

export function lemmaKeyOf(lemma: number): string {
  return init().lemmaKeys[lemma] ?? '';
}

export function lemmaGroups(lemma: number): number {
  return init().lemmaGroups[lemma] ?? 0;
}

const NO_TAG: TagInfo = parseTag('');
export function tagInfo(tag: number): TagInfo {
  return init().tags[tag] ?? NO_TAG;
}

const formsCache = new Map<number, ReadonlyArray<readonly [string, number]>>();

/** All forms of a lemma with their tag indices, in dictionary order (lower case, ё kept). */
export function lemmaForms(lemma: number): ReadonlyArray<readonly [string, number]> {
  const cached = formsCache.get(lemma);
  if (cached) return cached;
  const s = init();
  const p = s.paradigms[s.lemmaParadigm[lemma] ?? -1];
  const stem = s.lemmaStem[lemma] ?? '';
  const out: Array<readonly [string, number]> = [];
  if (p) for (let j = 0; j + 1 < p.length; j += 2) out.push([stem + String(p[j]), Number(p[j + 1])]);
  formsCache.set(lemma, out);
  return out;
}

/** True when the form has an analysis of a lemma in `group`, optionally with part of speech `pos`. */
export function hasGroup(norm: string, group: number, pos?: string): boolean {
  for (const a of analyses(norm)) {
    if ((lemmaGroups(lemmaOf(a)) & group) === 0) continue;
    if (pos && tagInfo(tagOf(a)).pos !== pos) continue;
    return true;
  }
  return false;
}

function posGroup(pos: string): string {
  switch (pos) {
    case 'NOUN':
    case 'ADJF':
    case 'PRTF':
    case 'NPRO':
    case 'NUMR':
      return 'nominal';
    case 'ADJS':
    case 'PRTS':
      return 'short';
    default:
      return pos;
  }
}

const AGREEING = new Set(['ADJF', 'PRTF', 'ADJS', 'PRTS']);

/**
 * The form of `lemma` that agrees with `target` (case, number, person, tense, mood, voice; gender
 * for adjectives, participles and past-tense verbs). `gender` overrides the target's gender.
 */
export function inflectLike(lemma: number, target: TagInfo, gender?: string): { form: string; tag: TagInfo } | null {
  const want = gender ?? target.gender;
  const group = posGroup(target.pos);
  for (const [form, t] of lemmaForms(lemma)) {
    const c = tagInfo(t);
    if (posGroup(c.pos) !== group) continue;
    if (target.case && c.case && target.case !== c.case) continue;
    if (group === 'nominal' && target.case && !c.case) continue;
    if (target.number && c.number && target.number !== c.number) continue;
    if (target.person !== c.person && (target.person || c.person)) continue;
    if (target.tense && c.tense && target.tense !== c.tense) continue;
    if (target.mood !== c.mood && (target.mood || c.mood)) continue;
    if (target.voice && c.voice && target.voice !== c.voice) continue;
    const needsGender = AGREEING.has(c.pos) || (c.pos === 'VERB' && c.tense === 'past');
    if (needsGender && c.number !== 'plur' && want && c.gender && c.gender !== want) continue;
    if (needsGender && c.number !== 'plur' && !want && c.gender && c.gender !== 'masc') continue;
    return { form, tag: c };
  }
  return null;
}
