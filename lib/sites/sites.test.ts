// @vitest-environment happy-dom
/** Small inline pages for the paths the fixtures do not cover. */
import { beforeEach, describe, expect, it } from 'vitest';
import { classifyButton, classifyEditor, findPublishButton, readReplyTarget } from './index';

const $ = (sel: string) => {
  const el = document.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findPublishButton', () => {
  it('falls back to the visible label inside the same dialog', () => {
    document.body.innerHTML = `
      <button id="elsewhere">Опубликовать</button>
      <div role="dialog"><div data-testid="posting_base_screen_input_message" contenteditable="true"></div>
        <div><button id="other">Отмена</button><button id="pub">Опубликовать</button></div></div>`;
    const ed = $('[data-testid="posting_base_screen_input_message"]');
    const c = classifyEditor('https://vk.com/club1', ed);
    expect(c).toEqual({ network: 'vk', kind: 'post', communityId: '1' });
    expect(findPublishButton(ed, c as NonNullable<typeof c>)).toBe($('#pub'));
  });

  it('never searches the whole page', () => {
    document.body.innerHTML = `
      <main><section><div><div><div><div><div id="ed" class="js-comments_add" contenteditable="true"></div></div></div></div></div></section></main>
      <div class="comments_add-controls"><button data-l="t,submit">Добавить</button></div>`;
    const ed = $('#ed');
    const c = classifyEditor('https://ok.ru/group/5/topic/6', ed);
    expect(c).toMatchObject({ network: 'ok', kind: 'comment', communityId: '5', postId: '6' });
    expect(findPublishButton(ed, c as NonNullable<typeof c>)).toBeNull();
  });

  it('aria-label «Отправить сообщение» for messages', () => {
    document.body.innerHTML = `<div class="ConvoComposer__inputPanel"><span class="ComposerInput__input" contenteditable="true"></span></div>
      <div><button aria-label="Отправить сообщение" id="send">➤</button></div>`;
    const ed = $('.ComposerInput__input');
    expect(findPublishButton(ed, { network: 'vk', kind: 'message', communityId: '1' })).toBeNull();
    document.body.innerHTML = `<div class="fx"><div class="ConvoComposer__inputPanel"><span class="ComposerInput__input" contenteditable="true"></span></div>
      <button aria-label="Отправить сообщение" id="send">➤</button></div>`;
    expect(findPublishButton($('.ComposerInput__input'), { network: 'vk', kind: 'message', communityId: '1' })).toBe(
      $('#send'),
    );
  });
});

