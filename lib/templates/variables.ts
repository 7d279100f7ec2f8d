import { TZDate } from '@date-fns/tz';
import { addWorkingDays, DEFAULT_TZ } from './working-days';

/**
 * Variables in reply templates.
 *
 * Syntax: `{имя}`, `{обращение}`, `{организация}`, `{телефон}`, `{сайт}`, `{дата}`, `{срок}`,
 * `{срок:3}` and free variables such as `{номер заявки}` that the user fills in.
 * Names are case-insensitive and `ё` = `е` (`{Обращение}` works). `{{` is a literal `{`,
 * `}}` a literal `}`; a lone `}`, an unclosed `{` or an empty `{}` stay as they are.
 *
 * Dates are written as «30 ноября 2026 г.» everywhere ({дата} and {срок}).
 * Filling is one pass: values are inserted as plain text and never parsed again. A value that ends
 * with a dot («2026 г.») swallows the sentence's own dot right after it, so there is no «г..».
 */

export type VariableKind = 'greeting' | 'name' | 'organization' | 'phone' | 'site' | 'date' | 'deadline' | 'free';

export interface TemplateVariable {
  kind: VariableKind;
  /** The name as written, trimmed: `имя`, `срок`, `номер заявки`. For `{срок:3}` it is `срок`. */
  name: string;
  /**
   * Identity of the variable: the canonical name for built-ins (`обращение`, `имя`, `срок`…),
   * the normalised name for free ones (lower case, `ё` → `е`, single spaces). Use it as a React key.
   */
  key: string;
  /** Offsets of the whole `{…}` in the template text (UTF-16, `end` exclusive). */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  raw: string;
  /** `deadline` only: working days ahead, when written (`{срок:3}` → 3). */
  days?: number;
}

export interface FillContext {
  /** The author's display name as the network shows it («Анна Смирнова»). */
  authorName?: string;
  organization?: string;
  phone?: string;
  site?: string;
  /** The moment of filling, Unix ms (for {дата} and {срок}). */
  now: number;
  /** IANA time zone of the page's office. Default `Europe/Moscow`. */
  tz?: string;
  /** Values typed by the user, by variable name (any case, `ё`/`е`). They win over the fields above. */
  values?: Record<string, string>;
  /** Working days for a bare `{срок}`. Default 7 (the final reply after an interim one). */
  defaultDeadlineDays?: number;
}

export interface UnfilledVariable {
  /** Name for the user, as in `missing`. */
  name: string;
  /** Offsets of the placeholder left in the filled text. */
  start: number;
  end: number;
}

export interface FillResult {
  text: string;
  /** Variables that still need the user, in order of first appearance, without repeats. */
  missing: string[];
  /** Placeholders left in `text` (every occurrence) — for tab-stops in the editor. */
  unfilled: UnfilledVariable[];
}

export const DEFAULT_DEADLINE_DAYS = 7;
/** `{срок:N}` accepts 1…MAX_DEADLINE_DAYS; anything else is treated as a free variable. */
export const MAX_DEADLINE_DAYS = 365;

/** Built-in variables, for help in the UI. */
export const BUILTIN_VARIABLES: ReadonlyArray<{ name: string; kind: VariableKind; description: string }> = [
  {
    name: 'обращение',
    kind: 'greeting',
    description: 'Приветствие с именем автора: «Здравствуйте, Анна!». Если имя неизвестно — «Здравствуйте!».',
  },
  { name: 'имя', kind: 'name', description: 'Имя автора комментария: «Анна».' },
  { name: 'организация', kind: 'organization', description: 'Название организации из карточки страницы.' },
  { name: 'телефон', kind: 'phone', description: 'Телефон из карточки страницы.' },
  { name: 'сайт', kind: 'site', description: 'Сайт из карточки страницы.' },
  { name: 'дата', kind: 'date', description: 'Сегодняшняя дата: «30 ноября 2026 г.».' },
  {
    name: 'срок',
    kind: 'deadline',
    description: 'Дата через 7 рабочих дней с учётом праздников; {срок:3} — через 3 рабочих дня.',
  },
];

const BUILTIN_KINDS: Record<string, VariableKind> = {
  обращение: 'greeting',
  приветствие: 'greeting',
  имя: 'name',
  организация: 'organization',
  телефон: 'phone',
  сайт: 'site',
  дата: 'date',
  срок: 'deadline',
};

