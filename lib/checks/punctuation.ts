/**
 * Punctuation, typography and casing for short social-media posts, plus a list of commonly misspelt
 * phrases (`data/phrases.json`). Pure, deterministic, linear in the text length; never throws.
 *
 * Rule id prefixes: `punct.*` (spacing and commas), `typo.*` (typography), `case.*` (capital letters),
 * `phrase.*` (misspelt phrases). All findings are in the `punctuation` category.
 *
 * URLs, e-mails, VK mentions (`[id1|Анна]`, `@club1 (…)`), hashtags and emoji are skipped: no finding
 * overlaps them.
 */
import phrasesJson from './data/phrases.json';
import { LAT_TO_CYR } from './mixed-script';
import {
  ADDRESS_ADJ,
  ADDRESS_HEADS,
  ADJ_END_RE,
  CAPS_ABBR,
  CLAUSE_WORDS,
  COMPARATIVES,
  COMPLEX_CONJ,
  CONJ_PARTICLES,
  COORD,
  DOT_ABBR,
  EXPLAIN_VERBS,
  GREETINGS,
  IDIOM_KAK,
  IDIOM_REPEATED,
  INDEFINITE_HEADS,
  INSERTION_START,
  INTEGRAL_WH,
  NAMES,
  NOT_PARENTHETICAL,
  NOT_PARENTHETICAL_MID,
  PARENTHETICALS,
  PARTICIPLE_STOP_RE,
  PREPOSITIONS,
  PRONOUNS_ANY,
  PRONOUNS_NOM,
  SPEECH_VERB_RE,
  SUBORD,
  VERB_END_RE,
} from './punctuation-data';
import { normalize, sentences, tokenize } from './tokenize';
import type { Finding, RuleContext, Severity } from './types';

// ---------------------------------------------------------------------------------------------------
// Shared state of one run
// ---------------------------------------------------------------------------------------------------

interface Run {
  text: string;
  /** 1 where the character belongs to a URL, e-mail, mention, hashtag or emoji. */
  prot: Uint8Array;
  out: Finding[];
  /** Tokens (words) and their sentence data. */
  tok: Tok[];
  sents: { start: number; end: number; first: number; last: number; question: boolean }[];
  authorNames: Set<string>;
}

interface Tok {
  text: string;
  norm: string;
  start: number;
  end: number;
  sent: number;
  /** First word of its sentence. */
  first: boolean;
  /**
   * What separates this word from the previous one: 0 — spaces only, 1 — closing quotes/brackets only
   * (no clause boundary), 2 — punctuation (a clause boundary), 3 — line break or skipped text.
   */
  gap: number;
  /** The gap text contains a comma. */
  comma: boolean;
  prot: boolean;
  cyr: boolean;
}

function push(
  r: Run,
  rule: string,
  severity: Severity,
  start: number,
  end: number,
  message: string,
  suggestions: string[],
): void {
  if (start < 0 || end > r.text.length || end <= start) return;
  r.out.push({ rule, category: 'punctuation', severity, start, end, message, suggestions });
}

// ---------------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------------

const LETTER_RE = /\p{L}/u;
const CYR_RE = /[\u0400-\u04FF]/;
const LATIN_RE = /[A-Za-z]/;
const UPPER_RE = /\p{Lu}/u;
const LOWER_CYR_RE = /[а-яё]/;
const DIGIT_RE = /\d/;

const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER_RE.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT_RE.test(c);
const isWordChar = (c: string | undefined): boolean => isLetter(c) || isDigit(c);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u00A0' || c === '\u202F';

function capFirst(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
function matchCase(model: string, s: string): string {
  return model && UPPER_RE.test(model.charAt(0)) ? capFirst(s) : s;
}

// ---------------------------------------------------------------------------------------------------
// Protected spans
// ---------------------------------------------------------------------------------------------------

const URL_RE = /https?:\/\/[^\s<>«»"]+|www\.[^\s<>«»"]+/gi;
const TLD_RE =
  /\.(?:ru|su|com|org|net|info|gov|edu|io|me|pro|biz|online|site|app|dev|club|рф|рус|москва|by|kz|ua|uz)(?![\p{L}\p{N}])/giu;
const VK_MENTION_RE = /\[(?:id|club|public|event)\d+\|[^\]\n]*\]/g;
const VK_STAR_RE = /[@*](?:id|club|public|event)\d+(?:[ \t\u00A0]*\([^)\n]{0,100}\))?/g;
const AT_RE = /@[A-Za-z0-9_.]{2,64}(?:[ \t\u00A0]*\([^)\n]{0,100}\))?/g;
const HASHTAG_RE = /#[\p{L}\p{N}_@]+/gu;
const EMOJI_RE =
  /[0-9#*]\uFE0F?\u20E3|[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}](?:\uFE0F|\u200D|[\u{1F3FB}-\u{1F3FF}]|\p{Extended_Pictographic})*/gu;
const TRAILING_PUNCT_RE = /[.,!?;:»"')\]]+$/;
const HOST_CH_RE = /[\p{L}\p{N}.-]/u;
const MAIL_LEFT_RE = /[\p{L}\p{N}._%+-]/u;

function mark(prot: Uint8Array, from: number, to: number): void {
  prot.fill(1, Math.max(0, from), Math.min(prot.length, to));
}

function protectRe(text: string, prot: Uint8Array, re: RegExp, anchored: boolean, trim: boolean): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (anchored && isWordChar(text[m.index - 1])) continue;
    let len = m[0].length;
    if (trim) {
      const t = TRAILING_PUNCT_RE.exec(m[0]);
      if (t && !(t[0].includes(')') && m[0].includes('('))) len -= t[0].length;
    }
    mark(prot, m.index, m.index + len);
  }
}

function protect(text: string): Uint8Array {
  const prot = new Uint8Array(text.length);
  protectRe(text, prot, URL_RE, true, true);
  // bare domains: «валуйки.рф», «gosuslugi.ru/help»
  TLD_RE.lastIndex = 0;
  for (let m = TLD_RE.exec(text); m; m = TLD_RE.exec(text)) {
    let a = m.index;
    while (a > 0 && HOST_CH_RE.test(text[a - 1]!)) a--;
    while (a < m.index && !isWordChar(text[a])) a++;
    if (a === m.index || text[a - 1] === '@') continue;
    let b = m.index + m[0].length;
    if (text[b] === '/') while (b < text.length && !/[\s<>«»"]/.test(text[b]!)) b++;
    const tail = TRAILING_PUNCT_RE.exec(text.slice(m.index + m[0].length, b));
    if (tail) b -= tail[0].length;
    mark(prot, a, b);
  }
  // e-mails
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && MAIL_LEFT_RE.test(text[a - 1]!)) a--;
    let b = at + 1;
    while (b < text.length && HOST_CH_RE.test(text[b]!)) b++;
    while (b > at + 1 && !isLetter(text[b - 1])) b--;
    if (a < at && text.slice(at + 1, b).includes('.')) mark(prot, a, b);
  }
  protectRe(text, prot, VK_MENTION_RE, false, false);
  protectRe(text, prot, VK_STAR_RE, false, false);
  protectRe(text, prot, AT_RE, true, false);
  if (text.includes('#')) protectRe(text, prot, HASHTAG_RE, true, false);
  protectRe(text, prot, EMOJI_RE, false, false);
  return prot;
}

function overlapsProt(r: Run, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (r.prot[i]) return true;
  return false;
}

/** Groups word sequences by their first word for O(1) candidate look-up. */
function byFirst<T>(items: readonly T[], words: (x: T) => readonly string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const w = words(it)[0];
    if (!w) continue;
    const list = m.get(w) ?? [];
    list.push(it);
    m.set(w, list);
  }
  return m;
}
const ID = (x: readonly string[]) => x;
const EMPTY: never[] = [];
const COMPLEX_BY_FIRST = byFirst(COMPLEX_CONJ, (c) => c.words);
const COMPLEX_BY_LAST = byFirst(COMPLEX_CONJ, (c) => [c.words[c.words.length - 1]!]);
const PAREN_BY_FIRST = byFirst(PARENTHETICALS, (p) => p.words);
const NOTPAREN_BY_FIRST = byFirst(NOT_PARENTHETICAL, ID);
const IDIOM_KAK_BY_FIRST = byFirst(IDIOM_KAK, ID);
const IDIOM_REP_BY_FIRST = byFirst(IDIOM_REPEATED, ID);
const INSERTION_BY_FIRST = byFirst(INSERTION_START, ID);
const GREETINGS_BY_FIRST = byFirst(GREETINGS, ID);

// ---------------------------------------------------------------------------------------------------
// Tokens and sentences
// ---------------------------------------------------------------------------------------------------

function buildTokens(r: Run): void {
  const { text } = r;
  const spans = sentences(text);
  const toks = tokenize(text);
  let s = 0;
  let prevEnd = 0;
  let prevSent = -1;
  for (const t of toks) {
    while (s < spans.length - 1 && t.start >= spans[s]!.end) s++;
    const sp = spans[s];
    const sent = sp && t.start >= sp.start && t.start < sp.end ? s : Math.max(0, s);
    const first = sent !== prevSent;
    const gapStart = prevEnd;
    let nl = false;
    let other = false;
    let closersOnly = true;
    let comma = false;
    let gapProt = false;
    for (let k = gapStart; k < t.start; k++) {
      if (r.prot[k]) gapProt = true;
      const ch = text.charCodeAt(k);
      if (ch === 32 || ch === 9 || ch === 0xa0 || ch === 0x202f) continue;
      if (ch === 10 || ch === 13) {
        nl = true;
        continue;
      }
      other = true;
      if (ch === 44) comma = true;
      if (!(ch === 0xbb || ch === 34 || ch === 0x201d || ch === 0x201c || ch === 39 || ch === 0x2019))
        closersOnly = false;
    }
    let prot = false;
    let cyr = false;
    for (let k = t.start; k < t.end; k++) {
      if (r.prot[k]) prot = true;
      const ch = text.charCodeAt(k);
      if (ch >= 0x400 && ch <= 0x4ff) cyr = true;
    }
    const gap = nl || gapProt ? 3 : !other ? 0 : closersOnly && !first ? 1 : 2;
    r.tok.push({
      text: t.text,
      norm: t.norm,
      start: t.start,
      end: t.end,
      sent,
      first,
      gap,
      comma,
      prot,
      cyr,
    });
    prevEnd = t.end;
    prevSent = sent;
  }
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i]!;
    const body = text.slice(sp.start, sp.end).replace(/[\s»"”)\]]+$/, '');
    r.sents.push({ start: sp.start, end: sp.end, first: -1, last: -1, question: /\?[!.…]*$/.test(body) });
  }
  for (let i = 0; i < r.tok.length; i++) {
    const st = r.sents[r.tok[i]!.sent];
    if (!st) continue;
    if (st.first < 0) st.first = i;
    st.last = i;
  }
}

/** Clause boundary (or sentence start) right before token i. */
function bnd(r: Run, i: number): boolean {
  const t = r.tok[i];
  if (!t) return true;
  return t.first || t.gap >= 2 || t.prot || (i > 0 && r.tok[i - 1]!.prot);
}

/** Clause boundary (or sentence end) right after token i. */
function bndAfter(r: Run, i: number): boolean {
  const n = r.tok[i + 1];
  if (!n || n.sent !== r.tok[i]!.sent) return true;
  return bnd(r, i + 1);
}

const nm = (r: Run, i: number): string => r.tok[i]?.norm ?? '';
const sameSent = (r: Run, i: number, j: number): boolean =>
  r.tok[i] !== undefined && r.tok[j] !== undefined && r.tok[i]!.sent === r.tok[j]!.sent;

/** Matches `words` at token i; inner gaps may hold at most a comma. Returns the end index or -1. */
function matchSeq(r: Run, i: number, words: readonly string[], allowInnerComma = true): number {
  for (let k = 0; k < words.length; k++) {
    const t = r.tok[i + k];
    if (!t || t.norm !== words[k] || t.prot) return -1;
    if (k > 0) {
      if (t.first) return -1;
      if (t.gap >= 2) {
        if (!allowInnerComma || !t.comma || t.gap === 3) return -1;
        const g = r.text.slice(r.tok[i + k - 1]!.end, t.start).trim();
        if (g !== ',') return -1;
      }
    }
  }
  return i + words.length - 1;
}

function hasInnerComma(r: Run, i: number, j: number): boolean {
  for (let k = i + 1; k <= j; k++) if (r.tok[k]!.comma) return true;
  return false;
}

/** Joins tokens i..j with single spaces (inner commas dropped). */
function joinTokens(r: Run, i: number, j: number): string {
  const parts: string[] = [];
  for (let k = i; k <= j; k++) parts.push(r.tok[k]!.text);
  return parts.join(' ');
}

