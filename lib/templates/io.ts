import type { z } from 'zod';
import type { AppDB } from '../store/db';
import { type Template, templateSchema } from '../store/schema';
import { STARTER_SET_VERSION, STARTER_TEMPLATES } from './starter';

/**
 * Templates in and out: the JSON file format, merging, and the Dexie functions.
 *
 * Template text is data. Nothing here sanitises, parses or renders it: `<img onerror=…>` in a
 * template stays those characters, and the UI shows it as React text, never as HTML.
 */

export const TEMPLATES_FILE_FORMAT = 'gospublic-helper-templates';
export const TEMPLATES_FILE_VERSION = 1;
/** A file with more templates than this is refused. */
export const MAX_IMPORT_TEMPLATES = 5000;
/** Key in the `settings` table: the starter set was added once (value `{ version, at }`). */
export const STARTER_SEEDED_KEY = 'templates.starterSeeded';

export interface TemplatesFile {
  format: typeof TEMPLATES_FILE_FORMAT;
  version: typeof TEMPLATES_FILE_VERSION;
  exportedAt: string;
  templates: Array<Omit<Template, 'id'>>;
}

export type TemplateErrorCode = 'not-json' | 'foreign' | 'version' | 'invalid' | 'too-many';

/** A file or a template that cannot be accepted. `message` is a Russian sentence for the user. */
export class TemplateImportError extends Error {
  readonly code: TemplateErrorCode;
  constructor(code: TemplateErrorCode, message: string) {
    super(message);
    this.name = 'TemplateImportError';
    this.code = code;
  }
}

/** A template that cannot be saved; `message` is Russian. */
export class TemplateValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateValidationError';
  }
}

const itemSchema = templateSchema.omit({ id: true });

// ---------------------------------------------------------------------------------------------
// Export

/** The export file as an object (ids dropped: they mean nothing in another browser). */
export function buildTemplatesFile(templates: readonly Template[], now: number = Date.now()): TemplatesFile {
  return {
    format: TEMPLATES_FILE_FORMAT,
    version: TEMPLATES_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    templates: templates.map(({ id: _id, ...rest }) => ({ ...rest, tags: [...rest.tags] })),
  };
}

/** The export file as pretty JSON text, ready for a download. */
export function exportTemplates(templates: readonly Template[], now: number = Date.now()): string {
  return `${JSON.stringify(buildTemplatesFile(templates, now), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Validation messages

const FIELD_NAMES: Record<string, string> = {
  title: 'название',
  text: 'текст',
  category: 'категория',
  tags: 'метки',
  useCount: 'счётчик использований',
  lastUsed: 'дата использования',
  builtin: 'признак встроенного шаблона',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.find((p) => typeof p === 'string' && p in FIELD_NAMES) as string | undefined;
  const what = field ? `поле «${FIELD_NAMES[field]}»` : 'запись';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${what}: не заполнено` : `${what}: неверный тип значения`;
    case 'too_small':
      return field === 'title' || field === 'text' ? `${what}: пустое` : `${what}: слишком маленькое значение`;
    case 'too_big':
      return `${what}: слишком длинное или слишком много значений`;
    case 'invalid_value':
      return field === 'category' ? `${what}: неизвестная категория` : `${what}: недопустимое значение`;
    default:
      return `${what}: недопустимое значение`;
  }
}

function titleOf(raw: unknown): string {
  if (raw && typeof raw === 'object' && typeof (raw as { title?: unknown }).title === 'string') {
    const t = ((raw as { title: string }).title || '').trim();
    if (t) return ` («${t.length > 40 ? `${t.slice(0, 40)}…` : t}»)`;
  }
  return '';
}

/** Validates one template (for the editor); throws TemplateValidationError with a Russian message. */
export function validateTemplate(input: unknown): Template {
  const r = templateSchema.safeParse(input);
  if (r.success) {
    const t = r.data;
    if (!t.title.trim()) throw new TemplateValidationError('У шаблона должно быть название.');
    if (!t.text.trim()) throw new TemplateValidationError('Текст шаблона пустой.');
    return { ...t, title: t.title.trim(), tags: normalizeTags(t.tags) };
  }
  const issues = r.error.issues.slice(0, 3).map(describeIssue);
  throw new TemplateValidationError(`Шаблон не сохранён: ${issues.join('; ')}.`);
}

