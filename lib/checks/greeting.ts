/**
 * Greeting at the start of a reply or private message («Здравствуйте, Анна!»), required by
 * 000 (Положение, абзац после п. 12.3) and 003 (прил. 2 п. 14).
 *
 * The greeting may follow a VK mention (`[id123|Анна], `, `@id123 (Анна), `, `*id123 (Анна)`),
 * leading emoji or whitespace, or a plain address («Анна, добрый день!»). Typos and a missing
 * capital, comma or ё are tolerated: «здраствуйте» counts as a greeting (the spelling rules flag it).
 *
 * Where a missing greeting goes (see `greetingInsertion`):
 * - no mention: at 0, «Здравствуйте, Анна! » (with the author's first name when it looks human);
 *   when the text starts with a lower-case letter, «Здравствуйте, Анна, » so it reads on: «Здравствуйте,
 *   Анна, спасибо за вопрос»; without a name always «Здравствуйте! » (a comma would turn the first word
 *   into the addressee: «Здравствуйте, ремонт начнётся…»);
 * - after a mention (or the author's name used as an address): the mention already names the person, so
 *   the name is not repeated and the greeting continues the sentence in lower case:
 *   «[id1|Анна], здравствуйте! Спасибо…»; before a lower-case word «[id1|Анна], здравствуйте, спасибо…»;
 *   a mention without a comma gets one: «[id1|Анна] Спасибо» → «[id1|Анна], здравствуйте! Спасибо».
 * The finding's `start` is the insertion point (the UI inserts `suggestions[0]` there) and its span runs
 * to the end of the first word, so the underline is visible.
 */
import { isOwnDefault } from './presets';
import type { Finding, RuleContext } from './types';

const LEAD_RE = /(?:[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]|\u20e3|\u200d|\ufe0f)*/uy;
const MENTION_RE =
  /\[(?:id|club|public|event)\d+\|(?<n1>[^\]\n]{0,100})\]|[@*](?:id|club|public|event)\d+(?:[ \t\u00a0]*\((?<n2>[^)\n]{0,100})\))?|@[A-Za-z0-9_.]{2,64}(?:[ \t\u00a0]*\((?<n3>[^)\n]{0,100})\))?/uy;
const SEP_RE = /(?<ws1>[ \t\u00a0]*)(?<punct>[,:;!.]|[—–-](?=[ \t\u00a0]))?(?<ws2>\s*)/uy;
const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*/uy;
const ANY_WORD_RE = /\p{L}[\p{L}\p{M}'’-]*/gu;
const SKIP_RE = /(?:[\s\p{P}\p{S}]|\u20e3|\u200d|\ufe0f)*/uy;
/** A plain address before the greeting: «Анна, », «Анна Ивановна, ». */
const ADDRESS_RE = /\p{Lu}[\p{Ll}-]+(?:[ \t\u00a0]+\p{Lu}[\p{Ll}-]+){0,2}[ \t\u00a0]*,[ \t\u00a0]*/uy;
/** Words allowed before a greeting: «И вам здравствуйте», «Ещё раз добрый день», «Всем привет». */
const PRE_GREETING = new Set(['и', 'вам', 'еще', 'раз', 'всем', 'снова', 'всех']);

const TIME_WORDS = ['день', 'вечер', 'утро', 'дня', 'вечера', 'утра', 'ночи', 'времени', 'суток'];
const ADDRESSEES = new Set([
  'жители',
  'друзья',
  'коллеги',
  'соседи',
  'подписчики',
  'земляки',
  'читатели',
  'родители',
  'горожане',
]);

function norm(w: string): string {
  return w.toLowerCase().replace(/ё/g, 'е');
}

/** Levenshtein distance, bounded: returns max + 1 as soon as it is exceeded. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

function near(w: string, targets: readonly string[], max: number): boolean {
  return targets.some((t) => distance(w, t, max) <= max);
}

type GreetingKind = 'formal' | 'informal' | null;

function classify(w1: string, w2: string, raw2: string): GreetingKind {
  if (w1.length < 3) return null;
  if (w1.startsWith('здра') && !w1.startsWith('здраво')) return 'formal';
  if (w1.startsWith('з') && near(w1, ['здравствуйте', 'здравствуй'], 2)) return 'formal';
  if (w1.startsWith('добр') || near(w1, ['добрый', 'доброе', 'доброго', 'доброй'], 1)) {
    if (near(w2, TIME_WORDS, w2.length > 4 ? 2 : 1)) return 'formal';
    if (w1 === 'добро' && w2.startsWith('пожалов')) return 'formal';
  }
  if (w1.startsWith('приветств') || near(w1, ['приветствуем', 'приветствую'], 2)) return 'formal';
  if (w1.startsWith('уваж') || near(w1, ['уважаемый', 'уважаемая', 'уважаемые'], 2)) return 'formal';
  if ((w1 === 'дорогой' || w1 === 'дорогая' || w1 === 'дорогие') && (/^\p{Lu}/u.test(raw2) || ADDRESSEES.has(w2)))
    return 'formal';
  if (w1.startsWith('привет') || near(w1, ['привет'], 1)) return 'informal';
  return null;
}

interface Lead {
  /** End of leading whitespace/emoji. */
  lead: number;
  /** The mention (or plain address by the author's name), if any. */
  mention: { start: number; end: number } | null;
}

