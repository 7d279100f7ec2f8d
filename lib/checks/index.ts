import { checkCitations } from './citations';
import { checkGreeting } from './greeting';
import { checkKantselyarit } from './kantselyarit';
import { DEFAULT_PRESET_ID, getPreset } from './presets';
import { checkPunctuation } from './punctuation';
import type { Speller } from './spelling';
import { checkStructure } from './structure';
import { tokenize } from './tokenize';
import { assessTone } from './tone';
import type { Category, CheckOptions, CheckResult, Finding, Preset, RuleContext } from './types';

export type { Category, CheckOptions, CheckResult, Finding, Mode, Preset, PresetId, Summary } from './types';

export const CATEGORIES: readonly Category[] = ['spelling', 'style', 'tone', 'citations', 'greeting', 'punctuation'];

/** Texts longer than this are checked up to the limit; the rest gets one hint (keeps typing responsive). */
export const MAX_CHECK_LENGTH = 100_000;

let defaultSpeller: Speller | null = null;
/** Sets the spell checker `check()` uses when none is passed (the background sets it once it has loaded). */
export function setDefaultSpeller(s: Speller | null): void {
  defaultSpeller = s;
}

const WEIGHT: Record<Finding['severity'], number> = { error: 1, warning: 0.6, hint: 0.2 };
const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, hint: 2 };

/**
 * Score 0–10 like Главред: 10 for a clean text, lower with the density of problems per word.
 * Whole-text problems (press-release tone, too many citations, no greeting) weigh as much as
 * several local ones; the citation limit counts once however many acts are highlighted.
 */
export function score(findings: readonly Finding[], words: number): number {
  let weighted = 0;
  let citationsCounted = false;
  for (const f of findings) {
    if (f.rule === 'citations.over-limit') {
      if (!citationsCounted) weighted += 2;
      citationsCounted = true;
    } else if (f.category === 'tone' || f.rule === 'greeting.missing') weighted += 2 * WEIGHT[f.severity];
    else weighted += WEIGHT[f.severity];
  }
  if (weighted === 0) return 10;
  // problems per 30 words; one warning in a short reply ≈ 8.8, five problems in it ≈ 3
  const per = weighted / Math.max(1, words / 30);
  return Math.round(100 * Math.exp(-0.22 * per)) / 10;
}

function resolvePreset(p: CheckOptions['preset']): Preset {
  if (!p) return getPreset(DEFAULT_PRESET_ID);
  return typeof p === 'string' ? getPreset(p) : p;
}

/** Runs every rule family one after another; a failing family is skipped, never the whole check. */
function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/**
 * Checks a draft. Deterministic; never throws on any string.
 * Offsets in the result are UTF-16 indices into `text` exactly as given.
 */
export function check(text: string, options: CheckOptions = {}, speller: Speller | null = defaultSpeller): CheckResult {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const checked = input.length > MAX_CHECK_LENGTH ? input.slice(0, MAX_CHECK_LENGTH) : input;
  const preset = resolvePreset(options.preset);
  const mode = options.mode ?? 'post';
  const userWords = new Set<string>();
  for (const w of options.userWords ?? []) userWords.add(w.toLowerCase().replace(/ё/g, 'е'));
  const ctx: RuleContext = { text: checked, mode, preset, replyTo: options.replyTo, userWords };

  const citations = safe(() => checkCitations(ctx), {
    count: 0,
    limit: preset.citationLimit,
    acts: [],
    findings: [] as Finding[],
  });
  const greeting = safe(() => checkGreeting(ctx), { required: false, present: true, findings: [] as Finding[] });
  const tone = safe(() => assessTone(ctx), {
    tone: { pressRelease: 0, verdict: 'conversational' as const, reasons: [] },
    findings: [] as Finding[],
  });

  let findings: Finding[] = [
    ...safe(() => (speller ? speller.check(ctx) : []), [] as Finding[]),
    ...safe(() => checkKantselyarit(ctx), [] as Finding[]),
    ...safe(() => checkStructure(ctx), [] as Finding[]),
    ...tone.findings,
    ...citations.findings,
    ...greeting.findings,
    ...safe(() => checkPunctuation(ctx), [] as Finding[]),
  ];

  if (input.length > MAX_CHECK_LENGTH) {
    findings.push({
      rule: 'text.too-long',
      category: 'style',
      severity: 'hint',
      start: MAX_CHECK_LENGTH,
      end: input.length,
      message: `Текст длиннее ${MAX_CHECK_LENGTH.toLocaleString('ru-RU')} знаков: дальше проверка не идёт. Для соцсетей такой текст слишком длинный.`,
      suggestions: [],
    });
  }

  if (options.suggest && speller) {
    for (const f of findings) {
      if (f.category === 'spelling' && f.suggestions.length === 0) {
        f.suggestions = safe(() => speller.suggest(checked.slice(f.start, f.end)), [] as string[]);
      }
    }
  }

  const disabled = new Set(options.disabledRules ?? []);
  if (disabled.size) {
    findings = findings.filter(
      (f) => !disabled.has(f.rule) && !disabled.has(f.rule.split('.')[0] ?? '') && !disabled.has(f.category),
    );
  }
  // valid spans only, in text order; two families reporting the same span with the same fix are one finding
  findings = findings
    .filter((f) => f.start >= 0 && f.end <= input.length && f.start <= f.end)
    .sort(
      (a, b) =>
        a.start - b.start ||
        a.end - b.end ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.rule.localeCompare(b.rule),
    );
  findings = findings.filter((f, i) => {
    const prev = findings[i - 1];
    return !(
      prev &&
      prev.start === f.start &&
      prev.end === f.end &&
      prev.suggestions.join('|') === f.suggestions.join('|') &&
      prev.rule.split('.').pop() === f.rule.split('.').pop()
    );
  });

  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const f of findings) counts[f.category]++;
  const partial = {
    tone: tone.tone,
    citations: { count: citations.count, limit: citations.limit, acts: citations.acts },
    greeting: { required: greeting.required, present: greeting.present },
  };
  const words = tokenize(checked).length;
  return { findings, summary: { ...partial, counts, score: score(findings, words) } };
}
