/**
 * The five municipal regulations as data, plus an editable «свой профиль».
 *
 * Every value names its source in `clauses`: the regulation file number (000–004, see
 * ../shared/regulations), the clause, and a short verbatim quote in «…». The test suite checks that each
 * quote is really in that file and sits under that clause. Values an act does not set are our defaults;
 * their clause says so with `OWN_DEFAULT` (rules then report a `warning`, not an `error`).
 */
import { z } from 'zod';
import type { Preset, PresetId, Severity } from './types';

/** Marker of a value the regulation does not set: the product's default. */
export const OWN_DEFAULT = 'наше значение по умолчанию';

/** True when a clause describes our default rather than a requirement of the act. */
export function isOwnDefault(clause: string | undefined): boolean {
  return !clause || clause.includes(OWN_DEFAULT);
}

const DEFAULT_CITATIONS = `${OWN_DEFAULT}: акт не ограничивает цитирование НПА; 2 — как в 003, прил. 1 п. 7`;
const DEFAULT_DEADLINES = `${OWN_DEFAULT}: акт не задаёт сроки ответа; 8 / 4 рабочих часа и 7 рабочих дней — как в 003, прил. 2 п. 8, 17, 18`;
const NO_GREETING_RULE = `${OWN_DEFAULT}: акт не требует приветствия в ответах`;

const valuyki: Preset = {
  id: 'valuyki',
  name: 'Валуйский городской округ',
  municipality: 'Валуйский городской округ (Белгородская область)',
  weeklyQuota: 3,
  citationLimit: 2,
  greetingRequired: true,
  kantselyaritSeverity: 'warning',
  pressReleaseSeverity: 'warning',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {
    weeklyQuota: '000, Положение п. 12.3: «не реже трёх раз в неделю»',
    citationLimit: DEFAULT_CITATIONS,
    greetingRequired:
      '000, Положение, абзац после п. 12.3 (нумерация утрачена): «Ответ на сообщение должен быть корректным, содержать приветствие»',
    kantselyarit:
      '000, Положение п. 12.3: «Не рекомендуется публиковать информацию в формате пресс-релизов, использовать канцеляризмы»',
    pressRelease: '000, Положение п. 12.3: «Не рекомендуется публиковать информацию в формате пресс-релизов»',
    replyDeadline: DEFAULT_DEADLINES,
  },
};

const novoaltaysk: Preset = {
  id: 'novoaltaysk',
  name: 'Город Новоалтайск',
  municipality: 'город Новоалтайск (Алтайский край)',
  weeklyQuota: 8,
  citationLimit: 2,
  greetingRequired: false,
  kantselyaritSeverity: 'error',
  pressReleaseSeverity: 'error',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {
    weeklyQuota: '001, Порядок п. 2.1: «не менее 8 публикаций в неделю»',
    citationLimit: DEFAULT_CITATIONS,
    greetingRequired: NO_GREETING_RULE,
    kantselyarit:
      '001, Порядок п. 2.3: «Не допускается публикация информации в формате пресс-релизов, использование канцеляризмов»',
    pressRelease: '001, Порядок п. 2.3: «Не допускается публикация информации в формате пресс-релизов»',
    replyDeadline: DEFAULT_DEADLINES,
  },
};

const pyatigorsk: Preset = {
  id: 'pyatigorsk',
  name: 'Город Пятигорск',
  municipality: 'город-курорт Пятигорск (Ставропольский край)',
  weeklyQuota: 3,
  citationLimit: 2,
  greetingRequired: false,
  kantselyaritSeverity: 'error',
  pressReleaseSeverity: 'warning',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {
    weeklyQuota: '002, Порядок п. 15: «не менее 3 публикаций в неделю»',
    citationLimit: DEFAULT_CITATIONS,
    greetingRequired: NO_GREETING_RULE,
    kantselyarit:
      '002, Порядок п. 18: «без использования канцеляризмов, шаблонов и сложной профессиональной терминологии»',
    pressRelease: `${OWN_DEFAULT}: акт не упоминает пресс-релизы; 002, Порядок п. 18 требует «стиль, характерный для общения в социальных сетях»`,
    replyDeadline: DEFAULT_DEADLINES,
    spelling: '002, Порядок п. 17: «в соответствии с правилами орфографии и пунктуации»',
  },
};