/** Text of token i plus closing quotes/brackets that follow it. */
function tokWithClosers(r: Run, i: number): { text: string; end: number } {
  const t = r.tok[i]!;
  let e = t.end;
  while (e < r.text.length && /[»"”)]/.test(r.text[e]!)) e++;
  return { text: r.text.slice(t.start, e), end: e };
}

/** Proposes a comma before token j (prev = token before it). Span: prev .. token `to`. */
function missingCommaBefore(
  r: Run,
  rule: string,
  sev: Severity,
  j: number,
  to: number,
  message: string,
  extra: string[] = [],
): void {
  const p = j - 1;
  const pt = r.tok[p];
  const last = r.tok[to];
  if (!pt || !last) return;
  const left = tokWithClosers(r, p);
  const tail = r.text.slice(r.tok[j]!.start, last.end);
  push(r, rule, sev, pt.start, last.end, message, [`${left.text}, ${tail}`, ...extra]);
}

// ---------------------------------------------------------------------------------------------------
// Character-level rules: spacing, marks, dashes, quotes, brackets
// ---------------------------------------------------------------------------------------------------

const SPACE_BEFORE_RE = /[ \t\u00A0]+/g;
const PUNCT_RUN_RE = /^[,.;:!?…]+/;
const SPACE_BEFORE_MSG: Record<string, [string, string]> = {
  ',': ['punct.space-before-comma', 'Перед запятой пробел не ставится.'],
  '.': ['punct.space-before-period', 'Перед точкой пробел не ставится.'],
  '!': ['punct.space-before-mark', 'Перед восклицательным знаком пробел не ставится.'],
  '?': ['punct.space-before-mark', 'Перед вопросительным знаком пробел не ставится.'],
  ':': ['punct.space-before-colon', 'Перед двоеточием пробел не ставится.'],
  ';': ['punct.space-before-colon', 'Перед точкой с запятой пробел не ставится.'],
  '…': ['punct.space-before-period', 'Перед многоточием пробел не ставится.'],
};

function ruleSpaceBefore(r: Run): void {
  const { text } = r;
  SPACE_BEFORE_RE.lastIndex = 0;
  for (let m = SPACE_BEFORE_RE.exec(text); m; m = SPACE_BEFORE_RE.exec(text)) {
    const wsEnd = m.index + m[0].length;
    const c = text[wsEnd];
    if (c === undefined || !',.;:!?…'.includes(c)) continue;
    const run = PUNCT_RUN_RE.exec(text.slice(wsEnd, wsEnd + 20))![0];
    const start = m.index;
    const end = wsEnd + run.length;
    const prev = text[start - 1];
    const next = text[end];
    if (prev === undefined || /[\s(«"„[—–-]/.test(prev)) continue;
    // emoticons :) ;-) :D
    if ((run === ':' || run === ';') && next !== undefined && /[-)(DPРрОо3*|/\\]/.test(next)) continue;
    // « .pdf», « ,5»: a mark glued to the next word is not trailing punctuation
    if (isWordChar(next)) continue;
    // an ellipsis that opens a pause mid-sentence: «и вот ... пришёл»
    if ((run.startsWith('..') || run.startsWith('…')) && next !== undefined && next !== '\n') continue;
    const key = run.startsWith('..') ? '…' : run.charAt(0);
    const meta = SPACE_BEFORE_MSG[key] ?? SPACE_BEFORE_MSG[',']!;
    push(r, meta[0], 'error', start, end, meta[1], [run]);
  }
}

const NO_SPACE_AFTER_RE = /[,;:!?.…]+/g;
const SINGLE_LETTER_BEFORE_RE = /(?:^|[^\p{L}])(\p{L})$/u;
const WORD_BEFORE_RE = /([\p{L}-]+)$/u;
const WORD_AFTER_RE = /^[\p{L}\p{M}\p{N}-]{1,40}/u;

function ruleSpaceAfter(r: Run): void {
  const { text } = r;
  NO_SPACE_AFTER_RE.lastIndex = 0;
  for (let m = NO_SPACE_AFTER_RE.exec(text); m; m = NO_SPACE_AFTER_RE.exec(text)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    const prev = text[start - 1];
    const next = text[end];
    if (next === undefined || !isLetter(next)) continue;
    if (prev === undefined || !(isWordChar(prev) || /[»")\]]/.test(prev))) continue;
    if (LATIN_RE.test(next) && (LATIN_RE.test(prev) || isDigit(prev))) continue;
    if (LATIN_RE.test(next) && run === '.') continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = WORD_AFTER_RE.exec(text.slice(end, end + 40))?.[0] ?? '';
    const spanEnd = end + after.length;
    if (run === '.') {
      // «т.е.», «А.С.Пушкин», «г.Валуйки», «ул.Ленина» — handled by typo.abbr-space
      if (SINGLE_LETTER_BEFORE_RE.test(before)) continue;
      const w = WORD_BEFORE_RE.exec(before)?.[1]?.toLowerCase() ?? '';
      if (DOT_ABBR.has(w)) {
        push(r, 'typo.abbr-space', 'hint', start, spanEnd, 'После сокращения с точкой ставится пробел.', [
          `. ${after}`,
        ]);
        continue;
      }
      if (isDigit(prev) && after.length <= 2) continue; // «5.а», item numbering
    }
    if (run === ':' && isDigit(prev)) continue;
    const label =
      run.charAt(0) === ','
        ? 'После запятой нужен пробел.'
        : run.charAt(0) === ':'
          ? 'После двоеточия нужен пробел.'
          : run.charAt(0) === ';'
            ? 'После точки с запятой нужен пробел.'
            : 'После знака конца предложения нужен пробел.';
    const sugg = /[.!?…]$/.test(run) ? [`${run} ${capFirst(after)}`, `${run} ${after}`] : [`${run} ${after}`];
    push(r, 'punct.space-after', 'error', start, spanEnd, label, [...new Set(sugg)]);
  }
}

const DOUBLE_SPACE_RE = /[ \u00A0]{2,}/g;

function ruleDoubleSpace(r: Run): void {
  DOUBLE_SPACE_RE.lastIndex = 0;
  for (let m = DOUBLE_SPACE_RE.exec(r.text); m; m = DOUBLE_SPACE_RE.exec(r.text)) {
    const prev = r.text[m.index - 1];
    const next = r.text[m.index + m[0].length];
    if (prev === undefined || next === undefined || /\s/.test(prev) || /\s/.test(next)) continue;
    push(r, 'punct.double-space', 'hint', m.index, m.index + m[0].length, 'Между словами достаточно одного пробела.', [
      ' ',
    ]);
  }
}

const MARKS_RE = /[!?]+\.*|\.{2,}|,{2,}|,\.|;{2,}|:{2,}/g;

function ruleMarks(r: Run): void {
  const { text } = r;
  MARKS_RE.lastIndex = 0;
  for (let m = MARKS_RE.exec(text); m; m = MARKS_RE.exec(text)) {
    const s = m[0];
    const start = m.index;
    const end = start + s.length;
    if (s[0] === '!' || s[0] === '?') {
      const marks = s.replace(/\.+$/, '');
      const dots = s.length - marks.length;
      if (marks.length >= 2) {
        const onlyEx = /^!+$/.test(marks);
        const onlyQ = /^\?+$/.test(marks);
        if (onlyEx || onlyQ) {
          push(
            r,
            'punct.repeated-marks',
            'warning',
            start,
            start + marks.length,
            'В официальном тексте достаточно одного знака.',
            [marks.charAt(0)],
          );
        } else if (marks !== '?!') {
          push(
            r,
            'punct.mark-combination',
            'warning',
            start,
            start + marks.length,
            'Вопрос с восклицанием оформляется как «?!».',
            ['?!'],
          );
        }
      }
      if (dots === 1) {
        push(
          r,
          'punct.mark-combination',
          'warning',
          start + marks.length - 1,
          end,
          'После вопросительного или восклицательного знака точка не ставится.',
          [marks.charAt(marks.length - 1)],
        );
      }
      continue;
    }
    if (s[0] === '.') {
      if (s.length === 3) continue;
      const prev = text[start - 1];
      const next = text[end];
      if (s.length === 2 && isWordChar(prev) && isWordChar(next)) continue; // «for..of», «1..10»
      if (s.length === 2) {
        push(r, 'punct.double-period', 'error', start, end, 'Две точки подряд: нужна одна точка или многоточие.', [
          '.',
          '…',
        ]);
      } else {
        push(r, 'punct.double-period', 'warning', start, end, 'В многоточии три точки.', ['…', '...']);
      }
      continue;
    }
    if (s === ',.') {
      push(r, 'punct.double-comma', 'error', start, end, 'Запятая и точка подряд: нужен один знак.', ['.', ',']);
      continue;
    }
    push(r, 'punct.double-comma', 'error', start, end, 'Знак препинания повторён.', [s.charAt(0)]);
  }
}

const PARTICLE_SUFFIX = new Set(['то', 'либо', 'нибудь', 'таки', 'ка', 'де']);
const DASH_LEFT_RE = /[\p{L}\p{N}»")\]?!.,…]/u;
const DASH_RIGHT_RE = /[\p{L}\p{N}«"„(]/u;
const WORD_END_RE = /\p{L}+$/u;
const WORD_START_RE = /^\p{L}+/u;

function ruleDashes(r: Run): void {
  const { text } = r;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c !== '-' && c !== '—' && c !== '–') continue;
    if (r.prot[i]) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (c === '-') {
      const run = next === '-' ? 2 : 1;
      const after = text[i + run];
      // « - » / « -- » between words
      if (isSpace(prev) && isSpace(after)) {
        let a = i - 1;
        while (a > 0 && isSpace(text[a - 1])) a--;
        let b = i + run;
        while (b < n && isSpace(text[b])) b++;
        const lc = text[a - 1];
        const rc = text[b];
        if (a > 0 && lc !== undefined && DASH_LEFT_RE.test(lc) && rc !== undefined && DASH_RIGHT_RE.test(rc)) {
          if (isDigit(lc) && isDigit(rc)) {
            push(r, 'typo.range-dash', 'hint', a, b, 'Диапазон чисел пишется через короткое тире без пробелов.', ['–']);
          } else {
            push(
              r,
              'typo.dash',
              'warning',
              i,
              i + run,
              lc === ','
                ? 'После запятой перед словами автора ставится тире, а не дефис.'
                : 'Между словами нужно тире «—», а не дефис.',
              ['—'],
            );
          }
        }
        i += run - 1;
        continue;
      }
      // «соседка -, поздоровался»
      if (isSpace(prev) && next === ',') {
        let a = i - 1;
        while (a > 0 && isSpace(text[a - 1])) a--;
        if (a > 0 && isWordChar(text[a - 1])) {
          push(r, 'typo.dash', 'warning', a, i + 2, 'Запятая ставится перед тире, а не после него.', [', —']);
        }
        continue;
      }
      // «Кое -кто», «кто- то», «Москва -столица»
      const spBefore = isSpace(prev) && isLetter(next);
      const spAfter = isLetter(prev) && isSpace(next);
      if (spBefore || spAfter) {
        let a = i;
        while (a > 0 && isSpace(text[a - 1])) a--;
        let b = i + 1;
        while (b < n && isSpace(text[b])) b++;
        const left = WORD_END_RE.exec(text.slice(Math.max(0, a - 30), a))?.[0] ?? '';
        const right = WORD_START_RE.exec(text.slice(b, b + 30))?.[0] ?? '';
        if (!left || !right) continue;
        const hyphenWord = /^ко[ей]$/i.test(left) || PARTICLE_SUFFIX.has(right.toLowerCase());
        if (hyphenWord) {
          push(
            r,
            'typo.hyphen-spacing',
            'error',
            a - left.length,
            b + right.length,
            'Дефис внутри слова пишется без пробелов.',
            [`${left}-${right}`],
          );
        } else if (spBefore) {
          push(r, 'typo.dash-spacing', 'warning', i, i + 1, 'Между словами нужно тире с пробелами с обеих сторон.', [
            '— ',
          ]);
        }
      }
      if (next === '-') i++;
      continue;
    }
    // «слово— слово», «слово —слово»
    if (prev !== undefined && DASH_LEFT_RE.test(prev) && !/[?!.,…]/.test(prev) && isSpace(next)) {
      if (isDigit(prev)) continue;
      push(r, 'typo.dash-spacing', 'warning', i, i + 1, 'Тире отбивается пробелами с обеих сторон.', [` ${c}`]);
    } else if (isSpace(prev) && next !== undefined && /[\p{L}«"(]/u.test(next)) {
      let a = i - 1;
      while (a > 0 && isSpace(text[a - 1])) a--;
      const lc = text[a - 1];
      if (a === 0 || lc === undefined || !DASH_LEFT_RE.test(lc) || /[?!.,…]/.test(lc)) continue;
      push(r, 'typo.dash-spacing', 'warning', i, i + 1, 'Тире отбивается пробелами с обеих сторон.', [`${c} `]);
    }
  }
}

const RANGE_RE = /(\d{1,2}(?:[:.]\d{2})?|\d{4})-(\d{1,2}(?:[:.]\d{2})?|\d{4})(?![\d\-–:/]|\.\d|\p{L})/gu;

function ruleRanges(r: Run): void {
  const { text } = r;
  RANGE_RE.lastIndex = 0;
  for (let m = RANGE_RE.exec(text); m; m = RANGE_RE.exec(text)) {
    const a = m[1]!;
    const b = m[2]!;
    if (/[\d\-–.:,/№]/.test(text[m.index - 1] ?? '')) continue;
    const ctx = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    if (/тел|\+7|№|ст\.|п\.|ч\./.test(ctx)) continue;
    const num = (x: string) => (x.includes(':') || x.includes('.') ? Number(x.replace(/[:.]/, '.')) : Number(x));
    const isTime = /[:.]/.test(a) && /[:.]/.test(b);
    if (!isTime && (a.length === 4) !== (b.length === 4)) continue;
    if (!(num(a) < num(b))) continue;
    push(
      r,
      'typo.range-dash',
      'hint',
      m.index,
      m.index + m[0].length,
      'Диапазон чисел пишется через короткое тире «–».',
      [`${a}–${b}`],
    );
  }
}

// Quotes

const STRAIGHT_OPEN_OK = /[\s(«„[—–-]/;
const STRAIGHT_Q_RE = /["“”\n]/g;
const GUILLEMET_RE = /[«»]|\n\n/g;
const BRACKET_RE = /[()]|\n\n/g;

function ruleQuotes(r: Run): void {
  const { text } = r;
  // straight and English quotes → «ёлочки»
  let open = -1;
  STRAIGHT_Q_RE.lastIndex = 0;
  for (let m = STRAIGHT_Q_RE.exec(text); m; m = STRAIGHT_Q_RE.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n') {
      open = -1;
      continue;
    }
    if (r.prot[i]) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    const canOpen = (prev === undefined || STRAIGHT_OPEN_OK.test(prev)) && next !== undefined && !/\s/.test(next);
    const canClose = prev !== undefined && !/\s/.test(prev) && (next === undefined || !isWordChar(next));
    if (open < 0) {
      if (canOpen) open = i;
      continue;
    }
    if (canClose) {
      const inner = text.slice(open + 1, i);
      if (!inner.includes('\n') && inner.length <= 300) {
        push(r, 'typo.quotes', 'hint', open, i + 1, 'В русском тексте приняты кавычки-«ёлочки».', [`«${inner}»`]);
      }
      open = -1;
    } else if (canOpen) {
      open = i;
    }
  }
  // «» pairing
  const stack: { pos: number; nested: boolean }[] = [];
  let sawOpen = false;
  const flush = () => {
    sawOpen = false;
    // an outer quote whose closing mark merged with the inner one («ООО «Ромашка») is fine
    for (const o of stack) {
      if (!o.nested) {
        pushUnclosed(r, 'punct.unpaired-quote', o.pos, '»', 'Открывающая кавычка не закрыта.');
      }
    }
    stack.length = 0;
  };
  GUILLEMET_RE.lastIndex = 0;
  for (let m = GUILLEMET_RE.exec(text); m; m = GUILLEMET_RE.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n\n') {
      flush();
      continue;
    }
    if (r.prot[i]) continue;
    if (c === '«') {
      sawOpen = true;
      if (stack.length > 0) stack[stack.length - 1]!.nested = true;
      stack.push({ pos: i, nested: false });
    } else if (c === '»') {
      if (stack.length === 0) {
        // «Цыганы» мои не продаются вовсе» — an opening mark merged with the inner one
        if (text[i - 1] !== '»' && !sawOpen) {
          push(r, 'punct.unpaired-quote', 'warning', i, i + 1, 'Закрывающей кавычке не хватает открывающей.', []);
        }
      } else stack.pop();
    }
  }
  flush();
  // «« / »»
  const DOUBLED = /««|»»/g;
  DOUBLED.lastIndex = 0;
  for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) {
    push(
      r,
      'typo.quotes-doubled',
      'hint',
      m.index,
      m.index + 2,
      'Одинаковые кавычки подряд не ставят: внутренние кавычки — «лапки» „…“ или одна общая.',
      [m[0].charAt(0)],
    );
  }
  // punctuation before a closing quote: «Правда:» → «Правда»:
  const QP = /[,;:](?=[»”])/g;
  QP.lastIndex = 0;
  for (let m = QP.exec(text); m; m = QP.exec(text)) {
    push(
      r,
      'punct.quote-order',
      'warning',
      m.index,
      m.index + 2,
      'Запятая, двоеточие и точка с запятой ставятся после закрывающей кавычки.',
      [`${text[m.index + 1]}${m[0]}`],
    );
  }
}

const ENUM_BEFORE_RE = /(?:^|[\s;:,(])[\p{L}\d]{1,3}(?:\.\d{1,3})*$/u;

const CLAUSE_END_RE = /[.!?…;\n]/;

/**
 * An unclosed bracket or opening quote: the span runs to the end of the sentence and the suggestion closes the
 * bracket there («(кроме праздников.» → «(кроме праздников).»).
 */
function pushUnclosed(r: Run, rule: string, pos: number, closer: string, message: string): void {
  const { text } = r;
  let end = pos + 1;
  const limit = Math.min(text.length, pos + 200);
  while (end < limit && !CLAUSE_END_RE.test(text[end]!)) end++;
  while (end > pos + 1 && /\s/.test(text[end - 1]!)) end--;
  if (end >= limit && limit < text.length) {
    push(r, rule, 'warning', pos, pos + 1, message, []);
    return;
  }
  push(r, rule, 'warning', pos, end, message, [`${text.slice(pos, end)}${closer}`]);
}

function ruleBrackets(r: Run): void {
  const { text } = r;
  const stack: number[] = [];
  const flush = () => {
    for (const p of stack) {
      pushUnclosed(r, 'punct.unpaired-bracket', p, ')', 'Открывающая скобка не закрыта.');
    }
    stack.length = 0;
  };
  BRACKET_RE.lastIndex = 0;
  for (let m = BRACKET_RE.exec(text); m; m = BRACKET_RE.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n\n') {
      flush();
      continue;
    }
    if (r.prot[i]) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    // smileys: «))», «:)», «:-(», «=)»
    if (prev === c || next === c || (prev !== undefined && /[:;=8-]/.test(prev) && !isWordChar(text[i - 2]))) continue;
    if (c === '(') {
      stack.push(i);
      continue;
    }
    if (stack.length > 0) {
      stack.pop();
      continue;
    }
    // list markers «1)», «а)»
    if (ENUM_BEFORE_RE.test(text.slice(Math.max(0, i - 4), i))) continue;
    push(
      r,
      'punct.unpaired-bracket',
      'hint',
      i,
      i + 1,
      'Закрывающей скобке не хватает открывающей; если это смайлик, в официальном тексте его лучше убрать.',
      [''],
    );
  }
  flush();
}

// Numbers, units, signs

const PERCENT_RE = /[ \u00A0]{1,3}%/g;
const DEGREE_RE = /[ \u00A0]{1,3}°(?![CСF])/g;
const NUMSIGN_RE = /№(?=\d)/g;
const SIGN_REPEAT_RE =
  /([№§])[ \u00A0]?\d+[\p{L}\d/-]*(?:[ \u00A0]*,[ \u00A0]*|[ \u00A0]+(?:и|или)[ \u00A0]+)\1[ \u00A0]?(\d+)/gu;
const UNIT_RE =
  /(\d+(?:[.,]\d+)?)(км|м|см|мм|кг|г|т|л|мл|га|руб|р|коп|тыс|млн|млрд|ч|мин|сек|чел|шт|мес|сут|лет|года|год|дней|дня|день|часов|часа|минут|рублей|рубля|рубль|человек|кв)(?![\p{L}\d])/gu;
const ORDINAL_RE = /(\d+)(-?)([а-яё]{1,3})(?![\p{L}\d])/gu;
const ORD_ENDINGS = new Set(
  'ый ой ий ая яя ое ее ые ие ых их ым им ыми ими ого его ому ему ом ем ую юю го му ми й я е ю'.split(' '),
);
const ORDINAL_SPACE_RE = /(\d+)[ \u00A0](го|му|ми|ый|ой|ий|ого|ому|ая|ое|ые|ых)(?![\p{L}\d])/gu;
const ORD_SHORT: Record<string, string> = {
  ый: 'й',
  ой: 'й',
  ий: 'й',
  ая: 'я',
  яя: 'я',
  ое: 'е',
  ее: 'е',
  ые: 'е',
  ие: 'е',
  ых: 'х',
  их: 'х',
  ым: 'м',
  им: 'м',
  ыми: 'ми',
  ими: 'ми',
  ого: 'го',
  его: 'го',
  ому: 'му',
  ему: 'му',
  ом: 'м',
  ем: 'м',
  ую: 'ю',
  юю: 'ю',
};
const COMPOUND_NUM_RE =
  /(\d+)-?(?:х|ти|ми|и|ух|ех|ёх|ри)[ \u00A0-]?((?:комнатн|этажн|летн|дневн|месячн|часов|разов|кратн|местн|недельн|минутн|процентн|тонн|уровнев|сменн|сторонн|серийн|томн|ступенчат|цветн|колесн|колёсн|годичн|ярусн|квартирн|подъездн|зальн|полосн|дверн|осн)\p{L}*)/gu;
const ABBR_NO_DOT_RE = /(тыс|руб|коп|чел|шт)(?=[ \u00A0]+\p{L})/gu;
const PS_RE = /([PР])\.[ \u00A0]+([SС])\.?/gu;

function ruleNumbers(r: Run): void {
  const { text } = r;
  PERCENT_RE.lastIndex = 0;
  for (let m = PERCENT_RE.exec(text); m; m = PERCENT_RE.exec(text)) {
    if (!isDigit(text[m.index - 1])) continue;
    push(r, 'typo.percent-space', 'hint', m.index, m.index + m[0].length, 'Знак процента пишется слитно с числом.', [
      '%',
    ]);
  }
  DEGREE_RE.lastIndex = 0;
  for (let m = DEGREE_RE.exec(text); m; m = DEGREE_RE.exec(text)) {
    if (!isDigit(text[m.index - 1])) continue;
    push(r, 'typo.degree-space', 'hint', m.index, m.index + m[0].length, 'Знак градуса пишется слитно с числом.', [
      '°',
    ]);
  }
  NUMSIGN_RE.lastIndex = 0;
  for (let m = NUMSIGN_RE.exec(text); m; m = NUMSIGN_RE.exec(text)) {
    const num = /^\d+/.exec(text.slice(m.index + 1))?.[0] ?? '';
    push(
      r,
      'typo.number-sign',
      'hint',
      m.index,
      m.index + 1 + num.length,
      'Знак номера отделяется от числа пробелом.',
      [`№ ${num}`],
    );
  }
  SIGN_REPEAT_RE.lastIndex = 0;
  for (let m = SIGN_REPEAT_RE.exec(text); m; m = SIGN_REPEAT_RE.exec(text)) {
    const num = m[2]!;
    const end = m.index + m[0].length;
    const signPos = text.lastIndexOf(m[1]!, end - num.length);
    push(r, 'typo.sign-repeat', 'hint', signPos, end, 'Знак перед рядом чисел ставится один раз.', [num]);
  }
  UNIT_RE.lastIndex = 0;
  for (let m = UNIT_RE.exec(text); m; m = UNIT_RE.exec(text)) {
    if (/[\p{L}\d.,]/u.test(text[m.index - 1] ?? '')) continue;
    const n = m[1]!;
    const u = m[2]!;
    const year = u === 'г' && /^(?:1[89]|20)\d\d$/.test(n);
    push(
      r,
      'typo.unit-space',
      'warning',
      m.index,
      m.index + m[0].length,
      'Число и единица измерения пишутся через пробел.',
      [year && text[m.index + m[0].length] !== '.' ? `${n} г.` : `${n} ${u}`],
    );
  }
  ORDINAL_RE.lastIndex = 0;
  for (let m = ORDINAL_RE.exec(text); m; m = ORDINAL_RE.exec(text)) {
    if (isWordChar(text[m.index - 1]) || !ORD_ENDINGS.has(m[3]!)) continue;
    const n = m[1]!;
    const hy = m[2]!;
    const end = m[3]!;
    const short = ORD_SHORT[end];
    if (hy) {
      if (!short) continue;
      push(
        r,
        'typo.ordinal',
        'warning',
        m.index,
        m.index + m[0].length,
        'Наращение у порядкового числительного — одна-две последние буквы.',
        [`${n}-${short}`],
      );
    } else {
      push(
        r,
        'typo.ordinal',
        'warning',
        m.index,
        m.index + m[0].length,
        'Окончание порядкового числительного присоединяется через дефис.',
        [`${n}-${short ?? end}`],
      );
    }
  }
  ORDINAL_SPACE_RE.lastIndex = 0;
  for (let m = ORDINAL_SPACE_RE.exec(text); m; m = ORDINAL_SPACE_RE.exec(text)) {
    if (isWordChar(text[m.index - 1])) continue;
    const short = ORD_SHORT[m[2]!] ?? m[2]!;
    push(
      r,
      'typo.ordinal',
      'warning',
      m.index,
      m.index + m[0].length,
      'Окончание порядкового числительного присоединяется через дефис без пробела.',
      [`${m[1]}-${short}`],
    );
  }
  COMPOUND_NUM_RE.lastIndex = 0;
  for (let m = COMPOUND_NUM_RE.exec(text); m; m = COMPOUND_NUM_RE.exec(text)) {
    if (isWordChar(text[m.index - 1])) continue;
    push(
      r,
      'typo.compound-number',
      'warning',
      m.index,
      m.index + m[0].length,
      'В сложных словах с цифрой падежное окончание не пишется: «2-комнатная».',
      [`${m[1]}-${m[2]}`],
    );
  }
  ABBR_NO_DOT_RE.lastIndex = 0;
  for (let m = ABBR_NO_DOT_RE.exec(text); m; m = ABBR_NO_DOT_RE.exec(text)) {
    if (!isSpace(text[m.index - 1]) || !isDigit(text[m.index - 2])) continue;
    const a = m[1]!;
    push(r, 'typo.abbr-dot', 'warning', m.index, m.index + a.length, `После сокращения «${a}» ставится точка.`, [
      `${a}.`,
    ]);
  }
  PS_RE.lastIndex = 0;
  for (let m = PS_RE.exec(text); m; m = PS_RE.exec(text)) {
    if (isLetter(text[m.index - 1])) continue;
    push(r, 'typo.ps', 'hint', m.index, m.index + m[0].length, 'Постскриптум пишется без пробела: «P.S.».', [
      `${m[1]}.${m[2]}.`,
    ]);
  }
}

// Abbreviations «т.е.», initials «А.С.Пушкин», «г.Валуйки»

const ABBR_DOTS_RE = /([тТиИ])\.(е|к|д|п|ч|н|о)\.?(?![\p{L}])/gu;
const INITIALS_RE = /([А-ЯЁA-Z])\.([А-ЯЁA-Z])\.(?=[А-ЯЁA-Z][а-яёa-z])/g;
const LETTER_DOT_WORD_RE = /([гсдпхкмрвуж])\.(?=[А-ЯЁ][а-яё])/gu;

function ruleAbbr(r: Run): void {
  const { text } = r;
  ABBR_DOTS_RE.lastIndex = 0;
  for (let m = ABBR_DOTS_RE.exec(text); m; m = ABBR_DOTS_RE.exec(text)) {
    if (isLetter(text[m.index - 1])) continue;
    const a = m[1]!;
    const b = m[2]!;
    const lower = a.toLowerCase();
    if (lower === 'и' && b !== 'о') continue;
    if (lower === 'т' && b === 'о') continue;
    push(
      r,
      'typo.abbr-space',
      'hint',
      m.index,
      m.index + m[0].length,
      'В сокращениях вида «т. е.» между частями ставится пробел.',
      [`${a}. ${b}.`],
    );
  }
  INITIALS_RE.lastIndex = 0;
  for (let m = INITIALS_RE.exec(text); m; m = INITIALS_RE.exec(text)) {
    if (isLetter(text[m.index - 1]) || text[m.index - 1] === '.') continue;
    push(
      r,
      'typo.abbr-space',
      'hint',
      m.index,
      m.index + m[0].length,
      'Инициалы отделяются друг от друга и от фамилии пробелами.',
      [`${m[1]}. ${m[2]}. `],
    );
  }
  LETTER_DOT_WORD_RE.lastIndex = 0;
  for (let m = LETTER_DOT_WORD_RE.exec(text); m; m = LETTER_DOT_WORD_RE.exec(text)) {
    if (isLetter(text[m.index - 1]) || text[m.index - 1] === '.') continue;
    push(r, 'typo.abbr-space', 'hint', m.index, m.index + 2, 'После сокращения с точкой ставится пробел.', [
      `${m[1]}. `,
    ]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Casing
// ---------------------------------------------------------------------------------------------------

const VOWELS_RE = /[АЕЁИОУЫЭЮЯ]/g;
const INSTITUTION_RE = /^(?:ФГ|ОГ|[МГФО])(?:[АБК])?(?:[ДП])?(?:ОУ|У|УК|УЗ|УДО|ОУДО|УСО)$/;
const CAPS_WORD_RE = /^[А-ЯЁ]+(?:-[А-ЯЁ]+)*$/;
/** Inflection endings of ordinary words: abbreviations («ОГАУЗ», «ГИБДД») rarely end like this. */
const WORD_ENDING_RE =
  /(?:ИЕ|ИЯ|ИИ|ИЙ|ЫЙ|ОЙ|АЯ|ЯЯ|ОЕ|ЕЕ|ЫЕ|ЫХ|ИХ|ЫМ|ИМ|ОГО|ЕГО|ОМУ|ЕМУ|АМИ|ЯМИ|ЫМИ|ИМИ|АМ|ЯМ|АХ|ЯХ|ОВ|ЕВ|ЕЙ|ЕТ|ИТ|УТ|ЮТ|АТ|ЯТ|ЕМ|ТЬ|СЯ|ЛА|ЛИ|ЛО|НО|ТО|СТЬ|ЦИЯ|НИЕ|ОЮ|ЕЮ|УЮ|ЮЮ)$/;

function isShout(word: string): boolean {
  const letters = word.replace(/-/g, '');
  if (letters.length < 5) return false;
  if (CAPS_ABBR.has(normalize(word)) || INSTITUTION_RE.test(letters)) return false;
  const v = letters.match(VOWELS_RE)?.length ?? 0;
  if (v < 2) return false;
  if (letters.length >= 8) return true;
  return (
    WORD_ENDING_RE.test(letters) || (letters.length >= 6 && /[АЕЁИОУЫЭЮЯ]$/.test(letters) && v / letters.length >= 0.35)
  );
}

function ruleCaps(r: Run): void {
  const toks = r.tok;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.prot || !CAPS_WORD_RE.test(t.text) || t.text.replace(/-/g, '').length < 2) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && CAPS_WORD_RE.test(toks[j + 1]!.text) && toks[j + 1]!.gap !== 3 && !toks[j + 1]!.prot)
      j++;
    let shout = false;
    for (let k = i; k <= j; k++) if (isShout(toks[k]!.text)) shout = true;
    if (!shout) {
      i = j + 1;
      continue;
    }
    const start = toks[i]!.start;
    const end = toks[j]!.end;
    // a name in quotes: ООО «РОМАШКА»
    if (i === j && /[«"„]/.test(r.text[start - 1] ?? '') && /[»"“]/.test(r.text[end] ?? '')) {
      i = j + 1;
      continue;
    }
    const words: string[] = [];
    for (let k = i; k <= j; k++) {
      const w = toks[k]!.text;
      words.push(CAPS_ABBR.has(normalize(w)) && !isShout(w) ? w : w.toLowerCase());
    }
    let fixed = r.text.slice(start, end);
    // rebuild with original separators
    let pos = start;
    let rebuilt = '';
    for (let k = i; k <= j; k++) {
      const w = words[k - i]!;
      rebuilt += r.text.slice(pos, toks[k]!.start) + (k > i && toks[k]!.first ? capFirst(w) : w);
      pos = toks[k]!.end;
    }
    fixed = rebuilt;
    const atStart = toks[i]!.first;
    const sugg: string[] = [];
    if (atStart) sugg.push(capFirst(fixed));
    else if (i === j) {
      if (NAMES.has(toks[i]!.norm)) sugg.push(capFirst(fixed), fixed);
      else sugg.push(fixed, capFirst(fixed));
    } else sugg.push(fixed);
    push(
      r,
      'typo.caps',
      'warning',
      start,
      end,
      'Не пишите слова целиком заглавными буквами: в соцсетях это читается как крик.',
      sugg,
    );
    i = j + 1;
  }
}

const PATRONYMIC_RE = /^[а-яё]{3,}(?:ович|евич)$/;
const PATRONYMIC_F_RE = /^[а-яё]{3,}(?:овна|евна)$/;
const SURNAME_RE = /^[а-яё]{2,}(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ский|ская|цкий|цкая)$/;

/** Names that are also common nouns («роман», «маргарита»). */
const NOUN_NAMES = new Set(['роман', 'маргарита', 'марина', 'виктория']);
/** Short adjectives and adverbs that look like surnames or patronymics after a name. */
const NOT_SURNAME = new Set(
  'готов готова здоров здорова снова основа слова слов дров часов домов виновна невиновна условна безусловна духовна греховна любовна церковна верховна одинока половина причина мужчина вина'.split(
    ' ',
  ),
);

function ruleNamesCase(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const c0 = t.text.charCodeAt(0);
    if (t.prot || !((c0 >= 0x430 && c0 <= 0x44f) || c0 === 0x451)) continue;
    const prev = toks[i - 1];
    const prevIsName = !!prev && !bnd(r, i) && NAMES.has(prev.norm) && UPPER_RE.test(prev.text.charAt(0));
    let kind = '';
    if (NAMES.has(t.norm) && !t.text.includes('-') && !NOUN_NAMES.has(t.norm)) kind = 'Имя';
    else if (PATRONYMIC_RE.test(t.text)) kind = 'Отчество';
    else if (prevIsName && PATRONYMIC_F_RE.test(t.text) && !NOT_SURNAME.has(t.norm)) kind = 'Отчество';
    else if (prevIsName && SURNAME_RE.test(t.text) && !NOT_SURNAME.has(t.norm) && bndAfter(r, i)) kind = 'Фамилия';
    if (!kind) continue;
    push(r, 'case.name', 'warning', t.start, t.end, `${kind} пишется с большой буквы.`, [capFirst(t.text)]);
  }
}

function ruleSentenceStart(r: Run): void {
  const { text } = r;
  for (let s = 0; s < r.sents.length; s++) {
    const sp = r.sents[s]!;
    const c = text[sp.start];
    if (c === undefined || !LOWER_CYR_RE.test(c) || r.prot[sp.start]) continue;
    const wordEnd = sp.start + (WORD_AFTER_RE.exec(text.slice(sp.start, sp.start + 40))?.[0].length ?? 1);
    const word = text.slice(sp.start, wordEnd);
    if (s === 0) {
      if (text.slice(0, sp.start).trim() !== '') continue;
      // a fragment without a full stop («час пик») may be a tag or a heading
      if (r.sents.length === 1 && !/[.!?…]["»)]*$/.test(text.slice(sp.start, sp.end))) continue;
      push(r, 'case.sentence-start', 'warning', sp.start, wordEnd, 'Текст начинается с заглавной буквы.', [
        capFirst(word),
      ]);
      continue;
    }
    const prevSp = r.sents[s - 1]!;
    const between = text.slice(prevSp.end, sp.start);
    if (between.includes('\n\n')) continue;
    const prevBody = text.slice(prevSp.start, prevSp.end);
    const last = prevBody.charAt(prevBody.length - 1);
    if (last !== '.' && last !== '!' && last !== '?') continue;
    if (prevBody.endsWith('..')) continue;
    if (last === '.') {
      const w = /([\p{L}.-]+)\.$/u.exec(prevBody)?.[1] ?? '';
      if (
        w.includes('.') ||
        w.length <= 2 ||
        DOT_ABBR.has(w.toLowerCase()) ||
        (/^\p{Lu}/u.test(w) === false && w.length <= 3)
      )
        continue;
      if (isDigit(prevBody.charAt(prevBody.length - 2))) continue; // «1. пункт», «2024 г.»? — numbering
    }
    push(r, 'case.sentence-start', 'warning', sp.start, wordEnd, 'Новое предложение начинается с заглавной буквы.', [
      capFirst(word),
    ]);
  }
}

const INDIRECT_QUOTE_RE = /что[ \u00A0]+[«"„](\p{Lu})(?=\p{Ll}|[ \u00A0]\p{Ll})/gu;

function ruleIndirectQuote(r: Run): void {
  const { text } = r;
  INDIRECT_QUOTE_RE.lastIndex = 0;
  for (let m = INDIRECT_QUOTE_RE.exec(text); m; m = INDIRECT_QUOTE_RE.exec(text)) {
    if (isLetter(text[m.index - 1])) continue;
    const qStart = m.index + m[0].length - 1;
    const close = text.slice(qStart, qStart + 300).search(/[»"“]/);
    const inner = close > 0 ? text.slice(qStart, qStart + close) : '';
    if (inner.split(/\s+/).length < 3) continue;
    push(
      r,
      'case.quote-indirect',
      'hint',
      m.index,
      qStart + 1,
      'Цитата, включённая в предложение после «что», начинается со строчной буквы.',
      [m[0].slice(0, -1) + m[1]!.toLowerCase()],
    );
  }
}

// Mixed scripts: «прo», «B лесу»

function ruleMixedScript(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot) continue;
    if (t.text.length === 1 ? !t.first && !LAT_TO_CYR[t.text] : !t.cyr || !LATIN_RE.test(t.text)) {
      if (t.text.length !== 1) continue;
    }
    if (t.text.length > 1)
      for (const part of t.text.split('-')) {
        if (!CYR_RE.test(part) || !LATIN_RE.test(part)) continue;
        let fixed = '';
        let ok = true;
        for (const ch of part) {
          if (LATIN_RE.test(ch)) {
            const c = LAT_TO_CYR[ch];
            if (!c) ok = false;
            fixed += c ?? ch;
          } else fixed += ch;
        }
        if (!ok) continue;
        const off = t.text.indexOf(part);
        push(
          r,
          'typo.mixed-script',
          'error',
          t.start + off,
          t.start + off + part.length,
          'В слове смешаны русские и латинские буквы.',
          [fixed],
        );
      }
    if (t.text.length === 1 && LAT_TO_CYR[t.text]) {
      const p = toks[i - 1];
      const n = toks[i + 1];
      const cyrAround = (!p || p.cyr || t.first) && !!n && n.cyr && sameSent(r, i, i + 1);
      if (cyrAround && (!p || p.cyr)) {
        push(r, 'typo.mixed-script', 'error', t.start, t.end, 'Латинская буква вместо русской.', [LAT_TO_CYR[t.text]!]);
      }
    }
  }
}

// Doubled words

const REDUP_OK = new Set([
  'так',
  'да',
  'нет',
  'ну',
  'ой',
  'ах',
  'ох',
  'эх',
  'ха',
  'хи',
  'ага',
  'тук',
  'кап',
  'бум',
  'ля',
  'на',
  'что',
  'кто',
  'шаг',
  'бай',
  'пока',
  'ура',
  'браво',
  'спасибо',
  'раз',
  'день',
  'год',
  'час',
  'ух',
  'ай',
  'фу',
  'тсс',
  'эй',
  'ну-ну',
  'вот',
]);
const REDUP_HYPHEN = new Set([
  'чуть',
  'еле',
  'много',
  'очень',
  'тихо',
  'быстро',
  'давно',
  'долго',
  'далеко',
  'скоро',
  'едва',
  'туда',
  'сюда',
  'крепко',
  'ровно',
  'точно',
  'вот-вот',
  'давным',
  'белый',
  'синий',
  'большой',
]);

function ruleDoubleWords(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i < toks.length; i++) {
    const a = toks[i - 1]!;
    const b = toks[i]!;
    if (!b.cyr || a.norm !== b.norm || b.gap !== 0 || b.first || a.prot || b.prot) continue;
    if (/\d/.test(a.text)) continue;
    if (REDUP_OK.has(a.norm)) continue;
    if (REDUP_HYPHEN.has(a.norm)) {
      push(r, 'punct.double-word', 'hint', a.start, b.end, 'Повтор слова для усиления пишется через дефис.', [
        `${a.text}-${b.text}`,
      ]);
      continue;
    }
    push(r, 'punct.double-word', 'error', a.start, b.end, 'Слово повторяется два раза подряд.', [a.text]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Commas
// ---------------------------------------------------------------------------------------------------

function isQuestion(r: Run, i: number): boolean {
  return r.sents[r.tok[i]!.sent]?.question ?? false;
}

const INF_RE = /(?:ть|ти|чь|ться|тись)$/;

/** Walks left over particles («лишь», «даже») that take the comma before them. */
function particleStart(r: Run, i: number): number {
  let j = i;
  while (j - 1 >= 0 && !bnd(r, j) && CONJ_PARTICLES.has(nm(r, j - 1)) && sameSent(r, j - 1, i)) j--;
  return j;
}

/** Is a comma needed before token i (a conjunction)? Returns the token that should get it, or -1. */
const PREP_NOUNS = new Set([
  'соответствии',
  'результате',
  'помощью',
  'ходе',
  'течение',
  'рамках',
  'связи',
  'отношении',
  'счет',
  'время',
  'целях',
  'случае',
  'качестве',
  'пределах',
]);
const LEAD_PARTICLES = new Set(['ведь', 'вот', 'ну', 'же', 'да', 'ах', 'ох', 'эх', 'ой']);

/** Token i ends a complex conjunction («для того чтобы», «так как»). */
function endsComplexConj(r: Run, i: number): boolean {
  for (const cc of COMPLEX_BY_LAST.get(nm(r, i)) ?? EMPTY) {
    const n = cc.words.length;
    if (i - n + 1 < 0) continue;
    if (matchSeq(r, i - n + 1, cc.words) === i) return true;
  }
  return false;
}

function needsComma(r: Run, i: number): number {
  const j = particleStart(r, i);
  if (bnd(r, j)) return -1;
  const p = nm(r, j - 1);
  if (!p || COORD.has(p) || SUBORD.has(p) || PREPOSITIONS.has(p) || p === 'не') return -1;
  if (r.tok[j - 1]!.first && LEAD_PARTICLES.has(p)) return -1;
  if (r.tok[j - 1]!.prot || /\d/.test(r.tok[j - 1]!.text)) return -1;
  return j;
}

const SUBORD_SIMPLE: Record<string, string> = {
  чтобы: 'Перед союзом «чтобы» ставится запятая.',
  если: 'Перед союзом «если» ставится запятая.',
  когда: 'Придаточное с «когда» отделяется запятой.',
  хотя: 'Перед союзом «хотя» ставится запятая.',
  поскольку: 'Перед союзом «поскольку» ставится запятая.',
  словно: 'Сравнительный оборот со «словно» отделяется запятой.',
  будто: 'Перед союзом «будто» ставится запятая.',
  нежели: 'Перед «нежели» ставится запятая.',
  зато: 'Перед союзом «зато» ставится запятая.',
  однако: 'Перед «однако» в середине предложения ставится запятая.',
};

function ruleConjunctions(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot || t.first) continue;
    const w = t.norm;
    // а / но
    if (w === 'а' || w === 'но') {
      if (t.text === 'А' || t.text === 'Но') continue;
      const next = r.text.slice(t.end, t.end + 3);
      if (/^\s*[=)\d]/.test(next) || bndAfter(r, i)) continue;
      const p = nm(r, i - 1);
      if (/^(?:пункт|подпункт|п|пп|литера|буква|столбец)$/.test(p) || p.length === 1) continue;
      const j = needsComma(r, i);
      if (j < 0) continue;
      missingCommaBefore(
        r,
        'punct.comma-conj',
        'warning',
        j,
        i,
        `Перед противительным союзом «${w}» ставится запятая.`,
      );
      continue;
    }
    const simple = SUBORD_SIMPLE[w];
    if (simple) {
      if (w === 'хотя' && nm(r, i + 1) === 'бы') continue;
      if (w === 'будто' && (nm(r, i - 1) === 'как' || nm(r, i - 1) === 'словно')) continue;
      if ((w === 'когда' || w === 'если') && isQuestion(r, i)) continue;
      if (w === 'когда' && /^(?:угодно|нибудь|либо|то)$/.test(nm(r, i + 1))) continue;
      if (bndAfter(r, i) && w !== 'однако') continue;
      if (w === 'чтобы' && nm(r, i - 1) === 'так') continue; // handled below
      if (endsComplexConj(r, i)) continue;
      const j = needsComma(r, i);
      if (j < 0) continue;
      missingCommaBefore(r, 'punct.comma-subord', 'warning', j, i, simple);
      continue;
    }
    // который
    if (w.startsWith('котор') && w.length >= 7) {
      if (t.first || bnd(r, i)) continue;
      const genitive = /^котор(?:ого|ой|ых)$/.test(w);
      // walk back over a (compound) preposition: «в котором», «в соответствии с которым»
      let j = i;
      while (j - 1 >= 0 && i - j < 3 && !bnd(r, j) && (PREPOSITIONS.has(nm(r, j - 1)) || PREP_NOUNS.has(nm(r, j - 1))))
        j--;
      if (j < i && !PREPOSITIONS.has(nm(r, j))) j = i; // must start with a preposition
      if (bnd(r, j) || COORD.has(nm(r, j - 1))) continue;
      // «отдых в котором», «родители которого»: the noun before may carry the comma
      if (bnd(r, j - 1) && (j < i || genitive)) continue;
      if (genitive) {
        let ok = false;
        for (let k = j - 1; k >= Math.max(0, j - 4); k--) if (bnd(r, k) || COORD.has(nm(r, k - 1))) ok = true;
        if (ok) continue;
      }
      if (j - 1 < 0 || PREPOSITIONS.has(nm(r, j - 1))) continue;
      missingCommaBefore(
        r,
        'punct.comma-kotoryj',
        'warning',
        j,
        i,
        'Придаточное со словом «который» отделяется запятой.',
      );
      continue;
    }
    // «пока» opening a clause with its own subject: «мыла раму, пока дочка готовила»
    if (w === 'пока' && !bndAfter(r, i) && !bnd(r, i + 1)) {
      const subj = nm(r, i + 1);
      const verb = nm(r, i + 2);
      if (!sameSent(r, i, i + 2) || bnd(r, i + 2)) continue;
      const subjOk =
        (PRONOUNS_NOM.has(subj) && subj !== 'это') ||
        (subj.length >= 3 &&
          !NOT_NOUN_END_RE.test(subj) &&
          !/(?:ый|ий|ой|ая|ое|ые|ие|ом|ем)$/.test(subj) &&
          !CONJ_PARTICLES.has(subj));
      if (!subjOk || /^(?:не|что|еще|только|все|нет|так)$/.test(subj)) continue;
      if (!/(?:л|ла|ло|ли|лся|лась|лись|ет|ит|ут|ют|ат|ят|ем|им)$/.test(verb) || verb.length < 4) continue;
      if (PRONOUNS_NOM.has(nm(r, i - 1))) continue;
      const j = needsComma(r, i);
      if (j < 0) continue;
      missingCommaBefore(r, 'punct.comma-subord', 'warning', j, i, 'Придаточное с союзом «пока» отделяется запятой.');
      continue;
    }
    // где
    if (w === 'где') {
      if (isQuestion(r, i) || bndAfter(r, i)) continue;
      if (/^(?:угодно|попало|нибудь|либо|то)$/.test(nm(r, i + 1))) continue;
      const p = nm(r, i - 1);
      if (/^(?:вот|неизвестно|непонятно|везде|всюду|кое|мало|равно)$/.test(p)) continue;
      const j = needsComma(r, i);
      if (j < 0) continue;
      missingCommaBefore(r, 'punct.comma-subord', 'warning', j, i, 'Придаточное со словом «где» отделяется запятой.');
      continue;
    }
    // comparative + чем / нежели
    if (w === 'чем' && !bnd(r, i)) {
      const p = nm(r, i - 1);
      const isComp = COMPARATIVES.has(p) || (p.length >= 6 && p.endsWith('ее') && !/^(?:более|менее)$/.test(p));
      if (!isComp || nm(r, i - 2) === 'не') continue; // «не позднее чем»
      const n = nm(r, i + 1);
      if (/^\d/.test(n) || /^(?:в|на|за|до|через|вдвое|втрое)$/.test(n)) continue;
      missingCommaBefore(r, 'punct.comma-chem', 'warning', i, i, 'Сравнительный оборот с «чем» отделяется запятой.');
    }
  }
}

function ruleComplexConj(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot) continue;
    for (const cc of COMPLEX_BY_FIRST.get(t.norm) ?? EMPTY) {
      const e = matchSeq(r, i, cc.words);
      if (e < 0) continue;
      const inner = hasInnerComma(r, i, e);
      const atStart = bnd(r, i) && (t.first || toks[i]!.gap === 3);
      const joined = joinTokens(r, i, e);
      if (inner && (cc.whole || (cc.start && atStart))) {
        // «После того, как я вздремнул, …» at the start; «тем более, что» anywhere
        if (insertionFollows(r, e)) continue;
        push(
          r,
          'punct.complex-conj-split',
          'warning',
          t.start,
          toks[e]!.end,
          cc.whole
            ? `Союз «${cc.words.join(' ')}» запятой не разделяется.`
            : `В начале предложения союз «${cc.words.join(' ')}» запятой не разделяется.`,
          [matchCase(t.text, joined)],
        );
        continue;
      }
      if (inner || bnd(r, i)) continue;
      if (cc.whole) continue;
      // a conjunction after «не» is split: «не потому, что»
      const last = cc.words[cc.words.length - 1]!;
      const head = joinTokens(r, i, e - 1);
      if (nm(r, i - 1) === 'не') {
        if (cc.words.join(' ') === 'так чтобы') continue; // «не так чтобы» is a set phrase
        push(
          r,
          'punct.comma-complex',
          'warning',
          toks[i - 1]!.start,
          toks[e]!.end,
          'После «не» составной союз разделяется запятой.',
          [`${toks[i - 1]!.text} ${head}, ${toks[e]!.text}`],
        );
        continue;
      }
      const j = needsComma(r, i);
      if (j < 0) continue;
      if (cc.words[0] === 'так' && (cc.words[1] === 'как' || cc.words[1] === 'что' || cc.words[1] === 'чтобы')) {
        const p = nm(r, j - 1);
        if (/^(?:же|и|не|вот|именно|как)$/.test(p)) continue;
      }
      const alt = cc.words.length >= 2 && !cc.whole ? [`${tokWithClosers(r, j - 1).text} ${head}, ${last}`] : [];
      missingCommaBefore(
        r,
        'punct.comma-complex',
        'warning',
        j,
        e,
        `Перед союзом «${cc.words.join(' ')}» нужна запятая.`,
        alt,
      );
    }
  }
}

/** «сообщаем что», «узнайте где», «понял как» — a clause after verbs of saying and knowing. */
function ruleExplainClause(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot || bnd(r, i) || !CLAUSE_WORDS.has(t.norm)) continue;
    const v = nm(r, i - 1);
    if (!EXPLAIN_VERBS.has(v)) continue;
    const n = nm(r, i + 1);
    if (INTEGRAL_WH.has(n) || /^(?:нибудь|либо|можно|правило|обычно|всегда|и|же|ж)$/.test(n)) continue;
    if (t.norm === 'ли') continue;
    if (bndAfter(r, i) && t.norm !== 'почему' && t.norm !== 'зачем') continue;
    missingCommaBefore(
      r,
      'punct.comma-explain',
      'warning',
      i,
      i,
      'Придаточное после глагола речи или мысли отделяется запятой.',
    );
  }
}

/** «то что», «в том что», «тем что»: comma between the pronoun and the conjunction. */
const TO_FORMS = new Set(['то', 'того', 'тому', 'тем', 'том']);
const COMPLEX_PREFIX = new Set([
  'на',
  'благодаря',
  'с',
  'ввиду',
  'вследствие',
  'из-за',
  'после',
  'до',
  'для',
  'перед',
  'между',
  'мере',
  'вместо',
  'при',
  'более',
  'не',
  'силу',
  'оттого',
  'потому',
  'а',
  'кроме',
]);

function ruleToChto(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (!TO_FORMS.has(t.norm) || t.prot) continue;
    const n = toks[i + 1]!;
    if (!sameSent(r, i, i + 1) || bnd(r, i + 1)) continue;
    if (!/^(?:что|чтобы)$/.test(n.norm)) continue;
    if (!bnd(r, i) && COMPLEX_PREFIX.has(nm(r, i - 1))) continue;
    if (t.norm === 'то' && (nm(r, i - 1) === 'не' || nm(r, i - 1) === 'а')) continue;
    if (/^(?:угодно|нибудь|либо)$/.test(nm(r, i + 2))) continue;
    push(r, 'punct.comma-to-chto', 'warning', t.start, n.end, `Между «${t.text}» и «${n.text}» ставится запятая.`, [
      `${t.text}, ${n.text}`,
    ]);
  }
}

/** Sentence-level conjunction pairs: «если …, то», «как …, так и», «то …, то», «ни …, ни». */
function ruleCorrelatives(r: Run): void {
  const toks = r.tok;
  for (const st of r.sents) {
    if (st.first < 0) continue;
    const a = st.first;
    const b = st.last;
    const w0 = nm(r, a);
    // «Если … то …»
    if (w0 === 'если' || w0 === 'когда' || w0 === 'раз' || w0 === 'поскольку') {
      for (let k = a + 3; k <= b; k++) {
        if (toks[k]!.comma || bnd(r, k)) break;
        if (nm(r, k) !== 'то') continue;
        if (/^(?:же|есть|ли|бишь|и|что)$/.test(nm(r, k + 1)) || nm(r, k - 1) === 'бы' || bndAfter(r, k)) continue;
        if (PREPOSITIONS.has(nm(r, k - 1)) || nm(r, k - 1) === 'не') continue;
        missingCommaBefore(
          r,
          'punct.comma-esli-to',
          'warning',
          k,
          k,
          'Перед «то» во второй части предложения ставится запятая.',
        );
        break;
      }
    }
    // «Как … так и»
    for (let k = a; k <= b; k++) {
      if (nm(r, k) !== 'так' || nm(r, k + 1) !== 'и' || bnd(r, k) || !sameSent(r, k, k + 1)) continue;
      for (let q = k - 1; q >= Math.max(a, k - 8); q--) {
        if (nm(r, q) === 'как' && nm(r, q - 1) !== 'так' && nm(r, q + 1) !== 'и') {
          let clean = true;
          for (let z = q + 1; z <= k; z++) if (bnd(r, z)) clean = false;
          if (clean)
            missingCommaBefore(
              r,
              'punct.comma-kak-tak-i',
              'warning',
              k,
              k + 1,
              'В союзе «как …, так и» перед «так и» ставится запятая.',
            );
          break;
        }
        if (bnd(r, q)) break;
      }
    }
  }
  // repeated conjunctions inside a clause
  let segStart = 0;
  let hits = 0;
  for (let i = 0; i <= toks.length; i++) {
    if (i === toks.length || bnd(r, i)) {
      if (hits >= 2) repeatedConj(r, segStart, i - 1);
      segStart = i;
      hits = 0;
    }
    if (i < toks.length && REPEATABLE.has(toks[i]!.norm)) hits++;
  }
}

const REPEATABLE = new Set(['и', 'ни', 'то', 'либо', 'или', 'да']);

const VERBISH_OR_ADV_RE = /(?:о|ть|л|ла|ли|ет|ит|ют|ят|ут|ат|ем|им|ешь|ишь|ся|сь)$/;

function repeatedConj(r: Run, a: number, b: number): void {
  const toks = r.tok;
  const idiomAt = new Uint8Array(b - a + 1);
  for (let i = a; i <= b; i++) {
    for (const id of IDIOM_REP_BY_FIRST.get(toks[i]!.norm) ?? EMPTY) {
      const e = matchSeq(r, i, id, false);
      if (e >= 0 && e <= b) for (let k = i; k <= e; k++) idiomAt[k - a] = 1;
    }
  }
  const pos = (w: string): number[] => {
    const out: number[] = [];
    for (let i = a; i <= b; i++) if (toks[i]!.norm === w && !idiomAt[i - a]) out.push(i);
    return out;
  };
  const flagAt = (k: number, word: string) => {
    const j = nm(r, k - 1) === 'не' && word === 'то' ? k - 1 : k;
    if (j - 1 < a) return;
    missingCommaBefore(
      r,
      'punct.comma-repeated-conj',
      'warning',
      j,
      k,
      `Перед повторяющимся союзом «${word}» ставится запятая.`,
    );
  };
  // и … и … и
  const iPos = pos('и');
  if (iPos.length >= 3) {
    const f = iPos[0]!;
    const prev = nm(r, f - 1);
    const gapsOk = iPos.every((p, k) => k === 0 || p - iPos[k - 1]! <= 4);
    if (gapsOk && (f === a || PRONOUNS_NOM.has(prev) || VERBISH_OR_ADV_RE.test(prev))) {
      for (let k = 1; k < iPos.length; k++) flagAt(iPos[k]!, 'и');
    }
  }
  // ни … ни
  const niPos = pos('ни').filter(
    (p) => !/^(?:бы|то)$/.test(nm(r, p - 1)) && !/^(?:кто|что|где|куда|как|сколько|когда)$/.test(nm(r, p - 1)),
  );
  if (niPos.length >= 2 && niPos[1]! - niPos[0]! <= 4) {
    for (let k = 1; k < niPos.length; k++) flagAt(niPos[k]!, 'ни');
  }
  // то … то; либо … либо; или … или; да … да
  for (const w of ['то', 'либо', 'или', 'да']) {
    let ps = pos(w);
    if (w === 'то')
      ps = ps.filter(
        (p) =>
          (!/^(?:же|есть|ли|бишь|и|что)$/.test(nm(r, p + 1)) &&
            !/^(?:и|бы|а|на|в|за|про|о|об|до|с)$/.test(nm(r, p - 1))) ||
          nm(r, p - 1) === 'не',
      );
    if (w === 'да') ps = ps.filter((p) => p !== a && nm(r, p + 1) !== 'и');
    if (ps.length < 2) continue;
    for (let k = 1; k < ps.length; k++) {
      const d = ps[k]! - ps[k - 1]!;
      if (d < 2 || d > 6) continue;
      if (w === 'то') {
        let hasI = false;
        for (let z = ps[k - 1]! + 1; z < ps[k]!; z++) if (nm(r, z) === 'и') hasI = true;
        if (hasI) continue;
      }
      flagAt(ps[k]!, w);
    }
  }
}

/** Homogeneous reflexive verbs without a comma: «смеялся радовался». */
const REFLEXIVE_END_RE = /(лся|лась|лось|лись|ется|ётся|ится|ются|ятся)$/;

function ruleVerbPairs(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i < toks.length; i++) {
    const a = toks[i - 1]!;
    const b = toks[i]!;
    if (bnd(r, i) || a.prot || b.prot) continue;
    const ea = REFLEXIVE_END_RE.exec(a.norm)?.[1];
    const eb = REFLEXIVE_END_RE.exec(b.norm)?.[1];
    if (!ea || !eb || ea.replace('ё', 'е') !== eb.replace('ё', 'е')) continue;
    if (a.norm === 'кажется' || a.norm === 'является' || a.norm === 'нравится') continue;
    push(
      r,
      'punct.comma-homogeneous-verbs',
      'warning',
      a.start,
      b.end,
      'Однородные глаголы разделяются запятой или союзом «и».',
      [`${a.text}, ${b.text}`, `${a.text} и ${b.text}`],
    );
  }
}

/** «Он улыбаясь шёл»: a gerund right after the subject. */
const GERUND_RE = /(?:ясь|вшись)$/;

function ruleGerund(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot || bnd(r, i) || !GERUND_RE.test(t.norm) || t.norm.length < 6) continue;
    const p = nm(r, i - 1);
    if (!PRONOUNS_NOM.has(p) || p === 'это') continue;
    missingCommaBefore(r, 'punct.comma-gerund', 'warning', i, i, 'Деепричастный оборот выделяется запятыми.', [
      `${toks[i - 1]!.text}, ${t.text},`,
    ]);
  }
}

/** «Картинка висящая на стене упала»: participle after its noun, followed by a preposition. */
const PARTICIPLE_RE = /(?:ущ|ющ|ащ|ящ|вш)(ий|ая|ее|ое|ие|ые|его|ого|ему|ому|им|ым|ей|ой|ую|юю|их|ых|ими|ыми)(?:ся)?$/;
const AGREE: Record<string, RegExp> = {
  ий: /[бвгджзклмнпрстфхцчшщьй]$/,
  ая: /[аяь]$/,
  ее: /(?:о|е|ие)$/,
  ое: /(?:о|е)$/,
  ие: /[ыиая]$/,
  ые: /[ыиая]$/,
  его: /[аяо]$/,
  ого: /[аяо]$/,
  ему: /[ую]$/,
  ому: /[ую]$/,
  им: /(?:ом|ем|ам|ям)$/,
  ым: /(?:ом|ем|ам|ям)$/,
  ей: /(?:ы|и|е|ой|ей|ью)$/,
  ой: /(?:ы|и|е|ой|ей|ью)$/,
  ую: /[уюь]$/,
  юю: /[уюь]$/,
  их: /(?:[бвгджзклмнпрстфхцчшщ]|ов|ев|ей|ах|ях)$/,
  ых: /(?:[бвгджзклмнпрстфхцчшщ]|ов|ев|ей|ах|ях)$/,
  ими: /(?:ами|ями)$/,
  ыми: /(?:ами|ями)$/,
};

const DETERMINERS = new Set(
  'всех всем всеми тех тем теми этих этим этими многих многим немногих остальных некоторых каждого каждому каждым таких'.split(
    ' ',
  ),
);
const NOT_NOUN_END_RE = /(?:ть|ться|тся|сь|ся|ешь|ишь|ем|им|ет|ит|ут|ют|ат|ят|ете|ите|йте|л|ла|ло|ли|о)$/;

function ruleParticiple(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot || bnd(r, i)) continue;
    const m = PARTICIPLE_RE.exec(t.norm);
    if (!m || PARTICIPLE_STOP_RE.test(t.norm)) continue;
    if (!PREPOSITIONS.has(nm(r, i + 1)) || bnd(r, i + 1)) continue;
    const noun = nm(r, i - 1);
    const pt = toks[i - 1]!;
    if (
      noun.length < 3 ||
      /\d/.test(noun) ||
      PRONOUNS_ANY.has(noun) ||
      DETERMINERS.has(noun) ||
      PREPOSITIONS.has(noun) ||
      COORD.has(noun) ||
      NOT_NOUN_END_RE.test(noun) ||
      ADJ_END_RE.test(noun)
    )
      continue;
    const agree = AGREE[m[1]!];
    if (!agree?.test(noun)) continue;
    if (UPPER_RE.test(pt.text.charAt(0)) && !pt.first) continue;
    missingCommaBefore(
      r,
      'punct.comma-participle',
      'warning',
      i,
      i,
      'Причастный оборот после определяемого слова выделяется запятыми.',
    );
  }
}

