/**
 * The tiny pattern language of the канцелярит lexicon (lib/checks/data/kantselyarit.json).
 * Shared by the run-time matcher and by scripts/gen-lexicon-forms.ts. Pure, no dependencies.
 *
 * A pattern is a list of word slots separated by spaces:
 *   - `a|b|c`      alternatives; a bare word is one literal word form («в», «целях»);
 *   - `*лемма`     every form of the lemma (expanded by the generator with az: «*принять» matches
 *                  «приняли», «примут»…); `*лемма:PRTS` keeps only forms with that part of speech;
 *   - `?слот`      the slot may be absent («довести до ?вашего сведения»);
 *   - `слово,`     a comma may stand after this word («в связи с тем, что» also matches without it);
 *   - `т.`         the word is an abbreviation followed by a full stop («и т. д.»).
 * Between two slots only whitespace is allowed (plus the comma or full stop above).
 */

export type GapKind = 'space' | 'comma' | 'dot';

export interface PatternAlt {
  kind: 'lemma' | 'form';
  /** Lemma key as written (with `:POS` filter) for `lemma`; normalised word form for `form`. */
  value: string;
}

export interface PatternSlot {
  optional: boolean;
  alts: PatternAlt[];
  /** What may stand between this slot and the next one (and, for `dot`, after the last one). */
  after: GapKind;
}

const normalizeForm = (w: string): string => w.toLowerCase().replace(/ё/g, 'е');

export function parsePattern(pattern: string): PatternSlot[] {
  const slots: PatternSlot[] = [];
  for (const raw of pattern.trim().split(/\s+/)) {
    if (!raw) continue;
    let s = raw;
    let optional = false;
    if (s.startsWith('?')) {
      optional = true;
      s = s.slice(1);
    }
    let after: GapKind = 'space';
    const alts: PatternAlt[] = [];
    for (let alt of s.split('|')) {
      if (alt.endsWith(',')) {
        after = 'comma';
        alt = alt.slice(0, -1);
      } else if (alt.endsWith('.')) {
        after = 'dot';
        alt = alt.slice(0, -1);
      }
      if (!alt) continue;
      if (alt.startsWith('*')) alts.push({ kind: 'lemma', value: lemmaKey(alt.slice(1)) });
      else alts.push({ kind: 'form', value: normalizeForm(alt) });
    }
    if (alts.length) slots.push({ optional, alts, after });
  }
  return slots;
}

/** Canonical key of a lemma reference: lower case, ё kept as written, `:POS` filter kept. */
export function lemmaKey(ref: string): string {
  const i = ref.indexOf(':');
  return i < 0 ? ref.toLowerCase() : `${ref.slice(0, i).toLowerCase()}:${ref.slice(i + 1).toUpperCase()}`;
}

/** Lemma references inside a replacement string («*делать», «*мусорный *площадка»). */
export function replacementLemmas(replacement: string): string[] {
  return replacement
    .split(/\s+/)
    .filter((w) => w.startsWith('*'))
    .map((w) => lemmaKey(w.slice(1)));
}
