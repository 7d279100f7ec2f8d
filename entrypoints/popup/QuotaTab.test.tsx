// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureQuota, handleQuotaMessage, type QuotaRequest } from '@/lib/messaging/quota';
import { TabPages } from '@/lib/quota/tab-pages';
import { AppDB } from '@/lib/store/db';
import { addPage, recordPost, setSetting } from '@/lib/store/queries';

let db: AppDB;
// The popup's messages go to the background's quota handler on the same database.
vi.mock('@/lib/messaging/client', () => ({
  send: async (req: unknown) => {
    const r = await handleQuotaMessage(db, req as QuotaRequest, { url: 'chrome-extension://test/popup.html' });
    if (!r.ok) throw new Error(r.error);
    return r.data;
  },
}));

const { QuotaTab } = await import('./QuotaTab');

beforeEach(async () => {
  db = new AppDB(`popup-${Math.random()}`);
  configureQuota({ tabs: new TabPages(), now: () => Date.now(), onChanged: undefined, tabInfo: undefined });
  await setSetting(db, 'timeZone', 'Europe/Moscow');
});
afterEach(cleanup);

describe('«Неделя» tab', () => {
  it('shows the count, pace, chart and posts; delete + «Отменить»; text is never HTML', async () => {
    const page = await addPage(db, {
      network: 'vk',
      communityId: '123',
      address: 'https://vk.com/club123',
      name: 'Администрация <b>района</b>',
      presetId: 'valuyki',
    });
    await recordPost(db, {
      pageId: page.id,
      publishedAt: Date.now() - 60_000,
      text: '<img src=x onerror=alert(1)> Ярмарка',
      source: 'detected',
    });
    render(<QuotaTab activeTabId={null} db={db} />);
    const card = within(await screen.findByTestId('quota-page'));
    expect(card.getByTestId('quota-label').textContent).toBe('1 из 3 на этой неделе');
    expect(card.getByText('Администрация <b>района</b>')).toBeTruthy();
    expect(card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    expect(card.getByTestId('quota-chart').getAttribute('aria-label')).toMatch(/эта неделя: 1$/);
    expect(card.getByTestId('quota-post').textContent).toContain('<img src=x onerror=alert(1)> Ярмарка');
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(card.getByRole('button', { name: /^Удалить пост/ }));
    await waitFor(() => expect(screen.getByTestId('quota-label').textContent).toBe('0 из 3 на этой неделе'));
    fireEvent.click(within(screen.getByTestId('quota-undo')).getByRole('button', { name: 'Отменить' }));
    await waitFor(() => expect(screen.getByTestId('quota-label').textContent).toBe('1 из 3 на этой неделе'));
  });

  it('adds a post by hand in the user time zone and refuses an empty text', async () => {
    const page = await addPage(db, {
      network: 'ok',
      communityId: '555',
      address: '',
      name: 'OK',
      presetId: 'plastunovskaya',
    });
    void page;
    render(<QuotaTab activeTabId={null} db={db} />);
    const card = within(await screen.findByTestId('quota-page'));
    expect(card.getByTestId('quota-label').textContent).toBe('0 из 2 на этой неделе');
    fireEvent.click(card.getByRole('button', { name: 'добавить вручную' }));
    const form = within(screen.getByTestId('quota-manual-form'));
    fireEvent.click(form.getByRole('button', { name: 'Сохранить' }));
    expect((await form.findByRole('alert')).textContent).toMatch(/текст поста/i);
    fireEvent.change(form.getByLabelText('Текст поста'), { target: { value: 'С телефона' } });
    fireEvent.click(form.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.getByTestId('quota-label').textContent).toBe('1 из 2 на этой неделе'));
    expect(screen.getByTestId('quota-post').textContent).toContain('вручную');
  });

  it('no pages yet: explains how to add one', async () => {
    render(<QuotaTab activeTabId={null} db={db} />);
    expect((await screen.findByTestId('quota-empty')).textContent).toMatch(/Добавьте|добавьте/);
  });
});
