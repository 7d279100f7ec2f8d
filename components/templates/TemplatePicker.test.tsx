// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult, Finding } from '@/lib/checks/types';
import type { StoredTemplate, TemplateSource, TemplatesContext } from './source';
import { TemplatePicker } from './TemplatePicker';

afterEach(() => cleanup());

const NOW = Date.UTC(2026, 10, 30, 9, 0); // Monday 30 November 2026, 12:00 in Moscow

function tpl(id: number, title: string, text: string, useCount = 0, tags: string[] = []): StoredTemplate {
  return {
    id,
    title,
    text,
    tags,
    category: 'по существу',
    useCount,
    lastUsed: useCount ? NOW - id : null,
    builtin: false,
  };
}

const TEMPLATES: StoredTemplate[] = [
  tpl(1, 'Нет воды', '{обращение} Воду дадут {когда}. Телефон: {телефон}.', 2, ['вода']),
  tpl(2, 'Спасибо за отзыв', '{обращение} Спасибо! Передадим {кому}.', 5, ['спасибо']),
  tpl(3, 'Промежуточный ответ', '{обращение} Ответим до {срок}. Пишите на {сайт}.', 0, ['срок']),
  tpl(4, 'Опасный <b>шаблон</b>', '<img src=x onerror=alert(1)> {обращение}', 0),
];

function clean(): CheckResult {
  return {
    findings: [],
    summary: {
      score: 10,
      tone: { pressRelease: 0, verdict: 'conversational', reasons: [] },
      citations: { count: 0, limit: 2, acts: [] },
      greeting: { required: true, present: true },
      counts: { spelling: 0, style: 0, tone: 0, citations: 0, greeting: 0, punctuation: 0 },
    },
  };
}

function fakeSource(context: Partial<TemplatesContext> = {}, check: (t: string) => CheckResult = clean) {
  const calls = { checked: [] as string[], used: [] as number[] };
  const source: TemplateSource = {
    list: async () => TEMPLATES,
    context: async () => ({
      page: null,
      preset: { id: 'plastunovskaya', name: 'Пластуновское', finalReplyWorkingDays: 7 },
      timeZone: 'Europe/Moscow',
      ...context,
    }),
    check: async (t) => {
      calls.checked.push(t);
      return check(t);
    },
    markUsed: async (id) => {
      calls.used.push(id);
    },
  };
  return { source, calls };
}

async function renderPicker(
  opts: { context?: Partial<TemplatesContext>; check?: (t: string) => CheckResult; authorName?: string } = {},
) {
  const { source, calls } = fakeSource(opts.context, opts.check);
  const onConfirm = vi.fn(async (_text: string) => undefined as string | undefined);
  const onClose = vi.fn();
  render(
    <TemplatePicker
      source={source}
      authorName={opts.authorName ?? 'Анна Смирнова'}
      confirmLabel="Вставить"
      onConfirm={onConfirm}
      onClose={onClose}
      now={() => NOW}
      checkDelay={0}
    />,
  );
  await screen.findAllByTestId('gph-tpl-option');
  return { calls, onConfirm, onClose, search: screen.getByTestId('gph-tpl-search') as HTMLInputElement };
}

const titles = () => screen.getAllByTestId('gph-tpl-option').map((o) => o.querySelector('.gph-tpl-title')?.textContent);
const selected = () => screen.getAllByRole('option').findIndex((o) => o.getAttribute('aria-selected') === 'true');