// Parenthetical words

function leftOk(r: Run, i: number): boolean {
  if (bnd(r, i)) return true;
  const p = nm(r, i - 1);
  return COORD.has(p) || p === 'ну' || p === 'как' || p === 'что';
}

function ruleParentheticals(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot) continue;
    for (const pw of PAREN_BY_FIRST.get(t.norm) ?? EMPTY) {
      const e = matchSeq(r, i, pw.words, false);
      if (e < 0) continue;
      if (pw.words[0] === 'конечно' && nm(r, e + 1) === 'же') continue;
      flagParenthetical(r, i, e, pw.opensPhrase ?? false, pw.needsOneComma ?? false);
      break;
    }
    const w = t.norm;
    // «как правило», «как обычно», «как всегда», «как известно»
    if (
      w === 'как' &&
      /^(?:правило|обычно|всегда|известно)$/.test(nm(r, i + 1)) &&
      sameSent(r, i, i + 1) &&
      !bnd(r, i + 1)
    ) {
      if (isQuestion(r, i)) continue;
      const prev = nm(r, i - 1);
      if (
        /^(?:известн|называ|служ|выступа|рассматрива|использ|применя|воспринима|понима|определя|описыва|трактов|зна|так|такой|такие|такая|такое)/.test(
          prev,
        ) &&
        !bnd(r, i)
      )
        continue;
      const nx = nm(r, i + 2);
      const atEnd = bndAfter(r, i + 1);
      const nextOk = atEnd || PRONOUNS_NOM.has(nx) || (VERB_END_RE.test(nx) && !/(?:ого|его|ой|ей|ых|их)$/.test(nx));
      const sentEnd = !r.tok[i + 2] || !sameSent(r, i + 1, i + 2);
      if (!nextOk || (sentEnd && !leftOk(r, i))) continue; // «Всё как всегда.»
      flagParenthetical(r, i, i + 1, false, false);
    }
    // «Таким образом мы …»: a summarising «таким образом» at the start of a clause
    if (
      w === 'таким' &&
      nm(r, i + 1) === 'образом' &&
      !bnd(r, i + 1) &&
      (bnd(r, i) || (COORD.has(nm(r, i - 1)) && r.tok[i - 1]!.first))
    ) {
      const nx = nm(r, i + 2);
      if (PRONOUNS_NOM.has(nx) && nx !== 'это' && !bnd(r, i + 2) && !isQuestion(r, i)) {
        const lOk = leftOk(r, i);
        const left = lOk ? '' : `${tokWithClosers(r, i - 1).text}, `;
        const start = lOk ? t.start : r.tok[i - 1]!.start;
        push(
          r,
          'punct.parenthetical',
          'hint',
          start,
          r.tok[i + 1]!.end,
          'Если «таким образом» значит «итак», оно выделяется запятыми.',
          [`${left}${joinTokens(r, i, i + 1)},`],
        );
      }
    }
    // «может быть» + pronoun at the start
    if (
      w === 'может' &&
      nm(r, i + 1) === 'быть' &&
      leftOk(r, i) &&
      bnd(r, i) &&
      PRONOUNS_NOM.has(nm(r, i + 2)) &&
      !bnd(r, i + 2)
    ) {
      flagParenthetical(r, i, i + 1, false, false);
    }
    // «мол», «дескать» after a pronoun
    if ((w === 'мол' || w === 'дескать') && PRONOUNS_NOM.has(nm(r, i - 1)) && !bnd(r, i) && !bndAfter(r, i)) {
      flagParenthetical(r, i, i, false, false);
    }
    // «пожалуйста»
    if (w === 'пожалуйста') {
      const p = nm(r, i - 1);
      const lOk = bnd(r, i) || /^(?:всегда|да|ну|вот|а|и|но|или|нет|спасибо|ещё|еще)$/.test(p);
      const rOk = bndAfter(r, i);
      if (!(lOk && rOk)) flagParenthetical(r, i, i, false, false);
    }
  }
}

