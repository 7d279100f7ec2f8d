import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../store/db';
import type { Template } from '../store/schema';
import {
  buildTemplatesFile,
  deleteTemplate,
  duplicateTemplate,
  exportAllTemplates,
  exportTemplates,
  importTemplates,
  listTemplates,
  markUsed,
  parseTemplatesFile,
  planTemplateMerge,
  STARTER_SEEDED_KEY,
  saveTemplate,
  seedStarterTemplates,
  TEMPLATES_FILE_FORMAT,
  TemplateImportError,
  TemplateValidationError,
} from './io';
import { STARTER_TEMPLATES } from './starter';

const dbs: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`t-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function tpl(title: string, text: string, extra: Partial<Template> = {}): Omit<Template, 'id'> {
  return { title, text, category: 'по существу', tags: [], useCount: 0, lastUsed: null, builtin: false, ...extra };
}

function file(templates: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: TEMPLATES_FILE_FORMAT, version: 1, templates, ...extra });
}

const XSS = '<img src=x onerror=alert(1)>';

describe('export', () => {
  it('writes the format header and drops ids', () => {
    const out = JSON.parse(exportTemplates([{ ...tpl('А', 'текст'), id: 7 }], Date.UTC(2026, 10, 30)));
    expect(out.format).toBe('gospublic-helper-templates');
    expect(out.version).toBe(1);
    expect(out.exportedAt).toBe('2026-11-30T00:00:00.000Z');
    expect(out.templates).toEqual([tpl('А', 'текст')]);
  });

  it('round-trips through parse', () => {
    const list = [tpl('А', 'текст', { tags: ['x'], useCount: 3, lastUsed: 5 }), tpl('Б', XSS)];
    expect(parseTemplatesFile(exportTemplates(list as Template[]))).toEqual(list);
    expect(parseTemplatesFile(buildTemplatesFile(list as Template[]))).toEqual(list);
  });
});

describe('parseTemplatesFile rejects bad files with a Russian message', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['not JSON', 'это не json {', 'not-json', /не JSON/],
    ['an array', '[]', 'foreign', /не файл шаблонов/],
    ['a foreign file', JSON.stringify({ format: 'briskine', templates: [] }), 'foreign', /не файл шаблонов/],
    ['a wrong version', file([], { version: 2 }), 'version', /Версия файла 2 не поддерживается/],
    ['no list', JSON.stringify({ format: TEMPLATES_FILE_FORMAT, version: 1 }), 'invalid', /нет списка/],
    ['an empty title', file([tpl('', 'текст')]), 'invalid', /шаблон № 1: поле «название»: пустое/],
    [
      'no text',
      file([{ title: 'Без текста', category: 'по существу' }]),
      'invalid',
      /«Без текста».*«текст»: не заполнено/,
    ],
    ['an unknown category', file([tpl('А', 'б', { category: 'спам' as never })]), 'invalid', /неизвестная категория/],
    ['whitespace-only text', file([tpl('А', '   ')]), 'invalid', /пустой текст/],
  ];
  it.each(cases)('%s', (_name, input, code, message) => {
    let error: unknown;
    try {
      parseTemplatesFile(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateImportError);
    expect((error as TemplateImportError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
  });

  it('names the bad item among good ones', () => {
    expect(() => parseTemplatesFile(file([tpl('А', 'б'), tpl('В', 'г'), { title: 'Плохой', text: 5 }]))).toThrow(
      /шаблон № 3 \(«Плохой»\)/,
    );
  });
});

describe('planTemplateMerge', () => {
  const existing: Template[] = [
    { ...tpl('Снег', 'Уберём снег.', { useCount: 2, lastUsed: 10 }), id: 1 },
    { ...tpl('Вода', 'Дадим воду.'), id: 2 },
  ];

  it('keeps one of equal templates with the larger useCount', () => {
    const plan = planTemplateMerge(existing, [tpl('Снег', 'Уберём снег.', { useCount: 9, lastUsed: 5 })]);
    expect(plan.add).toEqual([]);
    expect(plan.update).toEqual([{ id: 1, useCount: 9, lastUsed: 10 }]);
    expect(plan.merged).toBe(1);
  });

  it('does not lower a useCount', () => {
    const plan = planTemplateMerge(existing, [tpl('Снег', 'Уберём снег.', { useCount: 1 })]);
    expect(plan.update).toEqual([]);
  });

  it('adds a different text under a numbered title, once', () => {
    const plan = planTemplateMerge(existing, [tpl('Вода', 'Другой текст.'), tpl('Вода', 'Третий текст.')]);
    expect(plan.add.map((t) => t.title)).toEqual(['Вода (2)', 'Вода (3)']);
    expect(plan.renamed).toBe(2);
    const again = planTemplateMerge(
      [...existing, ...plan.add.map((t, i) => ({ ...t, id: 10 + i }))],
      [tpl('Вода', 'Другой текст.')],
    );
    expect(again.add).toEqual([]);
    expect(again.merged).toBe(1);
  });

  it('merges duplicates inside the file', () => {
    const plan = planTemplateMerge(
      [],
      [tpl('Новое', 'текст', { useCount: 1 }), tpl('Новое', 'текст', { useCount: 4, lastUsed: 3 })],
    );
    expect(plan.add).toEqual([tpl('Новое', 'текст', { useCount: 4, lastUsed: 3 })]);
    expect(plan.merged).toBe(1);
  });

  it('keeps numbered titles within 200 characters', () => {
    const long = 'Д'.repeat(200);
    const plan = planTemplateMerge([{ ...tpl(long, 'а'), id: 1 }], [tpl(long, 'б')]);
    expect(plan.add[0]?.title.length).toBeLessThanOrEqual(200);
    expect(plan.add[0]?.title.endsWith(' (2)')).toBe(true);
  });
});

describe('Dexie functions', () => {
  it('saves, lists by use, duplicates, marks used and deletes', async () => {
    const db = freshDb();
    const a = await saveTemplate(db, tpl('Снег', 'Уберём снег.', { tags: [' снег ', 'Снег', 'зима'] }));
    const b = await saveTemplate(db, tpl('Вода', 'Дадим воду.'));
    await markUsed(db, b, 1000);
    await markUsed(db, b, 2000);
    let list = await listTemplates(db);
    expect(list.map((t) => t.title)).toEqual(['Вода', 'Снег']);
    expect(list[0]).toMatchObject({ useCount: 2, lastUsed: 2000 });
    expect(list[1]?.tags).toEqual(['снег', 'зима']);

    const copy = await duplicateTemplate(db, b);
    const copy2 = await duplicateTemplate(db, b);
    expect((await db.templates.get(copy))?.title).toBe('Вода (копия)');
    expect(await db.templates.get(copy2)).toMatchObject({ title: 'Вода (копия 2)', useCount: 0, lastUsed: null });

    const edited = { ...(await db.templates.get(a))!, text: 'Уберём снег сегодня.' };
    expect(await saveTemplate(db, edited)).toBe(a);
    expect((await db.templates.get(a))?.text).toBe('Уберём снег сегодня.');

    await deleteTemplate(db, copy);
    list = await listTemplates(db);
    expect(list.map((t) => t.title)).toEqual(['Вода', 'Вода (копия 2)', 'Снег']);
    expect((await listTemplates(db, { category: 'благодарность' })).length).toBe(0);
  });

  it('refuses an invalid template with a Russian message', async () => {
    const db = freshDb();
    await expect(saveTemplate(db, tpl('  ', 'текст'))).rejects.toThrow(TemplateValidationError);
    await expect(saveTemplate(db, tpl('Название', ''))).rejects.toThrow(/Шаблон не сохранён: поле «текст»/);
    await expect(duplicateTemplate(db, 999)).rejects.toThrow(/не найден/);
    expect(await db.templates.count()).toBe(0);
  });

  it('seeds the starter set once and never brings deleted ones back', async () => {
    const db = freshDb();
    expect(await seedStarterTemplates(db, 1)).toBe(STARTER_TEMPLATES.length);
    const all = await db.templates.toArray();
    expect(all.every((t) => t.builtin)).toBe(true);
    await db.templates.clear();
    expect(await seedStarterTemplates(db, 2)).toBe(0);
    expect(await db.templates.count()).toBe(0);
    expect((await db.settings.get(STARTER_SEEDED_KEY))?.value).toMatchObject({ version: 1, at: 1 });
    // the shared constant is not touched by Dexie (no ids written into it)
    expect(STARTER_TEMPLATES.every((t) => !('id' in t))).toBe(true);
  });

  it('does not seed a table that already has templates (e.g. restored without the flag)', async () => {
    const db = freshDb();
    await saveTemplate(db, tpl('Мой шаблон', '{обращение} Текст.'));
    expect(await seedStarterTemplates(db)).toBe(0);
    expect(await db.templates.count()).toBe(1);
    expect(await db.settings.get(STARTER_SEEDED_KEY)).toBeTruthy();
  });

  it('imports with merge in one go and is idempotent', async () => {
    const db = freshDb();
    await saveTemplate(db, tpl('Снег', 'Уберём снег.', { useCount: 2 }));
    await saveTemplate(db, tpl('Вода', 'Дадим воду.'));
    const json = file([
      tpl('Снег', 'Уберём снег.', { useCount: 7 }),
      tpl('Вода', 'Совсем другой текст.'),
      tpl('Фонарь', 'Починим фонарь.'),
    ]);
    expect(await importTemplates(db, json)).toEqual({ added: 2, merged: 1, renamed: 1 });
    const titles = (await listTemplates(db)).map((t) => [t.title, t.useCount]);
    expect(titles).toEqual([
      ['Снег', 7],
      ['Вода', 0],
      ['Вода (2)', 0],
      ['Фонарь', 0],
    ]);
    expect(await importTemplates(db, json)).toEqual({ added: 0, merged: 3, renamed: 0 });
    expect(await db.templates.count()).toBe(4);
  });

  it('changes nothing when the file is bad', async () => {
    const db = freshDb();
    await saveTemplate(db, tpl('Снег', 'Уберём снег.'));
    const before = await db.templates.toArray();
    const bad = file([tpl('Новый', 'хороший'), tpl('Плохой', 'x', { useCount: -1 })]);
    await expect(importTemplates(db, bad)).rejects.toThrow(TemplateImportError);
    await expect(importTemplates(db, '{')).rejects.toThrow(/не JSON/);
    await expect(importTemplates(db, file([], { version: 3 }))).rejects.toThrow(/версии 1/);
    expect(await db.templates.toArray()).toEqual(before);
  });

  it('keeps markup as plain text through save, export and import', async () => {
    const db = freshDb();
    await saveTemplate(db, tpl(`Шаблон ${XSS}`, `{обращение} ${XSS} "кавычки" & <b>жирный</b>`));
    const json = await exportAllTemplates(db);
    const other = freshDb();
    await importTemplates(other, json);
    const [t] = await other.templates.toArray();
    expect(t?.title).toBe(`Шаблон ${XSS}`);
    expect(t?.text).toBe(`{обращение} ${XSS} "кавычки" & <b>жирный</b>`);
  });

  it('a full export of the starters re-imports into a fresh database', async () => {
    const db = freshDb();
    await seedStarterTemplates(db);
    const other = freshDb();
    const r = await importTemplates(other, await exportAllTemplates(db));
    expect(r).toEqual({ added: STARTER_TEMPLATES.length, merged: 0, renamed: 0 });
    // seeding afterwards adds nothing: the table is not empty
    expect(await seedStarterTemplates(other)).toBe(0);
    expect(await other.templates.count()).toBe(STARTER_TEMPLATES.length);
  });
});