function readLead(text: string, authorName?: string): Lead {
  LEAD_RE.lastIndex = 0;
  const lead = LEAD_RE.exec(text)?.[0].length ?? 0;
  MENTION_RE.lastIndex = lead;
  const m = MENTION_RE.exec(text);
  if (m) return { lead, mention: { start: lead, end: lead + m[0].length } };
  // The author's first name used as an address: «Анна, спасибо…».
  const name = firstName(authorName);
  if (name) {
    WORD_RE.lastIndex = lead;
    const w = WORD_RE.exec(text);
    if (w && norm(w[0]) === norm(name) && /^[ \t\u00a0]*,/u.test(text.slice(lead + w[0].length))) {
      return { lead, mention: { start: lead, end: lead + w[0].length } };
    }
  }
  return { lead, mention: null };
}

interface Detected {
  present: boolean;
  kind: GreetingKind;
  /** The greeting word (for the informal hint). */
  word: { start: number; end: number } | null;
}

function detect(text: string, authorName?: string): Detected {
  const { lead, mention } = readLead(text, authorName);
  let p = mention ? mention.end : lead;
  SKIP_RE.lastIndex = p;
  p += SKIP_RE.exec(text)?.[0].length ?? 0;
  const tryAt = (pos: number): Detected | null => {
    let q = pos;
    // up to three lead-in words: «и вам здравствуйте», «ещё раз добрый день», «всем привет»
    for (let i = 0; i < 3; i++) {
      WORD_RE.lastIndex = q;
      const w = WORD_RE.exec(text);
      if (!w || !PRE_GREETING.has(norm(w[0]))) break;
      SKIP_RE.lastIndex = q + w[0].length;
      q = q + w[0].length + (SKIP_RE.exec(text)?.[0].length ?? 0);
    }
    WORD_RE.lastIndex = q;
    const w1 = WORD_RE.exec(text);
    if (!w1) return null;
    const afterW1 = q + w1[0].length;
    SKIP_RE.lastIndex = afterW1;
    const p2 = afterW1 + (SKIP_RE.exec(text)?.[0].length ?? 0);
    WORD_RE.lastIndex = p2;
    const w2 = WORD_RE.exec(text);
    const kind = classify(norm(w1[0]), w2 ? norm(w2[0]) : '', w2 ? w2[0] : '');
    // «Всем привет»: the informal hint underlines the lead-in too
    return kind ? { present: true, kind, word: { start: pos, end: afterW1 } } : null;
  };
  const direct = tryAt(p);
  if (direct) return direct;
  // «Анна Ивановна, добрый день!»
  ADDRESS_RE.lastIndex = p;
  const addr = ADDRESS_RE.exec(text);
  if (addr) {
    const viaAddress = tryAt(p + addr[0].length);
    if (viaAddress) return viaAddress;
  }
  return { present: false, kind: null, word: null };
}

// ─── names ─────────────────────────────────────────────────────────────────────────────────────