describe('VK context rules', () => {
  it('a comment box in a post layer opened with ?w=', () => {
    document.body.innerHTML = `<div id="post-layer"><div data-testid="post" data-post-id="-77_9"></div>
      <div class="vkitCommentInput__root-x"><div data-testid="content-editable-input" contenteditable="true"></div></div></div>`;
    expect(classifyEditor('https://vk.com/feed?w=wall-77_9', $('[data-testid="content-editable-input"]'))).toEqual({
      network: 'vk',
      kind: 'comment',
      communityId: '77',
      postId: '-77_9',
    });
  });

  it('role=textbox fallback: inside the posting modal → post, inside a post → comment, elsewhere → null', () => {
    document.body.innerHTML = `
      <div data-testid="posting_modal_box"><div id="a" contenteditable="true" role="textbox"></div></div>
      <div data-testid="post" data-post-id="-5_6"><div id="b" contenteditable="true" role="textbox"></div></div>
      <div id="c" contenteditable="true" role="textbox"></div>
      <div data-testid="post" data-post-id="-5_7"><div id="d" contenteditable="true"></div></div>`;
    expect(classifyEditor('https://vk.com/club5', $('#a'))).toEqual({ network: 'vk', kind: 'post', communityId: '5' });
    expect(classifyEditor('https://vk.com/club5', $('#b'))).toEqual({
      network: 'vk',
      kind: 'comment',
      communityId: '5',
      postId: '-5_6',
    });
    expect(classifyEditor('https://vk.com/club5', $('#c'))).toBeNull();
    expect(classifyEditor('https://vk.com/club5', $('#d'))).toBeNull();
  });

  it('a user wall post: comment with no community', () => {
    document.body.innerHTML = `<div data-testid="post" data-post-id="42_7"><div data-testid="content-editable-input" contenteditable="true"></div></div>`;
    expect(classifyEditor('https://vk.com/feed', $('[data-testid="content-editable-input"]'))).toEqual({
      network: 'vk',
      kind: 'comment',
      communityId: '',
      postId: '42_7',
    });
  });

  it('reply chip layout: «ответ Анне» in the input block of the bottom box', () => {
    document.body.innerHTML = `<div data-testid="post" data-post-id="-1_2">
      <div data-testid="wall_comments_comment_root" id="c_10"><div data-testid="comment-owner">Анна Смирнова</div></div>
      <div data-testid="wall_comments_comment_root" id="c_11"><div data-testid="comment-owner">Пётр Иванов</div></div>
      <div class="vkitCommentInput__root--a"><div class="vkitCommentReplyTarget__root--b">ответ Петру</div>
        <div data-testid="content-editable-input" contenteditable="true"></div></div></div>`;
    expect(readReplyTarget($('[data-testid="content-editable-input"]'), 'https://vk.com/wall-1_2')).toEqual({
      authorName: 'Пётр Иванов',
      commentId: '11',
    });
    $('.vkitCommentReplyTarget__root--b').innerHTML = 'ответ <a href="/wall-1_2?reply=10">Анне</a>';
    expect(readReplyTarget($('[data-testid="content-editable-input"]'))).toEqual({
      authorName: 'Анна Смирнова',
      commentId: '10',
    });
  });

  it('«Петр, » matches «Пётр» (ё/е)', () => {
    document.body.innerHTML = `<div data-testid="post" data-post-id="-1_2">
      <div data-testid="wall_comments_comment_root" id="c_10"><div data-testid="comment-owner">Анна Смирнова</div>
        <div data-testid="wall_comments_comment_in_thread" id="c_12"><div data-testid="comment-owner">Пётр Иванов</div></div>
        <div class="vkitCommentInput__root-x"><div data-testid="content-editable-input" contenteditable="true">Петр, добрый день</div></div>
      </div></div>`;
    expect(readReplyTarget($('[data-testid="content-editable-input"]'), 'https://vk.com/wall-1_2')).toEqual({
      authorName: 'Пётр Иванов',
      commentId: '12',
    });
  });
});

describe('buttons', () => {
  it('VK: suggest and scheduled submissions are not publications', () => {
    document.body.innerHTML = `<button data-testid="posting_suggest_button">Предложить пост</button>
      <button data-testid="posting_postponed_publish_button">Запланировать</button>
      <button id="send_post">Предложить новость</button>
      <button data-testid="posting_submit_button"><span>Опубликовать</span></button>`;
    const url = 'https://vk.com/club1';
    expect(classifyButton(url, $('[data-testid="posting_suggest_button"]'))?.action).toBe('suggest');
    expect(classifyButton(url, $('[data-testid="posting_postponed_publish_button"]'))?.action).toBe('schedule');
    expect(classifyButton(url, $('#send_post'))?.action).toBe('suggest');
    const span = $('[data-testid="posting_submit_button"] span');
    expect(classifyButton(url, span)).toMatchObject({ network: 'vk', kind: 'post', action: 'publish' });
    expect(classifyButton(url, document.body)).toBeNull();
    expect(classifyButton('https://example.org/', span)).toBeNull();
  });
});

describe('OK context rules', () => {
  it('legacy messages form on /messages is a message, not a comment', () => {
    document.body.innerHTML = `<div class="comments_add_form"><div class="comments_add-ceditable" name="st.txt" contenteditable="true"></div>
      <button class="button-pro comments_add-controls_save">Отправить</button></div>`;
    const ed = $('.comments_add-ceditable');
    const c = classifyEditor('https://ok.ru/messages/12', ed);
    expect(c).toEqual({ network: 'ok', kind: 'message', communityId: '' });
    expect(findPublishButton(ed, c as NonNullable<typeof c>)).toBe($('.comments_add-controls_save'));
  });

  it('a personal feed posting form has no community', () => {
    document.body.innerHTML = `<div data-module="postingForm/mediaText"><div class="posting_itx js-posting-itx" contenteditable="true"></div></div>`;
    expect(classifyEditor('https://ok.ru/feed', $('.js-posting-itx'))).toEqual({
      network: 'ok',
      kind: 'post',
      communityId: '',
    });
  });
});
