// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '@/lib/checks/index';
import { getPreset } from '@/lib/checks/presets';
import { AppDB } from '@/lib/store/db';
import { STARTER_TEMPLATES } from '@/lib/templates/starter';
import { EditorApp, sampleFill, saveWarnings } from './EditorApp';

const opened: AppDB[] = [];
afterEach(async () => {
  cleanup();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete().catch(() => undefined);
  }
});

const NOW = Date.UTC(2026, 10, 30, 9, 0);
const engine = (text: string) => check(text, { mode: 'reply', preset: getPreset('plastunovskaya') }, null);

describe('template editor: rules for saving', () => {
  it('samples: {обращение} greets Анна, free variables become their names', () => {
    expect(sampleFill('{обращение} Работы начнутся {когда}. Тел.: {телефон}.', NOW)).toBe(
      'Здравствуйте, Анна! Работы начнутся когда. Тел.: 8 (800) 123-45-67.',
    );
  });

  it('asks to confirm a template without a greeting, with канцелярит or with more than two legal acts', () => {
    const ok = '{обращение} Спасибо, что написали. Мы всё проверим.';
    expect(saveWarnings(ok, sampleFill(ok, NOW), engine(sampleFill(ok, NOW)))).toEqual([]);
    const plain = 'Здравствуйте! Спасибо, что написали.';
    expect(saveWarnings(plain, plain, engine(plain))).toEqual([]);

    const rude = 'Спасибо, что написали. Мы всё проверим.';
    expect(saveWarnings(rude, rude, engine(rude))[0]).toMatch(/^Нет приветствия/);

    const kants = '{обращение} В целях улучшения качества осуществляется проверка.';
    const s = sampleFill(kants, NOW);
    const w = saveWarnings(kants, s, engine(s));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^Канцелярит: «/);

    const acts =
      '{обращение} Смотрите Федеральный закон от 06.10.2003 № 131-ФЗ, Федеральный закон от 02.05.2006 № 59-ФЗ ' +
      'и Федеральный закон от 09.02.2009 № 8-ФЗ.';
    const sa = sampleFill(acts, NOW);
    expect(saveWarnings(acts, sa, engine(sa)).some((x) => x.startsWith('Ссылок на нормативные акты: 3'))).toBe(true);
  });
});

describe('template editor page', () => {
  it('creates a template; saving without a greeting asks first; HTML stays text', async () => {
    const db = new AppDB(`t-${Math.random()}`);
    opened.push(db);
    const checkText = vi.fn(async (text: string) => engine(text));
    render(<EditorApp db={db} checkText={checkText} now={() => NOW} />);
    await waitFor(() => expect(screen.getAllByTestId('tpl-item')).toHaveLength(STARTER_TEMPLATES.length));

    fireEvent.click(screen.getByTestId('tpl-new'));
    fireEvent.change(screen.getByTestId('tpl-title'), { target: { value: '<b>Без</b> приветствия' } });
    fireEvent.change(screen.getByTestId('tpl-text'), { target: { value: 'Спасибо, что написали <img src=x>.' } });
    expect(screen.getByTestId('tpl-sample').textContent).toBe('Спасибо, что написали <img src=x>.');
    await act(async () => {
      fireEvent.click(screen.getByTestId('tpl-save'));
    });
    const confirm = await screen.findByTestId('tpl-confirm');
    expect(confirm.textContent).toContain('Нет приветствия');
    expect(await db.templates.count()).toBe(STARTER_TEMPLATES.length);

    await act(async () => {
      fireEvent.click(screen.getByTestId('tpl-confirm-save'));
    });
    expect((await screen.findByTestId('tpl-status')).textContent).toBe('Шаблон сохранён.');
    const saved = await db.templates.where('title').equals('<b>Без</b> приветствия').first();
    expect(saved).toMatchObject({ text: 'Спасибо, что написали <img src=x>.', category: 'по существу', useCount: 0 });
    await waitFor(() => expect(screen.getAllByTestId('tpl-item')).toHaveLength(STARTER_TEMPLATES.length + 1));
    expect(document.querySelector('main b, main img')).toBeNull();
  });

  it('a bad import file shows the Russian error and changes nothing', async () => {
    const db = new AppDB(`t-${Math.random()}`);
    opened.push(db);
    render(<EditorApp db={db} checkText={async (t) => engine(t)} now={() => NOW} />);
    await waitFor(() => expect(screen.getAllByTestId('tpl-item')).toHaveLength(STARTER_TEMPLATES.length));
    const file = new File(['not json'], 'x.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(screen.getByTestId('tpl-import-input'), { target: { files: [file] } });
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Файл не прочитать: это не JSON/);
    expect(await db.templates.count()).toBe(STARTER_TEMPLATES.length);
  });
});

describe('template editor: unsaved changes', () => {
  it('asks before leaving an edited template, and «Не сохранять» discards the edits', async () => {
    const db = new AppDB(`t-${Math.random()}`);
    opened.push(db);
    render(<EditorApp db={db} checkText={async (t) => engine(t)} now={() => NOW} />);
    await waitFor(() => expect(screen.getAllByTestId('tpl-item')).toHaveLength(STARTER_TEMPLATES.length));
    fireEvent.click(screen.getByTestId('tpl-new'));
    fireEvent.change(screen.getByTestId('tpl-title'), { target: { value: 'Черновик' } });
    fireEvent.click(screen.getByTestId('tpl-new'));
    expect(screen.getByTestId('tpl-discard').textContent).toContain('Изменения в шаблоне не сохранены');
    fireEvent.click(screen.getByRole('button', { name: 'Остаться' }));
    expect((screen.getByTestId('tpl-title') as HTMLInputElement).value).toBe('Черновик');
    fireEvent.click(screen.getAllByTestId('tpl-item')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Не сохранять' }));
    expect((screen.getByTestId('tpl-title') as HTMLInputElement).value).toBe(
      screen.getAllByTestId('tpl-item')[0]!.querySelector('.tpl-item-title')!.textContent,
    );
    expect(screen.queryByTestId('tpl-discard')).toBeNull();
  });
});
