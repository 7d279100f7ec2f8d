// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addWord, listWords } from '@/lib/store/queries';
import { freshDB, renderOptions, section } from './options-render';

describe('options: «Мой словарь»', () => {
  it('adds and removes words, with undo', async () => {
    const { db } = await renderOptions();
    const s = section('Мой словарь');
    expect(s.getByText(/Словарь пуст/)).toBeTruthy();
    const input = s.getByLabelText('Новое слово') as HTMLInputElement;
    fireEvent.change(input, { target: { value: ' Пластуновская ' } });
    fireEvent.click(s.getByRole('button', { name: 'Добавить' }));
    expect(await s.findByText('Слово «Пластуновская» добавлено.')).toBeTruthy();
    expect(input.value).toBe('');
    expect(await listWords(db)).toEqual(['Пластуновская']);
    const words = within(await s.findByTestId('dictionary-words'));
    expect(words.getByText('Пластуновская')).toBeTruthy();

    fireEvent.change(input, { target: { value: 'Пластуновская' } });
    fireEvent.submit(input.closest('form')!);
    expect(await s.findByText('Слово «Пластуновская» уже есть в словаре.')).toBeTruthy();

    fireEvent.click(s.getByRole('button', { name: 'Удалить слово «Пластуновская»' }));
    await waitFor(async () => expect(await listWords(db)).toEqual([]));
    expect(await s.findByText('Слово «Пластуновская» удалено из словаря.')).toBeTruthy();
    fireEvent.click(s.getByRole('button', { name: 'Вернуть' }));
    await waitFor(async () => expect(await listWords(db)).toEqual(['Пластуновская']));
  });

  it('rejects two words at once with a Russian message', async () => {
    const { db } = await renderOptions();
    const s = section('Мой словарь');
    const input = s.getByLabelText('Новое слово') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'два слова' } });
    fireEvent.click(s.getByRole('button', { name: 'Добавить' }));
    expect((await s.findByRole('alert')).textContent).toBe(
      'В словарь можно добавить одно слово без пробелов, до 100 символов.',
    );
    expect(input.value).toBe('два слова');
    expect(await listWords(db)).toEqual([]);
  });

  it('filters the list, ignoring case and ё', async () => {
    const db = freshDB();
    for (const w of ['Валуйки', 'Новоалтайск', 'Пятигорск', 'Ёлкино']) await addWord(db, w);
    await renderOptions({ db });
    const s = section('Мой словарь');
    expect(s.getByText('4 слова в словаре')).toBeTruthy();
    fireEvent.change(s.getByLabelText('Найти в словаре'), { target: { value: 'горск' } });
    const words = within(s.getByTestId('dictionary-words'));
    expect(words.getAllByRole('listitem').map((li) => li.textContent?.replace('×', ''))).toEqual(['Пятигорск']);
    expect(s.getByText('Найдено: 1 из 4')).toBeTruthy();
    fireEvent.change(s.getByLabelText('Найти в словаре'), { target: { value: 'елк' } });
    expect(within(s.getByTestId('dictionary-words')).getByText('Ёлкино')).toBeTruthy();
    fireEvent.change(s.getByLabelText('Найти в словаре'), { target: { value: 'москва' } });
    expect(s.getByText('Ничего не найдено.')).toBeTruthy();
    expect(screen.queryByTestId('dictionary-words')).toBeNull();
  });
});