const plastunovskaya: Preset = {
  id: 'plastunovskaya',
  name: 'Пластуновское сельское поселение',
  municipality: 'Пластуновское сельское поселение Динского района (Краснодарский край)',
  weeklyQuota: 2,
  citationLimit: 2,
  greetingRequired: true,
  // Posts: «не рекомендуется» (прил. 1 п. 7); replies: «должен» and a draft is sent back (прил. 2 п. 14, 20).
  kantselyaritSeverity: 'error',
  pressReleaseSeverity: 'warning',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {
    weeklyQuota: '003, прил. 1 п. 5: «не менее 2 публикаций в неделю»',
    citationLimit:
      '003, прил. 1 п. 7: «не более двух на одну публикацию»; прил. 2 п. 20: «избыточного цитирования нормативных правовых актов (не более двух)»',
    greetingRequired: '003, прил. 2 п. 14: «отсутствие приветствия автора инцидента»',
    kantselyarit:
      '003, прил. 2 п. 20: «Ответ на сообщение в социальных сетях должен соответствовать формату общения в социальной сети (отсутствие канцеляризма»; в постах прил. 1 п. 7: «Не рекомендуется публиковать информацию в формате пресс-релизов, использовать канцеляризм»',
    pressRelease: '003, прил. 1 п. 7: «Не рекомендуется публиковать информацию в формате пресс-релизов»',
    replyDeadline:
      '003, прил. 2 п. 8: «не позднее 8 рабочих часов с момента его выявления»; п. 17: «не позднее 4 рабочих часов»; п. 18: «не более 7 рабочих дней со дня направления промежуточного ответа»',
    spelling: '003, прил. 2 п. 14: «наличие орфографических и пунктуационных ошибок»',
  },
};

const tomsk: Preset = {
  id: 'tomsk',
  name: 'Томский район',
  municipality: 'Томский район (Томская область)',
  weeklyQuota: 3,
  citationLimit: 2,
  greetingRequired: false,
  kantselyaritSeverity: 'warning',
  pressReleaseSeverity: 'warning',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {
    weeklyQuota: '004, Порядок п. 8: «рекомендуется размещать не менее трех публикаций в неделю»',
    citationLimit: DEFAULT_CITATIONS,
    greetingRequired: `${NO_GREETING_RULE}; п. 5: «размещают ответы на них»`,
    kantselyarit: `${OWN_DEFAULT}: акт не упоминает канцеляризмы; п. 7: «письменная разговорная речь»`,
    pressRelease: '004, Порядок п. 7: «не рекомендуется размещать информацию в формате пресс-релизов»',
    replyDeadline: DEFAULT_DEADLINES,
  },
};

const custom: Preset = {
  id: 'custom',
  name: 'Свой профиль',
  municipality: '',
  weeklyQuota: 3,
  citationLimit: 2,
  greetingRequired: true,
  kantselyaritSeverity: 'warning',
  pressReleaseSeverity: 'warning',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {
    weeklyQuota: `${OWN_DEFAULT}: 3 публикации в неделю, как в большинстве регламентов`,
    citationLimit: DEFAULT_CITATIONS,
    greetingRequired: `${OWN_DEFAULT}: приветствие в ответах, как в 000 и 003`,
    kantselyarit: `${OWN_DEFAULT}: предупреждение`,
    pressRelease: `${OWN_DEFAULT}: предупреждение`,
    replyDeadline: DEFAULT_DEADLINES,
  },
};

export const PRESETS: Record<PresetId, Preset> = {
  valuyki,
  novoaltaysk,
  pyatigorsk,
  plastunovskaya,
  tomsk,
  custom,
};

export const PRESET_IDS: readonly PresetId[] = Object.freeze(Object.keys(PRESETS) as PresetId[]);

export const DEFAULT_PRESET_ID: PresetId = 'custom';

function isPresetId(id: string): id is PresetId {
  return Object.hasOwn(PRESETS, id);
}

/** The preset with this id; an unknown id gives the custom defaults. Never throws. */
export function getPreset(id: string): Preset {
  const key = typeof id === 'string' && isPresetId(id) ? id : 'custom';
  return PRESETS[key];
}

/** Severity of the citation-limit rule: `error` when the act itself sets the limit. */
export function citationSeverity(preset: Preset): Severity {
  return isOwnDefault(preset.clauses?.citationLimit) ? 'warning' : 'error';
}

const severitySchema = z.enum(['error', 'warning', 'hint']);
const clauseSchema = z.string().max(300);

/**
 * Validates a user-made preset (imported from a file or built on the options page); also the schema of
 * the stored «свой профиль» (`customPreset` in lib/store/settings).
 */
export const presetSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    municipality: z.string().max(300),
    weeklyQuota: z.number().int().min(0).max(100),
    citationLimit: z.number().int().min(0).max(100),
    greetingRequired: z.boolean(),
    kantselyaritSeverity: severitySchema,
    pressReleaseSeverity: severitySchema,
    replyDeadlineHours: z.number().positive().max(1000),
    urgentReplyDeadlineHours: z.number().positive().max(1000),
    finalReplyWorkingDays: z.number().int().min(1).max(365),
    clauses: z
      .object({
        weeklyQuota: clauseSchema,
        citationLimit: clauseSchema,
        greetingRequired: clauseSchema,
        kantselyarit: clauseSchema,
        pressRelease: clauseSchema,
        replyDeadline: clauseSchema,
        spelling: clauseSchema,
      })
      .partial()
      .default({}),
  })
  .refine((p) => p.urgentReplyDeadlineHours <= p.replyDeadlineHours, {
    message: 'Срок ответа на срочное сообщение не может быть больше обычного',
    path: ['urgentReplyDeadlineHours'],
  });

// Compile-time check: a validated preset is a Preset.
const _presetCompatible = (p: z.output<typeof presetSchema>): Preset => p;
void _presetCompatible;
