/**
 * Public types of the rule engine. Pure data: no DOM, no browser API.
 * Offsets (`start`, `end`) are UTF-16 code-unit indices into the exact input string.
 */

export type Mode = 'post' | 'reply' | 'message';

export type Category =
  | 'spelling'
  | 'style' // канцелярит, штампы, jargon, structure
  | 'tone' // press-release tone
  | 'citations'
  | 'greeting'
  | 'punctuation'; // punctuation and typography, misspelt phrases

export type Severity = 'error' | 'warning' | 'hint';

export interface Finding {
  /** Stable rule id, e.g. `kants.v-celyah`, `spelling.unknown`, `citations.over-limit`. */
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  /** One plain Russian sentence. */
  message: string;
  /** Replacements for text[start, end); may be empty. */
  suggestions: string[];
}

export interface CitedAct {
  text: string;
  start: number;
  end: number;
  /** Normalised identity: type + issuer + date + number. Equal keys = one act. */
  key: string;
}

export interface ToneVerdict {
  /** Probability 0..1 that the text is written as a press release. */
  pressRelease: number;
  verdict: 'conversational' | 'mixed' | 'press-release';
  /** Top reasons in plain Russian, most important first. */
  reasons: string[];
}

export interface Summary {
  /** 0..10, clean text scores 10 (like Главред). */
  score: number;
  tone: ToneVerdict;
  citations: { count: number; limit: number; acts: CitedAct[] };
  greeting: { required: boolean; present: boolean };
  counts: Record<Category, number>;
}

export interface CheckResult {
  findings: Finding[];
  summary: Summary;
}

export type PresetId = 'valuyki' | 'novoaltaysk' | 'pyatigorsk' | 'plastunovskaya' | 'tomsk' | 'custom';

export interface Clause {
  /** Regulation file in ../shared/regulations and clause, e.g. "003, прил. 1 п. 7". */
  source: string;
}

export interface Preset {
  id: PresetId | string;
  /** Russian name shown to the user. */
  name: string;
  municipality: string;
  weeklyQuota: number;
  citationLimit: number;
  greetingRequired: boolean;
  /** How loudly style problems are reported. */
  kantselyaritSeverity: Severity;
  pressReleaseSeverity: Severity;
  replyDeadlineHours: number;
  urgentReplyDeadlineHours: number;
  finalReplyWorkingDays: number;
  /** Where each value comes from. */
  clauses: Partial<
    Record<
      | 'weeklyQuota'
      | 'citationLimit'
      | 'greetingRequired'
      | 'kantselyarit'
      | 'pressRelease'
      | 'replyDeadline'
      | 'spelling',
      string
    >
  >;
}

export interface CheckOptions {
  mode?: Mode;
  preset?: Preset | PresetId;
  replyTo?: { authorName?: string };
  userWords?: readonly string[];
  disabledRules?: readonly string[];
  /** Compute spelling suggestions (slow). Off by default; the UI asks on demand. */
  suggest?: boolean;
}

/** A rule family: gets the text and context, returns findings. Never throws. */
export interface RuleContext {
  text: string;
  mode: Mode;
  preset: Preset;
  replyTo?: { authorName?: string };
  userWords: ReadonlySet<string>;
}
