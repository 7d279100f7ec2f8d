/**
 * Every selector that knows OK's markup (ok.ru, m.ok.ru). Nothing outside `lib/sites/` may contain one.
 *
 * Ordered from the most to the least durable anchor: data-tsid / data-l / data-module → ids →
 * role + context → class fragments. S3 (2026-08): «Опираемся на ПОДПИСИ, а не на классы».
 * Evidence: /work/shared/research/vk-ok-dom.md. GUESS = no source; kept so our fixtures exercise
 * the code path. Replace when checked on a live admin account.
 */

export const OK_HOSTS = ['ok.ru', 'm.ok.ru'] as const;

export const OK_SEL = {
  post: {
    /** Posting form / «Заметка» text box (S3 2026-08, S15). */
    editor: [
      '[data-module="postingForm/mediaText"] [contenteditable]',
      '.js-posting-itx',
      '.posting_itx[contenteditable]',
      '[data-link-labels-enabled][contenteditable]',
    ],
    /** Layer / form containers; a comment-type box inside one is the throttled posting editor (S3). */
    container: [
      '[data-module^="postingForm"]',
      '#mtLayerMain',
      '#mtLayer',
      '#hook_Block_PopLayerMediaTopic',
      '#hook_Block_PostingForm',
    ],
    /** «Поделиться»; with the timer on it reads «Сохранить» (`data-save`). S3 markup 12.08.2026, S15. */
    publish: [
      'button.js-publish-btn',
      '[data-l="t,button.submit"]',
      '.posting_submit',
      '.posting_footer [data-action="submit"]',
    ],
    publishLabels: ['Поделиться', 'Опубликовать'],
    scheduleLabels: ['Сохранить'],
    /** «Время публикации» checkbox (S3). */
    timer: 'input[name="timer"]',
    opener: ['[data-l*="postingForm"]', 'a.pf-head_itx_a', '#hook_Block_PostingForm .pf-head_itx a'],
  },

  comment: {
    /** Comment box under a topic (S15 several, S3 2026). */
    editor: [
      '.js-comments_add',
      '.comments_add-ceditable',
      '[contenteditable][data-placeholder^="Напишите комментарий"]',
    ],
    /** The topic layer / page body (S15). */
    topicBody: ['#hook_Block_MediaTopicLayerBody'],
    send: ['.comments_add-controls > button[data-l="t,submit"]', '[data-l="t,submit"]', 'button.form-actions_yes'],
    sendLabels: ['Добавить', 'Отправить'],
    list: '.comments_lst_cnt',
    text: '.comments_text',
    /** GUESS (no source for OK comment items / «Ответить»): our fixture's markup. */
    item: '[data-comment-id]',
    author: '.comments_author-name',
    replyLink: '.comments_reply',
    /** GUESS: hidden input in the comment form holding the answered comment's id (our fixture). */
    replyTo: 'input[name="st.replyTo"]',
  },

  message: {
    /** Web-component messenger, light DOM (S15 technoPolis2022 and others). */
    editor: [
      '[data-tsid="write_msg_input-input"]',
      'msg-input [contenteditable]',
      '[data-tsid="write_msg_input"] [contenteditable]',
    ],
    /** Legacy (~2016-17) messages form (S15 dkotegov/homework-4). */
    legacyEditor: '.comments_add_form .comments_add-ceditable[name="st.txt"]',
    container: ['msg-input', '[data-tsid="write_msg_input"]', '#hook_Block_MessagesLayer', '.comments_add_form'],
    send: ['[data-tsid="button_send"]', 'msg-button[data-l="t,sendButton"]', '.comments_add-controls_save'],
    sendLabels: ['Отправить'],
  },
} as const;

export const OK_URL = {
  /** /group/555, /group/555/topics, /group/555/topic/777; old form /group555. */
  group: /^\/group\/?(\d+)(?:\/|$)/,
  topics: /^\/group\/?\d+\/topics\/?$/,
  topic: /\/topic\/(\d+)\/?$/,
  messages: /^\/messages(?:\/(-?\w+))?\/?$/,
} as const;

/**
 * Publish detection for the weekly quota (lib/sites/publish.ts). Research §2a/§2d: the success signal is a
 * new topic text `.media-text_cnt_tx` in the feed, or for a scheduled topic the toast
 * «Тема опубликуется <дата> в <время>» (S3, S15). OK topics carry no id we know of.
 */
export const OK_PUBLISH_SEL = {
  /** Text of a topic in the group feed (S15). */
  topicText: ['.media-text_cnt_tx'],
  /** The toast after saving a scheduled topic (S3): the date part is parsed by `parseScheduledToast`. */
  scheduledToast: /Тема\s+опубликуется\s+(.+?)\s+в\s+(\d{1,2})[:.](\d{2})/iu,
  /** GUESS: the group name in the header; the title is the fallback. */
  pageName: ['h1', '.group-name_h', '[data-l*="groupName"]'],
  /** «Администрация Энского района | OK» → the name. */
  titleSuffix: /\s*[|—–-]\s*(?:OK|ОК|Одноклассники)(?:\.ru)?\s*$/iu,
} as const;
