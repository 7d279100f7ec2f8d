import { z } from 'zod';
import { check } from '../checks/index';
import { getPreset, isOwnDefault, PRESETS } from '../checks/presets';
import type { Speller } from '../checks/spelling';
import type { CheckResult, Preset, Severity } from '../checks/types';
import { resolveTimeZone } from '../quota/weeks';
import type { AppDB } from '../store/db';
import { presetFor } from '../store/page-preset';
import { findPage, getSetting, listWords } from '../store/queries';
import { networkSchema, type Template, templateCategorySchema } from '../store/schema';
import { listTemplates, markUsed, seedStarterTemplates } from '../templates/io';
import type { Response } from './messages';

/**
 * Messages of reply templates (the picker in the page and in the popup, the template editor's checks).
 * Added to the request union in messages.ts and routed here by background-handler.ts.
 *
 * A content script never opens IndexedDB: in the page, the picker lists templates, gets the fill context
 * (the registry's organization / phone / site and the preset's deadline), checks the filled text and
 * counts a use through these messages.
 */

/** `presetId` of `templates-check` for the strictest combination of all regulations (template editor). */
export const STRICTEST_PRESET_ID = 'strictest';

const modeSchema = z.enum(['reply', 'message', 'post']);
const communitySchema = z.string().max(64);

export const templatesRequestSchemas = [
  z.object({ type: z.literal('templates-ping') }),
  /** All templates, most used first. Seeds the starter set first if the background has not yet. */
  z.object({ type: z.literal('templates-list'), category: templateCategorySchema.optional() }),
  /** What the picker fills from: the registered page (if any), the preset's deadline, the time zone. */
  z.object({
    type: z.literal('templates-context'),
    network: networkSchema.optional(),
    communityId: communitySchema.optional(),
  }),
  /**
   * Checks a filled template (or a template in the editor) with the engine and the spell checker.
   * Preset: `presetId` when given (`strictest` or a preset id), else the page's preset, else the default.
   */
  z.object({
    type: z.literal('templates-check'),
    text: z.string().max(20_000),
    mode: modeSchema,
    network: networkSchema.optional(),
    communityId: communitySchema.optional(),
    presetId: z.string().min(1).max(64).optional(),
    authorName: z.string().max(200).optional(),
  }),
  /** One use of a template (inserted or copied). */
  z.object({ type: z.literal('templates-mark-used'), id: z.number().int().positive() }),
] as const;
export type TemplatesRequest = z.infer<(typeof templatesRequestSchemas)[number]>;

/** A template as stored (it has an id). */
export type StoredTemplate = Template & { id: number };

/** Answer of `templates-context`. */
export interface TemplatesContext {
  /** The page from the registry, or `null` when the community is not registered. */
  page: { name: string; organization: string; phone: string; site: string } | null;
  preset: { id: string; name: string; finalReplyWorkingDays: number };
  /** IANA zone for {дата} and {срок}. */
  timeZone: string;
}

export interface TemplatesHandlerDeps {
  /** The background's spell checker (resolves once loaded; `null` when unavailable). */
  speller?: () => Promise<Speller | null>;
}

let deps: TemplatesHandlerDeps = {};
/** The background passes its spell checker once at start, so checks here wait for it like `check` does. */
export function configureTemplatesHandler(d: TemplatesHandlerDeps): void {
  deps = d;
}

const seeded = new WeakMap<AppDB, Promise<number>>();
/** Seeds the starter templates once per database and worker (the flag in `settings` keeps it once ever). */
export function ensureStarterTemplates(db: AppDB): Promise<number> {
  let p = seeded.get(db);
  if (!p) {
    p = seedStarterTemplates(db).catch((e: unknown) => {
      seeded.delete(db);
      throw e;
    });
    seeded.set(db, p);
  }
  return p;
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, warning: 1, error: 2 };
const strongest = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);

/**
 * The strictest combination of the regulations' presets: the smallest citation limit, a greeting required,
 * the loudest severity for канцелярит and press-release tone, the shortest deadlines. Clauses are taken
 * from a regulation that really sets each requirement, so the rules report errors, not our defaults.
 */
