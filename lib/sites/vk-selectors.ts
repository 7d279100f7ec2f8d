/**
 * Every selector that knows VK's markup (vk.com, vk.ru). Nothing outside `lib/sites/` may contain one.
 *
 * Each list is ordered from the most to the least durable anchor:
 *   data-testid → legacy ids / id prefixes → role + context → `[class*=…]` fragments.
 * Evidence: /work/shared/research/vk-ok-dom.md (sources S1…S17, notes of 2026-11-23). Entries marked
 * GUESS have no source and exist only so our own fixtures exercise the code path.
 */

export const VK_HOSTS = ['vk.com', 'vk.ru', 'm.vk.com'] as const;

export const VK_SEL = {
  post: {
    /** The text box of a wall post composer. New "Новый пост" modal (S2–S5, S10, S11, S17), legacy #post_field (S1, S8, S16). */
    editor: [
      '[data-testid="posting_base_screen_input_message"]',
      '#post_field',
      '[class*="PostInputWithEmoji__messageInputWrapper"] [contenteditable]',
    ],
    /** `.submit_post_field` is shared with legacy reply boxes; it means "post" only inside #submit_post_box. */
    legacyField: '#submit_post_box .submit_post_field',
    /** Containers of a composer, for the role=textbox + context fallback and for scoping buttons. */
    container: [
      '[data-testid="posting_modal_box"]',
      '#submit_post_box',
      '.PostingReactBlock__root',
      '#page_block_submit_post',
    ],
    /** Legacy composer box: `data-oid` is the wall owner (negative for communities). S1, S2. */
    legacyBox: '#submit_post_box',
    publish: ['[data-testid="posting_submit_button"]', '#send_post'],
    /** Step 1 → 2 of the new modal; sits in the modal footer, outside [role=dialog] (S3, 18.08.2026). */
    next: ['[data-testid="posting_base_screen_next"]'],
    /** «Запланировать» of the postponed flow (S3); `posting_postponed_button` only opens the schedule panel. */
    schedule: ['[data-testid="posting_postponed_publish_button"]'],
    postponed: ['[data-testid="posting_postponed_button"]'],
    suggest: ['[data-testid="posting_suggest_button"]'],
    publishLabels: ['Опубликовать', 'Разместить', 'Publish'],
    suggestLabels: ['Предложить новость', 'Предложить пост'],
    /** Openers (for e2e and for the report; the classifier does not need them). */
    openers: [
      '[data-testid="group_publish_create_button"]',
      '[data-testid="group_publish_post_menu_item"]',
      '[data-testid="posting_create_post_button"]',
    ],
  },

  comment: {
    /** Comment / reply box. New vkit UI (S4, S5, S7), legacy #reply_field<owner>_<post> (S1, S7, S16). */
    editor: [
      '[data-testid="content-editable-input"]',
      '[id^="reply_field"]',
      '.reply_field',
      '[contenteditable][aria-label^="Написать комментарий"]',
      '[class*="vkitCommentInput__root"] [contenteditable]',
    ],
    /** The input block of one comment box (new UI; S5, S6). */
    inputRoot: ['[class*="vkitCommentInput__root"]', '[class*="vkitCommentInput__container"]'],
    /** Legacy reply box `#reply_box<owner>_<post>` (S1). */
    legacyBox: '[id^="reply_box"]',
    send: ['[data-testid="send-comment"]', '[id^="reply_button"]', 'button.reply_send_button'],
    sendLabels: ['Отправить'],
    /** One comment (new UI). Its `id` ends with `_<commentId>` (S4); a thread reply is `…_in_thread` (S17). */
    item: ['[data-testid="wall_comments_comment_in_thread"]', '[data-testid="wall_comments_comment_root"]'],
    owner: '[data-testid="comment-owner"]',
    text: '[data-testid="comment-text"]',
    replyButton: '[data-testid="comment-reply"]',
    permalink: 'a[href*="reply="]',
    /** "ответ Имя" on a posted reply (S6, S7). */
    replyTargetLabel: '[class*="vkitCommentReplyTarget"]',
    /** Legacy comment: `.reply` with id `post<owner>_<commentId>`, author `.reply_author a.author` (S6, S7). */
    legacyItem: '.reply',
    legacyAuthor: '.reply_author a.author',
    legacyReplyLink: '.reply_link',
    /** Hidden input with the comment id being answered (S1). */
    legacyReplyTo: (postKey: string) => `[id="reply_to${postKey}"]`,
    legacyFakebox: '[id^="reply_fakebox"]',
  },

  /** A post on a wall / in the feed. */
  wallPost: {
    root: ['[data-testid="post"][data-post-id]', '[data-post-id]'],
    /** `#post-layer` / `#wl_post`: a post opened as a layer over any page (S7). */
    layer: ['#post-layer', '#wl_post'],
    text: ['[data-testid="showmoretext"]', '[data-testid="post_text"]'],
  },

  message: {
    /** Legacy imn.js box #im_editable0 (S1, S17); new messenger span.ComposerInput__input (S12, S13, S17). */
    editor: [
      '[id^="im_editable"]',
      '.im_editable',
      '._im_text',
      '.ComposerInput__input[contenteditable]',
      '[class*="ComposerInput__input"][contenteditable]',
    ],
    /**
     * Composer containers (legacy wrap, new panel). Used for the role=textbox fallback and button scope.
     * `.im-chat-input` is the BEM block of the sourced `.im-chat-input--*` elements (INF).
     */
    container: [
      '._im_text_wrap',
      '.im-chat-input',
      '.ConvoComposer__inputPanel',
      '[class*="ConvoComposer"]',
      '[class*="ComposerInput"]',
    ],
    send: [
      'button._im_send',
      'button.im-send-btn',
      '.ConvoComposer__sendButton--submit',
      'button[aria-label="Отправить сообщение"]',
    ],
    sendLabels: ['Отправить', 'Отправить сообщение'],
  },
} as const;