/** «вполне вероятно», «очень кстати», «не конечно»: a modifier makes the word a predicate. */
const PAREN_MODIFIERS = new Set([
  'вполне',
  'очень',
  'весьма',
  'крайне',
  'мало',
  'более',
  'наиболее',
  'не',
  'так',
  'совсем',
  'довольно',
]);
/** May take a complement: «к удивлению многих». */
const PAREN_EXTENDS = new Set(['к удивлению', 'к огорчению', 'к радости', 'к счастью', 'к несчастью']);

function flagParenthetical(r: Run, i: number, e: number, opensPhrase: boolean, needsOneComma: boolean): void {
  const toks = r.tok;
  if (!bnd(r, i) && PAREN_MODIFIERS.has(nm(r, i - 1))) return;
  const lOk = leftOk(r, i);
  const key = joinTokens(r, i, e).toLowerCase();
  let rOk = bndAfter(r, e) || PAREN_EXTENDS.has(key);
  // «пришлось кстати.» — an adverb at the end of the clause
  if (key === 'кстати' && !lOk && bndAfter(r, e)) return;
  if (opensPhrase && lOk && !toks[i]!.first && toks[i]!.comma) rOk = true;
  if (lOk && rOk) return;
  if (needsOneComma && !lOk && !rOk) return;
  const phrase = joinTokens(r, i, e);
  const start = lOk ? toks[i]!.start : toks[i - 1]!.start;
  const end = toks[e]!.end;
  const left = lOk ? '' : `${tokWithClosers(r, i - 1).text}, `;
  const right = rOk ? '' : ',';
  const msg = `Вводное слово «${phrase.toLowerCase()}» выделяется запятыми.`;
  push(r, 'punct.parenthetical', 'warning', start, end, msg, [`${left}${phrase}${right}`]);
}

