// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { zoneLabel } from '@/components/options/time-zones';
import { getSetting } from '@/lib/store/queries';
import { renderOptions, section } from './options-render';

describe('options: «Часовой пояс»', () => {
  it('defaults to the browser zone and stores a chosen one', async () => {
    const { db } = await renderOptions();
    const s = section('Часовой пояс');
    const select = s.getByLabelText('Часовой пояс') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.options[0]?.textContent).toMatch(/^Как в браузере — /);
    fireEvent.change(select, { target: { value: 'Asia/Tomsk' } });
    await waitFor(async () => expect(await getSetting(db, 'timeZone')).toBe('Asia/Tomsk'));
    await waitFor(() => expect(s.getByTestId('current-week').textContent).toContain('Томск (UTC+7)'));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(async () => expect(await getSetting(db, 'timeZone')).toBeNull());
  });

  it('labels zones with the city and the offset', () => {
    expect(zoneLabel('Europe/Moscow', Date.UTC(2026, 0, 1))).toBe('Москва (UTC+3)');
    expect(zoneLabel('Asia/Barnaul', Date.UTC(2026, 0, 1))).toBe('Барнаул (UTC+7)');
  });

  it('edits the working hours with Russian validation', async () => {
    const { db } = await renderOptions();
    const s = section('Часовой пояс');
    const friday = s.getByRole('checkbox', { name: 'пятница' }) as HTMLInputElement;
    expect(friday.checked).toBe(true);
    expect((s.getByRole('checkbox', { name: 'суббота' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(friday);
    fireEvent.change(s.getByLabelText('Начало'), { target: { value: '18:30' } });
    fireEvent.click(s.getByRole('button', { name: 'Сохранить рабочее время' }));
    expect(await s.findByText('Конец рабочего дня должен быть позже начала.')).toBeTruthy();
    expect((await getSetting(db, 'workingHours')).days).toEqual([1, 2, 3, 4, 5]);

    fireEvent.change(s.getByLabelText('Начало'), { target: { value: '08:30' } });
    fireEvent.change(s.getByLabelText('Конец'), { target: { value: '17:00' } });
    fireEvent.click(s.getByRole('checkbox', { name: /Праздничные дни России/ }));
    fireEvent.click(s.getByRole('button', { name: 'Сохранить рабочее время' }));
    expect(await s.findByText('Рабочее время сохранено.')).toBeTruthy();
    expect(await getSetting(db, 'workingHours')).toEqual({
      days: [1, 2, 3, 4],
      start: '08:30',
      end: '17:00',
      russianHolidays: false,
    });

    fireEvent.click(s.getByRole('button', { name: 'По умолчанию' }));
    await screen.findByText(/Рабочее время: по умолчанию/);
    expect(await getSetting(db, 'workingHours')).toEqual({
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      russianHolidays: true,
    });
    expect((s.getByRole('checkbox', { name: 'пятница' }) as HTMLInputElement).checked).toBe(true);
  });
});
