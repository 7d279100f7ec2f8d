/**
 * Structure of the text: chains of nouns («проведение мероприятий по обеспечению безопасности»),
 * passive reports («было проведено», «проводится»), отыменные предлоги («в части», «по линии»),
 * long sentences and walls of text. Pure; never throws.
 */

import { lexiconMessage } from './kantselyarit';
import { DENOMINAL_CATEGORY, findLexiconMatches, type LexiconMatch, suggestionsFor } from './lexicon';
import { analyses, lemmaKeyOf, lemmaOf, tagInfo, tagOf } from './morph';
import {
  isOfficialPassiveParticiple,
  isReflexivePassive,
  looksAdjective,
  milder,
  type NounShape,
  nounShape,
  PREP_CASES,
  splitAtNewlines,
} from './style-words';
import { type Span, sentences, type Token, tokenize } from './tokenize';
import type { Finding, RuleContext, Severity } from './types';

export const LONG_SENTENCE_WORDS = 25;
export const WALL_CHARS = 600;
export const WALL_SENTENCES = 5;

const ONLY_SPACE = /^[ \t\u00a0\u202f\u2009]*\n?[ \t\u00a0\u202f\u2009]*$/;

function spaceBetween(text: string, a: Token, b: Token): boolean {
  return b.start > a.end && ONLY_SPACE.test(text.slice(a.end, b.start));
}

// ---------------------------------------------------------------------------------------------
// Chains of nouns

/** Verb to suggest instead of a frequent verbal noun (by stem). */
const VERB_FOR_NOUN: Array<[string, string]> = [
  ['проведени', 'провести'],
  ['обеспечени', 'обеспечить'],
  ['осуществлени', 'сделать'],
  ['организаци', 'организовать'],
  ['реализаци', 'выполнить'],
  ['рассмотрени', 'рассмотреть'],
  ['предоставлени', 'дать'],
  ['улучшени', 'улучшить'],
  ['повышени', 'повысить'],
  ['снижени', 'снизить'],
  ['создани', 'создать'],
  ['развити', 'развивать'],
  ['выполнени', 'выполнить'],
  ['соблюдени', 'соблюдать'],
  ['использовани', 'использовать'],
  ['формировани', 'сформировать'],
  ['содержани', 'содержать'],
  ['строительств', 'строить'],
  ['благоустройств', 'благоустроить'],
  ['информировани', 'рассказать'],
  ['устранени', 'устранить'],
  ['предупреждени', 'предупредить'],
  ['профилактик', 'предупредить'],
  ['укреплени', 'укрепить'],
  ['сохранени', 'сохранить'],
  ['привлечени', 'привлечь'],
  ['оказани', 'оказать'],
  ['совершенствовани', 'улучшить'],
  ['восстановлени', 'восстановить'],
  ['подготовк', 'подготовить'],
];

function verbHint(noun: string): string | undefined {
  const n = noun.toLowerCase().replace(/ё/g, 'е');
  for (const [stem, verb] of VERB_FOR_NOUN) if (n.startsWith(stem)) return verb;
  return undefined;
}

interface Chain {
  first: number;
  last: number;
  nouns: number;
  nominalisations: number;
  firstNominal: number;
}

