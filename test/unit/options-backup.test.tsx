// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describeCounts } from '@/components/options/BackupSection';
import { exportAll } from '@/lib/store/backup';
import { addPage, addWord, getSetting, listPages, listWords, setSetting } from '@/lib/store/queries';
import { freshDB, renderOptions, section } from './options-render';

async function seed() {
  const db = freshDB();
  await addPage(db, {
    network: 'vk',
    communityId: '10',
    address: 'https://vk.com/club10',
    name: 'Город',
    presetId: 'tomsk',
  });
  await addWord(db, 'Валуйки');
  await setSetting(db, 'defaultPresetId', 'tomsk');
  return db;
}

/** Everything in the database except the export time. */
async function snapshot(db: Awaited<ReturnType<typeof seed>>) {
  const doc = JSON.parse(await exportAll(db, { now: 0 }));
  return doc.data;
}

function chooseFile(text: string, name = 'copy.json') {
  const input = screen.getByTestId('backup-file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

describe('options: «Резервная копия»', () => {
  it('asks for persistent storage once and says what it got', async () => {
    const { requestPersistent } = await renderOptions({ persisted: false });
    const note = await screen.findByText(/Браузер может удалить данные при нехватке места/);
    expect(note).toBeTruthy();
    expect(requestPersistent).toHaveBeenCalledTimes(1);
  });

  it('downloads a JSON copy named with the date', async () => {
    const db = await seed();
    const { download } = await renderOptions({ db });
    expect(await screen.findByText(/Хранилище постоянное/)).toBeTruthy();
    fireEvent.click(section('Резервная копия').getByRole('button', { name: 'Скачать копию' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, text] = download.mock.calls[0]!;
    expect(name).toMatch(/^gospublic-helper-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(text);
    expect(doc.format).toBe('gospublic-helper-backup');
    expect(doc.data.pages[0].name).toBe('Город');
    expect(doc.data.dictionary[0].word).toBe('Валуйки');
    expect(screen.getByTestId('backup-message').textContent).toContain(name);
  });

  it('shows the Russian error for a broken file and changes nothing', async () => {
    const db = await seed();
    await renderOptions({ db });
    const before = await snapshot(db);
    chooseFile('{"format":"gospublic-helper-backup","version":1,"data":{"pag');
    expect((await screen.findByTestId('backup-error')).textContent).toBe(
      'Файл повреждён: копия обрезана или испорчена, JSON не читается. Данные расширения не изменены.',
    );
    chooseFile('это не json');
    await waitFor(() =>
      expect(screen.getByTestId('backup-error').textContent).toBe(
        'Файл повреждён: это не JSON. Данные расширения не изменены.',
      ),
    );
    chooseFile(
      JSON.stringify({ format: 'gospublic-helper-backup', version: 1, exportedAt: 'x', data: { pages: [{}] } }),
    );
    await waitFor(() => expect(screen.getByTestId('backup-error').textContent).toMatch(/^В копии ошибка: pages\[0\]/));
    expect(await snapshot(db)).toEqual(before);
    expect(screen.queryByTestId('backup-message')).toBeNull();
  });

  it('merges a copy and reports the counts', async () => {
    const source = await seed();
    await addWord(source, 'Томск');
    const json = await exportAll(source);
    const db = freshDB();
    await addWord(db, 'Томск');
    await renderOptions({ db });
    chooseFile(json);
    const msg = await screen.findByTestId('backup-message');
    expect(msg.textContent).toBe(
      'Копия восстановлена. Добавлено: 1 страница, 1 настройка, 1 слово. Уже были у вас и оставлены как есть: 1 слово.',
    );
    expect(await listPages(db)).toMatchObject([{ name: 'Город', communityId: '10' }]);
    expect(await listWords(db)).toEqual(['Валуйки', 'Томск']);
    expect(await getSetting(db, 'defaultPresetId')).toBe('tomsk');
  });

  it('asks before replacing everything with a copy', async () => {
    const source = await seed();
    const json = await exportAll(source);
    const db = freshDB();
    await addWord(db, 'Лишнее');
    await renderOptions({ db });
    fireEvent.click(screen.getByRole('radio', { name: /Заменить все данные копией/ }));
    chooseFile(json, 'gospublic-helper-2026-12-01.json');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain(
      'В файле «gospublic-helper-2026-12-01.json»: 1 страница, 1 настройка, 1 слово.',
    );
    expect(await listWords(db)).toEqual(['Лишнее']);
    fireEvent.click(screen.getByRole('button', { name: 'Заменить данные' }));
    expect((await screen.findByTestId('backup-message')).textContent).toContain('Загружено: 1 страница');
    expect(await listWords(db)).toEqual(['Валуйки']);
  });

  it('describes counts in Russian', () => {
    expect(describeCounts({ pages: 2, posts: 5, settings: 0, dictionary: 21, templates: 3 })).toBe(
      '2 страницы, 5 постов, 21 слово, 3 шаблона',
    );
    expect(describeCounts({ pages: 0, posts: 0, settings: 0, dictionary: 0, templates: 0 })).toBe('ничего');
  });
});