const NON_HUMAN_WORDS = new Set([
  'глава',
  'мэр',
  'мэрия',
  'ооо',
  'оао',
  'зао',
  'пао',
  'ип',
  'тсж',
  'тсн',
  'жкх',
  'ук',
  'мку',
  'мбу',
  'мбоу',
  'мбдоу',
  'мадоу',
  'маоу',
  'гбу',
  'гку',
  'огбу',
  'цур',
  'мфц',
  'дом',
  'сад',
  'клуб',
  'газ',
  'тв',
  'фк',
  'вк',
  'совет',
  'город',
  'район',
  'село',
  'округ',
  'центр',
  'школа',
  'союз',
  'фонд',
  'банк',
  'почта',
  'кафе',
  'салон',
  'студия',
  'новости',
  'vk',
  'ok',
  'admin',
  'news',
  'club',
  'shop',
  'team',
  'official',
  'group',
  'public',
]);
const NON_HUMAN_STEMS = [
  'администрац',
  'администратор',
  'правительств',
  'министерств',
  'управлени',
  'отдел',
  'комитет',
  'департамент',
  'поселени',
  'поселок',
  'станиц',
  'официальн',
  'сообществ',
  'паблик',
  'госпаблик',
  'подслушан',
  'типичн',
  'служба',
  'пресс-',
  'магазин',
  'компани',
  'больниц',
  'поликлиник',
  'полици',
  'прокуратур',
  'редакци',
  'газета',
  'радио',
  'телеканал',
  'агентств',
  'ассоциац',
  'волонтер',
  'молодеж',
  'стадион',
  'завод',
  'фабрик',
  'водоканал',
  'теплосет',
  'библиотек',
  'гимнази',
  'лицей',
  'детский',
  'детская',
  'музей',
  'жител',
  'уважаем',
  'городск',
  'сельск',
  'муниципальн',
];
const SURNAME_END = /(?:ов|ев|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая|енко|ук|юк|ич)$/u;

/**
 * The first name of a VK/OK author for «Здравствуйте, Анна!»: «Анна Петрова» → «Анна»,
 * «Иван-Иванов» → «Иван», «Анна-Мария Петрова» → «Анна-Мария». Returns '' for names that do not
 * look human (communities, organisations, nicknames with digits or symbols) and for empty input.
 */