function findChains(text: string, tokens: readonly Token[]): Chain[] {
  const out: Chain[] = [];
  const shapes: Array<NounShape | null | undefined> = new Array(tokens.length);
  const shape = (i: number): NounShape | null => {
    let s = shapes[i];
    if (s === undefined) {
      s = nounShape(tokens[i]!.norm);
      shapes[i] = s;
    }
    return s;
  };
  let i = 0;
  while (i < tokens.length) {
    const s0 = shape(i);
    if (!s0) {
      i++;
      continue;
    }
    const chain: Chain = {
      first: i,
      last: i,
      nouns: 1,
      nominalisations: s0.nominalisation ? 1 : 0,
      firstNominal: s0.nominalisation ? i : -1,
    };
    let j = i;
    for (;;) {
      let k = j + 1;
      // Up to two agreeing adjectives: «по обеспечению пожарной безопасности».
      let adjectives = 0;
      let prep: string | undefined;
      let ok = true;
      let prevTok = tokens[j]!;
      const steps: number[] = [];
      while (k < tokens.length && steps.length < 4) {
        const t = tokens[k]!;
        if (!spaceBetween(text, prevTok, t)) {
          ok = false;
          break;
        }
        if (!prep && adjectives === 0 && PREP_CASES.has(t.norm)) {
          prep = t.norm;
        } else if (adjectives < 2 && !shape(k) && looksAdjective(t.norm)) {
          adjectives++;
        } else break;
        steps.push(k);
        prevTok = t;
        k++;
      }
      if (!ok || k >= tokens.length || !spaceBetween(text, prevTok, tokens[k]!)) break;
      const sk = shape(k);
      if (!sk) break;
      const linked = prep
        ? sk.nominalisation && (PREP_CASES.get(prep) ?? []).some((c) => sk.cases.has(c))
        : sk.cases.has('gent');
      if (!linked) break;
      chain.last = k;
      chain.nouns++;
      if (sk.nominalisation) {
        chain.nominalisations++;
        if (chain.firstNominal < 0) chain.firstNominal = k;
      }
      j = k;
    }
    if (chain.nouns >= 4 || (chain.nouns >= 3 && chain.nominalisations >= 2)) {
      out.push(chain);
      i = chain.last + 1;
    } else i++;
  }
  return out;
}

function nounWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'существительное';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'существительных';
  return 'существительных';
}

