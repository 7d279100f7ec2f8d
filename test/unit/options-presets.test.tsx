// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/lib/checks/presets';
import { getSetting } from '@/lib/store/queries';
import { renderOptions, section } from './options-render';

describe('options: «Регламент»', () => {
  it('shows the five regulations and «Свой профиль» with values and clauses', async () => {
    await renderOptions();
    const s = section('Регламент');
    for (const p of Object.values(PRESETS)) expect(s.getByRole('radio', { name: new RegExp(p.name) })).toBeTruthy();
    // Новоалтайск: 8 posts a week, from clause 2.1
    const summary = s.getByTestId('preset-summary-novoaltaysk');
    expect(summary.textContent).toContain('не меньше 8 постов');
    expect(summary.textContent).toContain('Порядок п. 2.1: «не менее 8 публикаций в неделю»');
    // a value the act does not set is marked as our default
    expect(summary.textContent).toContain('Значение по умолчанию: акт не ограничивает цитирование НПА');
    expect(s.getByTestId('preset-not-chosen')).toBeTruthy();
  });

  it('stores the chosen default preset', async () => {
    const { db } = await renderOptions();
    const s = section('Регламент');
    fireEvent.click(s.getByRole('radio', { name: /Город Новоалтайск/ }));
    await waitFor(async () => expect(await getSetting(db, 'defaultPresetId')).toBe('novoaltaysk'));
    expect((await s.findByTestId('preset-saved')).textContent).toContain('«Город Новоалтайск»');
    expect((s.getByRole('radio', { name: /Город Новоалтайск/ }) as HTMLInputElement).checked).toBe(true);
    expect(s.queryByTestId('preset-not-chosen')).toBeNull();
  });

  it('validates the custom preset with Russian messages and stores it', async () => {
    const { db } = await renderOptions();
    const s = section('Регламент');
    fireEvent.click(s.getByRole('radio', { name: /Свой профиль/ }));
    await waitFor(async () => expect(await getSetting(db, 'defaultPresetId')).toBe('custom'));
    const form = await s.findByTestId('custom-preset-form');
    const quota = screen.getByLabelText('Постов в неделю, не меньше') as HTMLInputElement;
    const urgent = screen.getByLabelText('Срок ответа на срочное сообщение, рабочих часов');
    const name = screen.getByLabelText('Название профиля');

    fireEvent.change(quota, { target: { value: '150' } });
    fireEvent.change(urgent, { target: { value: '12' } });
    fireEvent.change(name, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить свой профиль' }));
    expect(await screen.findByText('Не больше 100')).toBeTruthy();
    expect(screen.getByText('Срок ответа на срочное сообщение не может быть больше обычного')).toBeTruthy();
    expect(screen.getByText('Укажите название')).toBeTruthy();
    expect(quota.getAttribute('aria-invalid')).toBe('true');
    expect(form.textContent).toContain('Проверьте поля');
    expect(await getSetting(db, 'customPreset')).toBeNull();
    // what the user typed is still there
    expect(quota.value).toBe('150');

    fireEvent.change(quota, { target: { value: '5' } });
    fireEvent.change(urgent, { target: { value: '2' } });
    fireEvent.change(name, { target: { value: 'Наш район' } });
    fireEvent.click(screen.getByLabelText('Приветствие в ответах обязательно'));
    fireEvent.change(screen.getByLabelText('Канцелярит отмечать как'), { target: { value: 'error' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить свой профиль' }));
    expect(await screen.findByText('Свой профиль сохранён.')).toBeTruthy();
    const stored = await getSetting(db, 'customPreset');
    expect(stored).toMatchObject({
      id: 'custom',
      name: 'Наш район',
      weeklyQuota: 5,
      urgentReplyDeadlineHours: 2,
      greetingRequired: false,
      kantselyaritSeverity: 'error',
    });
    // the card now shows the user's values
    await waitFor(() => expect(s.getByTestId('preset-summary-custom').textContent).toContain('не меньше 5 постов'));
  });

  it('fills the custom preset from a regulation, with its clauses', async () => {
    const { db } = await renderOptions();
    const s = section('Регламент');
    fireEvent.click(s.getByRole('button', { name: 'Настроить свой профиль' }));
    fireEvent.change(screen.getByLabelText('Взять за основу'), { target: { value: 'plastunovskaya' } });
    fireEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    expect((screen.getByLabelText('Постов в неделю, не меньше') as HTMLInputElement).value).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить свой профиль' }));
    await screen.findByText(/Свой профиль сохранён/);
    const stored = await getSetting(db, 'customPreset');
    expect(stored?.weeklyQuota).toBe(2);
    expect(stored?.clauses.citationLimit).toContain('прил. 1 п. 7');
    // not the default yet: offer to make it one
    fireEvent.click(screen.getByRole('button', { name: 'Сделать регламентом по умолчанию' }));
    await waitFor(async () => expect(await getSetting(db, 'defaultPresetId')).toBe('custom'));
  });
});