export function strictestPreset(): Preset {
  const acts = Object.values(PRESETS).filter((p) => p.id !== 'custom');
  let out: Preset = { ...acts[0]!, clauses: {} };
  for (const p of acts) {
    out = {
      ...out,
      weeklyQuota: Math.max(out.weeklyQuota, p.weeklyQuota),
      citationLimit: Math.min(out.citationLimit, p.citationLimit),
      greetingRequired: out.greetingRequired || p.greetingRequired,
      kantselyaritSeverity: strongest(out.kantselyaritSeverity, p.kantselyaritSeverity),
      pressReleaseSeverity: strongest(out.pressReleaseSeverity, p.pressReleaseSeverity),
      replyDeadlineHours: Math.min(out.replyDeadlineHours, p.replyDeadlineHours),
      urgentReplyDeadlineHours: Math.min(out.urgentReplyDeadlineHours, p.urgentReplyDeadlineHours),
      finalReplyWorkingDays: Math.min(out.finalReplyWorkingDays, p.finalReplyWorkingDays),
    };
  }
  const clauses: Preset['clauses'] = {};
  for (const key of ['citationLimit', 'greetingRequired', 'kantselyarit', 'pressRelease', 'spelling'] as const) {
    const from = acts.find((p) => {
      const c = p.clauses[key];
      if (!c || isOwnDefault(c)) return false;
      if (key === 'greetingRequired') return p.greetingRequired;
      if (key === 'kantselyarit') return p.kantselyaritSeverity === out.kantselyaritSeverity;
      if (key === 'pressRelease') return p.pressReleaseSeverity === out.pressReleaseSeverity;
      if (key === 'citationLimit') return p.citationLimit === out.citationLimit;
      return true;
    });
    if (from) clauses[key] = from.clauses[key];
  }
  return { ...out, id: STRICTEST_PRESET_ID, name: 'Самые строгие требования', municipality: '', clauses };
}

async function resolvePreset(db: AppDB, msg: { presetId?: string; network?: 'vk' | 'ok'; communityId?: string }) {
  if (msg.presetId === STRICTEST_PRESET_ID) return strictestPreset();
  if (msg.presetId === 'custom') return (await getSetting(db, 'customPreset')) ?? getPreset('custom');
  if (msg.presetId) return getPreset(msg.presetId);
  return presetFor(db, msg.network, msg.communityId ?? '');
}

export async function handleTemplatesMessage(
  db: AppDB,
  msg: TemplatesRequest,
  _sender: { tabId?: number; url?: string },
): Promise<Response> {
  switch (msg.type) {
    case 'templates-ping':
      return { ok: true, data: 'pong' };
    case 'templates-list': {
      await ensureStarterTemplates(db).catch(() => 0);
      const list = await listTemplates(db, msg.category ? { category: msg.category } : {});
      return { ok: true, data: list };
    }
    case 'templates-context': {
      const [page, preset, tz] = await Promise.all([
        msg.network && msg.communityId ? findPage(db, msg.network, msg.communityId) : Promise.resolve(undefined),
        resolvePreset(db, { network: msg.network, communityId: msg.communityId }),
        getSetting(db, 'timeZone'),
      ]);
      const context: TemplatesContext = {
        page: page ? { name: page.name, organization: page.organization, phone: page.phone, site: page.site } : null,
        preset: { id: String(preset.id), name: preset.name, finalReplyWorkingDays: preset.finalReplyWorkingDays },
        timeZone: resolveTimeZone(tz),
      };
      return { ok: true, data: context };
    }
    case 'templates-check': {
      const [preset, userWords, disabledRules, speller] = await Promise.all([
        resolvePreset(db, msg),
        listWords(db),
        getSetting(db, 'disabledRules'),
        deps.speller ? deps.speller() : Promise.resolve(undefined),
      ]);
      const options = {
        mode: msg.mode,
        preset,
        replyTo: msg.authorName ? { authorName: msg.authorName } : undefined,
        userWords,
        disabledRules,
      };
      // without configured deps, check() uses the speller the background set as default (if loaded)
      const result: CheckResult = speller === undefined ? check(msg.text, options) : check(msg.text, options, speller);
      return { ok: true, data: result };
    }
    case 'templates-mark-used':
      await markUsed(db, msg.id);
      return { ok: true, data: true };
  }
}
