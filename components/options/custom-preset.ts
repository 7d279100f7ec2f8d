import { z } from 'zod';
import { PRESETS, presetSchema } from '@/lib/checks/presets';
import type { Preset, Severity } from '@/lib/checks/types';

/** The clause fields of a preset, in the order of the form. */
export const CLAUSE_FIELDS = [
  ['weeklyQuota', 'Квота постов'],
  ['citationLimit', 'Ссылки на НПА'],
  ['greetingRequired', 'Приветствие'],
  ['replyDeadline', 'Сроки ответа'],
  ['kantselyarit', 'Канцелярит'],
  ['pressRelease', 'Пресс-релизы'],
  ['spelling', 'Орфография и пунктуация'],
] as const;
export type ClauseKey = (typeof CLAUSE_FIELDS)[number][0];

/** What the editor holds: numbers as typed (strings), so a half-typed value is never lost. */
export interface CustomPresetForm {
  name: string;
  municipality: string;
  weeklyQuota: string;
  citationLimit: string;
  greetingRequired: boolean;
  kantselyaritSeverity: Severity;
  pressReleaseSeverity: Severity;
  replyDeadlineHours: string;
  urgentReplyDeadlineHours: string;
  finalReplyWorkingDays: string;
  clauses: Record<ClauseKey, string>;
}
export type FormField = Exclude<keyof CustomPresetForm, 'clauses'> | `clauses.${ClauseKey}`;

export const FIELD_LABEL: Record<FormField, string> = {
  name: 'Название профиля',
  municipality: 'Муниципальное образование',
  weeklyQuota: 'Постов в неделю, не меньше',
  citationLimit: 'Ссылок на НПА в одном тексте, не больше',
  greetingRequired: 'Приветствие в ответах обязательно',
  kantselyaritSeverity: 'Канцелярит отмечать как',
  pressReleaseSeverity: 'Тон пресс-релиза отмечать как',
  replyDeadlineHours: 'Срок ответа, рабочих часов',
  urgentReplyDeadlineHours: 'Срок ответа на срочное сообщение, рабочих часов',
  finalReplyWorkingDays: 'Окончательный ответ, рабочих дней',
  ...(Object.fromEntries(CLAUSE_FIELDS.map(([k, label]) => [`clauses.${k}`, `Пункт регламента: ${label}`])) as Record<
    `clauses.${ClauseKey}`,
    string
  >),
};

export function presetToForm(
  p: Preset,
  overrides: Partial<Pick<Preset, 'name' | 'municipality'>> = {},
): CustomPresetForm {
  const c = p.clauses ?? {};
  return {
    name: overrides.name ?? p.name,
    municipality: overrides.municipality ?? p.municipality,
    weeklyQuota: String(p.weeklyQuota),
    citationLimit: String(p.citationLimit),
    greetingRequired: p.greetingRequired,
    kantselyaritSeverity: p.kantselyaritSeverity,
    pressReleaseSeverity: p.pressReleaseSeverity,
    replyDeadlineHours: String(p.replyDeadlineHours),
    urgentReplyDeadlineHours: String(p.urgentReplyDeadlineHours),
    finalReplyWorkingDays: String(p.finalReplyWorkingDays),
    clauses: Object.fromEntries(CLAUSE_FIELDS.map(([k]) => [k, c[k] ?? ''])) as Record<ClauseKey, string>,
  };
}

export const DEFAULT_CUSTOM_FORM = (): CustomPresetForm => presetToForm(PRESETS.custom);

const NUMBER = { error: 'Введите число' };
const whole = (min: number, max: number) =>
  z.number(NUMBER).int('Нужно целое число').min(min, `Не меньше ${min}`).max(max, `Не больше ${max}`);
const hours = z.number(NUMBER).positive('Должно быть больше нуля').max(1000, 'Не больше 1000');
const severity = z.enum(['error', 'warning', 'hint'], { error: 'Выберите вариант из списка' });
const clause = z.string().trim().max(300, 'Не длиннее 300 знаков');

/**
 * The editor's schema with Russian messages. It is at least as strict as `presetSchema`
 * (lib/checks/presets), which is also the stored schema; that one is checked again on save.
 */
export const customPresetFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Укажите название').max(200, 'Не длиннее 200 знаков'),
    municipality: z.string().trim().max(300, 'Не длиннее 300 знаков'),
    weeklyQuota: whole(0, 100),
    citationLimit: whole(0, 100),
    greetingRequired: z.boolean(),
    kantselyaritSeverity: severity,
    pressReleaseSeverity: severity,
    replyDeadlineHours: hours,
    urgentReplyDeadlineHours: hours,
    finalReplyWorkingDays: whole(1, 365),
    clauses: z.object(Object.fromEntries(CLAUSE_FIELDS.map(([k]) => [k, clause])) as Record<ClauseKey, typeof clause>),
  })
  .refine((p) => p.urgentReplyDeadlineHours <= p.replyDeadlineHours, {
    message: 'Срок ответа на срочное сообщение не может быть больше обычного',
    path: ['urgentReplyDeadlineHours'],
  });

function toNumber(s: string): number | undefined {
  const t = s.trim().replace(',', '.');
  return t === '' ? undefined : Number(t);
}

export type FormErrors = Partial<Record<FormField, string>>;

/** The preset to store, or the first error of every field (Russian, for the form). */
export function validateCustomPreset(form: CustomPresetForm): { preset: Preset } | { errors: FormErrors } {
  const raw = {
    ...form,
    weeklyQuota: toNumber(form.weeklyQuota),
    citationLimit: toNumber(form.citationLimit),
    replyDeadlineHours: toNumber(form.replyDeadlineHours),
    urgentReplyDeadlineHours: toNumber(form.urgentReplyDeadlineHours),
    finalReplyWorkingDays: toNumber(form.finalReplyWorkingDays),
  };
  const parsed = customPresetFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') as FormField;
      if (field in FIELD_LABEL && !errors[field]) errors[field] = issue.message;
    }
    if (Object.keys(errors).length === 0) errors.name = 'Проверьте значения полей';
    return { errors };
  }
  const d = parsed.data;
  const clauses: Preset['clauses'] = {};
  for (const [k] of CLAUSE_FIELDS) if (d.clauses[k]) clauses[k] = d.clauses[k];
  const preset: Preset = { ...d, id: 'custom', clauses };
  // Belt and braces: the engine's (and store's) own schema must accept it too.
  const stored = presetSchema.safeParse(preset);
  if (!stored.success) return { errors: { name: 'Профиль не прошёл проверку: проверьте значения полей' } };
  return { preset: stored.data };
}