function chainFindings(text: string, tokens: readonly Token[], severity: Severity): Finding[] {
  const out: Finding[] = [];
  for (const c of findChains(text, tokens)) {
    const start = tokens[c.first]!.start;
    const end = tokens[c.last]!.end;
    const nominal = c.firstNominal >= 0 ? tokens[c.firstNominal]!.text : undefined;
    const verb = nominal ? verbHint(nominal) : undefined;
    const fix = nominal
      ? verb
        ? `Замените «${nominal}» глаголом («${verb}»: кто это делает?) и разбейте цепочку.`
        : `Замените «${nominal}» глаголом: скажите, кто и что делает.`
      : 'Скажите проще: оставьте одно-два слова или перестройте фразу вокруг глагола.';
    out.push({
      rule: 'structure.noun-chain',
      category: 'style',
      severity: c.nominalisations >= 2 ? severity : 'hint',
      start,
      end,
      message: `Цепочка из ${c.nouns} ${nounWord(c.nouns)} подряд читается с трудом. ${fix}`,
      suggestions: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Passive voice

const AUX = new Set(['был', 'была', 'было', 'были', 'будет', 'будут']);
/** Short passive participles by shape: «проведено», «организована», «закрыты», «взят». */
const SHORT_PARTICIPLE = /(?:[аяеё]н|[еёоыи]т|ят)[аоы]?$/;
/** Short adjectives and other words of the same shape that are not participles. */
const NOT_PARTICIPLE = new Set([
  'болен',
  'больна',
  'больны',
  'голоден',
  'согласен',
  'согласна',
  'согласны',
  'виден',
  'видна',
  'видно',
  'видны',
  'должен',
  'должна',
  'должно',
  'должны',
  'уверен',
  'уверена',
  'уверены',
  'умен',
  'нужен',
  'важен',
  'волен',
  'способен',
  'способна',
  'способны',
  'свободен',
  'свободна',
  'свободно',
  'свободны',
  'доволен',
  'довольна',
  'довольны',
  'известен',
  'известна',
  'интересен',
  'полезен',
  'опасен',
  'красив',
  'жив',
  'рад',
  'рада',
  'рады',
  'занят',
  'занята',
  'занято',
  'заняты',
  'открыт',
  'спокоен',
  'готов',
  'готова',
  'готово',
  'готовы',
  'много',
  'мало',
  'нет',
  'это',
  'всё',
  'все',
  'кто',
  'что',
  'тут',
  'там',
  'сыт',
  'прав',
  'права',
  'правы',
  'лишен',
]);

const LEAD_ADVERBS = new Set([
  'также',
  'уже',
  'сегодня',
  'вчера',
  'успешно',
  'полностью',
  'своевременно',
  'дополнительно',
  'ранее',
  'недавно',
  'оперативно',
  'досрочно',
  'торжественно',
]);

function overlaps(list: readonly LexiconMatch[], start: number, end: number): boolean {
  for (const m of list) if (m.start < end && start < m.end) return true;
  return false;
}

function passiveFindings(
  text: string,
  tokens: readonly Token[],
  sentenceStarts: ReadonlySet<number>,
  lexicon: readonly LexiconMatch[],
  severity: Severity,
): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (AUX.has(t.norm) && next && spaceBetween(text, t, next)) {
      const official = isOfficialPassiveParticiple(next.norm);
      if (official || (SHORT_PARTICIPLE.test(next.norm) && next.norm.length >= 5 && !NOT_PARTICIPLE.has(next.norm))) {
        if (!overlaps(lexicon, t.start, next.end)) {
          out.push({
            rule: 'structure.passive',
            category: 'style',
            severity,
            start: t.start,
            end: next.end,
            message: `«${text.slice(t.start, next.end)}» — страдательный залог: непонятно, кто это сделал. ${activeHint(next.norm)}`,
            suggestions: [],
          });
        }
        i++;
        continue;
      }
    }
    if (isOfficialPassiveParticiple(t.norm) && !NOT_PARTICIPLE.has(t.norm)) {
      const prev = tokens[i - 1];
      const leading =
        sentenceStarts.has(t.start) || (prev && sentenceStarts.has(prev.start) && LEAD_ADVERBS.has(prev.norm));
      if (leading && !overlaps(lexicon, t.start, t.end)) {
        out.push({
          rule: 'structure.passive',
          category: 'style',
          severity: 'hint',
          start: t.start,
          end: t.end,
          message: `«${t.text}» в начале фразы — приём пресс-релиза: не видно, кто это сделал. ${activeHint(t.norm)}`,
          suggestions: [],
        });
      }
      continue;
    }
    if (isReflexivePassive(t.norm) && !overlaps(lexicon, t.start, t.end)) {
      out.push({
        rule: 'structure.passive',
        category: 'style',
        severity: 'hint',
        start: t.start,
        end: t.end,
        message: `«${t.text}» — безличный страдательный оборот. Назовите, кто делает: «мы проводим», «бригада ремонтирует».`,
        suggestions: [],
      });
    }
  }
  return out;
}

/** Infinitive of an official verb behind a short participle («завершены» → «завершить»), if known. */
function verbOf(participle: string): string | undefined {
  for (const a of analyses(participle)) {
    const key = lemmaKeyOf(lemmaOf(a));
    if (key.endsWith(':PRTS') && tagInfo(tagOf(a)).pos === 'PRTS') return key.slice(0, -5);
  }
  return undefined;
}

function activeHint(participle: string): string {
  const verb = verbOf(participle);
  return verb
    ? `Назовите, кто действовал, и скажите глаголом «${verb}»: «Мы…», «Бригада…», «Подрядчик…».`
    : 'Назовите, кто действовал: «Мы…», «Бригада…», «Подрядчик…».';
}

// ---------------------------------------------------------------------------------------------
// Long sentences and walls of text

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const SPLIT_WORDS = new Set([
  'и',
  'а',
  'но',
  'который',
  'которая',
  'которое',
  'которые',
  'которых',
  'поэтому',
  'чтобы',
]);

function splitHint(text: string, tokens: readonly Token[], from: number, to: number): string {
  // A comma or a conjunction near the middle of the sentence.
  const mid = (tokens[from]!.start + tokens[to]!.end) / 2;
  let best = -1;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let k = from + 3; k <= to - 3; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]!;
    const comma = text.slice(prev.end, t.start).includes(',');
    if (!comma && !SPLIT_WORDS.has(t.norm)) continue;
    const d = Math.abs(t.start - mid);
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  }
  if (best < 0) return 'Разбейте его на два-три коротких: одна мысль — одно предложение.';
  return `Разбейте его на два-три коротких, например перед «${tokens[best]!.text}»: одна мысль — одно предложение.`;
}

