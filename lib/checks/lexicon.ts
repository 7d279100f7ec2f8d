/**
 * The канцелярит lexicon compiled for matching: entries from data/kantselyarit.json, word forms
 * from data/kantselyarit-forms.json. Used by kantselyarit.ts (most entries), structure.ts
 * (отыменные предлоги) and tone.ts (density). Pure and deterministic.
 */
import lexiconData from './data/kantselyarit.json';
import { type GapKind, type PatternSlot, parsePattern } from './lexicon-pattern';
import {
  analyses,
  fold,
  inflectLike,
  lemmaForms,
  lemmaIndex,
  lemmaKeyOf,
  lemmaOf,
  type TagInfo,
  tagInfo,
  tagOf,
} from './morph';
import {
  capitalize,
  FUNCTION_WORDS,
  insideRanges,
  isNumberLike,
  looksAdjective,
  nounShape,
  quotedRanges,
} from './style-words';
import { type Token, tokenize } from './tokenize';

export interface LexiconEntry {
  id: string;
  pattern: string;
  /** канцелярит, оборот-связка, отыменный предлог, глагольно-именное сочетание, штамп, жаргон, лишнее слово, паразит времени. */
  category: string;
  /** One plain Russian sentence: why the phrase is a problem. */
  reason: string;
  /** Plain replacements; `*лемма` words are inflected to agree with the matched text. */
  replacements: string[];
  /** Report as a hint only. */
  soft?: boolean;
  /** The replacement needs the rest of the phrase rebuilt. */
  loose?: boolean;
  /** Match only when written in capitals (abbreviations). */
  upper?: boolean;
  /** Name of a context check, see GUARDS. */
  guard?: string;
}

export const DENOMINAL_CATEGORY = 'отыменный предлог';

interface CompiledSlot {
  optional: boolean;
  forms: ReadonlySet<string>;
  lemmas: ReadonlySet<number>;
  after: GapKind;
}

interface CompiledEntry {
  entry: LexiconEntry;
  slots: CompiledSlot[];
  /** Index of the slot whose grammar the replacements follow (first slot with lemmas), or -1. */
  head: number;
}

export interface LexiconMatch {
  entry: LexiconEntry;
  start: number;
  end: number;
  /** Token indices (inclusive) in the token array the match was found in. */
  firstToken: number;
  lastToken: number;
  /** Analysis of the head word (`lemma * 1024 + tag`) or -1. */
  headAnalysis: number;
  /** Token index of the head word or -1. */
  headToken: number;
}

interface Compiled {
  entries: CompiledEntry[];
  /** folded first-slot form → entries that may start there. */
  byFirst: Map<string, number[]>;
}

let compiled: Compiled | null = null;

export function lexiconEntries(): readonly LexiconEntry[] {
  return (lexiconData as { entries: LexiconEntry[] }).entries;
}

function compile(): Compiled {
  if (compiled) return compiled;
  const entries: CompiledEntry[] = [];
  const byFirst = new Map<string, number[]>();
  const addFirst = (form: string, idx: number) => {
    const list = byFirst.get(form);
    if (!list) byFirst.set(form, [idx]);
    else if (list[list.length - 1] !== idx) list.push(idx);
  };
  for (const entry of lexiconEntries()) {
    const slots: CompiledSlot[] = parsePattern(entry.pattern).map((s: PatternSlot) => {
      const forms = new Set<string>();
      const lemmas = new Set<number>();
      for (const alt of s.alts) {
        if (alt.kind === 'form') forms.add(alt.value);
        else {
          const li = lemmaIndex(alt.value);
          if (li >= 0) lemmas.add(li);
        }
      }
      return { optional: s.optional, forms, lemmas, after: s.after };
    });
    const first = slots[0];
    if (!first || first.optional || (first.forms.size === 0 && first.lemmas.size === 0)) continue;
    const idx = entries.length;
    entries.push({ entry, slots, head: slots.findIndex((s) => s.lemmas.size > 0) });
    for (const f of first.forms) addFirst(f, idx);
    for (const li of first.lemmas) for (const [form] of lemmaForms(li)) addFirst(fold(form), idx);
  }
  compiled = { entries, byFirst };
  return compiled;
}

