// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parsePageAddress } from '@/components/options/page-form';
import { addPage, getSetting, listPages, recordPost, setSetting } from '@/lib/store/queries';
import { freshDB, renderOptions, section } from './options-render';

function fill(label: string, value: string, root: ReturnType<typeof within> | typeof screen = screen) {
  fireEvent.change(root.getByLabelText(label), { target: { value } });
}

async function openAddForm() {
  fireEvent.click(section('Официальные страницы').getByRole('button', { name: 'Добавить страницу' }));
  return within(await screen.findByTestId('page-form'));
}

describe('parsePageAddress', () => {
  it.each([
    ['vk.com/club123', 'vk', '123', 'https://vk.com/club123'],
    ['https://vk.com/public456/', 'vk', '456', 'https://vk.com/public456'],
    ['http://vk.ru/club77?w=x#top', 'vk', '77', 'https://vk.ru/club77'],
    ['m.vk.com/wall-123_45', 'vk', '123', 'https://m.vk.com/wall-123_45'],
    ['https://ok.ru/group/555', 'ok', '555', 'https://ok.ru/group/555'],
    ['ok.ru/group/555/topics', 'ok', '555', 'https://ok.ru/group/555/topics'],
    ['  https://www.vk.com/club9  ', 'vk', '9', 'https://vk.com/club9'],
  ])('%s → %s %s', (input, network, communityId, address) => {
    expect(parsePageAddress(input)).toEqual({ kind: 'ok', network, communityId, address });
  });

  it('tells a short name without an id and a foreign site apart', () => {
    expect(parsePageAddress('vk.com/adm_city')).toEqual({
      kind: 'no-id',
      network: 'vk',
      address: 'https://vk.com/adm_city',
    });
    expect(parsePageAddress('https://example.org/club1').kind).toBe('invalid');
    expect(parsePageAddress('javascript:alert(1)').kind).toBe('invalid');
    expect(parsePageAddress('').kind).toBe('empty');
  });
});