/** Canonical name per kind (what `missing` reports and `values` may use). */
const CANONICAL: Record<Exclude<VariableKind, 'free'>, string> = {
  greeting: 'обращение',
  name: 'имя',
  organization: 'организация',
  phone: 'телефон',
  site: 'сайт',
  date: 'дата',
  deadline: 'срок',
};

const MAX_NAME_LENGTH = 60;

/** Lower case, `ё` → `е`, spaces collapsed. */
export function normalizeVariableName(name: string): string {
  return name.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

function classify(inner: string): { kind: VariableKind; name: string; key: string; days?: number } | null {
  const name = inner.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  const norm = normalizeVariableName(name);
  const colon = norm.indexOf(':');
  if (colon >= 0) {
    const head = norm.slice(0, colon).trim();
    const arg = norm.slice(colon + 1).trim();
    if (head === 'срок' && /^\d{1,3}$/.test(arg)) {
      const days = Number(arg);
      if (days >= 1 && days <= MAX_DEADLINE_DAYS) {
        return { kind: 'deadline', name: name.slice(0, name.indexOf(':')).trim(), key: 'срок', days };
      }
    }
    return { kind: 'free', name, key: norm };
  }
  const kind = BUILTIN_KINDS[norm];
  if (kind) return { kind, name, key: CANONICAL[kind as Exclude<VariableKind, 'free'>] };
  return { kind: 'free', name, key: norm };
}

type Piece = { literal: string } | { variable: TemplateVariable };

/** Splits a template into literal text (escapes resolved) and variables. */
function tokenize(text: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '{') {
      if (text[i + 1] === '{') {
        literal += '{';
        i += 2;
        continue;
      }
      const close = text.indexOf('}', i + 1);
      const inner = close < 0 ? '' : text.slice(i + 1, close);
      const parsed = close < 0 || /[{\n\r]/.test(inner) ? null : classify(inner);
      if (parsed) {
        if (literal) pieces.push({ literal });
        literal = '';
        const variable: TemplateVariable = {
          kind: parsed.kind,
          name: parsed.name,
          key: parsed.key,
          start: i,
          end: close + 1,
          raw: text.slice(i, close + 1),
        };
        if (parsed.days !== undefined) variable.days = parsed.days;
        pieces.push({ variable });
        i = close + 1;
        continue;
      }
      literal += ch;
      i++;
      continue;
    }
    if (ch === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
      continue;
    }
    literal += ch;
    i++;
  }
  if (literal) pieces.push({ literal });
  return pieces;
}

/** All variables of a template, in order, with kinds and spans (every occurrence). */
export function parseVariables(text: string): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  for (const p of tokenize(text)) if ('variable' in p) out.push(p.variable);
  return out;
}

/** Escapes braces so that `text` is inserted literally into a template. */
export function escapeTemplateText(text: string): string {
  return text.replace(/\{/g, '{{').replace(/\}/g, '}}');
}

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** «30 ноября 2026 г.» — the calendar day of `at` in `tz`. */
export function formatRuDate(at: number, tz: string = DEFAULT_TZ): string {
  const d = new TZDate(at, tz);
  return `${d.getDate()} ${MONTHS_GENITIVE[d.getMonth()]} ${d.getFullYear()} г.`;
}

// ---------------------------------------------------------------------------------------------
// First names