/** The comma after a phrase is an insertion's opening if the insertion closes soon. */
function insertionFollows(r: Run, k: number): boolean {
  const toks = r.tok;
  if (!toks[k]) return false;
  for (const seq of INSERTION_BY_FIRST.get(toks[k]!.norm) ?? EMPTY) {
    if (matchSeq(r, k, seq, false) >= 0) return true;
  }
  // «Вместе с тем, подчёркивает он, …»
  for (let z = k; z < Math.min(toks.length, k + 4); z++) {
    if (z > k && bnd(r, z)) {
      for (let q = k; q < z; q++) if (SPEECH_VERB_RE.test(nm(r, q))) return true;
      return false;
    }
  }
  return false;
}

const GERUNDISH_RE = /(?:[аяиеыу]в|[аяиеыу]вши|вшись|[аяу]я|юя|ясь|учи|ючи)$/;

function laterComma(r: Run, k: number): boolean {
  for (let z = k + 1; z < r.tok.length && sameSent(r, k, z); z++) if (r.tok[z]!.comma) return true;
  return false;
}

/** «В связи с этим, …», «При этом, …», «Однако, …»: a comma after a non-parenthetical phrase. */
function ruleExtraCommas(r: Run): void {
  const toks = r.tok;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot) continue;
    const np = NOTPAREN_BY_FIRST.get(t.norm);
    const cj = COMPLEX_BY_FIRST.get(t.norm);
    if (!np && !cj) continue;
    const startPos = t.first || (t.gap === 3 && bnd(r, i));
    const afterConjStart = !startPos && !bnd(r, i) && i > 0 && toks[i - 1]!.first && /^(?:и|а|но)$/.test(nm(r, i - 1));
    const midAfterComma = !startPos && t.comma;
    for (const seq of np ?? EMPTY) {
      const e = matchSeq(r, i, seq, false);
      if (e < 0) continue;
      const n = toks[e + 1];
      if (!n || !sameSent(r, e, e + 1) || !n.comma || n.gap === 3) continue;
      const g = r.text.slice(toks[e]!.end, n.start).trim();
      if (g !== ',') continue;
      const single = seq.length === 1 ? seq[0]! : '';
      const mid = midAfterComma && NOT_PARENTHETICAL_MID.has(single);
      if (!(startPos || afterConjStart || mid)) continue;
      if (single === 'вдруг' && !afterConjStart) continue;
      if (single === 'однако' && !startPos) continue;
      if (insertionFollows(r, e + 1)) continue;
      if (SUBORD.has(n.norm) && n.norm !== 'то' && n.norm !== 'так') continue;
      if (GERUNDISH_RE.test(n.norm) && laterComma(r, e + 1)) continue;
      if ((seq[0] === 'однако' || seq[0] === 'тем') && laterComma(r, e + 1)) continue;
      const phrase = r.text.slice(t.start, toks[e]!.end);
      const commaPos = r.text.indexOf(',', toks[e]!.end);
      push(
        r,
        'punct.parenthetical-extra',
        'warning',
        t.start,
        commaPos + 1,
        `После «${phrase}» запятая не нужна: это не вводное слово.`,
        [phrase],
      );
      break;
    }
    // «Для того чтобы, желе застыло» — a comma right after a conjunction
    for (const cc of cj ?? EMPTY) {
      const e = matchSeq(r, i, cc.words, false);
      if (e < 0) continue;
      const n = toks[e + 1];
      if (!n || !sameSent(r, e, e + 1) || !n.comma || n.gap === 3) continue;
      if (r.text.slice(toks[e]!.end, n.start).trim() !== ',') continue;
      if (insertionFollows(r, e + 1) || COORD.has(n.norm) || n.norm === 'то') continue;
      const phrase = r.text.slice(t.start, toks[e]!.end);
      const commaPos = r.text.indexOf(',', toks[e]!.end);
      push(
        r,
        'punct.comma-after-conj',
        'warning',
        t.start,
        commaPos + 1,
        `После союза «${phrase.toLowerCase()}» запятая не ставится.`,
        [phrase],
      );
      break;
    }
  }
}