describe('TemplatePicker: list and keyboard', () => {
  it('lists the most used first and focuses the search box', async () => {
    const { search } = await renderPicker();
    expect(titles().slice(0, 2)).toEqual(['Спасибо за отзыв', 'Нет воды']);
    expect(document.activeElement).toBe(search);
    expect(selected()).toBe(0);
  });

  it('moves with ↓/↑ (clamped at both ends), Enter opens the active template, Escape closes', async () => {
    const { search, onClose } = await renderPicker();
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(selected()).toBe(0);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(selected()).toBe(1);
    expect(search.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id);
    for (let i = 0; i < 10; i++) fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(selected()).toBe(TEMPLATES.length - 1);
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(selected()).toBe(0);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'Enter' });
    // «Нет воды» (second by use) is open
    expect(await screen.findByText('Нет воды', { selector: '.gph-tpl-heading' })).toBeTruthy();
    // Escape goes back to the list, a second Escape closes
    fireEvent.keyDown(screen.getByTestId('gph-tpl-picker-body'), { key: 'Escape' });
    const again = await screen.findByTestId('gph-tpl-search');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('searches as you type over title, text and tags; the selection restarts at the top', async () => {
    const { search } = await renderPicker();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.change(search, { target: { value: 'вод' } });
    expect(titles()[0]).toBe('Нет воды');
    expect(selected()).toBe(0);
    fireEvent.change(search, { target: { value: 'срок' } }); // a tag and a variable name
    expect(titles()[0]).toBe('Промежуточный ответ');
    fireEvent.change(search, { target: { value: 'зебра' } });
    expect(screen.getByTestId('gph-tpl-empty').textContent).toBe('Ничего не нашлось.');
    fireEvent.keyDown(search, { key: 'Enter' }); // nothing to open
    expect(screen.getByTestId('gph-tpl-search')).toBeTruthy();
  });

  it('renders template titles and text as text, never HTML', async () => {
    await renderPicker();
    const option = screen.getAllByTestId('gph-tpl-option').find((o) => o.textContent?.includes('Опасный'))!;
    expect(option.querySelector('b, img')).toBeNull();
    expect(option.textContent).toContain('Опасный <b>шаблон</b>');
    expect(option.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('TemplatePicker: filling', () => {
  it('asks only for what is missing: free values, and the phone when the page is not registered', async () => {
    const { search, onConfirm, calls } = await renderPicker();
    fireEvent.change(search, { target: { value: 'воды' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const inputs = await screen.findAllByTestId('gph-tpl-value');
    expect(inputs.map((i) => i.getAttribute('data-name'))).toEqual(['когда', 'телефон']);
    expect(document.activeElement).toBe(inputs[0]);
    expect(screen.getByTestId('gph-tpl-context').textContent).toContain('Страницы нет в реестре');
    // the preview marks what is still missing; nothing is checked yet
    const preview = screen.getByTestId('gph-tpl-preview');
    expect(preview.querySelectorAll('mark')).toHaveLength(2);
    expect(preview.textContent).toBe('Здравствуйте, Анна! Воду дадут {когда}. Телефон: {телефон}.');
    expect(screen.getByTestId('gph-tpl-check').textContent).toContain('Заполните поля');

    // Enter in a field moves to the next empty one; confirm is refused while something is empty
    fireEvent.change(inputs[0]!, { target: { value: 'к 18:00' } });
    fireEvent.keyDown(inputs[0]!, { key: 'Enter' });
    expect(document.activeElement).toBe(inputs[1]);
    fireEvent.click(screen.getByTestId('gph-tpl-confirm'));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('gph-tpl-status').textContent).toBe('Заполните: телефон.');

    fireEvent.change(inputs[1]!, { target: { value: '8 (800) 123-45-67' } });
    const filled = 'Здравствуйте, Анна! Воду дадут к 18:00. Телефон: 8 (800) 123-45-67.';
    expect(preview.textContent).toBe(filled);
    expect(preview.querySelectorAll('mark')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('gph-tpl-check').textContent).toBe('Проверено: замечаний нет'));
    expect(calls.checked.at(-1)).toBe(filled);

    // Enter in the last field confirms
    await act(async () => {
      fireEvent.keyDown(inputs[1]!, { key: 'Enter' });
    });
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm.mock.calls[0]![0]).toBe(filled);
    await waitFor(() => expect(calls.used).toEqual([1]));
  });

  it('fills registry data, the deadline of the preset, and greets without a name when there is no author', async () => {
    const { search, onConfirm } = await renderPicker({
      authorName: '',
      context: {
        page: { name: 'Администрация', organization: 'администрация', phone: '8 (800) 1', site: 'ensk.example.ru' },
        preset: { id: 'x', name: 'x', finalReplyWorkingDays: 3 },
      },
    });
    fireEvent.change(search, { target: { value: 'промежуточный' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const confirm = await screen.findByTestId('gph-tpl-confirm');
    expect(screen.queryAllByTestId('gph-tpl-value')).toHaveLength(0);
    // nothing to ask: the confirm button has the focus, so Enter inserts
    expect(document.activeElement).toBe(confirm);
    // 3 working days after Monday 30 November 2026 → Thursday 3 December
    expect(screen.getByTestId('gph-tpl-preview').textContent).toBe(
      'Здравствуйте! Ответим до 3 декабря 2026 г. Пишите на ensk.example.ru.',
    );
    await act(async () => {
      fireEvent.click(confirm);
    });
    expect(onConfirm.mock.calls[0]![0]).toBe('Здравствуйте! Ответим до 3 декабря 2026 г. Пишите на ensk.example.ru.');
  });

  it('shows the findings of the engine for the filled text, and a failed confirm keeps the picker open', async () => {
    const finding: Finding = {
      rule: 'kants.v-celyah',
      category: 'style',
      severity: 'error',
      start: 20,
      end: 27,
      message: 'Канцелярит.',
      suggestions: [],
    };
    const { search, onConfirm, calls } = await renderPicker({
      check: () => ({ ...clean(), findings: [finding] }),
    });
    onConfirm.mockRejectedValueOnce(new Error('Поле ответа закрылось.'));
    fireEvent.change(search, { target: { value: 'спасибо' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const input = await screen.findByTestId('gph-tpl-value');
    fireEvent.change(input, { target: { value: 'главе' } });
    const check = screen.getByTestId('gph-tpl-check');
    await waitFor(() => expect(check.textContent).toContain('Проверено: 1 замечание, из них 1 ошибка'));
    expect(within(check).getByTestId('gph-tpl-finding').textContent).toContain('Стиль, ошибка: Канцелярит. «Спасибо»');
    await act(async () => {
      fireEvent.click(screen.getByTestId('gph-tpl-confirm'));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Поле ответа закрылось.');
    expect(calls.used).toEqual([]);
  });
});