describe('options: «Официальные страницы»', () => {
  it('adds a page from a VK address: the community id is read from it and the page is listed', async () => {
    const db = freshDB();
    await setSetting(db, 'defaultPresetId', 'tomsk');
    await renderOptions({ db });
    const form = await openAddForm();
    fill('Адрес страницы', 'vk.com/club12345', form);
    expect(form.getByText('ВКонтакте, сообщество 12345')).toBeTruthy();
    expect((form.getByLabelText('ID сообщества') as HTMLInputElement).value).toBe('12345');
    fill('Название', 'Администрация Томского района', form);
    fill('Организация', 'Администрация Томского района', form);
    fill('ФИО', 'Иванова Анна Сергеевна', form);
    fill('Должность', 'Главный специалист', form);
    fill('E-mail', 'smm@tomsk.example', form);
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));

    const item = await screen.findByTestId('page-item');
    expect(item.textContent).toContain('Администрация Томского района');
    expect(item.textContent).toContain('ID 12345');
    expect(item.textContent).toContain('ВКонтакте');
    expect(item.textContent).toContain('Иванова Анна Сергеевна, Главный специалист, smm@tomsk.example');
    expect(item.textContent).toContain('Добавлена в список');
    expect(within(item).getByRole('link', { name: 'vk.com/club12345' }).getAttribute('href')).toBe(
      'https://vk.com/club12345',
    );
    const [page] = await listPages(db);
    expect(page).toMatchObject({ network: 'vk', communityId: '12345', address: 'https://vk.com/club12345' });
    expect(page?.responsible.name).toBe('Иванова Анна Сергеевна');
    // the form is preselected with the default preset; the background reads presetByPage first
    expect(page?.presetId).toBe('tomsk');
    expect(await getSetting(db, 'presetByPage')).toEqual({ 'vk:12345': 'tomsk' });
    expect(screen.getByTestId('page-message').textContent).toContain('добавлена');
  });

  it('reads OK addresses and asks for the id when the address has none', async () => {
    const { db } = await renderOptions();
    const form = await openAddForm();
    fill('Адрес страницы', 'vk.com/adm_city', form);
    expect(form.getByText(/По этому адресу не видно номер сообщества/)).toBeTruthy();
    fill('Название', 'Город', form);
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));
    expect(await form.findByText('Укажите ID сообщества')).toBeTruthy();
    expect(await listPages(db)).toHaveLength(0);

    fill('Адрес страницы', 'https://ok.ru/group/555', form);
    expect((form.getByLabelText('Соцсеть') as HTMLSelectElement).value).toBe('ok');
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));
    await screen.findByTestId('page-item');
    expect(await listPages(db)).toMatchObject([{ network: 'ok', communityId: '555' }]);
  });

  it('rejects a foreign address and a bad e-mail with Russian messages, keeping the input', async () => {
    const { db } = await renderOptions();
    const form = await openAddForm();
    fill('Адрес страницы', 'https://example.org/club1', form);
    fill('Название', 'Страница', form);
    fill('E-mail', 'не почта', form);
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));
    expect(
      await form.findByText('Адрес должен вести во ВКонтакте (vk.com, vk.ru) или в Одноклассники (ok.ru).'),
    ).toBeTruthy();
    expect(form.getByText('Проверьте e-mail, например smm@admin.ru')).toBeTruthy();
    expect(form.getByRole('alert').textContent).toContain('Проверьте поля');
    expect((form.getByLabelText('Название') as HTMLInputElement).value).toBe('Страница');
    expect(await listPages(db)).toHaveLength(0);
  });

  it('shows a page name with markup as text, never as HTML', async () => {
    const { view } = await renderOptions();
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    const form = await openAddForm();
    const evil = '<img src=x onerror=alert(1)>';
    fill('Адрес страницы', 'vk.com/club1', form);
    fill('Название', evil, form);
    fill('Организация', '<b>жирный</b>', form);
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));
    const item = await screen.findByTestId('page-item');
    expect(within(item).getByText(evil)).toBeTruthy();
    expect(within(item).getByText('<b>жирный</b>')).toBeTruthy();
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('b')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
    alert.mockRestore();
  });

  it('does not link addresses that are not http(s), e.g. from an imported backup', async () => {
    const db = freshDB();
    await addPage(db, {
      network: 'vk',
      communityId: '5',
      address: 'javascript:alert(1)',
      name: 'Импортированная',
      presetId: 'valuyki',
    });
    await renderOptions({ db });
    const item = await screen.findByTestId('page-item');
    expect(within(item).getByText('javascript:alert(1)')).toBeTruthy();
    expect(item.querySelector('a')).toBeNull();
  });

  it('edits a page: a new address goes to the history, the preset is stored for the page', async () => {
    const db = freshDB();
    await addPage(db, {
      network: 'vk',
      communityId: '12',
      address: 'https://vk.com/club12',
      name: 'Город',
      presetId: 'valuyki',
    });
    await renderOptions({ db });
    fireEvent.click(await screen.findByRole('button', { name: 'Изменить страницу «Город»' }));
    const form = within(await screen.findByTestId('page-form'));
    expect((form.getByLabelText('Регламент') as HTMLSelectElement).value).toBe('valuyki');
    fill('Адрес страницы', 'https://vk.com/public12', form);
    fill('Регламент', 'pyatigorsk', form);
    fill('Телефон организации', '+7 (47236) 3-00-00', form);
    fireEvent.click(form.getByRole('button', { name: 'Сохранить изменения' }));
    const item = await screen.findByTestId('page-item');
    await waitFor(() => expect(item.textContent).toContain('Прежние адреса:'));
    expect(item.textContent).toContain('vk.com/club12');
    expect(item.textContent).toContain('Регламент: Город Пятигорск');
    const [page] = await listPages(db);
    expect(page?.address).toBe('https://vk.com/public12');
    expect(page?.addressHistory.map((h) => h.address)).toEqual(['https://vk.com/club12']);
    expect(page?.presetId).toBe('pyatigorsk');
    expect(page?.phone).toBe('+7 (47236) 3-00-00');
    expect(await getSetting(db, 'presetByPage')).toEqual({ 'vk:12': 'pyatigorsk' });
  });

  it('deletes a page with its posts and brings everything back on «Отменить»', async () => {
    const db = freshDB();
    const page = await addPage(db, {
      network: 'vk',
      communityId: '7',
      address: 'https://vk.com/club7',
      name: 'Посёлок',
      presetId: 'tomsk',
    });
    await setSetting(db, 'presetByPage', { 'vk:7': 'tomsk' });
    await recordPost(db, { pageId: page.id, publishedAt: Date.now(), text: 'Пост', source: 'manual' });
    await renderOptions({ db });
    fireEvent.click(await screen.findByRole('button', { name: 'Удалить страницу «Посёлок»' }));
    const undo = await screen.findByTestId('page-undo');
    expect(undo.textContent).toContain('Страница «Посёлок» удалена вместе с 1 учтённым постом.');
    await waitFor(() => expect(screen.queryByTestId('page-item')).toBeNull());
    expect(await listPages(db)).toHaveLength(0);
    expect(await getSetting(db, 'presetByPage')).toEqual({});

    fireEvent.click(within(undo).getByRole('button', { name: 'Отменить' }));
    expect(await screen.findByTestId('page-item')).toBeTruthy();
    expect(await listPages(db)).toMatchObject([{ id: page.id, name: 'Посёлок' }]);
    expect(await db.posts.count()).toBe(1);
    expect(await getSetting(db, 'presetByPage')).toEqual({ 'vk:7': 'tomsk' });
  });

  it('explains a duplicate and a storage failure in Russian and keeps the form filled in', async () => {
    const db = freshDB();
    await addPage(db, {
      network: 'vk',
      communityId: '1',
      address: 'https://vk.com/club1',
      name: 'Первая',
      presetId: 'tomsk',
    });
    await renderOptions({ db });
    let form = await openAddForm();
    fill('Адрес страницы', 'https://vk.com/public1', form);
    fill('Название', 'Дубль', form);
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));
    expect(await form.findByText('Страница ВКонтакте с id 1 уже есть в списке: «Первая».')).toBeTruthy();
    expect((form.getByLabelText('Название') as HTMLInputElement).value).toBe('Дубль');

    form = within(screen.getByTestId('page-form'));
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.pages, 'add').mockRejectedValue(quota);
    fill('Адрес страницы', 'https://vk.com/club2', form);
    fireEvent.click(form.getByRole('button', { name: 'Добавить страницу' }));
    expect(await form.findByText(/Не хватает места для данных расширения/)).toBeTruthy();
    expect((form.getByLabelText('Название') as HTMLInputElement).value).toBe('Дубль');
    expect((form.getByLabelText('Адрес страницы') as HTMLInputElement).value).toBe('https://vk.com/club2');
    spy.mockRestore();
    expect(await listPages(db)).toHaveLength(1);
  });
});