/** «Он дрожит, как осиновый лист», «сделано, как попало», «неизвестно, кто»: extra commas in set phrases. */
function ruleIdiomCommas(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot || !t.comma || t.first || t.gap === 3) continue;
    if (r.text.slice(toks[i - 1]!.end, t.start).trim() !== ',') continue;
    const prev = nm(r, i - 1);
    if (t.norm === 'как') {
      if (/^(?:так|такой|такая|такое|такие|таким|такими|таких|тот|та|то|те|том|тем|таков)$/.test(prev)) continue;
      let matched = -1;
      for (const id of IDIOM_KAK_BY_FIRST.get(nm(r, i + 1)) ?? EMPTY) {
        const e = matchSeq(r, i + 1, id, false);
        if (e >= 0 && e > matched) matched = e;
      }
      if (matched >= 0 && bndAfter(r, matched)) {
        const commaPos = toks[i - 1]!.end + r.text.slice(toks[i - 1]!.end, t.start).indexOf(',');
        push(
          r,
          'punct.idiom-comparison',
          'warning',
          toks[i - 1]!.start,
          toks[matched]!.end,
          'Устойчивое сравнение не отделяется запятой.',
          [`${r.text.slice(toks[i - 1]!.start, commaPos)} ${joinTokens(r, i, matched)}`],
        );
        continue;
      }
      if (INTEGRAL_WH.has(nm(r, i + 1)) && !bnd(r, i + 1)) {
        push(
          r,
          'punct.idiom-integral',
          'warning',
          toks[i - 1]!.start,
          toks[i + 1]!.end,
          `Сочетание «как ${nm(r, i + 1)}» — цельное выражение, запятая не нужна.`,
          [`${toks[i - 1]!.text} ${t.text} ${toks[i + 1]!.text}`],
        );
        continue;
      }
      if (/^(?:совсем|почти|прямо|точно|ровно|иначе)$/.test(prev)) {
        const before = nm(r, i - 2);
        const integral = prev !== 'иначе' || before === 'не';
        if (integral) {
          push(
            r,
            'punct.idiom-integral',
            'warning',
            toks[i - 1]!.start,
            t.end,
            `В сочетании «${prev} как» запятая не нужна.`,
            [`${toks[i - 1]!.text} ${t.text}`],
          );
        }
      }
      continue;
    }
    if (/^(?:что|кто|где|куда|когда)$/.test(t.norm) && INTEGRAL_WH.has(nm(r, i + 1)) && !bnd(r, i + 1)) {
      if (EXPLAIN_VERBS.has(prev)) continue;
      push(
        r,
        'punct.idiom-integral',
        'warning',
        toks[i - 1]!.start,
        toks[i + 1]!.end,
        `Сочетание «${t.norm} ${nm(r, i + 1)}» — цельное выражение, запятая не нужна.`,
        [`${toks[i - 1]!.text} ${t.text} ${toks[i + 1]!.text}`],
      );
      continue;
    }
    // «будь, что будет»
    if (prev === 'будь' && t.norm === 'что' && nm(r, i + 1) === 'будет') {
      push(
        r,
        'punct.idiom-integral',
        'warning',
        toks[i - 1]!.start,
        toks[i + 1]!.end,
        '«Будь что будет» — цельное выражение без запятой.',
        [`${toks[i - 1]!.text} ${t.text} ${toks[i + 1]!.text}`],
      );
      continue;
    }
    // «не иначе, как», «не так, чтобы»
    if ((prev === 'иначе' || prev === 'так') && nm(r, i - 2) === 'не' && (t.norm === 'как' || t.norm === 'чтобы')) {
      push(
        r,
        'punct.idiom-integral',
        'warning',
        toks[i - 2]!.start,
        t.end,
        `«Не ${prev} ${t.norm}» — цельное выражение без запятой.`,
        [`${toks[i - 2]!.text} ${toks[i - 1]!.text} ${t.text}`],
      );
      continue;
    }
    // «неизвестно, кто.»
    if (/^(?:кто|что|где|куда|как|когда|откуда|зачем|почему)$/.test(t.norm) && bndAfter(r, i)) {
      for (const h of INDEFINITE_HEADS) {
        const s = i - h.length;
        if (s < 0 || matchSeq(r, s, h, false) !== i - 1) continue;
        push(
          r,
          'punct.idiom-integral',
          'warning',
          toks[s]!.start,
          t.end,
          `«${joinTokens(r, s, i - 1)} ${t.text}» — цельное выражение без запятой.`,
          [`${joinTokens(r, s, i - 1)} ${t.text}`],
        );
        break;
      }
    }
    // «есть, чем заняться», «нашёлся, что ответить»
    if (
      /^(?:что|чем|куда|где|кому|зачем|откуда|о|с)$/.test(t.norm) &&
      /^(?:есть|было|будет|нашелся|нашлась|нашлись|нашлось|найдется|найдутся)$/.test(prev)
    ) {
      const k = t.norm === 'о' || t.norm === 'с' ? i + 1 : i;
      if (k !== i && !/^(?:чем|ком)$/.test(nm(r, k))) continue;
      if (!INF_RE.test(nm(r, k + 1))) continue;
      push(
        r,
        'punct.idiom-integral',
        'warning',
        toks[i - 1]!.start,
        toks[k + 1]!.end,
        'В оборотах вида «есть чем заняться» запятая не ставится.',
        [`${toks[i - 1]!.text} ${joinTokens(r, i, k + 1)}`],
      );
    }
  }
  // «ни свет, ни заря», «и то, и другое»
  for (let i = 0; i < toks.length; i++) {
    for (const id of IDIOM_REP_BY_FIRST.get(toks[i]!.norm) ?? EMPTY) {
      const e = matchSeq(r, i, id, true);
      if (e < 0 || !hasInnerComma(r, i, e)) continue;
      const joined = joinTokens(r, i, e);
      push(
        r,
        'punct.idiom-repeated',
        'warning',
        toks[i]!.start,
        toks[e]!.end,
        `«${joined.toLowerCase()}» — устойчивое выражение, запятая не нужна.`,
        [joined],
      );
    }
  }
}