/** Words that make a display name an organisation, not a person (normalised, matched as whole words). */
const ORG_WORDS = new Set(
  [
    'администрация',
    'администрации',
    'мбоу',
    'маоу',
    'мкоу',
    'гбоу',
    'гоу',
    'моу',
    'мбдоу',
    'мадоу',
    'мкдоу',
    'мдоу',
    'гбдоу',
    'сош',
    'оош',
    'нош',
    'мбу',
    'мау',
    'мку',
    'гбу',
    'гку',
    'гау',
    'муп',
    'гуп',
    'ооо',
    'оао',
    'зао',
    'пао',
    'ао',
    'нко',
    'ано',
    'ип',
    'тсж',
    'снт',
    'тос',
    'жкх',
    'ук',
    'мфц',
    'мчс',
    'гибдд',
    'омвд',
    'овд',
    'умвд',
    'мвд',
    'црб',
    'гбуз',
    'фап',
    'дк',
    'сдк',
    'цдо',
    'дшии',
    'дши',
    'дюсш',
    'цур',
    'школа',
    'гимназия',
    'лицей',
    'колледж',
    'техникум',
    'университет',
    'институт',
    'детский',
    'детсад',
    'сад',
    'библиотека',
    'музей',
    'больница',
    'поликлиника',
    'центр',
    'управление',
    'отдел',
    'комитет',
    'департамент',
    'министерство',
    'правительство',
    'совет',
    'дума',
    'поселение',
    'поселения',
    'район',
    'района',
    'округ',
    'округа',
    'сельсовет',
    'служба',
    'компания',
    'магазин',
    'клуб',
    'фонд',
    'ассоциация',
    'союз',
    'газета',
    'новости',
    'телеканал',
    'радио',
    'водоканал',
    'теплосеть',
    'прокуратура',
    'суд',
    'полиция',
    'сообщество',
    'группа',
    'паблик',
    'госпаблик',
    'подслушано',
    'официальная',
    'официальный',
    'муниципальное',
    'муниципальный',
    'городской',
    'сельское',
    'учреждение',
  ].map((w) => w.replace(/ё/g, 'е')),
);

/** Common Russian first names (normalised), to tell «Смирнова Анна» from «Анна Смирнова». */
const FIRST_NAMES = new Set(
  (
    'александр алексей анатолий андрей антон аркадий арсений артем артур богдан борис вадим валентин валерий ' +
    'василий виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий давид ' +
    'даниил данил денис дмитрий евгений егор захар иван игорь илья кирилл константин лев леонид макар максим ' +
    'марат марк матвей михаил никита николай олег павел петр роберт родион роман руслан семен сергей ' +
    'станислав степан тимофей тимур федор филипп эдуард юрий ярослав саша дима миша коля петя ваня леша ' +
    'сережа вова женя паша гриша ' +
    'алевтина александра алена алина алиса алла анастасия ангелина анна антонина арина валентина валерия ' +
    'варвара вера вероника виктория галина дарина дарья диана ева евгения екатерина елена елизавета жанна ' +
    'зинаида зоя инна ирина карина кира клавдия кристина ксения лариса лидия лилия любовь людмила маргарита ' +
    'марина мария милана надежда наталия наталья нина оксана олеся ольга полина раиса регина светлана ' +
    'снежана софия софья станислава таисия тамара татьяна ульяна эльвира юлия яна ярослава аня маша катя ' +
    'лена оля таня наташа света юля настя даша ира галя люба надя вика'
  ).split(/\s+/),
);

const PATRONYMIC = /(вич|вна|ична|инична|ьич|оглы|кызы)$/;
const SURNAME = /(ов|ова|ев|ева|ин|ина|ын|ына|ский|ская|цкий|цкая|ской|ко|ук|юк|ых|их|ич|ян|дзе|швили)$/;

function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/ё/g, 'е');
}

/** «анна-мария» / «АННА» → «Анна-Мария» / «Анна»; mixed case as written is kept. */
function capitalizeName(word: string): string {
  if (word !== word.toLowerCase() && word !== word.toUpperCase()) return word;
  return word
    .toLowerCase()
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('-');
}

/**
 * The first name from a display name, or `undefined` when it is unknown or not a person.
 * VK and OK show «Имя Фамилия», so the first word is the name, unless the words clearly say
 * otherwise («Смирнова Анна», «Иванов Иван Иванович»). Communities and organisations
 * («Администрация …», «МБОУ СОШ № 1») give `undefined`. `ё` is kept.
 */
