import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../checks/index';
import { getPreset } from '../checks/presets';
import type { CheckResult } from '../checks/types';
import { AppDB } from '../store/db';
import { addPage, setSetting } from '../store/queries';
import { saveTemplate } from '../templates/io';
import { STARTER_TEMPLATES } from '../templates/starter';
import { handleMessage } from './background-handler';
import { STRICTEST_PRESET_ID, type StoredTemplate, strictestPreset, type TemplatesContext } from './templates';

const opened: AppDB[] = [];
function fresh(): AppDB {
  const db = new AppDB(`t-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete().catch(() => undefined);
  }
});

async function ask<T>(db: AppDB, msg: unknown): Promise<T> {
  const r = await handleMessage(db, msg, { tabId: 1 });
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}

describe('templates-* messages', () => {
  it('templates-list seeds the starter set once and lists the most used first', async () => {
    const db = fresh();
    const first = await ask<StoredTemplate[]>(db, { type: 'templates-list' });
    expect(first).toHaveLength(STARTER_TEMPLATES.length);
    const id = first.find((t) => t.title === 'Уточните адрес')!.id;
    expect(await ask(db, { type: 'templates-mark-used', id })).toBe(true);
    const second = await ask<StoredTemplate[]>(db, { type: 'templates-list' });
    expect(second).toHaveLength(STARTER_TEMPLATES.length);
    expect(second[0]).toMatchObject({ id, useCount: 1 });
    expect(second[0]!.lastUsed).toBeGreaterThan(0);
    const thanks = await ask<StoredTemplate[]>(db, { type: 'templates-list', category: 'благодарность' });
    expect(thanks.length).toBeGreaterThan(0);
    expect(thanks.every((t) => t.category === 'благодарность')).toBe(true);
  });

  it('a deleted starter never comes back', async () => {
    const db = fresh();
    const list = await ask<StoredTemplate[]>(db, { type: 'templates-list' });
    await db.templates.clear();
    expect(await ask<StoredTemplate[]>(db, { type: 'templates-list' })).toEqual([]);
    expect(list.length).toBeGreaterThan(0);
  });

  it('templates-context gives the registry data and the page preset, or none for an unknown page', async () => {
    const db = fresh();
    await addPage(db, {
      network: 'vk',
      communityId: '123',
      address: 'https://vk.com/club123',
      name: 'Администрация Энского района',
      presetId: 'plastunovskaya',
      organization: 'администрация Энского района',
      phone: '8 (800) 123-45-67',
      site: 'ensk.example.ru',
    });
    await setSetting(db, 'timeZone', 'Asia/Tomsk');
    const known = await ask<TemplatesContext>(db, { type: 'templates-context', network: 'vk', communityId: '123' });
    expect(known).toEqual({
      page: {
        name: 'Администрация Энского района',
        organization: 'администрация Энского района',
        phone: '8 (800) 123-45-67',
        site: 'ensk.example.ru',
      },
      preset: { id: 'plastunovskaya', name: getPreset('plastunovskaya').name, finalReplyWorkingDays: 7 },
      timeZone: 'Asia/Tomsk',
    });
    const unknown = await ask<TemplatesContext>(db, { type: 'templates-context', network: 'ok', communityId: '555' });
    expect(unknown.page).toBeNull();
    const none = await ask<TemplatesContext>(db, { type: 'templates-context' });
    expect(none.page).toBeNull();
    expect(none.preset.id).toBe('custom');
  });

  it('templates-check runs the engine with the page preset, the strictest preset or a chosen one', async () => {
    const db = fresh();
    const text = 'В целях информирования сообщаем, что работы осуществляются.';
    const byPage = await ask<CheckResult>(db, {
      type: 'templates-check',
      text,
      mode: 'reply',
      network: 'vk',
      communityId: '9',
    });
    expect(byPage).toEqual(
      check(text, { mode: 'reply', preset: getPreset('custom'), userWords: [], disabledRules: [] }),
    );
    const strict = await ask<CheckResult>(db, {
      type: 'templates-check',
      text,
      mode: 'reply',
      presetId: STRICTEST_PRESET_ID,
    });
    expect(strict.summary.greeting).toEqual({ required: true, present: false });
    const kants = strict.findings.filter((f) => f.rule.startsWith('kants.'));
    expect(kants.length).toBeGreaterThan(0);
    expect(kants.every((f) => f.severity === 'error')).toBe(true);
    const tomsk = await ask<CheckResult>(db, { type: 'templates-check', text, mode: 'reply', presetId: 'tomsk' });
    expect(tomsk.summary.greeting.required).toBe(false);
    // the user's switched-off rules are respected
    await setSetting(db, 'disabledRules', [kants[0]!.rule]);
    const quiet = await ask<CheckResult>(db, {
      type: 'templates-check',
      text,
      mode: 'reply',
      presetId: STRICTEST_PRESET_ID,
    });
    expect(quiet.findings.some((f) => f.rule === kants[0]!.rule)).toBe(false);
  });

  it('the strictest preset takes the strictest value of every regulation', () => {
    const p = strictestPreset();
    expect(p).toMatchObject({
      id: 'strictest',
      greetingRequired: true,
      citationLimit: 2,
      kantselyaritSeverity: 'error',
      pressReleaseSeverity: 'error',
      finalReplyWorkingDays: 7,
    });
    // clauses come from acts that really set the requirement (errors, not our defaults)
    expect(p.clauses.greetingRequired).toMatch(/^00[03]/);
    expect(p.clauses.citationLimit).toMatch(/^003/);
  });

  it('rejects malformed template messages and changes nothing', async () => {
    const db = fresh();
    const id = await saveTemplate(db, {
      title: 'a',
      text: 'b',
      category: 'другое',
      tags: [],
      useCount: 0,
      lastUsed: null,
      builtin: false,
    });
    for (const bad of [
      { type: 'templates-mark-used', id: -1 },
      { type: 'templates-mark-used', id: '1' },
      { type: 'templates-check', text: 'x', mode: 'shout' },
      { type: 'templates-check', text: 'x'.repeat(20_001), mode: 'reply' },
      { type: 'templates-context', network: 'fb' },
      { type: 'templates-list', category: 'спам' },
      { type: 'templates-drop-all' },
    ]) {
      const r = await handleMessage(db, bad, {});
      expect(r.ok, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
    expect((await db.templates.get(id))?.useCount).toBe(0);
  });
});
