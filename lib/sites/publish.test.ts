// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  communityAddress,
  findComposerEditor,
  isScheduledToast,
  listWallPosts,
  MATCH_PREFIX,
  matchKey,
  nameFromTitle,
  pageInfo,
  parseScheduledToast,
  scheduledToastNetwork,
  textsMatch,
  vkComposerModal,
  vkPostCommunity,
  vkScheduleInputsTime,
} from './publish';
import { pageContext } from './url';

const DIR = `${resolve(__dirname, '../../test/fixtures')}/`;
const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

async function open(file: string, url: string) {
  const w = new Window({ url, settings: { enableJavaScriptEvaluation: false } });
  windows.push(w);
  w.document.write(readFileSync(DIR + file, 'utf8'));
  await w.happyDOM.waitUntilComplete();
  return w.document as unknown as Document;
}

describe('textsMatch', () => {
  it('finds the composed text inside the wall block (author line, date, emoji, spacing do not matter)', () => {
    const composed = 'Уважаемые жители! 😀\nНапоминаем, что 5 декабря в 10:00 пройдёт приём.';
    const shown =
      'Администрация Энского района только что Уважаемые жители!  Напоминаем, что 5 декабря в 10:00 пройдёт приём.';
    expect(textsMatch(composed, shown)).toBe(true);
  });
  it('accepts a wall that shortens a long post («Показать ещё»)', () => {
    const composed = `${'Длинный текст про ремонт дороги на улице Садовой, '.repeat(5)}конец.`;
    const shown = `${composed.slice(0, 120)}… Показать ещё`;
    expect(matchKey(shown).length).toBeGreaterThan(MATCH_PREFIX);
    expect(textsMatch(composed, shown)).toBe(true);
  });
  it('rejects a different post, ё/е and case are the same letter', () => {
    expect(textsMatch('Приём граждан в пятницу', 'Отключение воды в четверг')).toBe(false);
    expect(textsMatch('Ёлка на площади', 'ЕЛКА НА ПЛОЩАДИ!')).toBe(true);
  });
  it('an empty composed text (photo only) matches any new post', () => {
    expect(textsMatch('😀', 'что угодно')).toBe(true);
  });
});

describe('parseScheduledToast', () => {
  const tz = 'Europe/Moscow';
  const now = Date.UTC(2026, 10, 30, 7, 0); // Mon 30.11.2026 10:00 MSK
  it('reads «Тема опубликуется 01.12.2026 в 10:00» in the given zone', () => {
    expect(parseScheduledToast('Тема опубликуется 01.12.2026 в 10:00', now, tz)).toBe(Date.UTC(2026, 11, 1, 7, 0));
    expect(parseScheduledToast('Тема опубликуется 01.12.2026 в 10:00', now, 'Asia/Tomsk')).toBe(
      Date.UTC(2026, 11, 1, 3, 0),
    );
  });
  it('reads dates without a year, with month names, today and tomorrow', () => {
    expect(parseScheduledToast('Тема опубликуется 3.12 в 9:05', now, tz)).toBe(Date.UTC(2026, 11, 3, 6, 5));
    expect(parseScheduledToast('Тема опубликуется 5 декабря в 18:30', now, tz)).toBe(Date.UTC(2026, 11, 5, 15, 30));
    expect(parseScheduledToast('Тема опубликуется 5 дек. 2027 в 18:30', now, tz)).toBe(Date.UTC(2027, 11, 5, 15, 30));
    expect(parseScheduledToast('Тема опубликуется сегодня в 23:59', now, tz)).toBe(Date.UTC(2026, 10, 30, 20, 59));
    expect(parseScheduledToast('Тема\u00a0опубликуется завтра в 08:00', now, tz)).toBe(Date.UTC(2026, 11, 1, 5, 0));
    // «10.01» seen on 30 November is next January
    expect(parseScheduledToast('Тема опубликуется 10.01 в 12:00', now, tz)).toBe(Date.UTC(2027, 0, 10, 9, 0));
  });
  it('rejects other texts and impossible dates', () => {
    expect(isScheduledToast('Тема опубликована')).toBe(false);
    expect(parseScheduledToast('Тема опубликована', now, tz)).toBeNull();
    expect(parseScheduledToast('Тема опубликуется 31.11.2026 в 10:00', now, tz)).toBeNull();
    expect(parseScheduledToast('Тема опубликуется 01.12.2026 в 25:00', now, tz)).toBeNull();
    expect(parseScheduledToast('Тема опубликуется 5 брюмера в 10:00', now, tz)).toBeNull();
  });
  it("reads VK's postponed-post toast «Запись будет опубликована …» (GUESS wording)", () => {
    const t = 'Запись будет опубликована 01.12.2026 в 10:00';
    expect(scheduledToastNetwork(t)).toBe('vk');
    expect(scheduledToastNetwork('Тема опубликуется 01.12.2026 в 10:00')).toBe('ok');
    expect(scheduledToastNetwork('Запись опубликована')).toBeNull();
    expect(parseScheduledToast(t, now, tz)).toBe(Date.UTC(2026, 11, 1, 7, 0));
    expect(parseScheduledToast('Запись\u00a0будет опубликована завтра в 08:00', now, tz)).toBe(
      Date.UTC(2026, 11, 1, 5, 0),
    );
  });
});