export function extractFirstName(displayName: string | undefined | null): string | undefined {
  if (!displayName) return undefined;
  let s = displayName.normalize('NFC');
  // VK mention markup: [id123|Анна Смирнова] or [club1|…]
  const mention = /^\s*\[(id|club|public|event)\d+\|([^\]]*)\]/.exec(s);
  if (mention) {
    if (mention[1] !== 'id') return undefined;
    s = mention[2] ?? '';
  }
  if (/[\d№«»"“”„@#]/.test(s)) return undefined;
  const words = s
    .split(/[\s,;()[\]|/\\]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 4) return undefined;
  for (const w of words) {
    if (!/^\p{L}+(?:[-'’]\p{L}+)*$/u.test(w)) return undefined;
    const n = normalizeWord(w);
    if (ORG_WORDS.has(n) || n.startsWith('администрац')) return undefined;
  }
  // an all-caps abbreviation (МБОУ, ДЮСШ) among mixed-case words — an organisation
  const isAbbreviation = (w: string) =>
    w.length >= 2 && w.length <= 5 && w === w.toUpperCase() && !FIRST_NAMES.has(firstPart(normalizeWord(w)));
  if (words.length > 1 && words.some(isAbbreviation) && !words.every((w) => w === w.toUpperCase())) return undefined;
  let index = 0;
  if (words.length >= 2) {
    const n = words.map(normalizeWord);
    const patronymicAt = n.findIndex((w, i) => i > 0 && PATRONYMIC.test(w));
    if (patronymicAt > 0) index = patronymicAt - 1;
    else if (!FIRST_NAMES.has(firstPart(n[0]!)) && FIRST_NAMES.has(firstPart(n[1]!)) && SURNAME.test(n[0]!)) index = 1;
  }
  const word = words[index]!;
  if (word.replace(/[-'’]/g, '').length < 2) return undefined;
  return capitalizeName(word);
}

function firstPart(w: string): string {
  return w.split('-')[0] ?? w;
}

// ---------------------------------------------------------------------------------------------
// Filling

function clean(v: string | undefined | null): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length > 0 ? t : undefined;
}

/**
 * Fills a template. Unfilled variables stay in the text as written (`{телефон}`) and are listed
 * in `missing`. An unknown author name turns {обращение} into «Здравствуйте!»; {имя} is
 * reported missing only when the template uses it outside {обращение}.
 */
export function fillTemplate(text: string, context: FillContext): FillResult {
  const tz = context.tz || DEFAULT_TZ;
  const values = new Map<string, string>();
  for (const [k, v] of Object.entries(context.values ?? {})) {
    const c = clean(v);
    if (c !== undefined) values.set(normalizeVariableName(k), c);
  }
  const firstName = values.get('имя') ?? extractFirstName(context.authorName);
  const defaultDays = context.defaultDeadlineDays ?? DEFAULT_DEADLINE_DAYS;

  const resolve = (v: TemplateVariable): string | undefined => {
    switch (v.kind) {
      case 'greeting':
        return values.get(v.key) ?? (firstName ? `Здравствуйте, ${firstName}!` : 'Здравствуйте!');
      case 'name':
        return firstName;
      case 'organization':
        return values.get(v.key) ?? clean(context.organization);
      case 'phone':
        return values.get(v.key) ?? clean(context.phone);
      case 'site':
        return values.get(v.key) ?? clean(context.site);
      case 'date':
        return values.get(v.key) ?? formatRuDate(context.now, tz);
      case 'deadline': {
        if (v.days === undefined && values.has('срок')) return values.get('срок');
        return formatRuDate(addWorkingDays(context.now, v.days ?? defaultDays, tz), tz);
      }
      case 'free':
        return values.get(v.key);
    }
  };

  let out = '';
  const missing: string[] = [];
  const missingKeys = new Set<string>();
  const unfilled: UnfilledVariable[] = [];
  // «до 9 декабря 2026 г.» at the end of a sentence: the abbreviation's dot ends it, no «г..»
  let endsWithDot = false;
  for (const piece of tokenize(text)) {
    if ('literal' in piece) {
      const lit = piece.literal;
      out += endsWithDot && lit.startsWith('.') && !lit.startsWith('..') ? lit.slice(1) : lit;
      endsWithDot = false;
      continue;
    }
    const v = piece.variable;
    const value = resolve(v);
    if (value !== undefined) {
      out += value;
      endsWithDot = value.endsWith('.') && !value.endsWith('..');
      continue;
    }
    endsWithDot = false;
    const name = v.kind === 'free' ? v.name : v.key;
    if (!missingKeys.has(v.key)) {
      missingKeys.add(v.key);
      missing.push(name);
    }
    unfilled.push({ name, start: out.length, end: out.length + v.raw.length });
    out += v.raw;
  }
  return { text: out, missing, unfilled };
}