function sentenceFindings(text: string, tokens: readonly Token[], spans: readonly Span[], preset: Severity): Finding[] {
  const out: Finding[] = [];
  let k = 0;
  for (const s of spans) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    const from = k;
    while (k < tokens.length && tokens[k]!.end <= s.end) k++;
    const words = k - from;
    if (words <= LONG_SENTENCE_WORDS) continue;
    out.push({
      rule: 'structure.long-sentence',
      category: 'style',
      severity: words > 40 ? milder('warning', preset) : 'hint',
      start: s.start,
      end: s.end,
      message: `В предложении ${words} ${plural(words, 'слово', 'слова', 'слов')} — его трудно дочитать. ${splitHint(text, tokens, from, k - 1)}`,
      suggestions: [],
    });
  }
  return out;
}

function wallFindings(text: string, spans: readonly Span[], preset: Severity): Finding[] {
  const out: Finding[] = [];
  // A block is text between line breaks: in VK and OK one newline already reads as a break.
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    const length = end - start;
    if (length <= 120) continue;
    let count = 0;
    for (const s of spans) if (s.start >= start && s.start < end) count++;
    if (length <= WALL_CHARS && count <= WALL_SENTENCES) continue;
    out.push({
      rule: 'structure.wall-of-text',
      category: 'style',
      severity: length > 2 * WALL_CHARS ? milder('warning', preset) : 'hint',
      start,
      end,
      message: `Сплошной абзац: ${length} ${plural(length, 'знак', 'знака', 'знаков')}, ${count} ${plural(count, 'предложение', 'предложения', 'предложений')} без разрыва. В ленте такой текст пролистывают — разбейте его на абзацы по 2–3 предложения.`,
      suggestions: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function denominalFindings(text: string, lexicon: readonly LexiconMatch[], preset: Severity): Finding[] {
  const out: Finding[] = [];
  for (const m of lexicon) {
    if (m.entry.category !== DENOMINAL_CATEGORY) continue;
    const suggestions = suggestionsFor(text, m);
    out.push({
      rule: `structure.denominal.${m.entry.id}`,
      category: 'style',
      severity: m.entry.soft ? 'hint' : preset,
      start: m.start,
      end: m.end,
      message: lexiconMessage(m, suggestions),
      suggestions,
    });
  }
  return out;
}

export function checkStructure(ctx: RuleContext): Finding[] {
  try {
    const text = typeof ctx.text === 'string' ? ctx.text : '';
    if (!text.trim()) return [];
    const severity = ctx.preset.kantselyaritSeverity;
    const tokens = tokenize(text);
    const spans = splitAtNewlines(text, sentences(text));
    const starts = new Set<number>();
    {
      let k = 0;
      for (const s of spans) {
        while (k < tokens.length && tokens[k]!.start < s.start) k++;
        const t = tokens[k];
        if (t && t.end <= s.end) starts.add(t.start);
      }
    }
    const lexicon = findLexiconMatches(text, tokens);
    const findings = [
      ...chainFindings(text, tokens, severity),
      ...passiveFindings(text, tokens, starts, lexicon, milder('warning', severity)),
      ...denominalFindings(text, lexicon, severity),
      ...sentenceFindings(text, tokens, spans, severity),
      ...wallFindings(text, spans, severity),
    ];
    return findings.sort((a, b) => a.start - b.start || a.end - b.end);
  } catch {
    return [];
  }
}

/** Exposed for tone.ts: number of nominalisations among the tokens. */
export function countNominalisations(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (nounShape(t.norm)?.nominalisation) n++;
  return n;
}
