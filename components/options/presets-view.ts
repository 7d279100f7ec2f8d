import { getPreset, isOwnDefault, PRESET_IDS } from '@/lib/checks/presets';
import type { Preset, PresetId, Severity } from '@/lib/checks/types';
import { pluralRu } from '@/lib/quota/weeks';
import type { Settings } from '@/lib/store/settings';

/** How a rule family reports a problem, in words. */
export const SEVERITY_TEXT: Record<Severity, string> = {
  error: 'ошибка',
  warning: 'замечание',
  hint: 'совет',
};

export const SEVERITY_OPTIONS: ReadonlyArray<{ value: Severity; label: string }> = [
  { value: 'error', label: 'Ошибка (красным, предупреждать перед публикацией)' },
  { value: 'warning', label: 'Замечание' },
  { value: 'hint', label: 'Совет (не навязчиво)' },
];

/** The preset with the user's own values for «Свой профиль». */
export function resolvePreset(id: string | null | undefined, settings: Pick<Settings, 'customPreset'>): Preset {
  if (id === 'custom' && settings.customPreset) return settings.customPreset;
  return getPreset(id ?? 'custom');
}

/** Every preset the user can choose: the five regulations, then «Свой профиль». */
export function presetChoices(settings: Pick<Settings, 'customPreset'>): Preset[] {
  return PRESET_IDS.map((id) => resolvePreset(id, settings));
}

export function presetName(id: string, settings: Pick<Settings, 'customPreset'>): string {
  if (!(PRESET_IDS as readonly string[]).includes(id)) return `неизвестный регламент «${id}»`;
  return resolvePreset(id as PresetId, settings).name;
}

export const posts = (n: number) => `${n} ${pluralRu(n, 'пост', 'поста', 'постов')}`;
const hours = (n: number) => `${n} ${pluralRu(n, 'рабочий час', 'рабочих часа', 'рабочих часов')}`;
const days = (n: number) => `${n} ${pluralRu(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}`;

export interface SummaryRow {
  key: string;
  label: string;
  value: string;
  /** Clause of the regulation (or «наше значение по умолчанию: …»). */
  clause?: string;
  ownDefault: boolean;
}

/** A preset as rows «что — значение — откуда». */
export function summaryRows(p: Preset): SummaryRow[] {
  const c = p.clauses ?? {};
  const row = (key: string, label: string, value: string, clause: string | undefined): SummaryRow => ({
    key,
    label,
    value,
    clause,
    ownDefault: isOwnDefault(clause),
  });
  return [
    row(
      'weeklyQuota',
      'Постов в неделю',
      `не меньше ${p.weeklyQuota} ${pluralRu(p.weeklyQuota, 'поста', 'постов', 'постов')}`,
      c.weeklyQuota,
    ),
    row(
      'citationLimit',
      'Ссылок на НПА в одном тексте',
      `не больше ${p.citationLimit} ${pluralRu(p.citationLimit, 'акта', 'актов', 'актов')}`,
      c.citationLimit,
    ),
    row(
      'greetingRequired',
      'Приветствие в ответах',
      p.greetingRequired ? 'обязательно' : 'не требуется',
      c.greetingRequired,
    ),
    row(
      'replyDeadline',
      'Сроки ответа',
      `${hours(p.replyDeadlineHours)}, срочно — ${hours(p.urgentReplyDeadlineHours)}, окончательный ответ — ${days(p.finalReplyWorkingDays)}`,
      c.replyDeadline,
    ),
    row('kantselyarit', 'Канцелярит', SEVERITY_TEXT[p.kantselyaritSeverity], c.kantselyarit),
    row('pressRelease', 'Тон пресс-релиза', SEVERITY_TEXT[p.pressReleaseSeverity], c.pressRelease),
    ...(c.spelling ? [row('spelling', 'Орфография и пунктуация', 'проверяются', c.spelling)] : []),
  ];
}

/** One line for a card: «3 поста в неделю · НПА ≤ 2 · приветствие обязательно · ответ за 8 ч». */
export function shortSummary(p: Preset): string {
  return [
    `${posts(p.weeklyQuota)} в неделю`,
    `НПА — не больше ${p.citationLimit}`,
    p.greetingRequired ? 'приветствие обязательно' : 'приветствие не требуется',
    `ответ — за ${hours(p.replyDeadlineHours)}`,
  ].join(' · ');
}

/** Regulation files of ../shared/regulations by preset, and their names in the genitive case. */
const FILE_OF: Record<string, string> = {
  valuyki: '000',
  novoaltaysk: '001',
  pyatigorsk: '002',
  plastunovskaya: '003',
  tomsk: '004',
};
const GENITIVE: Record<string, string> = {
  '000': 'Валуйского городского округа',
  '001': 'Новоалтайска',
  '002': 'Пятигорска',
  '003': 'Пластуновского сельского поселения',
  '004': 'Томского района',
};

/**
 * A clause as a reader sees it: the preset's own file number is dropped («Положение п. 12.3: …»),
 * other numbers become names («как в регламенте Пластуновского сельского поселения, прил. 1 п. 7»).
 */
export function humanClause(clause: string, presetId: string): string {
  const own = FILE_OF[presetId];
  return clause
    .replace(/(^|;\s*)(00[0-4]), /g, (_m, pre: string, file: string) =>
      file === own ? pre : `${pre}регламент ${GENITIVE[file] ?? file}, `,
    )
    .replace(
      /в (00[0-4]) и (00[0-4])\b/g,
      (_m, a: string, b: string) => `в регламентах ${GENITIVE[a] ?? a} и ${GENITIVE[b] ?? b}`,
    )
    .replace(/в (00[0-4])\b/g, (_m, a: string) => `в регламенте ${GENITIVE[a] ?? a}`);
}
