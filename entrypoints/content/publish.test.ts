// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { PUBLISH_WINDOW_MS, type PublishedPost, PublishTracker } from './publish';

/**
 * The publish tracker on the page copies with their own scripts running (happy-dom): the copies publish,
 * comment and schedule like the sites do, and the tracker must report exactly the real publications.
 */
const DIR = `${resolve(__dirname, '../../test/fixtures')}/`;
const windows: Window[] = [];
const trackers: PublishTracker[] = [];
afterEach(async () => {
  for (const t of trackers.splice(0)) t.dispose();
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

async function setup(file: string, url: string) {
  const w = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  windows.push(w);
  w.document.write(readFileSync(DIR + file, 'utf8'));
  await w.happyDOM.waitUntilComplete();
  const doc = w.document as unknown as Document;
  const reports: PublishedPost[] = [];
  const clock = { now: Date.UTC(2026, 10, 30, 9, 0) };
  const tracker = new PublishTracker({
    doc,
    url: () => url,
    report: (p) => reports.push(p),
    now: () => clock.now,
    tz: 'Europe/Moscow',
  });
  trackers.push(tracker);
  doc.addEventListener('click', (e) => tracker.onClick(e.target), true);
  doc.addEventListener('input', (e) => tracker.onInput(e.target), true);
  const $ = (sel: string) => {
    const el = doc.querySelector<HTMLElement>(sel);
    if (!el) throw new Error(`${file}: no ${sel}`);
    return el;
  };
  /** Types like the site expects: DOM text + an input event (the site's model follows input events). */
  const type = (sel: string, text: string) => {
    const el = $(sel);
    el.textContent = text;
    el.dispatchEvent(new w.Event('input', { bubbles: true }) as unknown as Event);
  };
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { w, doc, $, type, reports, tracker, clock, tick };
}

describe('VK new composer', () => {
  const url = 'https://vk.com/club123';
  it('counts «Далее» → «Опубликовать» once with the new post id; a comment is not a post', async () => {
    const { $, type, reports, tracker } = await setup('vk-club-new-composer.html', url);
    type('[data-testid="posting_base_screen_input_message"]', 'Друзья, в субботу ярмарка на площади!');
    $('[data-testid="posting_base_screen_next"]').click();
    $('[data-testid="posting_submit_button"]').click();
    expect($('[data-testid="post"]').getAttribute('data-post-id')).toBe('-123_3');
    tracker.check();
    tracker.check();
    expect(reports).toEqual([
      {
        network: 'vk',
        communityId: '123',
        text: 'Друзья, в субботу ярмарка на площади!',
        postId: '-123_3',
        publishedAt: expect.any(Number),
      },
    ]);
    expect(tracker.pendingCount).toBe(0);

    type('[data-post-id="-123_1"] [data-testid="content-editable-input"]', 'Анна, расчистят в четверг.');
    $('[data-post-id="-123_1"] [data-testid="send-comment"]').click();
    expect(tracker.pendingCount).toBe(0);
    tracker.check();
    expect(reports).toHaveLength(1);
  });

  it('a click stopped by the pre-publish card, then «Опубликовать всё равно» (button.click()): one report', async () => {
    const { doc, $, type, reports, tracker } = await setup('vk-club-new-composer.html', url);
    let stop = true;
    // the in-page checker's interception: capture listener on document, registered before ours
    const first = (e: Event) => {
      if (stop && (e.target as Element).closest?.('[data-testid="posting_submit_button"]')) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    doc.addEventListener('click', first, true);
    type('[data-testid="posting_base_screen_input_message"]', 'Проверка текста с ашибкой.');
    $('[data-testid="posting_base_screen_next"]').click();
    $('[data-testid="posting_submit_button"]').click(); // stopped (ours may or may not see it)
    tracker.check();
    expect(reports).toEqual([]);
    stop = false;
    $('[data-testid="posting_submit_button"]').click(); // «Опубликовать всё равно»
    tracker.check();
    expect(reports.map((r) => r.postId)).toEqual(['-123_3']);
    expect(tracker.pendingCount).toBe(0);
  });

  it('a click that publishes nothing expires; posts that appear without a click never count', async () => {
    const { doc, $, reports, tracker, clock } = await setup('vk-club-new-composer.html', url);
    // DOM text without the site's input path: the site's model is empty, «Опубликовать» publishes nothing
    $('[data-testid="posting_base_screen_input_message"]').textContent = 'Черновик, который не ушёл';
    $('[data-testid="posting_submit_button"]').click();
    expect(tracker.pendingCount).toBe(1);
    clock.now += PUBLISH_WINDOW_MS + 1000;
    tracker.check();
    expect(tracker.pendingCount).toBe(0);
    // the wall refreshes / the page is reloaded: the post is there, but nobody clicked «Опубликовать» now
    const post = doc.createElement('div');
    post.setAttribute('data-testid', 'post');
    post.setAttribute('data-post-id', '-123_9');
    post.textContent = 'Черновик, который не ушёл';
    doc.querySelector('.fx-wall')!.prepend(post);
    tracker.check();
    expect(reports).toEqual([]);
  });

  it('a post of another wall (a repost in the feed) does not confirm the click', async () => {
    const { doc, $, reports, tracker } = await setup('vk-club-new-composer.html', url);
    $('[data-testid="posting_base_screen_input_message"]').textContent = 'Текст';
    $('[data-testid="posting_submit_button"]').click();
    const post = doc.createElement('div');
    post.setAttribute('data-testid', 'post');
    post.setAttribute('data-post-id', '-999_5');
    post.textContent = 'Текст';
    doc.querySelector('.fx-wall')!.prepend(post);
    tracker.check();
    expect(reports).toEqual([]);
    expect(tracker.pendingCount).toBe(1);
  });
});

describe('VK legacy composer (vk.ru)', () => {
  it('#send_post with the restored draft counts with the post id; a reply does not', async () => {
    const { $, type, reports, tracker } = await setup('vk-club-legacy-composer.html', 'https://vk.ru/club123');
    $('#send_post').click();
    tracker.check();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ network: 'vk', communityId: '123', postId: '-123_6' });
    expect(reports[0]!.text).toBe(
      'Уважаемые жители! 😀\nНапоминаем, что 5 декабря в 10:00 в администрации пройдёт приём граждан главой района.',
    );
    type('#reply_field-123_1', 'Анна, спасибо!');
    $('#reply_button-123_1').click();
    tracker.check();
    expect(reports).toHaveLength(1);
  });
});

describe('OK posting form', () => {
  const url = 'https://ok.ru/group/555/topics';
  it('«Поделиться» counts the new topic (no id); a scheduled topic counts at the toast time', async () => {
    const { w, doc, $, type, reports, tracker, tick } = await setup('ok-group-topics.html', url);
    type('.js-posting-itx', 'Открыта запись на курсы компьютерной грамотности.');
    $('.js-publish-btn').click();
    tracker.check();
    expect(reports).toEqual([
      {
        network: 'ok',
        communityId: '555',
        text: 'Открыта запись на курсы компьютерной грамотности.',
        publishedAt: expect.any(Number),
      },
    ]);

    $('a.pf-head_itx_a').click();
    type('.js-posting-itx', 'Вечером играет духовой оркестр.');
    const timer = $('input[name="timer"]') as HTMLInputElement;
    timer.checked = true;
    timer.dispatchEvent(new w.Event('change', { bubbles: true }) as unknown as Event);
    expect(doc.querySelector('.js-publish-btn')!.textContent).toBe('Сохранить');
    $('.js-publish-btn').click();
    await tick();
    expect(reports).toHaveLength(2);
    expect(reports[1]).toEqual({
      network: 'ok',
      communityId: '555',
      text: 'Вечером играет духовой оркестр.',
      publishedAt: Date.UTC(2026, 11, 1, 7, 0), // 01.12.2026 10:00 Moscow
    });
    expect(tracker.pendingCount).toBe(0);
  });

  it('a comment under a topic is not a post', async () => {
    const { $, type, reports, tracker } = await setup('ok-topic-comments.html', 'https://ok.ru/group/555/topic/777');
    type('.js-comments_add', 'Спасибо за вопрос!');
    $('button[data-l="t,submit"]').click();
    expect(tracker.pendingCount).toBe(0);
    tracker.check();
    expect(reports).toEqual([]);
  });
});
