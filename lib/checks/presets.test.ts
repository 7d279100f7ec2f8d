import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  citationSeverity,
  DEFAULT_PRESET_ID,
  getPreset,
  isOwnDefault,
  OWN_DEFAULT,
  PRESET_IDS,
  PRESETS,
  presetSchema,
} from './presets';
import type { PresetId } from './types';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REG_DIR = path.resolve(REPO_ROOT, '../shared/regulations');

const FILE_OF: Record<Exclude<PresetId, 'custom'>, string> = {
  valuyki: '000',
  novoaltaysk: '001',
  pyatigorsk: '002',
  plastunovskaya: '003',
  tomsk: '004',
};

function regulation(num: string): string {
  const file = readdirSync(REG_DIR).find((f) => f.startsWith(`${num}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`regulation ${num} not found in ${REG_DIR}`);
  return readFileSync(path.join(REG_DIR, file), 'utf8');
}

/** Whitespace-insensitive: the .txt files break lines in the middle of sentences. */
function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Number of the numbered paragraph («7. …», «12.3. …», «1.Настоящий…») that contains `pos`. */
function clauseNumberAt(text: string, pos: number): string | null {
  const re = /^[ \t]*(\d+(?:\.\d+)*)\.(?!\d)/gm;
  let last: string | null = null;
  for (let m = re.exec(text); m && m.index <= pos; m = re.exec(text)) last = m[1] ?? null;
  return last;
}

/** Number of the «Приложение N» that contains `pos`. */
function appendixAt(text: string, pos: number): string | null {
  const re = /^[ \t]*Приложение[ \t]+(\d+)/gm;
  let last: string | null = null;
  for (let m = re.exec(text); m && m.index <= pos; m = re.exec(text)) last = m[1] ?? null;
  return last;
}

/** Finds `quote` in `text` ignoring whitespace differences; returns its position in `text`. */
function locate(text: string, quote: string): number {
  const pattern = quote
    .trim()
    .split(/[\s\u00a0]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\u00a0]+');
  const m = new RegExp(pattern).exec(text);
  return m ? m.index : -1;
}

interface QuoteRef {
  quote: string;
  clause: string | null;
  appendix: string | null;
}

/** «003, прил. 2 п. 8: «…»; п. 17: «…»» → each quote with the clause and appendix written before it. */
function quotesOf(clause: string): QuoteRef[] {
  const out: QuoteRef[] = [];
  const re = /«([^«»]+)»/g;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const head = clause.slice(0, m.index);
    const points = [...head.matchAll(/п\. (\d+(?:\.\d+)*)/g)];
    const apps = [...head.matchAll(/прил\. (\d+)/g)];
    out.push({
      quote: m[1] ?? '',
      clause: points.length ? (points[points.length - 1]?.[1] ?? null) : null,
      appendix: apps.length ? (apps[apps.length - 1]?.[1] ?? null) : null,
    });
  }
  return out;
}

describe('PRESETS: values from the regulations', () => {
  it('has the five acts and custom', () => {
    expect([...PRESET_IDS].sort()).toEqual([
      'custom',
      'novoaltaysk',
      'plastunovskaya',
      'pyatigorsk',
      'tomsk',
      'valuyki',
    ]);
    for (const id of PRESET_IDS) expect(PRESETS[id].id).toBe(id);
  });

  it('weekly quotas are 3, 8, 3, 2, 3', () => {
    expect(PRESET_IDS.filter((id) => id !== 'custom').map((id) => [id, PRESETS[id].weeklyQuota])).toEqual([
      ['valuyki', 3],
      ['novoaltaysk', 8],
      ['pyatigorsk', 3],
      ['plastunovskaya', 2],
      ['tomsk', 3],
    ]);
  });

  it('citation limit is 2 everywhere; only 003 sets it, elsewhere it is marked as our default', () => {
    for (const id of PRESET_IDS) expect(PRESETS[id].citationLimit).toBe(2);
    expect(isOwnDefault(PRESETS.plastunovskaya.clauses.citationLimit)).toBe(false);
    for (const id of ['valuyki', 'novoaltaysk', 'pyatigorsk', 'tomsk', 'custom'] as const) {
      expect(PRESETS[id].clauses.citationLimit).toContain(OWN_DEFAULT);
    }
    expect(citationSeverity(PRESETS.plastunovskaya)).toBe('error');
    expect(citationSeverity(PRESETS.tomsk)).toBe('warning');
  });

  it('greeting is required by 000 and 003 (and by default in custom)', () => {
    expect(PRESET_IDS.filter((id) => PRESETS[id].greetingRequired).sort()).toEqual([
      'custom',
      'plastunovskaya',
      'valuyki',
    ]);
  });

  it('severity: error where the act forbids («не допускается», «без», «должен»), warning where it advises', () => {
    expect(PRESETS.novoaltaysk.kantselyaritSeverity).toBe('error');
    expect(PRESETS.novoaltaysk.pressReleaseSeverity).toBe('error');
    expect(PRESETS.pyatigorsk.kantselyaritSeverity).toBe('error');
    expect(PRESETS.pyatigorsk.pressReleaseSeverity).toBe('warning');
    expect(PRESETS.plastunovskaya.kantselyaritSeverity).toBe('error');
    expect(PRESETS.plastunovskaya.pressReleaseSeverity).toBe('warning');
    expect(PRESETS.valuyki.kantselyaritSeverity).toBe('warning');
    expect(PRESETS.valuyki.pressReleaseSeverity).toBe('warning');
    expect(PRESETS.tomsk.kantselyaritSeverity).toBe('warning');
    expect(PRESETS.tomsk.pressReleaseSeverity).toBe('warning');
  });

  it('reply deadlines: 8 / 4 working hours and 7 working days (003), the same defaults elsewhere', () => {
    for (const id of PRESET_IDS) {
      expect([PRESETS[id].replyDeadlineHours, PRESETS[id].urgentReplyDeadlineHours]).toEqual([8, 4]);
      expect(PRESETS[id].finalReplyWorkingDays).toBe(7);
    }
    expect(isOwnDefault(PRESETS.plastunovskaya.clauses.replyDeadline)).toBe(false);
    expect(isOwnDefault(PRESETS.valuyki.clauses.replyDeadline)).toBe(true);
  });

  it('every preset value has a clause', () => {
    for (const id of PRESET_IDS) {
      const c = PRESETS[id].clauses;
      for (const k of [
        'weeklyQuota',
        'citationLimit',
        'greetingRequired',
        'kantselyarit',
        'pressRelease',
        'replyDeadline',
      ] as const) {
        expect(c[k], `${id}.${k}`).toBeTruthy();
      }
    }
  });
});

describe('PRESETS: every quoted clause is in its regulation, under the clause it names', () => {
  for (const [id, num] of Object.entries(FILE_OF) as Array<[Exclude<PresetId, 'custom'>, string]>) {
    it(`${id} (${num})`, () => {
      const text = regulation(num);
      let checked = 0;
      for (const [field, clause] of Object.entries(PRESETS[id].clauses)) {
        if (!clause) continue;
        if (!isOwnDefault(clause)) expect(clause.startsWith(`${num}, `), `${field}: ${clause}`).toBe(true);
        for (const q of quotesOf(clause)) {
          const pos = locate(text, q.quote);
          expect(pos, `${id}.${field}: «${q.quote}» not found in ${num}`).toBeGreaterThanOrEqual(0);
          if (q.clause) expect(clauseNumberAt(text, pos), `${id}.${field}: «${q.quote}»`).toBe(q.clause);
          if (q.appendix) expect(appendixAt(text, pos), `${id}.${field}: «${q.quote}»`).toBe(q.appendix);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(3);
    });
  }

  it('the quotes carry the values: numbers in the quota and deadline clauses', () => {
    expect(squash(PRESETS.novoaltaysk.clauses.weeklyQuota ?? '')).toContain('не менее 8 публикаций');
    expect(squash(PRESETS.plastunovskaya.clauses.weeklyQuota ?? '')).toContain('не менее 2 публикаций');
    expect(squash(PRESETS.pyatigorsk.clauses.weeklyQuota ?? '')).toContain('не менее 3 публикаций');
    expect(PRESETS.valuyki.clauses.weeklyQuota).toContain('трёх раз в неделю');
    expect(PRESETS.tomsk.clauses.weeklyQuota).toContain('не менее трех публикаций');
    const d = PRESETS.plastunovskaya.clauses.replyDeadline ?? '';
    for (const s of ['8 рабочих часов', '4 рабочих часов', '7 рабочих дней']) expect(d).toContain(s);
  });
});

describe('getPreset / DEFAULT_PRESET_ID', () => {
  it('returns the preset by id and custom for anything else', () => {
    expect(getPreset('tomsk')).toBe(PRESETS.tomsk);
    expect(getPreset('nowhere')).toBe(PRESETS.custom);
    expect(getPreset('')).toBe(PRESETS.custom);
    expect(getPreset('__proto__')).toBe(PRESETS.custom);
    expect(getPreset('toString')).toBe(PRESETS.custom);
    expect(getPreset(undefined as unknown as string)).toBe(PRESETS.custom);
    expect(PRESETS[DEFAULT_PRESET_ID]).toBeDefined();
  });
});

describe('presetSchema', () => {
  it('accepts every built-in preset', () => {
    for (const id of PRESET_IDS) expect(presetSchema.safeParse(PRESETS[id]).success, id).toBe(true);
  });

  it('accepts a user preset without clauses and fills them', () => {
    const { clauses: _c, ...rest } = PRESETS.custom;
    const r = presetSchema.safeParse({ ...rest, id: 'my-town', name: 'Мой посёлок', weeklyQuota: 5 });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.clauses).toEqual({});
  });

  it('rejects broken presets', () => {
    const bad = [
      { ...PRESETS.custom, weeklyQuota: -1 },
      { ...PRESETS.custom, weeklyQuota: 2.5 },
      { ...PRESETS.custom, citationLimit: '2' },
      { ...PRESETS.custom, kantselyaritSeverity: 'fatal' },
      { ...PRESETS.custom, name: '   ' },
      { ...PRESETS.custom, id: '' },
      { ...PRESETS.custom, replyDeadlineHours: 0 },
      { ...PRESETS.custom, replyDeadlineHours: 2, urgentReplyDeadlineHours: 4 },
      { ...PRESETS.custom, greetingRequired: 'yes' },
      null,
      'custom',
    ];
    for (const b of bad) expect(presetSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});