/** Single-phrase comma rules: «то есть», «в том числе», «таким как», «не кто иной как», «так чтобы». */
function ruleMiscCommas(r: Run): void {
  const toks = r.tok;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot || bnd(r, i)) continue;
    const w = t.norm;
    const p = nm(r, i - 1);
    if (w === 'то' && nm(r, i + 1) === 'есть' && sameSent(r, i, i + 1) && !bnd(r, i + 1) && !bndAfter(r, i + 1)) {
      if (PREPOSITIONS.has(p) || COORD.has(p) || /^(?:если|когда|то|так|бы)$/.test(p)) continue;
      missingCommaBefore(
        r,
        'punct.comma-to-est',
        'warning',
        i,
        i + 1,
        'Перед пояснительным «то есть» ставится запятая.',
      );
      continue;
    }
    if (
      w === 'в' &&
      nm(r, i + 1) === 'том' &&
      nm(r, i + 2) === 'числе' &&
      matchSeq(r, i, ['в', 'том', 'числе'], false) >= 0
    ) {
      if (COORD.has(p) || PREPOSITIONS.has(p) || bndAfter(r, i + 2)) continue;
      missingCommaBefore(
        r,
        'punct.comma-v-tom-chisle',
        'warning',
        i,
        i + 2,
        'Оборот «в том числе» отделяется запятой.',
      );
      continue;
    }
    if (w === 'включая' && !COORD.has(p) && !bndAfter(r, i)) {
      missingCommaBefore(r, 'punct.comma-v-tom-chisle', 'hint', i, i, 'Оборот с «включая» отделяется запятой.');
      continue;
    }
    if (/^(?:такие|таким|таких|такими|такой|такая|такое|такую)$/.test(w) && nm(r, i + 1) === 'как' && !bnd(r, i + 1)) {
      let j = i;
      if (PREPOSITIONS.has(p)) j = i - 1;
      if (j < 1 || bnd(r, j)) continue;
      const pp = nm(r, j - 1);
      if (
        COORD.has(pp) ||
        PREPOSITIONS.has(pp) ||
        VERB_END_RE.test(pp) ||
        /^(?:все|всё|это|они|мы|вы|были|был|была|быть|есть|не)$/.test(pp)
      )
        continue;
      missingCommaBefore(r, 'punct.comma-takoi-kak', 'warning', j, i + 1, `Оборот «${w} как» отделяется запятой.`);
      continue;
    }
    if (
      w === 'как' &&
      /^(?:иной|иная|иное|иные)$/.test(p) &&
      /^(?:кто|что)$/.test(nm(r, i - 2)) &&
      nm(r, i - 3) === 'не'
    ) {
      push(
        r,
        'punct.comma-ne-kto-inoy',
        'warning',
        toks[i - 1]!.start,
        t.end,
        'В обороте «не кто иной, как» перед «как» ставится запятая.',
        [`${toks[i - 1]!.text}, ${t.text}`],
      );
      continue;
    }
    if (w === 'чтобы' && p === 'так' && !bnd(r, i - 1)) {
      const pp = nm(r, i - 2);
      if (!pp || /^(?:не|и|а|но|вот|именно|только|лишь|же)$/.test(pp)) continue;
      push(
        r,
        'punct.comma-subord',
        'warning',
        toks[i - 1]!.start,
        t.end,
        'Перед «чтобы» после «так» ставится запятая.',
        [`${toks[i - 1]!.text}, ${t.text}`],
      );
      continue;
    }
    if (
      w === 'что' &&
      p === 'образом' &&
      nm(r, i - 2) === 'таким' &&
      !bnd(r, i - 1) &&
      !bnd(r, i - 2) &&
      !toks[i - 2]!.first
    ) {
      push(
        r,
        'punct.comma-subord',
        'warning',
        toks[i - 1]!.start,
        t.end,
        'Перед «что» после «таким образом» ставится запятая.',
        [`${toks[i - 1]!.text}, ${t.text}`],
      );
      continue;
    }
    if (w === 'как' && nm(r, i + 1) === 'и' && !bnd(r, i + 1) && PRONOUNS_NOM.has(p) && !bnd(r, i)) {
      let tak = false;
      for (let z = i + 2; z < Math.min(toks.length, i + 12) && sameSent(r, i, z); z++)
        if (nm(r, z) === 'так' && nm(r, z + 1) === 'и') tak = true;
      if (tak) continue;
      missingCommaBefore(r, 'punct.comma-kak-i', 'warning', i, i + 1, 'Оборот «как и …» выделяется запятыми.');
    }
  }
}