describe('vkScheduleInputsTime', () => {
  it("reads the schedule panel's date and time inputs (GUESS markup) in the given zone", () => {
    document.body.innerHTML = `<div data-testid="posting_modal_box" role="dialog">
      <div class="vkuiCalendar__host"></div><input type="date" value="2026-12-01"><input type="time" value="10:30">
      <button data-testid="posting_postponed_publish_button">Запланировать</button></div>`;
    const b = document.querySelector('[data-testid="posting_postponed_publish_button"]') as Element;
    expect(vkComposerModal(b)?.getAttribute('data-testid')).toBe('posting_modal_box');
    expect(vkScheduleInputsTime(b, 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 1, 7, 30));
    (document.querySelector('input[type=time]') as HTMLInputElement).value = '';
    expect(vkScheduleInputsTime(b, 'Europe/Moscow')).toBeNull();
  });
});

describe('page names and addresses', () => {
  it('strips the network from the title', () => {
    expect(nameFromTitle('Администрация Энского района | ВКонтакте', 'vk')).toBe('Администрация Энского района');
    expect(nameFromTitle('Запись сообщества Администрация Энского района | ВКонтакте', 'vk')).toBe(
      'Администрация Энского района',
    );
    expect(nameFromTitle('Администрация Энского района | OK', 'ok')).toBe('Администрация Энского района');
    expect(nameFromTitle('Администрация Энского района — Одноклассники', 'ok')).toBe('Администрация Энского района');
  });
  it('gives a stable community address', () => {
    const at = (u: string) => communityAddress(pageContext(u)!, u);
    expect(at('https://vk.com/club123?w=wall-123_5')).toBe('https://vk.com/club123');
    expect(at('https://vk.ru/public123/')).toBe('https://vk.ru/public123');
    expect(at('https://vk.com/wall-123_456')).toBe('https://vk.com/club123');
    expect(at('https://m.vk.com/gim123?sel=5')).toBe('https://vk.com/club123');
    expect(at('https://ok.ru/group/555/topic/777')).toBe('https://ok.ru/group/555');
    expect(at('https://vk.com/feed')).toBe('');
    const ctx = pageContext('https://vk.com/adm_ensk')!;
    expect(communityAddress(ctx, 'https://vk.com/adm_ensk', '123')).toBe('https://vk.com/adm_ensk');
  });
  it('VK post ids name the community wall', () => {
    expect(vkPostCommunity('-123_5')).toBe('123');
    expect(vkPostCommunity('77_5')).toBe('');
  });
});

describe('page copies', () => {
  it('VK new composer: posts by data-post-id, name from the header, the modal box of «Опубликовать»', async () => {
    const doc = await open('vk-club-new-composer.html', 'https://vk.com/club123');
    const posts = listWallPosts(doc, 'vk');
    expect(posts.map((p) => p.postId)).toEqual(['-123_2', '-123_1']);
    expect(posts[1]!.text).toContain('Лучший зимний двор');
    expect(posts[1]!.text).not.toContain('Поздравляем соседей'); // the post's text, not its comments
    expect(pageInfo(doc, 'https://vk.com/club123')).toEqual({
      network: 'vk',
      communityId: '123',
      name: 'Администрация Энского района',
      address: 'https://vk.com/club123',
    });
    const button = doc.querySelector('[data-testid="posting_submit_button"]')!;
    expect(findComposerEditor(button, 'vk')?.getAttribute('data-testid')).toBe('posting_base_screen_input_message');
  });

  it('VK legacy composer (vk.ru): #post-123_N.post are posts, .reply#post-123_5 is a comment', async () => {
    const doc = await open('vk-club-legacy-composer.html', 'https://vk.ru/club123');
    expect(listWallPosts(doc, 'vk').map((p) => p.postId)).toEqual(['-123_2', '-123_1']);
    expect(findComposerEditor(doc.getElementById('send_post')!, 'vk')?.id).toBe('post_field');
    expect(pageInfo(doc, 'https://vk.ru/club123')?.address).toBe('https://vk.ru/club123');
  });

  it('OK topics: each topic text; the posting layer of «Поделиться»', async () => {
    const doc = await open('ok-group-topics.html', 'https://ok.ru/group/555/topics');
    const topics = listWallPosts(doc, 'ok');
    expect(topics).toHaveLength(2);
    expect(topics[0]!.postId).toBeUndefined();
    expect(topics[0]!.text).toContain('😀');
    expect(findComposerEditor(doc.querySelector('.js-publish-btn')!, 'ok')?.className).toContain('js-posting-itx');
    expect(pageInfo(doc, 'https://ok.ru/group/555/topics')).toMatchObject({
      communityId: '555',
      name: 'Администрация Энского района',
      address: 'https://ok.ru/group/555',
    });
  });

  it('not a community: OK messages, VK feed', async () => {
    const doc = await open('ok-messages.html', 'https://ok.ru/messages/999');
    expect(pageInfo(doc, 'https://ok.ru/messages/999')).toEqual({
      network: 'ok',
      communityId: '',
      name: '',
      address: '',
    });
    expect(pageInfo(doc, 'https://example.com/')).toBeNull();
  });
});