/** Address patterns (S5 regexes, S1 imn.js). */
export const VK_URL = {
  community: /^\/(?:club|public|event)(\d+)\/?$/,
  wallPost: /^\/wall(-?\d+)_(\d+)\/?$/,
  wall: /^\/wall(-?\d+)\/?$/,
  gim: /^\/gim(\d+)(?:\/convo\/(-?\d+))?\/?/,
  im: /^\/im(?:\/|$)/,
  /** `?w=wall-123_456`: a post opened as a layer. */
  wParam: /^wall(-?\d+)_(\d+)$/,
} as const;

/**
 * Publish detection for the weekly quota (lib/sites/publish.ts): where a published post shows up and where
 * the community's name is. Research §1d: a new `[data-testid=post]` with `data-post-id` `-<group>_<post>`
 * (S2, S4, S11) or a legacy `#post-<owner>_<id>` (S1) containing the submitted text.
 */
export const VK_PUBLISH_SEL = {
  /** New UI wall post (S2, S4, S11). */
  post: ['[data-testid="post"][data-post-id]'],
  /** Legacy wall post `div.post#post-123_456` (S1). Comments `.reply#post-123_789` share the id pattern. */
  legacyPost: ['.post[id^="post"]', '._post[id^="post"]'],
  /** Text of a post: new UI (S4, S6, S7), legacy `.wall_post_text` (S6, S7: `.wall_reply_text` is its reply twin). */
  postText: ['[data-testid="showmoretext"]', '[data-testid="post_text"]', '.wall_post_text'],
  /** Step 2 of the new modal shows the text about to be published (S2, S4). */
  preview: ['[data-testid="showmoretext-in"]'],
  /**
   * GUESS (no source): the toast after «Запланировать» — «Запись будет опубликована 01.12.2026 в 10:00».
   * The date part is parsed like OK's (`parseScheduledToast`).
   */
  scheduledToast: /Запись\s+будет\s+опубликована\s+(.+?)\s+в\s+(\d{1,2})[:.](\d{2})/iu,
  /**
   * The schedule panel: the calendar `.vkuiCalendar__host` is sourced (S3); the date / time inputs inside the
   * panel are a GUESS (read as a fallback when no toast shows up and the modal closes).
   */
  scheduleCalendar: ['.vkuiCalendar__host'],
  scheduleDate: ['input[type="date"]'],
  scheduleTime: ['input[type="time"]'],
  /** Community name: the page header; on a post page the post's author link (S4, S6). */
  pageName: ['h1', '.page_name', '[data-testid="post-header-title"]'],
  /** «Администрация Энского района | ВКонтакте» → the name. */
  titleSuffix: /\s*[|—–-]\s*(?:ВКонтакте|VK)\s*$/iu,
  /** «Запись сообщества Администрация …» (title of a post page). */
  titlePrefix: /^\s*Запись (?:сообщества|на стене)\s+/iu,
} as const;
