// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { describeRule, patternText, RULE_GROUPS } from '@/components/options/rules';
import { check } from '@/lib/checks/index';
import { getSetting, setSetting } from '@/lib/store/queries';
import { freshDB, renderOptions, section } from './options-render';

describe('rule catalogue', () => {
  it('names stored rule ids in Russian', () => {
    expect(patternText('*осуществлять|*осуществить')).toBe('осуществлять');
    expect(patternText('довести до ?вашего сведения')).toBe('довести до вашего сведения');
    expect(describeRule('kants.v-tselyakh').label).toBe('«в целях» (оборот-связка)');
    expect(describeRule('kants.v-tselyakh').category).toBe('style');
    expect(describeRule('phrase.v-techenii').label).toBe('Выражение «в течении»');
    expect(describeRule('punct.double-space').label).toBe('Двойной пробел');
    expect(describeRule('style').label).toBe('Стиль и канцелярит');
    expect(describeRule('something.new').label).toBe('Правило something.new');
  });

  it('every toggle id really silences findings in check()', () => {
    const text = 'В целях обеспечения безопасности данный проезд закрыт ,  Обьявление.';
    const all = check(text, { mode: 'post' }, null).findings;
    expect(all.some((f) => f.rule.startsWith('kants.'))).toBe(true);
    for (const g of RULE_GROUPS) {
      const left = check(text, { mode: 'post', disabledRules: [g.toggleId] }, null).findings;
      expect(left.filter((f) => f.category === g.category)).toEqual([]);
      for (const item of g.items) {
        const rest = check(text, { mode: 'post', disabledRules: [item.id] }, null).findings;
        expect(rest.some((f) => f.rule === item.id || f.rule.startsWith(`${item.id}.`))).toBe(false);
      }
    }
  });
});

describe('options: «Проверка»', () => {
  it('switches a rule family off and on again', async () => {
    const { db } = await renderOptions();
    const s = section('Проверка');
    const kants = s.getByRole('checkbox', { name: /Канцеляризмы и штампы/ }) as HTMLInputElement;
    expect(kants.checked).toBe(true);
    fireEvent.click(kants);
    await waitFor(async () => expect(await getSetting(db, 'disabledRules')).toEqual(['kants']));
    await waitFor(() => expect(kants.checked).toBe(false));
    expect(s.getByTestId('checks-message').textContent).toContain('отключено');
    fireEvent.click(kants);
    await waitFor(async () => expect(await getSetting(db, 'disabledRules')).toEqual([]));
  });

  it('switches a whole group off; its rules show as off and cannot be changed', async () => {
    const { db } = await renderOptions();
    const s = section('Проверка');
    fireEvent.click(s.getByRole('checkbox', { name: 'Пунктуация' }));
    await waitFor(async () => expect(await getSetting(db, 'disabledRules')).toEqual(['punctuation']));
    const typo = s.getByRole('checkbox', { name: /Типографика/ }) as HTMLInputElement;
    await waitFor(() => expect(typo.disabled).toBe(true));
    expect(typo.checked).toBe(false);
  });

  it('lists rules switched off from the page and turns them back on', async () => {
    const db = freshDB();
    await setSetting(db, 'disabledRules', ['kants.v-tselyakh', 'phrase.v-techenii', 'greeting.missing']);
    await renderOptions({ db });
    const s = section('Проверка');
    const list = within(s.getByTestId('disabled-rules'));
    expect(list.getByText('«в целях» (оборот-связка)')).toBeTruthy();
    expect(list.getByText('Выражение «в течении»')).toBeTruthy();
    // greeting.missing has its own checkbox, so it is not repeated in the list
    expect(list.queryByText('Нет приветствия в ответе')).toBeNull();
    expect((s.getByRole('checkbox', { name: 'Нет приветствия в ответе' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(list.getByRole('button', { name: 'Включить снова: «в целях» (оборот-связка)' }));
    await waitFor(async () =>
      expect(await getSetting(db, 'disabledRules')).toEqual(['phrase.v-techenii', 'greeting.missing']),
    );
    fireEvent.click(s.getByRole('button', { name: 'Включить все правила' }));
    await waitFor(async () => expect(await getSetting(db, 'disabledRules')).toEqual([]));
    expect(await s.findByTestId('disabled-rules-empty')).toBeTruthy();
  });

  it('stores the pre-publish warning and the sites where the checker is off', async () => {
    const { db } = await renderOptions();
    const s = section('Проверка');
    const warn = s.getByRole('checkbox', { name: /Предупреждать перед публикацией, если в тексте есть ошибки/ });
    fireEvent.click(warn);
    await waitFor(async () => expect(await getSetting(db, 'prePublishWarning')).toBe(false));
    for (const host of ['vk.com', 'vk.ru', 'ok.ru']) {
      expect(s.getByRole('checkbox', { name: host })).toBeTruthy();
    }
    fireEvent.click(s.getByRole('checkbox', { name: 'ok.ru' }));
    await waitFor(async () => expect(await getSetting(db, 'disabledSites')).toEqual(['ok.ru']));
    fireEvent.click(s.getByRole('checkbox', { name: /m\.vk\.com/ }));
    await waitFor(async () => expect(await getSetting(db, 'disabledSites')).toEqual(['ok.ru', 'm.vk.com']));
    await waitFor(() => expect((s.getByRole('checkbox', { name: 'ok.ru' }) as HTMLInputElement).checked).toBe(false));
    fireEvent.click(s.getByRole('checkbox', { name: 'ok.ru' }));
    await waitFor(async () => expect(await getSetting(db, 'disabledSites')).toEqual(['m.vk.com']));
    expect(screen.getByText('Проверка на ok.ru включена.')).toBeTruthy();
  });

  it('a failed write shows a Russian message and leaves the stored value as it was', async () => {
    const { db } = await renderOptions();
    const s = section('Проверка');
    const spy = vi.spyOn(db.settings, 'put').mockRejectedValue(new Error('disk I/O'));
    const kants = s.getByRole('checkbox', { name: /Канцеляризмы и штампы/ }) as HTMLInputElement;
    fireEvent.click(kants);
    expect((await s.findByRole('alert')).textContent).toBe(
      'Не удалось сохранить данные расширения. Попробуйте ещё раз.',
    );
    spy.mockRestore();
    expect(await getSetting(db, 'disabledRules')).toEqual([]);
    expect(kants.checked).toBe(true);
  });
});
