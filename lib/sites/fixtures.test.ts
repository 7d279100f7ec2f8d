// @vitest-environment happy-dom
/**
 * The page copies in test/fixtures/ against lib/sites. Each page is loaded into its own happy-dom Window at its
 * real address. Without scripts (the default) classification must work from the static markup alone; with
 * scripts enabled the fixtures' imitation of the site (reply clicks, publishing, ?late=1) is exercised too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Classification } from '../store/schema';
import { classifyButton, classifyEditor, editorText, findPublishButton, readReplyTarget } from './index';

const DIR = `${resolve(__dirname, '../../test/fixtures')}/`;
const windows: Window[] = [];

afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

async function open(file: string, url: string, opts: { scripts?: boolean; wait?: boolean } = {}) {
  const w = new Window({ url, settings: { enableJavaScriptEvaluation: !!opts.scripts } });
  windows.push(w);
  w.document.write(readFileSync(DIR + file, 'utf8'));
  if (opts.wait !== false) await w.happyDOM.waitUntilComplete();
  const doc = w.document as unknown as Document;
  const $ = (sel: string): HTMLElement => {
    const el = doc.querySelector<HTMLElement>(sel);
    if (!el) throw new Error(`${file}: no ${sel}`);
    return el;
  };
  const type = (el: HTMLElement, text: string) => {
    el.textContent = text;
    el.dispatchEvent(new w.Event('input', { bubbles: true }) as unknown as Event);
  };
  return { w, doc, $, type };
}

interface EditorCase {
  sel: string;
  want: Classification;
  publish: string;
}
interface Case {
  file: string;
  url: string;
  editors: EditorCase[];
  decoys: string[];
}

const vk = (kind: Classification['kind'], communityId: string, postId?: string): Classification => ({
  network: 'vk',
  kind,
  communityId,
  ...(postId ? { postId } : {}),
});
const ok = (kind: Classification['kind'], communityId: string, postId?: string): Classification => ({
  network: 'ok',
  kind,
  communityId,
  ...(postId ? { postId } : {}),
});

const CASES: Case[] = [
  {
    file: 'vk-club-new-composer.html',
    url: 'https://vk.com/club123',
    editors: [
      {
        sel: '[data-testid="posting_base_screen_input_message"]',
        want: vk('post', '123'),
        publish: '[data-testid="posting_submit_button"]',
      },
      {
        sel: '[data-post-id="-123_1"] [data-testid="content-editable-input"]',
        want: vk('comment', '123', '-123_1'),
        publish: '[data-post-id="-123_1"] [data-testid="send-comment"]',
      },
    ],
    decoys: ['input[type="search"]', '[aria-label="Заметка для себя"]', '.fx-widget-poll [contenteditable]'],
  },
  {
    file: 'vk-club-legacy-composer.html',
    url: 'https://vk.ru/club123',
    editors: [
      { sel: '#post_field', want: vk('post', '123'), publish: '#send_post' },
      { sel: '#reply_field-123_1', want: vk('comment', '123', '-123_1'), publish: '#reply_button-123_1' },
    ],
    decoys: ['input[type="search"]', 'textarea', '.fx-side [contenteditable]'],
  },
  {
    file: 'vk-wall-post-comments-new.html',
    url: 'https://vk.com/wall-123_456',
    editors: [
      {
        sel: '.fx-post-input [data-testid="content-editable-input"]',
        want: vk('comment', '123', '-123_456'),
        publish: '.fx-post-input [data-testid="send-comment"]',
      },
    ],
    decoys: [
      'input[type="search"]',
      '[aria-label="Заметка для себя"]',
      '.fx-side section:nth-child(2) [contenteditable]',
    ],
  },
  {
    file: 'vk-wall-comments-legacy.html',
    url: 'https://vk.com/wall-123_457',
    editors: [
      { sel: '#reply_field-123_457', want: vk('comment', '123', '-123_457'), publish: '#reply_button-123_457' },
    ],
    decoys: ['input[type="search"]', 'textarea', '.fx-side [role="textbox"]'],
  },
  {
    file: 'vk-gim-legacy.html',
    url: 'https://vk.com/gim123?sel=456',
    editors: [{ sel: '#im_editable0', want: vk('message', '123'), publish: 'button._im_send' }],
    decoys: ['input[type="search"]', 'textarea', '.fx-notes [contenteditable]'],
  },
  {
    file: 'vk-gim-new.html',
    url: 'https://vk.com/gim123/convo/456',
    editors: [
      {
        sel: 'span.ComposerInput__input',
        want: vk('message', '123'),
        publish: 'button[aria-label="Отправить сообщение"]',
      },
    ],
    decoys: ['input[type="search"]', '[aria-label="Заметка для себя"]', '.fx-side [contenteditable]:not([role])'],
  },
  {
    file: 'ok-group-topics.html',
    url: 'https://ok.ru/group/555/topics',
    editors: [{ sel: '.js-posting-itx', want: ok('post', '555'), publish: 'button.js-publish-btn' }],
    decoys: [
      'input[type="search"]',
      '[aria-label="Заметка для себя"]',
      '.fx-side .fx-card:nth-child(2) [contenteditable]',
    ],
  },
  {
    file: 'ok-topic-comments.html',
    url: 'https://ok.ru/group/555/topic/777',
    editors: [{ sel: '.js-comments_add', want: ok('comment', '555', '777'), publish: 'button[data-l="t,submit"]' }],
    decoys: [
      'input[type="search"]',
      '[aria-label="Заметка для себя"]',
      '.fx-side .fx-card:nth-child(2) [contenteditable]',
      'textarea',
    ],
  },
  {
    file: 'ok-messages.html',
    url: 'https://ok.ru/messages/999',
    editors: [
      { sel: '[data-tsid="write_msg_input-input"]', want: ok('message', ''), publish: '[data-tsid="button_send"]' },
    ],
    decoys: ['input[type="search"]', '[aria-label="Заметка для себя"]', '.fx-side [contenteditable]:not([role])'],
  },
];

const CANDIDATES = '[contenteditable], textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="file"])';

describe('fixture files', () => {
  it('all nine are covered, plus a README', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    expect(readFileSync(`${DIR}README.md`, 'utf8')).toContain('vk-gim-new.html');
  });

  it.each(CASES)('$file: header, address, emoji, nothing loaded from the network', async ({ file, url }) => {
    const html = readFileSync(DIR + file, 'utf8');
    const header = /<!--([\s\S]*?)-->/.exec(html)?.[1] ?? '';
    expect(header).toContain('2026-11-30');
    expect(header).toMatch(/\bS\d{1,2}\b/);
    expect(header).toContain(new URL(url).host + new URL(url).pathname);
    expect(html).toContain('<img class="emoji" alt="😀" src="data:,">');
    expect(html).not.toMatch(/\b(?:src|href|action)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    const { doc } = await open(file, url);
    expect(doc.querySelector('meta[name="gph-fixture-url"]')?.getAttribute('content')).toBe(url);
    for (const el of doc.querySelectorAll('[src]')) expect(el.getAttribute('src')).toMatch(/^data:/);
  });
});

describe.each(CASES)('$file at $url (static markup, no scripts)', ({ file, url, editors, decoys }) => {
  it('classifies every real editor', async () => {
    const { $ } = await open(file, url);
    for (const e of editors) expect(classifyEditor(url, $(e.sel)), e.sel).toEqual(e.want);
  });

  it('classifies from a node inside the editor too', async () => {
    const { doc, $ } = await open(file, url);
    for (const e of editors) {
      const ed = $(e.sel);
      const inner = doc.createElement('b');
      inner.textContent = 'текст';
      ed.append(inner);
      expect(classifyEditor(new URL(url), inner.firstChild as unknown as Element), e.sel).toEqual(e.want);
    }
  });

  it('returns null for every decoy and for every other field on the page', async () => {
    const { doc, $ } = await open(file, url);
    for (const d of decoys) expect(classifyEditor(url, $(d)), d).toBeNull();
    const real = new Set(editors.map((e) => $(e.sel)));
    for (const el of doc.querySelectorAll<HTMLElement>(CANDIDATES)) {
      if (real.has(el)) continue;
      expect(classifyEditor(url, el), el.outerHTML.slice(0, 120)).toBeNull();
    }
  });

  it('finds the publish / send button in the same form', async () => {
    const { $ } = await open(file, url);
    for (const e of editors) expect(findPublishButton($(e.sel), e.want), e.sel).toBe($(e.publish));
  });

  it('classifies the publish / send button click', async () => {
    const { $ } = await open(file, url);
    for (const e of editors) {
      const b = classifyButton(url, $(e.publish));
      expect(b?.network).toBe(e.want.network);
      expect(b?.kind).toBe(e.want.kind);
    }
    expect(classifyButton(url, $(decoys[0] as string))).toBeNull();
  });

  it('?late=1: the editor appears late, is re-rendered once, and is then classified', async () => {
    const lateUrl = `${url}${url.includes('?') ? '&' : '?'}late=1`;
    const { doc, $ } = await open(file, lateUrl, { scripts: true, wait: false });
    const first = editors[0] as EditorCase;
    expect(doc.querySelector(first.sel)).toBeNull();
    expect(doc.documentElement.hasAttribute('data-fixture-ready')).toBe(false);
    const seen: Element[] = [];
    const mo = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => {
      const el = doc.querySelector(first.sel);
      if (el && !seen.includes(el)) seen.push(el);
    });
    mo.observe(doc.body, { childList: true, subtree: true });
    await (
      doc.defaultView as unknown as { happyDOM: { waitUntilComplete(): Promise<void> } }
    ).happyDOM.waitUntilComplete();
    mo.disconnect();
    expect(doc.documentElement.getAttribute('data-fixture-ready')).toBe('1');
    expect(seen.length).toBe(2);
    expect(seen[0]?.isConnected).toBe(false);
    expect(classifyEditor(lateUrl, $(first.sel))).toEqual(first.want);
  });
});

describe('addresses and hosts', () => {
  it('VK wall by screen name: community from the posts on the page', async () => {
    const { $ } = await open('vk-club-new-composer.html', 'https://vk.com/adm_ensk');
    expect(classifyEditor('https://vk.com/adm_ensk', $('[data-testid="posting_base_screen_input_message"]'))).toEqual(
      vk('post', '123'),
    );
  });

  it('VK legacy composer: data-oid names the wall even without an id in the address', async () => {
    const { $ } = await open('vk-club-legacy-composer.html', 'https://vk.ru/adm_ensk');
    expect(classifyEditor('https://vk.ru/adm_ensk', $('#post_field'))).toEqual(vk('post', '123'));
  });

  it('VK composer on the feed has no community', async () => {
    const { $ } = await open('vk-club-new-composer.html', 'https://vk.com/feed');
    expect(classifyEditor('https://vk.com/feed', $('[data-testid="posting_base_screen_input_message"]'))).toEqual(
      vk('post', ''),
    );
  });

  it('the same messenger markup on personal /im is not ours', async () => {
    let p = await open('vk-gim-legacy.html', 'https://vk.com/im?sel=456');
    expect(classifyEditor('https://vk.com/im?sel=456', p.$('#im_editable0'))).toBeNull();
    p = await open('vk-gim-new.html', 'https://vk.com/im/convo/456');
    expect(classifyEditor('https://vk.com/im/convo/456', p.$('span.ComposerInput__input'))).toBeNull();
    expect(classifyButton('https://vk.com/im/convo/456', p.$('button[aria-label="Отправить сообщение"]'))).toBeNull();
  });

  it('other hosts are not ours', async () => {
    const { $ } = await open('vk-club-new-composer.html', 'https://vk.com/club123');
    expect(
      classifyEditor('https://example.org/club123', $('[data-testid="posting_base_screen_input_message"]')),
    ).toBeNull();
    expect(classifyEditor('not a url', $('[data-testid="posting_base_screen_input_message"]'))).toBeNull();
  });

  it('m.vk.com and vk.ru addresses work for the wall post page', async () => {
    const { $ } = await open('vk-wall-post-comments-new.html', 'https://m.vk.com/wall-123_456');
    const ed = $('.fx-post-input [data-testid="content-editable-input"]');
    expect(classifyEditor('https://m.vk.com/wall-123_456', ed)).toEqual(vk('comment', '123', '-123_456'));
    expect(classifyEditor('https://vk.ru/wall-123_456', ed)).toEqual(vk('comment', '123', '-123_456'));
  });
});

describe('editor text in the fixtures', () => {
  it('legacy draft: emoji alt and a line break', async () => {
    const { $ } = await open('vk-club-legacy-composer.html', 'https://vk.ru/club123');
    expect(editorText($('#post_field'))).toBe(
      'Уважаемые жители! 😀\nНапоминаем, что 5 декабря в 10:00 в администрации пройдёт приём граждан главой района.',
    );
  });
});

describe('reply targets (static markup, reply state set by hand)', () => {
  it('VK new: a reply box inside a comment answers that comment; «Имя, » picks within the thread', async () => {
    const { doc, $ } = await open('vk-wall-post-comments-new.html', 'https://vk.com/wall-123_456');
    const anna = $('#wall-123_456_789');
    const input = $('.fx-post-input [class*="vkitCommentInput__root"]').cloneNode(true) as HTMLElement;
    anna.append(input);
    const box = input.querySelector('[data-testid="content-editable-input"]') as HTMLElement;
    box.textContent = 'Здравствуйте! ';
    expect(classifyEditor('https://vk.com/wall-123_456', box)?.replyTo).toEqual({
      authorName: 'Анна Смирнова',
      commentId: '789',
    });
    box.textContent = 'Пётр, спасибо за подсказку.';
    expect(readReplyTarget(box, 'https://vk.com/wall-123_456')).toEqual({
      authorName: 'Пётр Иванов',
      commentId: '791',
    });
    expect(findPublishButton(box, vk('comment', '123'))).toBe(input.querySelector('[data-testid="send-comment"]'));
    // the top-level box answers nobody
    expect(readReplyTarget($('.fx-post-input [data-testid="content-editable-input"]'))).toBeNull();
    expect(doc.querySelectorAll('[data-testid="send-comment"]').length).toBe(2);
  });

  it('VK legacy: hidden #reply_to holds the comment id', async () => {
    const { $ } = await open('vk-wall-comments-legacy.html', 'https://vk.com/wall-123_457');
    ($('#reply_to-123_457') as HTMLInputElement).value = '789';
    expect(classifyEditor('https://vk.com/wall-123_457', $('#reply_field-123_457'))).toEqual({
      ...vk('comment', '123', '-123_457'),
      replyTo: { authorName: 'Анна Смирнова', commentId: '789' },
    });
  });

  it('OK (fixture convention): input[name="st.replyTo"] holds the comment id', async () => {
    const { $ } = await open('ok-topic-comments.html', 'https://ok.ru/group/555/topic/777');
    ($('input[name="st.replyTo"]') as HTMLInputElement).value = '1001';
    expect(classifyEditor('https://ok.ru/group/555/topic/777', $('.js-comments_add'))).toEqual({
      ...ok('comment', '555', '777'),
      replyTo: { authorName: 'Анна Смирнова', commentId: '1001' },
    });
  });
});

describe('fixture scripts (the site imitation the e2e tests rely on)', () => {
  it('VK new post: «Далее» follows the site model, publishing appends -123_3 and unmounts the modal', async () => {
    const url = 'https://vk.com/club123';
    const { w, doc, $, type } = await open('vk-club-new-composer.html', url, { scripts: true });
    const site = (w as unknown as { __site: { log: { type: string; postId?: string; text: string }[] } }).__site;
    const next = $('[data-testid="posting_base_screen_next"]') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    const ed = $('[data-testid="posting_base_screen_input_message"]');
    // DOM changed without an input event: the site does not see it
    ed.textContent = 'без события';
    expect(next.disabled).toBe(true);
    type(ed, 'Уважаемые жители! Завтра субботник.');
    expect(next.disabled).toBe(false);
    next.click();
    const submit = $('[data-testid="posting_submit_button"]');
    expect(classifyButton(url, submit)?.action).toBe('publish');
    expect(findPublishButton(ed, vk('post', '123'))).toBe(submit);
    submit.click();
    expect(doc.querySelector('[data-testid="posting_modal_box"]')).toBeNull();
    expect(doc.querySelector('[data-testid="post"]')?.getAttribute('data-post-id')).toBe('-123_3');
    expect($('[data-post-id="-123_3"] [data-testid="showmoretext"]').textContent).toBe(
      'Уважаемые жители! Завтра субботник.',
    );
    expect(site.log).toEqual([{ type: 'post', postId: '-123_3', text: 'Уважаемые жители! Завтра субботник.' }]);
    // reopen: a fresh, empty editor
    $('[data-testid="group_publish_create_button"]').click();
    $('[data-testid="group_publish_post_menu_item"]').click();
    const again = $('[data-testid="posting_base_screen_input_message"]');
    expect(again).not.toBe(ed);
    expect(editorText(again)).toBe('');
  });

  it('VK new comments: «Ответить» opens a reply box with the target; sending appends to the thread', async () => {
    const url = 'https://vk.com/wall-123_456';
    const { w, doc, $, type } = await open('vk-wall-post-comments-new.html', url, { scripts: true });
    $('#wall-123_456_789 > .fx-comment-actions [data-testid="comment-reply"]').click();
    let box = doc.activeElement as HTMLElement;
    expect(box.matches('.fx-reply-input [data-testid="content-editable-input"]')).toBe(true);
    expect(editorText(box)).toBe('Анна, ');
    expect(classifyEditor(url, box)).toEqual({
      ...vk('comment', '123', '-123_456'),
      replyTo: { authorName: 'Анна Смирнова', commentId: '789' },
    });
    $('#wall-123_456_791 [data-testid="comment-reply"]').click();
    box = doc.activeElement as HTMLElement;
    expect(doc.querySelectorAll('.fx-reply-input').length).toBe(1);
    expect(classifyEditor(url, box)?.replyTo).toEqual({ authorName: 'Пётр Иванов', commentId: '791' });
    type(box, 'Пётр, спасибо, уточним у водоканала.');
    const send = findPublishButton(box, vk('comment', '123')) as HTMLElement;
    expect(send.closest('.fx-reply-input')).not.toBeNull();
    send.click();
    const added = doc.querySelectorAll('#wall-123_456_789 [data-testid="wall_comments_comment_in_thread"]');
    expect(added.length).toBe(2);
    expect(added[1]?.querySelector('[class*="vkitCommentReplyTarget"]')?.textContent).toBe('ответ Петру');
    const site = (w as unknown as { __site: { log: { replyTo: string | null }[] } }).__site;
    expect(site.log[0]?.replyTo).toBe('791');
    expect(doc.querySelector('.fx-reply-input')).toBeNull();
  });

  it('VK legacy comments: .reply_link fills #reply_to and prefixes «Анна, »', async () => {
    const url = 'https://vk.com/wall-123_457';
    const { w, $, type } = await open('vk-wall-comments-legacy.html', url, { scripts: true });
    $('#post-123_789 .reply_link').click();
    const field = $('#reply_field-123_457');
    expect(($('#reply_to-123_457') as HTMLInputElement).value).toBe('789');
    expect(editorText(field)).toBe('Анна, ');
    expect($('#reply_box-123_457').style.display).toBe('');
    expect(classifyEditor(url, field)?.replyTo).toEqual({ authorName: 'Анна Смирнова', commentId: '789' });
    $('#post-123_791 .reply_link').click();
    expect(editorText(field)).toBe('Пётр, ');
    expect(classifyEditor(url, field)?.replyTo).toEqual({ authorName: 'Пётр Иванов', commentId: '791' });
    type(field, 'Пётр, спасибо! Освещение включим в план.');
    $('#reply_button-123_457').click();
    const site = (w as unknown as { __site: { log: { replyTo: string | null; text: string }[] } }).__site;
    expect(site.log).toHaveLength(1);
    expect(site.log[0]?.replyTo).toBe('791');
    expect(($('#reply_to-123_457') as HTMLInputElement).value).toBe('');
    expect(classifyEditor(url, field)?.replyTo).toBeUndefined();
  });

  it('OK topics: timer turns «Поделиться» into «Сохранить» (a schedule, not a publication); publishing appends a topic', async () => {
    const url = 'https://ok.ru/group/555/topics';
    const { w, doc, $, type } = await open('ok-group-topics.html', url, { scripts: true });
    const ed = $('.js-posting-itx');
    const btn = $('button.js-publish-btn') as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    type(ed, 'Приглашаем на публичные слушания 7 декабря.');
    expect(btn.disabled).toBe(false);
    const timer = $('input[name="timer"]') as HTMLInputElement;
    timer.click();
    expect(btn.textContent).toBe('Сохранить');
    expect(classifyButton(url, btn)?.action).toBe('schedule');
    timer.click();
    expect(btn.textContent).toBe('Поделиться');
    expect(classifyButton(url, btn)?.action).toBe('publish');
    btn.click();
    expect(doc.querySelector('.media-text_cnt_tx')?.textContent).toBe('Приглашаем на публичные слушания 7 декабря.');
    expect(doc.getElementById('hook_Block_PopLayerMediaTopic')).toBeNull();
    expect((w as unknown as { __site: { log: unknown[] } }).__site.log).toHaveLength(1);
  });

  it('OK topics ?throttled=1: the reduced comment-type editor in the layer is still the post editor', async () => {
    const url = 'https://ok.ru/group/555/topics?throttled=1';
    const { doc, $ } = await open('ok-group-topics.html', url, { scripts: true });
    expect(doc.querySelector('.js-posting-itx')).toBeNull();
    const ed = $('#mtLayerMain .comments_add-ceditable');
    expect(classifyEditor(url, ed)).toEqual(ok('post', '555'));
    expect(findPublishButton(ed, ok('post', '555'))).toBe($('button.js-publish-btn'));
  });

  it('OK topic: «Ответить» sets the reply target; sending appends a comment', async () => {
    const url = 'https://ok.ru/group/555/topic/777';
    const { w, doc, $, type } = await open('ok-topic-comments.html', url, { scripts: true });
    $('[data-comment-id="1002"] .comments_reply').click();
    const ed = $('.js-comments_add');
    expect(doc.activeElement).toBe(ed);
    expect(editorText(ed)).toBe('Пётр, ');
    expect(classifyEditor(url, ed)?.replyTo).toEqual({ authorName: 'Пётр Иванов', commentId: '1002' });
    type(ed, 'Пётр, спасибо! Трансляция будет.');
    $('button[data-l="t,submit"]').click();
    expect(doc.querySelectorAll('.comments_lst_cnt [data-comment-id]').length).toBe(4);
    expect((w as unknown as { __site: { log: { replyTo: string }[] } }).__site.log[0]?.replyTo).toBe('1002');
    expect(classifyEditor(url, ed)?.replyTo).toBeUndefined();
  });

  it('messages: sending appends a message and clears the box (VK legacy, VK new, OK)', async () => {
    for (const [file, url, edSel, btnSel, itemSel] of [
      ['vk-gim-legacy.html', 'https://vk.com/gim123?sel=456', '#im_editable0', '._im_send', '.im-mess--text'],
      [
        'vk-gim-new.html',
        'https://vk.com/gim123/convo/456',
        '.ComposerInput__input',
        '.ConvoComposer__sendButton--submit',
        '.ConvoMessageWithoutBubble__text',
      ],
      [
        'ok-messages.html',
        'https://ok.ru/messages/999',
        '[data-tsid="write_msg_input-input"]',
        '[data-tsid="button_send"]',
        '[data-tsid="message_text"]',
      ],
    ] as const) {
      const { doc, $, type } = await open(file, url, { scripts: true });
      const before = doc.querySelectorAll(itemSel).length;
      $(btnSel).click();
      expect(doc.querySelectorAll(itemSel).length, file).toBe(before);
      type($(edSel), 'Добрый день! Заявка передана.');
      $(btnSel).click();
      const items = doc.querySelectorAll(itemSel);
      expect(items.length, file).toBe(before + 1);
      expect(items[items.length - 1]?.textContent).toBe('Добрый день! Заявка передана.');
      expect(editorText($(edSel))).toBe('');
    }
  });
});
