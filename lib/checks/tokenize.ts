/** Word and sentence segmentation with UTF-16 offsets. Pure, no dependencies. */

export interface Token {
  /** The word exactly as in the text (may contain inner hyphens and apostrophes). */
  text: string;
  /** Lower case with ё folded to е, for dictionary look-ups. */
  norm: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

// A word: letters (Cyrillic, Latin), digits, combining marks; inner hyphens/apostrophes allowed.
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu;

export function normalize(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    out.push({ text: m[0], norm: normalize(m[0]), start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** Common abbreviations after which a full stop does not end a sentence. */
const ABBREV = new Set([
  'г',
  'гг',
  'ст',
  'п',
  'пп',
  'ч',
  'т',
  'д',
  'ул',
  'пр',
  'им',
  'обл',
  'р',
  'руб',
  'коп',
  'тыс',
  'млн',
  'млрд',
  'с',
  'стр',
  'рис',
  'см',
  'напр',
  'т.е',
  'т.д',
  'т.п',
  'др',
  'пр',
  'н',
  'кв',
  'корп',
  'стр',
  'мкр',
  'пос',
  'дер',
  'с.п',
  'гр',
  'тел',
  'каб',
  'эт',
  'мин',
  'сек',
  'ок',
  'прим',
  'зам',
  'нач',
  'ред',
  'изд',
  'вып',
  '№',
  'янв',
  'февр',
  'сент',
  'окт',
  'нояб',
  'дек',
  'пер',
  'просп',
  'пл',
  'наб',
  'ш',
]);

/**
 * Sentence spans. A sentence ends at . ! ? … or a blank line, except after common
 * abbreviations («ст.», «г.», «т. е.») and initials («А. С. Пушкин»).
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number) => {
    // trim whitespace
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch === '!' || ch === '?' || ch === '…' || ch === '.') {
      // absorb runs like "?!", "...", closing quotes/brackets
      let j = i + 1;
      while (j < n && /[.!?…»")\]]/.test(text[j] ?? '')) j++;
      if (ch === '.' && j === i + 1) {
        const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 8), i));
        const word = before ? before[1]!.toLowerCase() : '';
        if (ABBREV.has(word)) continue;
        // initials: single capital letter
        if (/^\p{Lu}$/u.test(word)) continue;
        // decimal number or numbering like 12.8
        if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      }
      // must be followed by whitespace/end to end a sentence
      if (j < n && !/\s/.test(text[j] ?? '')) {
        i = j - 1;
        continue;
      }
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(n);
  return out;
}

/** Paragraph spans, split on blank lines (or single newlines when `single` is set). */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((p) => text.slice(p.start, p.end).trim().length > 0);
}