/** Address and greeting: «Здравствуйте Анна», «Уважаемые жители завтра …», «Иван принесите». */
const IMPERATIVE_RE = /(?:ите|йте|ись|[^л]и|ай|яй)$/;
const MAIN_CLAUSE_START_RE =
  /^(?:завтра|сегодня|вчера|сейчас|скоро|мы|вы|вам|вас|нам|я|если|когда|чтобы|напоминаем|сообщаем|информируем|приглашаем|просим|уведомляем|поздравляем|обращаем|обращаемся|благодарим|доводим|предупреждаем|обратите|приходите|звоните|пишите|будьте|внимание)$/;

function ruleAddress(r: Run): void {
  const toks = r.tok;
  const isNameTok = (k: number): boolean => {
    const t = toks[k];
    if (!t || !UPPER_RE.test(t.text.charAt(0))) return false;
    return NAMES.has(t.norm) || r.authorNames.has(t.norm);
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.prot) continue;
    const clauseStart = bnd(r, i);
    if (!clauseStart) continue;
    // greeting + address
    for (const g of GREETINGS_BY_FIRST.get(t.norm) ?? EMPTY) {
      const e = matchSeq(r, i, g, false);
      if (e < 0 || bndAfter(r, e)) continue;
      const n = toks[e + 1]!;
      const isThanks = g[0] === 'спасибо' || g[0] === 'благодарим';
      let addressee = false;
      if (isNameTok(e + 1)) addressee = true;
      else if (!isThanks && PRONOUNS_NOM.has(n.norm) && n.norm !== 'это') addressee = true;
      else if (ADDRESS_ADJ.has(n.norm) || ADDRESS_HEADS.has(n.norm)) addressee = true;
      else if (isThanks && /^(?:друзья|коллеги|соседи|ребята|земляки|жители|уважаемые|дорогие)$/.test(n.norm))
        addressee = true;
      if (!addressee) continue;
      push(r, 'punct.address', 'warning', t.start, n.end, 'Обращение после приветствия отделяется запятой.', [
        `${joinTokens(r, i, e)}, ${n.text}`,
      ]);
      break;
    }
    // «Уважаемые жители завтра …»
    if (ADDRESS_ADJ.has(t.norm) && t.first) {
      for (let k = i + 1; k <= i + 3 && k < toks.length; k++) {
        if (bnd(r, k)) break;
        if (!ADDRESS_HEADS.has(nm(r, k)) && !/(?:чане|яне)$/.test(nm(r, k))) continue;
        if (bndAfter(r, k)) break;
        const n = toks[k + 1]!;
        if (!MAIN_CLAUSE_START_RE.test(n.norm)) break;
        push(
          r,
          'punct.address',
          'warning',
          toks[k]!.start,
          n.end,
          'Обращение отделяется запятой или восклицательным знаком.',
          [`${toks[k]!.text}, ${n.text}`, `${toks[k]!.text}! ${capFirst(n.text)}`],
        );
        break;
      }
    }
    // «Иван принесите», «Анна добрый день»
    if (t.first && isNameTok(i) && !bndAfter(r, i)) {
      let k = i;
      if (isNameTok(k + 1) || /(?:вна|вич|ична)$/.test(nm(r, k + 1))) k++;
      if (bndAfter(r, k)) continue;
      const n = toks[k + 1]!;
      const greet = (GREETINGS_BY_FIRST.get(n.norm) ?? EMPTY).some((g) => matchSeq(r, k + 1, g, false) >= 0);
      const imper =
        n.norm.length >= 3 &&
        IMPERATIVE_RE.test(n.norm) &&
        LOWER_CYR_RE.test(n.text.charAt(0)) &&
        !/(?:ли|ни)$/.test(n.norm);
      if (!greet && !imper) continue;
      push(r, 'punct.address', 'warning', t.start, n.end, 'Обращение отделяется запятой.', [
        `${joinTokens(r, i, k)}, ${n.text}`,
      ]);
    }
  }
}

/** A subordinate clause or gerund phrase opens a long sentence that has no comma at all. */
const OPENERS = new Set(['если', 'когда', 'чтобы', 'хотя', 'поскольку']);
const GERUND_START_RE = /(?:ывая|ивая|ясь|вшись|уя|юя|учитывая|являясь)$/;

function ruleOpenerWithoutComma(r: Run): void {
  for (const st of r.sents) {
    if (st.first < 0 || st.question) continue;
    const n = st.last - st.first + 1;
    if (n < 6) continue;
    const w0 = nm(r, st.first);
    const opener = OPENERS.has(w0) || GERUND_START_RE.test(w0);
    if (!opener) continue;
    let anyBnd = false;
    for (let k = st.first + 1; k <= st.last; k++) if (bnd(r, k) || nm(r, k) === 'то') anyBnd = true;
    if (anyBnd) continue;
    const t = r.tok[st.first]!;
    push(
      r,
      'punct.comma-opener',
      'hint',
      t.start,
      t.end,
      'Похоже, после начального придаточного или оборота не хватает запятой.',
      [],
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Phrases (data/phrases.json)
// ---------------------------------------------------------------------------------------------------

interface PhraseEntry {
  id: string;
  find: string;
  replace: string[];
  message: string;
  severity: Severity;
  next?: string;
  notNext?: string;
  notPrev?: string;
  start?: boolean;
  end?: boolean;
  comma?: boolean;
  continues?: boolean;
  noQuestion?: boolean;
  noCorrelative?: string;
  pick?: number;
}

interface CompiledPhrase {
  e: PhraseEntry;
  parts: RegExp[];
  /** Alternatives of each part, to choose a suggestion with `pick`. */
  alts: (string[] | null)[];
  next?: RegExp;
  notNext?: RegExp;
  notPrev?: RegExp;
}

const PHRASES: Map<string, CompiledPhrase[]> = new Map();
const PHRASES_ANY: CompiledPhrase[] = [];

function compilePhrases(): void {
  const data = phrasesJson as unknown as { classes: Record<string, string>; phrases: PhraseEntry[] };
  const cls = (s: string): string => s.replace(/@(\w+)/g, (_, k: string) => data.classes[k] ?? k);
  const toRe = (s: string): RegExp => {
    const src = cls(s);
    return new RegExp(src.startsWith('^') ? src : `^(?:${src})$`, 'u');
  };
  for (const e of data.phrases) {
    const partsSrc = e.find.split(' ');
    const parts: RegExp[] = [];
    const alts: (string[] | null)[] = [];
    for (const p of partsSrc) {
      const norm = p.replace(/ё/g, 'е');
      if (norm.startsWith('@')) {
        parts.push(toRe(norm));
        alts.push(null);
      } else if (norm.startsWith('(')) {
        const inner = norm.slice(1, -1);
        parts.push(new RegExp(`^(?:${inner})$`, 'u'));
        alts.push(inner.split('|'));
      } else {
        parts.push(new RegExp(`^${norm.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'u'));
        alts.push([norm]);
      }
    }
    const c: CompiledPhrase = {
      e,
      parts,
      alts,
      next: e.next ? toRe(e.next) : undefined,
      notNext: e.notNext ? toRe(e.notNext) : undefined,
      notPrev: e.notPrev ? toRe(e.notPrev) : undefined,
    };
    const first = alts[0];
    if (first) {
      for (const f of first) {
        const list = PHRASES.get(f) ?? [];
        list.push(c);
        PHRASES.set(f, list);
      }
    } else PHRASES_ANY.push(c);
  }
  for (const list of PHRASES.values()) list.sort((a, b) => b.parts.length - a.parts.length);
}
compilePhrases();

function rulePhrases(r: Run): void {
  const toks = r.tok;
  let skipUntil = -1;
  for (let i = 0; i < toks.length; i++) {
    if (i <= skipUntil) continue;
    const t = toks[i]!;
    if (t.prot || !t.cyr) continue;
    const cands = PHRASES.get(t.norm);
    if (!cands) continue;
    for (const c of cands) {
      const n = c.parts.length;
      let ok = true;
      for (let k = 0; k < n; k++) {
        const tk = toks[i + k];
        if (!tk || !c.parts[k]!.test(tk.norm) || tk.prot || (k > 0 && (tk.gap !== 0 || tk.first))) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const e = i + n - 1;
      const ent = c.e;
      const next = toks[e + 1] && sameSent(r, e, e + 1) ? toks[e + 1] : undefined;
      const prev = i > 0 && sameSent(r, i - 1, i) ? toks[i - 1] : undefined;
      if (ent.start && !bnd(r, i)) continue;
      if (ent.end && !bndAfter(r, e)) continue;
      if (ent.continues && (!next || bnd(r, e + 1))) continue;
      if (ent.comma) {
        const after = r.text.slice(toks[e]!.end).trimStart();
        if (!after.startsWith(',')) continue;
      }
      if (c.next && !(next && c.next.test(next.norm))) continue;
      if (c.notNext && next && c.notNext.test(next.norm)) continue;
      if (c.notPrev && prev && !bnd(r, i) && c.notPrev.test(prev.norm)) continue;
      if (ent.noQuestion && isQuestion(r, i)) continue;
      if (ent.noCorrelative) {
        let again = false;
        for (let z = e + 1; z <= e + 4 && z < toks.length && sameSent(r, e, z); z++)
          if (nm(r, z) === ent.noCorrelative) again = true;
        if (again) continue;
      }
      const orig = (k: number) => toks[i + k - 1]?.text ?? '';
      let suggestions: string[];
      if (ent.pick) {
        const alt = c.alts[ent.pick - 1];
        const idx = alt ? alt.indexOf(nm(r, i + ent.pick - 1)) : -1;
        const s = ent.replace[Math.max(idx, 0)] ?? ent.replace[0]!;
        suggestions = [s];
      } else {
        suggestions = ent.replace.map((s) => s.replace(/\$(\d)/g, (_, d: string) => orig(Number(d))));
      }
      suggestions = suggestions.map((s) => matchCase(t.text, s));
      push(r, `phrase.${ent.id}`, ent.severity, t.start, toks[e]!.end, ent.message, suggestions);
      skipUntil = e;
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------

const RULES: ((r: Run) => void)[] = [
  ruleSpaceBefore,
  ruleSpaceAfter,
  ruleDoubleSpace,
  ruleMarks,
  ruleDashes,
  ruleRanges,
  ruleQuotes,
  ruleBrackets,
  ruleNumbers,
  ruleAbbr,
  ruleCaps,
  ruleNamesCase,
  ruleSentenceStart,
  ruleIndirectQuote,
  ruleMixedScript,
  ruleDoubleWords,
  ruleConjunctions,
  ruleComplexConj,
  ruleExplainClause,
  ruleToChto,
  ruleCorrelatives,
  ruleVerbPairs,
  ruleGerund,
  ruleParticiple,
  ruleParentheticals,
  ruleExtraCommas,
  ruleIdiomCommas,
  ruleMiscCommas,
  ruleAddress,
  ruleOpenerWithoutComma,
  rulePhrases,
];

/** Punctuation, typography, casing and misspelt phrases. Never throws. */
export function checkPunctuation(ctx: RuleContext): Finding[] {
  const text = typeof ctx?.text === 'string' ? ctx.text : '';
  if (!text) return [];
  let r: Run;
  try {
    const authorNames = new Set<string>();
    const an = ctx.replyTo?.authorName;
    if (typeof an === 'string') for (const w of an.split(/\s+/)) if (w) authorNames.add(normalize(w));
    r = { text, prot: protect(text), out: [], tok: [], sents: [], authorNames };
    buildTokens(r);
  } catch {
    return [];
  }
  for (const rule of RULES) {
    try {
      rule(r);
    } catch {
      // a failing rule is skipped, never the whole family
    }
  }
  // drop findings touching protected text, then de-duplicate (same span: keep the first rule)
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of r.out) {
    if (overlapsProt(r, f.start, f.end)) continue;
    const key = `${f.start}:${f.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