export function firstName(authorName?: string | null): string {
  if (typeof authorName !== 'string') return '';
  let s = authorName.normalize('NFC').trim();
  const inner = /^\[(?:id|club|public)\d+\|([^\]]*)\]$/u.exec(s);
  if (inner) s = (inner[1] ?? '').trim();
  if (!s || s.length > 80) return '';
  if (/[\d@#|«»"()[\]{}_/\\:;!?&+=*<>№]/u.test(s)) return '';
  const words = s.split(/\s+/u);
  if (words.length > 4) return '';
  for (const w of words) {
    const n = norm(w);
    if (NON_HUMAN_WORDS.has(n) || NON_HUMAN_STEMS.some((st) => n.startsWith(st))) return '';
  }
  let first = (words[0] ?? '').replace(/[.,]+$/u, '');
  if (!/^\p{L}[\p{L}\p{M}'’-]*$/u.test(first)) return '';
  // one script only: «Аnna» with a Cyrillic «А» is a nickname
  if (/\p{Script=Cyrillic}/u.test(first) && /\p{Script=Latin}/u.test(first)) return '';
  const parts = first.split('-');
  if (parts.length > 1) {
    const last = parts[parts.length - 1] ?? '';
    if (SURNAME_END.test(norm(last)) && /^\p{Lu}/u.test(last)) first = parts[0] ?? '';
  }
  const letters = first.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return '';
  // «МКУ», «ЦУР»: short all-capitals words are abbreviations; «АННА» is shouting
  if (letters === letters.toUpperCase()) {
    if (letters.length <= 3) return '';
    first = first.charAt(0) + first.slice(1).toLowerCase();
  }
  return first.charAt(0).toUpperCase() + first.slice(1);
}

// ─── insertion ─────────────────────────────────────────────────────────────────────────────────

function startsLower(text: string, pos: number): boolean {
  const ch = text[pos];
  return ch !== undefined && /\p{Ll}/u.test(ch);
}

/**
 * Where and what to insert so that a reply opens with a greeting. `at` is after a VK mention and its
 * comma and space (or after the author's name used as an address), else 0. See the module comment
 * for the wording rules.
 */
export function greetingInsertion(text: string, authorName?: string): { at: number; insert: string } {
  const t = typeof text === 'string' ? text : '';
  const { lead, mention } = readLead(t, authorName);
  if (mention) {
    SEP_RE.lastIndex = mention.end;
    const sep = SEP_RE.exec(t);
    const ws1 = sep?.groups?.ws1 ?? '';
    const punct = sep?.groups?.punct ?? '';
    const ws2 = sep?.groups?.ws2 ?? '';
    const next = mention.end + (sep?.[0].length ?? 0);
    const lowerNext = startsLower(t, next);
    const tail = lowerNext ? ',' : '!';
    if (punct === '!' || punct === '.') {
      // «[id1|Анна]! Спасибо…»: a new sentence
      return { at: next, insert: `${ws2 ? '' : ' '}Здравствуйте! ` };
    }
    if (punct) {
      // «[id1|Анна], Спасибо» → «[id1|Анна], здравствуйте! Спасибо»
      if (ws2) return { at: next, insert: `здравствуйте${tail} ` };
      return { at: mention.end + ws1.length + punct.length, insert: ` здравствуйте${tail} ` };
    }
    // no comma after the mention: add one
    return { at: mention.end, insert: `, здравствуйте${tail}${ws1 || ws2 ? '' : ' '}` };
  }
  const name = firstName(authorName);
  const emojiLead = /\S/u.test(t.slice(0, lead));
  const lowerNext = !emojiLead && startsLower(t, lead);
  if (name) return { at: 0, insert: `Здравствуйте, ${name}${lowerNext ? ',' : '!'} ` };
  // Without a name a comma would make the first word read as the addressee («Здравствуйте, ремонт…»).
  return { at: 0, insert: 'Здравствуйте! ' };
}

// ─── the rule ──────────────────────────────────────────────────────────────────────────────────

function spanFrom(text: string, at: number): { start: number; end: number } {
  if (text.length === 0) return { start: 0, end: 0 };
  ANY_WORD_RE.lastIndex = at;
  const w = ANY_WORD_RE.exec(text);
  const lineEnd = text.indexOf('\n', at);
  const limit = Math.min(lineEnd === -1 ? text.length : lineEnd, at + 40);
  if (w && w.index < limit) return { start: at, end: w.index + w[0].length };
  let end = limit;
  while (end > at && /\s/u.test(text[end - 1] ?? '')) end--;
  if (end > at) return { start: at, end };
  // nothing after the insertion point (e.g. only a mention): the empty range at its end
  return { start: at, end: at };
}

export function checkGreeting(ctx: RuleContext): { required: boolean; present: boolean; findings: Finding[] } {
  const text = typeof ctx.text === 'string' ? ctx.text : '';
  const required = (ctx.mode === 'reply' || ctx.mode === 'message') && ctx.preset?.greetingRequired === true;
  const authorName = ctx.replyTo?.authorName;
  const found = detect(text, authorName);
  if (!required) return { required, present: found.present, findings: [] };
  const findings: Finding[] = [];
  if (!found.present) {
    const ins = greetingInsertion(text, authorName);
    const span = spanFrom(text, ins.at);
    const fromAct = !isOwnDefault(ctx.preset.clauses?.greetingRequired);
    findings.push({
      rule: 'greeting.missing',
      category: 'greeting',
      severity: 'error',
      start: span.start,
      end: span.end,
      message: fromAct
        ? 'Ответ начинается без приветствия, а регламент требует поздороваться с автором.'
        : 'Ответ начинается без приветствия: поздоровайтесь с автором, так вежливее.',
      suggestions: [ins.insert],
    });
  } else if (found.kind === 'informal' && found.word) {
    const word = text.slice(found.word.start, found.word.end);
    findings.push({
      rule: 'greeting.informal',
      category: 'greeting',
      severity: 'hint',
      start: found.word.start,
      end: found.word.end,
      message: `«${word}» звучит слишком по-свойски для официальной страницы: лучше «Здравствуйте».`,
      suggestions: [/^\p{Lu}/u.test(word) ? 'Здравствуйте' : 'здравствуйте'],
    });
  }
  return { required, present: found.present, findings };
}