/** Number of lexicon entries that compiled (for reports and tests). */
export function lexiconSize(): number {
  return compile().entries.length;
}

function slotAccepts(slot: CompiledSlot, tok: Token): number {
  if (slot.forms.has(tok.norm)) return -2;
  if (slot.lemmas.size) {
    for (const a of analyses(tok.norm)) if (slot.lemmas.has(lemmaOf(a))) return a;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Does the gap text[from, to) fit `kind`? Never spans a blank line. */
function gapFits(text: string, from: number, to: number, kind: GapKind): boolean {
  if (to <= from) return false;
  let newlines = 0;
  let marks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++newlines > 1) return false;
    } else if (isSpace(c)) {
      // whitespace
    } else if (kind === 'comma' && c === 44) {
      if (++marks > 1) return false;
    } else if (kind === 'dot' && c === 46) {
      if (++marks > 1) return false;
    } else return false;
  }
  return true;
}

function isUpperWord(s: string): boolean {
  return s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Next token after `i` when only whitespace separates them. */
function nextAdjacent(text: string, tokens: readonly Token[], i: number): Token | undefined {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (!t || !n) return undefined;
  return gapFits(text, t.end, n.start, 'space') ? n : undefined;
}

function prevAdjacent(text: string, tokens: readonly Token[], i: number): Token | undefined {
  const t = tokens[i];
  const p = tokens[i - 1];
  if (!t || !p) return undefined;
  return gapFits(text, p.end, t.start, 'space') ? p : undefined;
}

const COPULA_NEXT_STOP = new Set([
  'в',
  'во',
  'на',
  'к',
  'ко',
  'за',
  'с',
  'со',
  'по',
  'из',
  'без',
  'домой',
  'сюда',
  'туда',
  'лично',
  'вовремя',
  'обратно',
  'ли',
]);
const PLACE_NOUNS = new Set([
  'города',
  'района',
  'села',
  'поселка',
  'поселения',
  'округа',
  'улицы',
  'дома',
  'здания',
  'области',
  'края',
  'страны',
  'мира',
  'парка',
  'сквера',
  'территории',
  'двора',
  'квартала',
  'микрорайона',
  'реки',
  'леса',
  'зала',
  'помещения',
  'площади',
  'станицы',
  'деревни',
  'хутора',
  'тела',
  'текста',
  'дороги',
  'трассы',
]);
const VERB_LIKE_END = /(?:ют|ут|ят|ат|ет|ит|ли|ла|ло|ся|сь)$/;
const ADJ_PLURAL_END = /(?:ые|ие|ых|их|ым|им|ыми|ими)$/;
/** «Возложить цветы» is a ceremony, not канцелярит. */
const FLOWERS = new Set([
  'цветы',
  'цветов',
  'венки',
  'венок',
  'венков',
  'гирлянду',
  'гирлянды',
  'корзину',
  'корзины',
  'букет',
  'букеты',
]);
const DANNYE_PLURAL = new Set(['данные', 'данных', 'данным', 'данными']);
const V_SILU_PREV = /^(?:вступ|утрат|остает|остаю|остава|сохраня|вошл|вошел|войдет|войдут|вводит)/;

type Guard = (text: string, tokens: readonly Token[], first: number, last: number) => boolean;

/** Context checks that keep ordinary uses of a word out («персональные данные», «является на приём»). */
const GUARDS: Record<string, Guard> = {
  demonstrative(text, tokens, first) {
    const t = tokens[first]!;
    if (!DANNYE_PLURAL.has(t.norm)) return true;
    const prev = prevAdjacent(text, tokens, first);
    if (prev && (ADJ_PLURAL_END.test(prev.norm) || prev.norm === 'по')) return false;
    const next = nextAdjacent(text, tokens, first);
    if (!next || FUNCTION_WORDS.has(next.norm) || VERB_LIKE_END.test(next.norm)) return false;
    return true;
  },
  copula(text, tokens, first, last) {
    const next = nextAdjacent(text, tokens, last);
    if (!next) return false;
    if (COPULA_NEXT_STOP.has(next.norm)) return false;
    return !/^(?:явитесь|являйтесь|явись|являйся)$/.test(tokens[first]!.norm);
  },
  'before-nom'(text, tokens, _first, last) {
    const next = nextAdjacent(text, tokens, last);
    if (!next) return false;
    const shape =
      nounShape(next.norm) ?? (looksAdjective(next.norm) ? nextNounAfterAdjective(text, tokens, last + 1) : null);
    return !!shape && (shape.nominalisation || shape.cases.has('gent'));
  },
  'v-chasti'(text, tokens, _first, last) {
    const next = nextAdjacent(text, tokens, last);
    return !next || !PLACE_NOUNS.has(next.norm);
  },
  'v-silu'(text, tokens, first) {
    const prev = prevAdjacent(text, tokens, first);
    return !prev || !V_SILU_PREV.test(prev.norm);
  },
  'not-flowers'(text, tokens, _first, last) {
    const next = nextAdjacent(text, tokens, last);
    return !next || !FLOWERS.has(next.norm);
  },
  'before-number'(text, tokens, _first, last) {
    const next = nextAdjacent(text, tokens, last);
    return !!next && isNumberLike(next.norm);
  },
};

function nextNounAfterAdjective(text: string, tokens: readonly Token[], i: number) {
  const n = nextAdjacent(text, tokens, i);
  return n ? nounShape(n.norm) : null;
}

interface WalkState {
  head: number;
  headToken: number;
  /** Tokens matched by lemma slots (not literal words), for agreement. */
  lemmaTokens: number[];
}

/** Depth-first over the slots (optional ones may be skipped); patterns are short. */
function walkSlots(
  text: string,
  tokens: readonly Token[],
  ce: CompiledEntry,
  slot: number,
  tok: number,
  prevTok: number,
  prevAfter: GapKind,
  state: WalkState,
): number {
  const slots = ce.slots;
  if (slot === slots.length) return prevTok;
  const s = slots[slot]!;
  const t = tokens[tok];
  if (t && gapFits(text, tokens[prevTok]!.end, t.start, prevAfter)) {
    const a = slotAccepts(s, t);
    if (a !== -1 && (!ce.entry.upper || isUpperWord(t.text))) {
      const r = walkSlots(text, tokens, ce, slot + 1, tok + 1, tok, s.after, state);
      if (r >= 0) {
        if (a >= 0) state.lemmaTokens.push(tok);
        if (slot === ce.head) {
          state.head = a;
          state.headToken = tok;
        }
        return r;
      }
    }
  }
  return s.optional ? walkSlots(text, tokens, ce, slot + 1, tok, prevTok, prevAfter, state) : -1;
}

function matchAt(
  text: string,
  tokens: readonly Token[],
  start: number,
  ce: CompiledEntry,
): { last: number; head: number; headToken: number; lemmaTokens: number[] } | null {
  const first = ce.slots[0]!;
  const t0 = tokens[start]!;
  const a0 = slotAccepts(first, t0);
  if (a0 === -1) return null;
  if (ce.entry.upper && !isUpperWord(t0.text)) return null;
  const state: WalkState = { head: -1, headToken: -1, lemmaTokens: [] };
  const last = walkSlots(text, tokens, ce, 1, start + 1, start, first.after, state);
  if (last < 0) return null;
  if (ce.head === 0) {
    state.head = a0;
    state.headToken = start;
  }
  if (a0 >= 0) state.lemmaTokens.push(start);
  return { last, head: state.head, headToken: state.headToken, lemmaTokens: state.lemmaTokens };
}

type CaseNumber = { cases: ReadonlySet<string>; numbers: ReadonlySet<string> };

/** Case and number an adjective ending allows («новые» → nomn/accs plural). */
const ADJ_ENDING_CASES: Array<[RegExp, string[], string[]]> = [
  [/(?:ыми|ими)$/, ['ablt'], ['plur']],
  [/(?:ых|их)$/, ['gent', 'loct', 'accs'], ['plur']],
  [/(?:ые|ие)$/, ['nomn', 'accs'], ['plur']],
  [/(?:ого|его)$/, ['gent', 'accs'], ['sing']],
  [/(?:ому|ему)$/, ['datv'], ['sing']],
  [/(?:ым|им)$/, ['ablt', 'datv'], ['sing', 'plur']],
  [/(?:ую|юю)$/, ['accs'], ['sing']],
  [/(?:ая|яя)$/, ['nomn'], ['sing']],
  [/(?:ой|ей)$/, ['gent', 'datv', 'ablt', 'loct', 'nomn'], ['sing']],
  [/(?:ое|ее)$/, ['nomn', 'accs'], ['sing']],
  [/(?:ый|ий)$/, ['nomn', 'accs'], ['sing']],
  [/(?:ом|ем)$/, ['loct'], ['sing']],
];

const PREP_GOVERNS: ReadonlyMap<string, readonly string[]> = new Map([
  ['по', ['datv', 'loct']],
  ['к', ['datv']],
  ['ко', ['datv']],
  ['для', ['gent']],
  ['от', ['gent']],
  ['до', ['gent']],
  ['из', ['gent']],
  ['без', ['gent']],
  ['у', ['gent']],
  ['после', ['gent']],
  ['около', ['gent']],
  ['среди', ['gent']],
  ['вместо', ['gent']],
  ['кроме', ['gent']],
  ['о', ['loct', 'accs']],
  ['об', ['loct', 'accs']],
  ['при', ['loct']],
  ['в', ['loct', 'accs']],
  ['во', ['loct', 'accs']],
  ['на', ['loct', 'accs']],
  ['с', ['ablt', 'gent']],
  ['со', ['ablt', 'gent']],
  ['за', ['ablt', 'accs']],
  ['под', ['ablt', 'accs']],
  ['над', ['ablt']],
  ['перед', ['ablt']],
  ['через', ['accs']],
  ['про', ['accs']],
]);

/** What the word before the head says about its case and number, if anything. */
function contextOf(text: string, tokens: readonly Token[], head: number): CaseNumber | null {
  const prev = prevAdjacent(text, tokens, head);
  if (!prev) return null;
  const governed = PREP_GOVERNS.get(prev.norm);
  if (governed) return { cases: new Set(governed), numbers: new Set(['sing', 'plur']) };
  if (looksAdjective(prev.norm)) {
    for (const [re, cases, numbers] of ADJ_ENDING_CASES) {
      if (re.test(prev.norm)) return { cases: new Set(cases), numbers: new Set(numbers) };
    }
  }
  return null;
}

/**
 * Of several analyses of the head word within its lemma («мероприятия»: gent sing, nomn plur,
 * accs plur) pick the one that agrees with the other inflected words of the match and with the
 * word before it; then prefer the indicative present (homonyms like «доводим») and, for
 * abstract nouns, the singular.
 */
function preferredAnalysis(
  text: string,
  tokens: readonly Token[],
  headToken: number,
  found: number,
  lemmaTokens: readonly number[],
): number {
  if (found < 0) return found;
  const norm = tokens[headToken]?.norm ?? '';
  const lemma = lemmaOf(found);
  let same = analyses(norm).filter((a) => lemmaOf(a) === lemma);
  if (same.length < 2) return found;
  // Agreement with the other inflected words of the phrase («неравнодушным жителям»).
  for (const ti of lemmaTokens) {
    if (ti === headToken) continue;
    const other = analyses(tokens[ti]?.norm ?? '').map((a) => tagInfo(tagOf(a)));
    const otherNominal = other.filter((t) => t.case);
    if (!otherNominal.length) continue;
    const agreeing = same.filter((a) => {
      const t = tagInfo(tagOf(a));
      return !t.case || otherNominal.some((o) => o.case === t.case && o.number === t.number);
    });
    if (agreeing.length) same = agreeing;
  }
  const ctx = contextOf(text, tokens, lemmaTokens.length ? Math.min(...lemmaTokens) : headToken);
  if (ctx) {
    const fit = same.filter((a) => {
      const t = tagInfo(tagOf(a));
      return !t.case || (ctx.cases.has(t.case) && ctx.numbers.has(t.number));
    });
    if (fit.length) same = fit;
  }
  let hasPresent = false;
  for (const a of same) if (tagInfo(tagOf(a)).tense === 'pres') hasPresent = true;
  const abstract = !!nounShape(norm)?.nominalisation;
  let plur = 0;
  for (const a of same) if (tagInfo(tagOf(a)).number === 'plur') plur++;
  const wantPlur = !abstract && plur * 2 > same.length;
  const penalty = (a: number) => {
    const t = tagInfo(tagOf(a));
    return (
      (t.mood === 'impr' ? 4 : 0) +
      (t.pos === 'PRTS' ? 3 : 0) +
      (hasPresent && t.tense === 'futr' ? 2 : 0) +
      ((t.number === 'plur') !== wantPlur ? 1 : 0)
    );
  };
  let best = same[0]!;
  for (const a of same) if (penalty(a) < penalty(best)) best = a;
  return best;
}

let memo: { text: string; matches: LexiconMatch[] } | null = null;

/**
 * All lexicon matches in `text`, longest first at each position, without overlaps,
 * skipping quoted names and quotations. The result of the last call is memoised.
 */
export function findLexiconMatches(text: string, tokens: readonly Token[] = tokenize(text)): LexiconMatch[] {
  if (memo && memo.text === text) return memo.matches;
  const { entries, byFirst } = compile();
  const quotes = quotedRanges(text);
  const out: LexiconMatch[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < coveredUntil) continue;
    const candidates = byFirst.get(t.norm);
    if (!candidates) continue;
    if (insideRanges(quotes, t.start)) continue;
    let best: LexiconMatch | null = null;
    for (const ei of candidates) {
      const ce = entries[ei]!;
      const m = matchAt(text, tokens, i, ce);
      if (!m) continue;
      let end = tokens[m.last]!.end;
      const lastSlot = ce.slots[ce.slots.length - 1]!;
      if (lastSlot.after === 'dot' && text.charCodeAt(end) === 46) end++;
      if (best && end - t.start <= best.end - best.start) continue;
      const guard = ce.entry.guard ? GUARDS[ce.entry.guard] : undefined;
      if (guard && !guard(text, tokens, i, m.last)) continue;
      best = {
        entry: ce.entry,
        start: t.start,
        end,
        firstToken: i,
        lastToken: m.last,
        headAnalysis: m.head >= 0 ? preferredAnalysis(text, tokens, m.headToken, m.head, m.lemmaTokens) : -1,
        headToken: m.headToken,
      };
    }
    if (best) {
      out.push(best);
      coveredUntil = best.end;
      i = best.lastToken;
    }
  }
  memo = { text, matches: out };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

const REFLEXIVE_END = /(?:ся|сь)$/;

function reflexiveKey(key: string): string {
  return key + (/[аеёиоуыэюя]$/.test(key) ? 'сь' : 'ся');
}

/** Inflects one `*`-replacement («*делать», «*мусорный *площадка») to agree with the head. */
function inflectReplacement(
  entry: LexiconEntry,
  replacement: string,
  headLemma: number,
  target: TagInfo,
): string | null {
  const words = replacement.split(/\s+/);
  const headKey = lemmaKeyOf(headLemma).split(':')[0] ?? '';
  // «осуществляется» → «проводится» only when the entry also lists «осуществлять»; a verb that
  // exists only with -ся («состояться») keeps the replacement as written («пройти»).
  const base = `*${headKey.replace(REFLEXIVE_END, '')}`;
  const headReflexive = REFLEXIVE_END.test(headKey) && entry.pattern.split(/[\s|]+/).includes(base);
  const out: string[] = [];
  // Nouns first: adjectives take their gender.
  let nounGender: string | undefined;
  const resolved: Array<{ word: string; lemma: number }> = words.map((w) => {
    if (!w.startsWith('*')) return { word: w, lemma: -1 };
    let key = w.slice(1).toLowerCase();
    const verbal = target.pos === 'VERB' || target.pos === 'INFN' || target.pos === 'GRND' || target.pos === 'PRTF';
    if (headReflexive && verbal && !REFLEXIVE_END.test(key)) {
      const rk = reflexiveKey(key);
      if (lemmaIndex(rk) >= 0) key = rk;
    }
    return { word: w, lemma: lemmaIndex(key) };
  });
  for (const r of resolved) {
    if (r.lemma < 0) continue;
    const forms = lemmaForms(r.lemma);
    const first = forms[0];
    if (first && tagInfo(first[1]).pos === 'NOUN') {
      const f = inflectLike(r.lemma, target);
      if (!f) return null;
      nounGender = f.tag.number === 'plur' ? undefined : f.tag.gender;
    }
  }
  for (const r of resolved) {
    if (!r.word.startsWith('*')) {
      out.push(r.word);
      continue;
    }
    if (r.lemma < 0) return null;
    const forms = lemmaForms(r.lemma);
    const isNoun = forms[0] && tagInfo(forms[0][1]).pos === 'NOUN';
    const f = inflectLike(r.lemma, target, isNoun ? undefined : nounGender);
    if (!f) return null;
    out.push(f.form);
  }
  return out.join(' ');
}

function lemmaAspect(lemma: number): string {
  const f = lemmaForms(lemma)[0];
  return f ? tagInfo(f[1]).aspect : '';
}

/**
 * Replacements for a match, inflected to agree with the matched words and with the case of the
 * original (capital at a sentence start, capitals for an all-caps word).
 */
export function suggestionsFor(text: string, m: LexiconMatch): string[] {
  const { entry } = m;
  const target = m.headAnalysis >= 0 ? tagInfo(tagOf(m.headAnalysis)) : null;
  const headLemma = m.headAnalysis >= 0 ? lemmaOf(m.headAnalysis) : -1;
  const singleVerb = (r: string) => /^\*\S+$/.test(r);
  let candidates = entry.replacements;
  if (target?.aspect) {
    const same = candidates.filter((r) => {
      if (!singleVerb(r)) return false;
      const li = lemmaIndex(r.slice(1).toLowerCase());
      return li >= 0 && lemmaAspect(li) === target.aspect;
    });
    if (same.length) {
      candidates = candidates.filter((r) => {
        if (!singleVerb(r)) return true;
        const li = lemmaIndex(r.slice(1).toLowerCase());
        const asp = li >= 0 ? lemmaAspect(li) : '';
        return !asp || asp === target.aspect;
      });
    }
  }
  const out: string[] = [];
  for (const r of candidates) {
    let s: string | null = r;
    if (r.includes('*')) {
      if (!target || headLemma < 0) s = r.replace(/\*/g, '');
      else if (!entry.pattern.includes(' ') || target.voice !== 'pssv')
        s = inflectReplacement(entry, r, headLemma, target);
      else s = null;
    }
    if (s && !out.includes(s)) out.push(s);
  }
  return out.map((s) => matchCase(text, m, s));
}

/** Replacements as plain words for messages («делать, проводить»), without inflection. */
export function plainReplacements(entry: LexiconEntry): string[] {
  return entry.replacements.map((r) => r.replace(/\*/g, ''));
}

function atSentenceStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isSpace(c) && c !== 10) continue;
    // newline, . ! ? … or an opening bracket/quote/dash at the start of a line
    return c === 10 || c === 46 || c === 33 || c === 63 || c === 0x2026;
  }
  return true;
}

function matchCase(text: string, m: LexiconMatch, s: string): string {
  const original = text.slice(m.start, m.end);
  if (!m.entry.upper && isUpperWord(original.replace(/[^\p{L}]/gu, '')) && original.length > 1) return s.toUpperCase();
  const firstChar = original.charAt(0);
  const capital = firstChar !== firstChar.toLowerCase();
  if ((capital && !m.entry.upper) || atSentenceStart(text, m.start)) return capitalize(s);
  return s;
}