function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const t = tag.trim();
    const key = t.toLowerCase().replace(/ё/g, 'е');
    if (t && !seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import: parse and validate

/**
 * Parses and checks an export file (text or an already parsed object). Returns the templates
 * without ids. Throws TemplateImportError with a clear Russian message; nothing is changed.
 */
export function parseTemplatesFile(input: string | unknown): Array<Omit<Template, 'id'>> {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw new TemplateImportError(
        'not-json',
        'Файл не прочитать: это не JSON. Выберите файл, сохранённый кнопкой «Экспорт шаблонов».',
      );
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new TemplateImportError('foreign', 'Это не файл шаблонов «Помощника госпаблика».');
  }
  const obj = data as Record<string, unknown>;
  if (obj.format !== TEMPLATES_FILE_FORMAT) {
    throw new TemplateImportError('foreign', 'Это не файл шаблонов «Помощника госпаблика».');
  }
  if (obj.version !== TEMPLATES_FILE_VERSION) {
    const v = typeof obj.version === 'number' || typeof obj.version === 'string' ? ` ${obj.version}` : '';
    throw new TemplateImportError(
      'version',
      `Версия файла${v} не поддерживается: расширение читает файлы шаблонов версии ${TEMPLATES_FILE_VERSION}. ` +
        'Обновите расширение или сохраните шаблоны заново.',
    );
  }
  if (!Array.isArray(obj.templates)) {
    throw new TemplateImportError('invalid', 'В файле нет списка шаблонов.');
  }
  if (obj.templates.length > MAX_IMPORT_TEMPLATES) {
    throw new TemplateImportError(
      'too-many',
      `В файле ${obj.templates.length} шаблонов, а за один раз можно загрузить не больше ${MAX_IMPORT_TEMPLATES}.`,
    );
  }
  const out: Array<Omit<Template, 'id'>> = [];
  const problems: string[] = [];
  obj.templates.forEach((raw, i) => {
    const r = itemSchema.safeParse(raw);
    if (!r.success) {
      problems.push(`шаблон № ${i + 1}${titleOf(raw)}: ${describeIssue(r.error.issues[0]!)}`);
      return;
    }
    if (!r.data.title.trim() || !r.data.text.trim()) {
      problems.push(`шаблон № ${i + 1}${titleOf(raw)}: ${r.data.title.trim() ? 'пустой текст' : 'пустое название'}`);
      return;
    }
    out.push({ ...r.data, title: r.data.title.trim(), tags: normalizeTags(r.data.tags) });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` и ещё ${problems.length - 5}` : '';
    throw new TemplateImportError(
      'invalid',
      `Файл не загружен: в нём есть ошибки (${shown}${more}). Исправьте файл или сохраните шаблоны заново.`,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import: merge

export interface MergePlan {
  /** New templates to add, titles already made unique. */
  add: Array<Omit<Template, 'id'>>;
  /** Existing templates whose usage grows (same title and text, the file had a larger useCount). */
  update: Array<{ id: number; useCount: number; lastUsed: number | null }>;
  /** How many file templates matched an existing one (same title and text). */
  merged: number;
  /** How many were added under a new title («Название (2)»). */
  renamed: number;
}

export interface ImportResult {
  added: number;
  merged: number;
  renamed: number;
}

const sameKey = (title: string, text: string) => `${title.trim().normalize('NFC')}\u0000${text.normalize('NFC')}`;
const titleKey = (title: string) => title.trim().normalize('NFC');

function maxNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function numberedTitle(title: string, n: number): string {
  const suffix = ` (${n})`;
  const room = 200 - suffix.length;
  return (title.length > room ? title.slice(0, room).trimEnd() : title) + suffix;
}

/**
 * Plans an import. Same title and text → one template, with the larger useCount (and the later lastUsed);
 * same title, different text → added as «Название (2)», «(3)»… — unless that numbered copy already
 * has the same text (importing one file twice adds nothing). Duplicates inside the file merge too.
 */
export function planTemplateMerge(
  existing: readonly Template[],
  incoming: ReadonlyArray<Omit<Template, 'id'>>,
): MergePlan {
  type Slot = {
    id?: number;
    useCount: number;
    lastUsed: number | null;
    addIndex?: number;
    origUse: number;
    origLast: number | null;
  };
  const byKey = new Map<string, Slot>();
  const titles = new Set<string>();
  for (const t of existing) {
    titles.add(titleKey(t.title));
    const k = sameKey(t.title, t.text);
    if (!byKey.has(k)) {
      byKey.set(k, { id: t.id, useCount: t.useCount, lastUsed: t.lastUsed, origUse: t.useCount, origLast: t.lastUsed });
    }
  }
  const add: Array<Omit<Template, 'id'>> = [];
  let merged = 0;
  let renamed = 0;

  const mergeInto = (slot: Slot, t: Omit<Template, 'id'>) => {
    merged++;
    if (t.useCount > slot.useCount) slot.useCount = t.useCount;
    slot.lastUsed = maxNullable(slot.lastUsed, t.lastUsed);
    if (slot.addIndex !== undefined) {
      const a = add[slot.addIndex]!;
      add[slot.addIndex] = { ...a, useCount: slot.useCount, lastUsed: slot.lastUsed };
    }
  };

  for (const t of incoming) {
    const direct = byKey.get(sameKey(t.title, t.text));
    if (direct) {
      mergeInto(direct, t);
      continue;
    }
    let title = t.title.trim();
    if (titles.has(titleKey(title))) {
      let found: Slot | undefined;
      for (let n = 2; ; n++) {
        const candidate = numberedTitle(title, n);
        const slot = byKey.get(sameKey(candidate, t.text));
        if (slot) {
          found = slot;
          break;
        }
        if (!titles.has(titleKey(candidate))) {
          title = candidate;
          break;
        }
      }
      if (found) {
        mergeInto(found, t);
        continue;
      }
      renamed++;
    }
    const item = { ...t, title };
    titles.add(titleKey(title));
    byKey.set(sameKey(title, t.text), {
      useCount: item.useCount,
      lastUsed: item.lastUsed,
      addIndex: add.length,
      origUse: item.useCount,
      origLast: item.lastUsed,
    });
    add.push(item);
  }

  const update: MergePlan['update'] = [];
  for (const slot of byKey.values()) {
    if (slot.id === undefined) continue;
    if (slot.useCount !== slot.origUse || slot.lastUsed !== slot.origLast) {
      update.push({ id: slot.id, useCount: slot.useCount, lastUsed: slot.lastUsed });
    }
  }
  return { add, update, merged, renamed };
}

// ---------------------------------------------------------------------------------------------
// Dexie

/** All templates, most used first (useCount, lastUsed, title). */
export async function listTemplates(db: AppDB, options: { category?: Template['category'] } = {}): Promise<Template[]> {
  const all = options.category
    ? await db.templates.where('category').equals(options.category).toArray()
    : await db.templates.toArray();
  return all.sort((a, b) => {
    if (b.useCount !== a.useCount) return b.useCount - a.useCount;
    const la = a.lastUsed ?? -1;
    const lb = b.lastUsed ?? -1;
    if (lb !== la) return lb - la;
    return a.title.localeCompare(b.title, 'ru');
  });
}

export async function getTemplate(db: AppDB, id: number): Promise<Template | undefined> {
  return db.templates.get(id);
}

/**
 * Adds (no id) or replaces (with id) a template after validation. Returns the id.
 * Throws TemplateValidationError (Russian message) for a bad template.
 */
export async function saveTemplate(db: AppDB, template: Template | Omit<Template, 'id'>): Promise<number> {
  const t = validateTemplate(template);
  if (t.id !== undefined) {
    await db.templates.put(t);
    return t.id;
  }
  const { id: _id, ...rest } = t;
  return (await db.templates.add(rest as Template)) as number;
}

/** Copies a template as «Название (копия)», a user template with zero uses. Returns the new id. */
export async function duplicateTemplate(db: AppDB, id: number): Promise<number> {
  return db.transaction('rw', db.templates, async () => {
    const src = await db.templates.get(id);
    if (!src) throw new TemplateValidationError('Шаблон не найден: возможно, его уже удалили.');
    const titles = new Set((await db.templates.toArray()).map((t) => titleKey(t.title)));
    const base = src.title.trim();
    let title = `${base.slice(0, 190)} (копия)`;
    for (let n = 2; titles.has(titleKey(title)); n++) title = `${base.slice(0, 185)} (копия ${n})`;
    const { id: _id, ...rest } = src;
    return (await db.templates.add({
      ...rest,
      tags: [...rest.tags],
      title,
      useCount: 0,
      lastUsed: null,
      builtin: false,
    } as Template)) as number;
  });
}

export async function deleteTemplate(db: AppDB, id: number): Promise<void> {
  await db.templates.delete(id);
}

/** Counts one use of a template (for «most used first»). */
export async function markUsed(db: AppDB, id: number, now: number = Date.now()): Promise<void> {
  await db.templates
    .where('id')
    .equals(id)
    .modify((t) => {
      t.useCount += 1;
      t.lastUsed = now;
    });
}

/**
 * Adds the starter templates once per database: a flag in `settings` remembers it, so templates
 * the user deleted never come back. Only an empty template table is seeded — a table that already
 * has templates (restored from a backup that did not carry the flag) just gets the flag.
 * Returns how many were added (0 when seeded before or not empty).
 */
export async function seedStarterTemplates(db: AppDB, now: number = Date.now()): Promise<number> {
  return db.transaction('rw', db.templates, db.settings, async () => {
    if (await db.settings.get(STARTER_SEEDED_KEY)) return 0;
    let added = 0;
    if ((await db.templates.count()) === 0) {
      await db.templates.bulkAdd(STARTER_TEMPLATES.map((t) => ({ ...t, tags: [...t.tags] }) as Template));
      added = STARTER_TEMPLATES.length;
    }
    await db.settings.put({ key: STARTER_SEEDED_KEY, value: { version: STARTER_SET_VERSION, at: now } });
    return added;
  });
}

/**
 * Imports an export file into the database in one transaction. The file is checked completely
 * first: a bad file throws TemplateImportError (Russian message) and changes nothing.
 */
export async function importTemplates(db: AppDB, json: string | unknown): Promise<ImportResult> {
  const incoming = parseTemplatesFile(json);
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.toArray();
    const plan = planTemplateMerge(existing, incoming);
    for (const u of plan.update) {
      await db.templates.update(u.id, { useCount: u.useCount, lastUsed: u.lastUsed });
    }
    if (plan.add.length > 0) await db.templates.bulkAdd(plan.add.map((t) => ({ ...t }) as Template));
    return { added: plan.add.length, merged: plan.merged, renamed: plan.renamed };
  });
}

/** Every template of the database as an export file (JSON text). */
export async function exportAllTemplates(db: AppDB, now: number = Date.now()): Promise<string> {
  return exportTemplates(await listTemplates(db), now);
}
