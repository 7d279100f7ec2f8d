import { z } from 'zod';
import { presetSchema } from '../checks/presets';
import { isValidTimeZone } from '../quota/weeks';

/**
 * The settings table is a key → value store; these are the known keys and the zod schema of each
 * value. `getSetting` / `setSetting` (queries.ts) and the backup import validate with them.
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Working time for reply deadlines. Default: Mon–Fri 9:00–18:00, public holidays of the RF off. */
export const workingHoursSchema = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).max(7),
    start: hhmm,
    end: hhmm,
    /** Treat the public holidays (and moved working days) of the Russian Federation as days off. */
    russianHolidays: z.boolean(),
  })
  .refine((v) => v.start < v.end, { message: 'start must be before end', path: ['end'] });
export type WorkingHours = z.output<typeof workingHoursSchema>;

export const settingSchemas = {
  /** IANA zone for weeks and deadlines; `null` = the browser's zone (see `resolveTimeZone`). */
  timeZone: z
    .string()
    .max(64)
    .refine((v) => isValidTimeZone(v), 'unknown time zone')
    .nullable(),
  /** Preset chosen at onboarding; `null` = not chosen yet. */
  defaultPresetId: z.string().min(1).max(64).nullable(),
  /** Warn before publishing a post that has errors. */
  prePublishWarning: z.boolean(),
  /** Rule ids switched off by the user, e.g. `kants.v-celyah`. */
  disabledRules: z.array(z.string().min(1).max(100)).max(1000),
  /** Host names where the checker stays silent, e.g. `ok.ru`. */
  disabledSites: z.array(z.string().min(1).max(253)).max(200),
  /** Preset per page, key `network:communityId` (see `pageRefKey`), value a preset id. */
  presetByPage: z.record(z.string().regex(/^(vk|ok):\S{1,64}$/), z.string().min(1).max(64)),
  /** The user's own preset, or `null`. */
  customPreset: presetSchema.nullable(),
  workingHours: workingHoursSchema,
  /** The starter templates were seeded once (so deleted ones don't come back, also after a restore). */
  'templates.starterSeeded': z.object({ version: z.number(), at: z.number() }).nullable(),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;
export type Settings = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];

const DEFAULTS: Settings = {
  timeZone: null,
  defaultPresetId: null,
  prePublishWarning: true,
  disabledRules: [],
  disabledSites: [],
  presetByPage: {},
  customPreset: null,
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', russianHolidays: true },
  'templates.starterSeeded': null,
};

/** A fresh copy of the default value (safe to mutate). */
export function settingDefault<K extends SettingKey>(key: K): SettingValue<K> {
  return structuredClone(DEFAULTS[key]);
}

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

/** Key of `presetByPage`: `vk:123`. */
export function pageRefKey(network: 'vk' | 'ok', communityId: string): string {
  return `${network}:${communityId}`;
}
