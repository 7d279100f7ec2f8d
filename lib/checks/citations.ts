/**
 * References to normative legal acts (НПА) and the «не более двух» rule.
 *
 * `findCitations` returns every mention of an act with a normalised `key`
 * (`type|issuer|date|number-or-title`); equal keys are one act. The rule of
 * ../shared/eval/README.md «Counting legal acts»: articles and points of one act count once;
 * generic phrases («в соответствии с действующим законодательством»), self-references
 * («настоящее постановление»), letters, court decisions and URLs are not acts.
 *
 * How it works, in one pass over the text:
 * 1. a few precompiled regexes find «heads» — act words in any grammatical case («постановлением»,
 *    «Федерального закона», «ст. 12.8 КоАП РФ», «№ 131-ФЗ», «СанПиН …», «СП 59.13330.2020»);
 * 2. from each head, sticky regexes read what follows: issuer («Правительства РФ»), date
 *    («от 9 февраля 2009 г.», «от 12.03.2023»), number («№ 45-п»), title («О …»), list
 *    continuations («…, от 27.07.2006 № 149-ФЗ»); a quoted title is skipped so that acts named
 *    inside another act's title do not count;
 * 3. mentions are unified: a short form («Закон № 59-ФЗ», «постановлением администрации») joins the
 *    nearest compatible full form (no conflicting field, and a shared number/date/title, or one side
 *    has none of them). A bare generic word («федеральным законом», «постановление вступает в силу»)
 *    is not a reference.
 *
 * Acts found: federal (constitutional) laws, regional and RF laws (by number, date or title), the
 * Constitution, codes by full name or abbreviation (КоАП, УПК, ГПК, АПК, ГрК on their own; ГК, НК, ЖК, ТК,
 * УК, БК, ЗК, ЛК, КАС with «РФ» or an article; СК and ВК only with an article — «СК России», «ВК»),
 * постановление / распоряжение / приказ / указ with a known issuer or a date or number, решение of a
 * council (or with a date or number), устав of a territory, СанПиН, СНиП, СП with a number, Правила
 * благоустройства, ПДД with a point. Plural and anaphoric uses («постановления Правительства обязательны»,
 * «указанным постановлением») are not new acts.
 */
import { citationSeverity, isOwnDefault } from './presets';
import type { CitedAct, Finding, RuleContext } from './types';

// ─── regex building blocks ──────────────────────────────────────────────────────────────────────

const S = '[\\s\\u00a0]';
const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const MONTH_NUM: Record<string, string> = {
  января: '01',
  февраля: '02',
  марта: '03',
  апреля: '04',
  мая: '05',
  июня: '06',
  июля: '07',
  августа: '08',
  сентября: '09',
  октября: '10',
  ноября: '11',
  декабря: '12',
};
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** Act words in all cases. Case-insensitive; the left word boundary is checked in code. */
const HEAD_RE = new RegExp(
  [
    `(?<fedlaw>федеральн(?:ый|ого|ому|ым|ом|ые|ых|ыми)${S}+(?<fkz>конституционн\\p{L}*${S}+)?закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?)`,
    '(?<law>закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?)',
    `(?<codefull>(?<codeadj>гражданск\\p{L}*${S}+процессуальн|арбитражн\\p{L}*${S}+процессуальн|уголовно-процессуальн|уголовно-исполнительн|гражданск|налогов|жилищн|трудов|уголовн|бюджетн|градостроительн|земельн|семейн|водн|лесн|воздушн|таможенн)(?:ый|ий|ого|ому|ым|ом|ая|ой)${S}+кодекс(?:а|у|ом|е)?)`,
    `(?<koapfull>кодекс(?:а|у|ом|е)?(?:${S}+(?:российской${S}+федерации|рф))?${S}+об${S}+административных${S}+правонарушениях)`,
    `(?<kas>кодекс(?:а|у|ом|е)?(?:${S}+(?:российской${S}+федерации|рф))?${S}+административного${S}+судопроизводства)`,
    '(?<constitution>конституци(?:я|и|ю|ей|ею))',
    '(?<postanovlenie>постановлени(?:е|я|ю|ем|и|й|ям|ями|ях))',
    '(?<rasporyazhenie>распоряжени(?:е|я|ю|ем|и|й|ям|ями|ях))',
    '(?<prikaz>приказ(?:а|у|ом|е|ы|ов|ам|ами|ах)?)',
    '(?<ukaz>указ(?:а|у|ом|е|ы|ов|ам|ами|ах)?)',
    '(?<reshenie>решени(?:е|я|ю|ем|и|й|ям|ями|ях))',
    '(?<ustav>устав(?:а|у|ом|е|ы|ов|ам|ами|ах)?)',
    '(?<sanpin>санпин(?:а|у|ом|е|ы|ов|ами|ах)?)',
    '(?<snip>снип(?:а|у|ом|е|ы|ов|ами|ах)?)',
    `(?<rules>правил(?:а|ам|ами|ах)?${S}+(?<rulesOf>благоустройства|дорожного${S}+движения))`,
  ]
    .map((alt) => `${alt}${NOT_WORD_AFTER}`)
    .join('|'),
  'giu',
);

/** Code abbreviations and ПДД (case-sensitive: «УК» of «УК РФ», not «ук»). */
const ABBR_RE = new RegExp(
  `(?<abbr>[Кк][Оо][Аа][Пп]|УПК|ГПК|АПК|ГрК|КАС|УИК|ГК|НК|ЖК|ТК|УК|БК|ЗК|СК|ВК|ЛК|ПДД)${NOT_WORD_AFTER}`,
  'gu',
);

/** Federal laws by number only: «№ 131-ФЗ», «131-ФЗ», «ФЗ-131», «ФЗ № 44»; and «ФЗ «О полиции»». */
const FZ_RE = new RegExp(
  [
    `(?:(?:№|N)${S}*)?(?<n1>\\d{1,4})${S}*[-‐‑–]${S}*(?<s1>фкз|фз)${NOT_WORD_AFTER}`,
    `(?<s2>фкз|фз)${S}*(?:[-‐‑–]${S}*)?(?:№${S}*)?(?<n2>\\d{1,4})(?![\\p{L}\\p{N}]|[.,]\\d)`,
    `(?<s3>фкз|фз)(?=${S}*[«"„“])`,
  ].join('|'),
  'giu',
);

/** Building codes of rules with a dotted number: «СП 59.13330.2020», «СП 2.4.3648-20». */
const SP_RE = new RegExp(`СП${S}+(?<spnum>\\d+(?:\\.\\d+)+(?:-\\d+)?)`, 'gu');

/** A whitespace-delimited chunk that is a URL, a domain or an e-mail address. */
const URLISH_RE =
  /^[(«"]?(?:https?:\/\/|www\.)|[\p{L}\p{N}-]\.(?:ru|рф|com|org|net|su|info|gov)(?:[/?#:]|[.,;)»"]?$)|[\p{L}\p{N}]@[\p{L}\p{N}]/iu;

const DATE_RE = new RegExp(
  `${S}*(?:\\(${S}*)?(?:от${S}*)?(?:(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>\\d{4}|\\d{2})|(?<d2>\\d{1,2})${S}+(?<mon>${MONTHS})${S}*(?<y2>\\d{4}))(?:${S}*(?:года|г\\.|г(?![\\p{L}])))?`,
  'iuy',
);
const DATE_BLANK_RE = new RegExp(`${S}*от${S}*_{2,}${S}*(?:года|г\\.)?`, 'iuy');
const NUMBER_RE = new RegExp(
  `${S}*(?:\\(${S}*)?(?:№|N(?=${S}*\\d)|No\\.?(?=${S}*\\d))${S}*(?<num>\\d[\\d\\p{L}./\\-‐‑–]*)`,
  'uy',
);
const NUMBER_BLANK_RE = new RegExp(`${S}*(?:№|N)${S}*_{2,}`, 'uy');
/** A law number without «№»: «закон 131-ФЗ», «Закона 2000-КЗ». */
const LAW_NUMBER_RE = new RegExp(`${S}+(?<num>\\d{1,5}${S}*[-‐‑–]${S}*\\p{L}{1,4})${NOT_WORD_AFTER}`, 'uy');
const SAN_NUMBER_RE = new RegExp(`${S}*(?<num>\\d+(?:\\.\\d+)*(?:\\/\\d+(?:\\.\\d+)*)*(?:-\\d+)?)`, 'uy');
const SNIP_NUMBER_RE = new RegExp(`${S}*(?<num>\\d+(?:[.-]\\d+)+)`, 'uy');
const COUNTRY_RE = new RegExp(`${S}*(?:РФ|Р\\.${S}?Ф\\.|России|Российской${S}+Федерации)(?![\\p{L}])`, 'iuy');
const TITLE_OPEN_RE = new RegExp(`${S}*(?<q>[«"„“])`, 'uy');
const LOW_TITLE_RE = new RegExp(
  `${S}+(?<prep>об?|обо)${S}+(?<words>\\p{L}[\\p{L}-]*(?:${S}+\\p{L}[\\p{L}-]*){0,3})`,
  'iuy',
);
const WORD_RE = new RegExp(`(?<gap>${S}*)(?<open>\\(?)(?<w>\\p{L}[\\p{L}\\-‐]*)(?<close>\\)?)`, 'uy');
const LIST_CONT_RE = new RegExp(`${S}*(?:[,;]${S}*)?(?:(?:и|а${S}+также)${S}+)?(?=от${S}|№|N${S}*\\d)`, 'iuy');
const COURT_TAIL_RE = new RegExp(
  `${S}*(?:по${S}+делу|о${S}+назначении${S}+административного|о${S}+привлечении${S}+к|об${S}+административном${S}+правонарушении)`,
  'iuy',
);

/** Articles, parts, points before an act: «ст. 12.8 и 12.26 », «п. 3 ст. 14 », «частью 1.2 статьи 13 ». */
const ART_UNIT = `(?<![\\p{L}])(?:(?:ч|п|пп|подп|ст|абз|гл|разд|прим)\\.${S}*|(?:част|пункт|подпункт|стат|абзац|глав|раздел)\\p{L}*${S}+)`;
const ART_NUM = `(?:\\d+(?:\\.\\d+)*(?:-\\d+)?|[«"]\\p{Ll}[»"])`;
const ART_NUMS = `${ART_NUM}(?:${S}*(?:,|и|–|-)${S}*${ART_NUM})*`;
const ART_PREFIX_RE = new RegExp(`(?:${ART_UNIT}${ART_NUMS}${S}*(?:(?:,|и)${S}*)?)+$`, 'iu');
const ART_WINDOW = 120;

const SELF_RE = /(?<![\p{L}])настоящ\p{L}*[\s\u00a0]+$/iu;
const ANAPHOR_RE =
  /(?<![\p{L}])(?:указанн|вышеуказанн|названн|вышеназванн|упомянут|данн|эт|тот[\s\u00a0]+же|того[\s\u00a0]+же|том[\s\u00a0]+же|соответствующ)\p{L}*[\s\u00a0]+$/iu;
const AT_DISPOSAL_RE = /(?<![\p{L}])(?:в|во)[\s\u00a0]+(?:\p{L}+[\s\u00a0]+)?$/iu;

// ─── issuer vocabulary ─────────────────────────────────────────────────────────────────────────

const AUTHORITY_START =
  /^(?:правительств|президент|губернатор|администрац|глав|мэр|министерств|министр|мин(?:здрав|фин|труд|стро|природ|просвещ|обрнаук|цифр|экономразв|сельхоз|транс|энерго|культур|спорт|юст|обороны|промторг|востокразв|иностр|регион|связ)|мчс|мвд|фнс|фас|фсб|фсин|фмба|рос(?:потребнадзор|реестр|технадзор|обрнадзор|здравнадзор|стат|автодор|транснадзор|природнадзор|алкоголь|гвард|архив|морречфлот|авиаци|лесхоз|рыболовств|имуществ|стандарт|аккредитац)|департамент|управлени|комитет|совет|дум|собрани|кабинет|федеральн|главн|государственн|центральн|банк|цб|префект|избирательн|цик|служб|агентств|инспекци|госжилинспекц)/;
const COURT_START = /^(?:суд|судь|пленум|президиум|верховн|конституционн|арбитраж|миров|апелляц|кассац)/;
const COUNCIL_START =
  /^(?:совет|дум|собрани|представительн|сесси|законодательн|народн|муниципальн|хурал|курултай|ассамбле|депутат)/;
const TERRITORY_START =
  /^(?:рф|росси|российск|республик|город|муниципальн|городск|сельск|поселени|район|округ|кра[йяюе]|област|образовани|автономн)/;
const CAPITAL_GEN_ADJ = /^\p{Lu}\p{Ll}+(?:ого|его|ой|ей)$/u;
const STOPWORDS = new Set([
  'и',
  'в',
  'во',
  'на',
  'по',
  'о',
  'об',
  'обо',
  'с',
  'со',
  'к',
  'ко',
  'у',
  'от',
  'до',
  'из',
  'за',
  'для',
  'при',
  'через',
  'без',
  'не',
  'ни',
  'как',
  'что',
  'это',
  'а',
  'но',
  'или',
  'либо',
  'также',
  'под',
  'над',
  'между',
  'после',
  'перед',
  'согласно',
  'который',
  'которая',
  'которое',
  'которые',
  'которого',
  'которой',
  'которых',
  'ст',
  'п',
  'ч',
  'пп',
  'год',
  'года',
  'г',
]);
const GEO_NOMINATIVE = new Set([
  'район',
  'город',
  'округ',
  'край',
  'область',
  'поселок',
  'посёлок',
  'село',
  'станица',
  'хутор',
  'деревня',
]);
const GENITIVE_END = /(?:ого|его|ой|ей|ых|их|ии|ия|ов|ев|а|я|ы|и)$/;
const VERBISH_END = /(?:ены|ёны|аны|яны|ты|ли|ла|ло|ся|сь|ть|чь|ет|ит|ут|ют|ат|ят)$/;

// ─── types ─────────────────────────────────────────────────────────────────────────────────────

interface Occ {
  start: number;
  end: number;
  type: string;
  issuer: string;
  date: string;
  number: string;
  title: string;
  /** «указанного постановления …»: joins an earlier act or is dropped. */
  anaphoric: boolean;
}

interface Parsed {
  occs: Occ[];
  /** Everything up to here belongs to this reference (including a skipped title). */
  consumed: number;
}

type Kind =
  | 'fedlaw'
  | 'law'
  | 'codefull'
  | 'koapfull'
  | 'kas'
  | 'constitution'
  | 'postanovlenie'
  | 'rasporyazhenie'
  | 'prikaz'
  | 'ukaz'
  | 'reshenie'
  | 'ustav'
  | 'sanpin'
  | 'snip'
  | 'rules'
  | 'abbr'
  | 'fz'
  | 'sp';

interface Candidate {
  start: number;
  end: number;
  kind: Kind;
  groups: Record<string, string | undefined>;
}

const ACT_TYPE: Partial<Record<Kind, string>> = {
  postanovlenie: 'постановление',
  rasporyazhenie: 'распоряжение',
  prikaz: 'приказ',
  ukaz: 'указ',
  reshenie: 'решение',
  ustav: 'устав',
};

const CODE_BY_ADJ: Record<string, string> = {
  гражданск: 'гражданский кодекс',
  налогов: 'налоговый кодекс',
  жилищн: 'жилищный кодекс',
  трудов: 'трудовой кодекс',
  уголовн: 'уголовный кодекс',
  бюджетн: 'бюджетный кодекс',
  градостроительн: 'градостроительный кодекс',
  земельн: 'земельный кодекс',
  семейн: 'семейный кодекс',
  водн: 'водный кодекс',
  лесн: 'лесной кодекс',
  воздушн: 'воздушный кодекс',
  таможенн: 'таможенный кодекс',
  'уголовно-процессуальн': 'уголовно-процессуальный кодекс',
  'уголовно-исполнительн': 'уголовно-исполнительный кодекс',
  'гражданск процессуальн': 'гражданский процессуальный кодекс',
  'арбитражн процессуальн': 'арбитражный процессуальный кодекс',
};

const KOAP = 'кодекс об административных правонарушениях';
const CODE_BY_ABBR: Record<string, string> = {
  коап: KOAP,
  упк: 'уголовно-процессуальный кодекс',
  гпк: 'гражданский процессуальный кодекс',
  апк: 'арбитражный процессуальный кодекс',
  грк: 'градостроительный кодекс',
  кас: 'кодекс административного судопроизводства',
  уик: 'уголовно-исполнительный кодекс',
  гк: 'гражданский кодекс',
  нк: 'налоговый кодекс',
  жк: 'жилищный кодекс',
  тк: 'трудовой кодекс',
  ук: 'уголовный кодекс',
  бк: 'бюджетный кодекс',
  зк: 'земельный кодекс',
  ск: 'семейный кодекс',
  вк: 'водный кодекс',
  лк: 'лесной кодекс',
};
/** Abbreviations that are acts on their own. The rest need «РФ» or an article («ЖК «Солнечный»» is a housing estate). */
const SELF_STANDING_ABBR = new Set(['коап', 'упк', 'гпк', 'апк', 'грк', 'уик']);
/** «СК России» is the Investigative Committee, «ВК» is VKontakte: only with an article. */
const ARTICLE_ONLY_ABBR = new Set(['ск', 'вк']);

// ─── small helpers ─────────────────────────────────────────────────────────────────────────────

function lower(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

function exec(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const LATIN_TO_CYR: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

function normNumber(raw: string): string {
  return lower(raw)
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, '')
    .replace(/[.\-/]+$/, '')
    .replace(/[a-z]/g, (c) => LATIN_TO_CYR[c] ?? c);
}

function normDate(g: Record<string, string | undefined>): string {
  let d = g.d ?? g.d2 ?? '';
  let m = g.m ?? '';
  let y = g.y ?? g.y2 ?? '';
  if (g.mon) m = MONTH_NUM[lower(g.mon)] ?? '';
  if (y.length === 2) y = `20${y}`;
  d = d.padStart(2, '0');
  m = m.padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function normIssuer(words: string[]): string {
  const s = lower(words.join(' '))
    .replace(/[()]/g, '')
    .replace(/российской федерации|россии|р\.\s?ф\./g, 'рф')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

function normTitle(raw: string): string {
  const words = lower(raw).match(/\p{L}+/gu) ?? [];
  return words
    .slice(0, 5)
    .map((w) => w.slice(0, 6))
    .join(' ');
}

function isWordPrefix(a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** Left word boundary; also accepts a glued «сФедеральным» (lower-case letter then capital). */
function leftBoundaryOk(text: string, start: number): boolean {
  const prev = text[start - 1];
  if (!isLetter(prev)) return true;
  const first = text[start] ?? '';
  return /\p{Ll}/u.test(prev ?? '') && /\p{Lu}/u.test(first);
}

// ─── tail parsing ──────────────────────────────────────────────────────────────────────────────

interface Tail {
  pos: number;
  end: number;
  date: string;
  number: string;
}

/** Date and number in either order («от 12.03.2023 № 45-п», «№ 45-п от 12.03.2023»). */
function readDateNumber(text: string, pos: number, allowBareLawNumber: boolean): Tail {
  const t: Tail = { pos, end: pos, date: '', number: '' };
  for (let round = 0; round < 4; round++) {
    if (!t.date) {
      const m = exec(DATE_RE, text, t.pos);
      if (m) {
        t.date = normDate(m.groups ?? {});
        t.pos = t.end = m.index + m[0].length;
        continue;
      }
      const blank = exec(DATE_BLANK_RE, text, t.pos);
      if (blank) {
        t.pos = blank.index + blank[0].length;
        continue;
      }
    }
    if (!t.number) {
      const m = exec(NUMBER_RE, text, t.pos);
      if (m) {
        const raw = m.groups?.num ?? '';
        const trailing = raw.length - raw.replace(/[.\-/‐‑–]+$/, '').length;
        t.number = normNumber(raw);
        t.pos = t.end = m.index + m[0].length - trailing;
        continue;
      }
      const blank = exec(NUMBER_BLANK_RE, text, t.pos);
      if (blank) {
        t.pos = blank.index + blank[0].length;
        continue;
      }
      const bare = allowBareLawNumber ? exec(LAW_NUMBER_RE, text, t.pos) : null;
      if (bare) {
        t.number = normNumber(bare.groups?.num ?? '');
        t.pos = t.end = bare.index + bare[0].length;
        continue;
      }
    }
    break;
  }
  // «(№ 131-ФЗ)»: include the closing parenthesis
  const seg = text.slice(pos, t.end);
  if (seg.includes('(') && !seg.includes(')')) {
    const close = /^[\s\u00a0]*\)/u.exec(text.slice(t.end, t.end + 8));
    if (close) t.end = t.pos = Math.max(t.pos, t.end + close[0].length);
  }
  return t;
}

interface Title {
  key: string;
  /** End of the closing quote, or -1 when the title is not closed (then nothing is skipped). */
  end: number;
}

const CLOSE_OF: Record<string, string> = { '«': '»', '"': '"', '„': '“', '“': '”' };
const TITLE_MAX = 1500;

/** A quoted title right at `pos`; nested «…» are balanced. */
function readTitle(text: string, pos: number): Title | null {
  const m = exec(TITLE_OPEN_RE, text, pos);
  if (!m) return null;
  const open = m.groups?.q ?? '«';
  const close = CLOSE_OF[open] ?? '»';
  const bodyStart = m.index + m[0].length;
  const limit = Math.min(text.length, bodyStart + TITLE_MAX);
  let depth = 1;
  for (let i = bodyStart; i < limit; i++) {
    const ch = text[i];
    if (open !== close && ch === open) depth++;
    else if (ch === close) {
      depth--;
      if (depth === 0) return { key: normTitle(text.slice(bodyStart, i)), end: i + 1 };
    }
  }
  return { key: normTitle(text.slice(bodyStart, Math.min(limit, bodyStart + 200))), end: -1 };
}

type IssuerStart = (lowerWord: string, raw: string) => boolean;

interface Issuer {
  norm: string;
  words: string[];
  end: number;
}

/** Genitive word chain after an act word: «Правительства Российской Федерации», «главы администрации (губернатора) Краснодарского края». */
function readIssuer(text: string, pos: number, startOk: IssuerStart, maxWords = 9): Issuer | null {
  const words: string[] = [];
  let p = pos;
  let end = pos;
  for (let i = 0; i < maxWords; i++) {
    const m = exec(WORD_RE, text, p);
    if (!m?.groups) break;
    const gap = m.groups.gap ?? '';
    if (gap.length === 0) break;
    if ((gap.match(/\n/g)?.length ?? 0) > 1) break;
    const raw = m.groups.w ?? '';
    const paren = m.groups.open === '(';
    if (paren && m.groups.close !== ')') break;
    const w = lower(raw);
    if (STOPWORDS.has(w)) break;
    if (i === 0) {
      if (paren || !startOk(w, raw)) break;
    } else if (!paren && !continuesIssuer(w, raw)) break;
    words.push(raw);
    p = end = m.index + m[0].length;
  }
  if (words.length === 0) return null;
  return { norm: normIssuer(words), words: words.map(lower), end };
}

function continuesIssuer(w: string, raw: string): boolean {
  if (/^\p{Lu}/u.test(raw)) return true;
  if (GEO_NOMINATIVE.has(w)) return true;
  return GENITIVE_END.test(w) && !VERBISH_END.test(w);
}

const authorityStart: IssuerStart = (w) => AUTHORITY_START.test(w) || COURT_START.test(w);
const councilStart: IssuerStart = (w) => COUNCIL_START.test(w) || COURT_START.test(w);
const territoryStart: IssuerStart = (w, raw) => TERRITORY_START.test(w) || CAPITAL_GEN_ADJ.test(raw);

// ─── per-kind parsers ──────────────────────────────────────────────────────────────────────────

function articlePrefixStart(text: string, start: number): number {
  // cheap pre-check: an article reference ends in a number or a quoted letter («пп. «а»»)
  let k = start - 1;
  while (k >= 0 && /[\s\u00a0]/u.test(text[k] ?? '')) k--;
  if (k < 0 || !/[\d»"]/u.test(text[k] ?? '')) return start;
  const from = Math.max(0, start - ART_WINDOW);
  const m = ART_PREFIX_RE.exec(text.slice(from, start));
  return m ? from + m.index : start;
}

function before(text: string, start: number, n = 40): string {
  return text.slice(Math.max(0, start - n), start);
}

function occ(
  start: number,
  end: number,
  type: string,
  fields: Partial<Pick<Occ, 'issuer' | 'date' | 'number' | 'title' | 'anaphoric'>> = {},
): Occ {
  return {
    start,
    end,
    type,
    issuer: fields.issuer ?? '',
    date: fields.date ?? '',
    number: fields.number ?? '',
    title: fields.title ?? '',
    anaphoric: fields.anaphoric ?? false,
  };
}

function lawTypeFor(number: string, fallbackType: string, fallbackIssuer: string): { type: string; issuer: string } {
  if (/-фкз$/.test(number)) return { type: 'федеральный конституционный закон', issuer: 'рф' };
  if (/-фз$/.test(number)) return { type: 'федеральный закон', issuer: 'рф' };
  return { type: fallbackType, issuer: fallbackIssuer };
}

/** «…, от 27.07.2006 № 149-ФЗ», «… № 5 и от 03.04.2023 № 7»: more acts of the same kind. */
function readListContinuation(
  text: string,
  pos: number,
  make: (start: number, end: number, date: string, number: string) => Occ,
  allowBareLawNumber: boolean,
): Parsed {
  const occs: Occ[] = [];
  let consumed = pos;
  for (let i = 0; i < 20; i++) {
    const c = exec(LIST_CONT_RE, text, consumed);
    if (!c) break;
    const itemStart = c.index + c[0].length;
    const t = readDateNumber(text, itemStart, allowBareLawNumber);
    if (!t.number && !t.date) break;
    occs.push(make(itemStart, t.end, t.date, t.number));
    consumed = t.pos;
    const title = readTitle(text, consumed);
    if (title && title.end > 0) consumed = title.end;
  }
  return { occs, consumed };
}

function parseLaw(text: string, c: Candidate): Parsed | null {
  const headText = text.slice(c.start, c.end);
  const plural = /(?:ы|ов|ам|ами|ах|ые|ых|ыми)$/iu.test(headText) && !/закон$/iu.test(headText);
  let pos = c.end;
  let issuer = '';
  let end = c.end;
  const iss = readIssuer(text, pos, territoryStart, 6);
  if (iss) {
    issuer = iss.norm;
    pos = end = iss.end;
  }
  let title = '';
  let consumed = pos;
  const t0 = readTitle(text, pos);
  if (t0) {
    title = t0.key;
    if (t0.end > 0) pos = consumed = t0.end;
  }
  const dn = readDateNumber(text, pos, true);
  if (dn.number || dn.date) {
    end = dn.end;
    pos = consumed = dn.pos;
    const t1 = readTitle(text, pos);
    if (t1) {
      title = title || t1.key;
      if (t1.end > 0) consumed = t1.end;
    }
  } else if (!title && !plural) {
    const lt = exec(LOW_TITLE_RE, text, pos);
    const words = lt?.groups?.words ?? '';
    if (lt?.groups && !/^(?:том|тех|чем|котор|нем|ней|них|этом|всем|вс|себе|нас|вас)/iu.test(words)) {
      // an unquoted title runs until a preposition or conjunction: «закон о защите прав потребителей на …»
      const wordRe = /\p{L}[\p{L}-]*/gu;
      let titleEnd = lt.index + lt[0].length - words.length;
      for (let w = wordRe.exec(words); w; w = wordRe.exec(words)) {
        if (w.index > 0 && STOPWORDS.has(lower(w[0]))) break;
        titleEnd = lt.index + lt[0].length - words.length + w.index + w[0].length;
      }
      title = normTitle(`${lt.groups.prep} ${text.slice(lt.index + lt[0].length - words.length, titleEnd)}`);
      end = consumed = titleEnd;
    }
  }
  if (!dn.number && !dn.date && !title) return null;
  if (plural && !dn.number && !dn.date) return null;
  const baseType =
    c.kind === 'fedlaw' ? (c.groups.fkz ? 'федеральный конституционный закон' : 'федеральный закон') : 'закон';
  const baseIssuer = c.kind === 'fedlaw' ? 'рф' : issuer;
  const { type, issuer: iss2 } = lawTypeFor(dn.number, baseType, baseIssuer);
  const first = occ(articlePrefixStart(text, c.start), end, type, {
    issuer: iss2,
    date: dn.date,
    number: dn.number,
    title,
  });
  const cont = readListContinuation(
    text,
    consumed,
    (s, e, date, number) => {
      const lt = lawTypeFor(number, baseType, baseIssuer);
      return occ(s, e, lt.type, { issuer: lt.issuer, date, number });
    },
    true,
  );
  return { occs: [first, ...cont.occs], consumed: Math.max(consumed, cont.consumed) };
}

function parseFzAbbr(text: string, c: Candidate): Parsed | null {
  const g = c.groups;
  const suffix = lower(g.s1 ?? g.s2 ?? g.s3 ?? 'фз');
  const type = suffix === 'фкз' ? 'федеральный конституционный закон' : 'федеральный закон';
  const n = g.n1 ?? g.n2;
  if (n) {
    return {
      occs: [occ(articlePrefixStart(text, c.start), c.end, type, { issuer: 'рф', number: `${n}-${suffix}` })],
      consumed: c.end,
    };
  }
  const t = readTitle(text, c.end);
  if (!t) return null;
  return {
    occs: [occ(articlePrefixStart(text, c.start), c.end, type, { issuer: 'рф', title: t.key })],
    consumed: t.end > 0 ? t.end : c.end,
  };
}

function parseCode(text: string, c: Candidate): Parsed | null {
  let type: string;
  let mustHaveAnchor = false;
  let articleOnly = false;
  if (c.kind === 'codefull') {
    const adj = lower(c.groups.codeadj ?? '');
    const key = /\s/.test(adj) ? `${adj.startsWith('гражданск') ? 'гражданск' : 'арбитражн'} процессуальн` : adj;
    type = CODE_BY_ADJ[key] ?? `${key} кодекс`;
  } else if (c.kind === 'koapfull') type = KOAP;
  else if (c.kind === 'kas') type = 'кодекс административного судопроизводства';
  else {
    const abbr = lower(c.groups.abbr ?? '');
    if (abbr === 'пдд') return parseRules(text, c);
    type = CODE_BY_ABBR[abbr] ?? abbr;
    mustHaveAnchor = !SELF_STANDING_ABBR.has(abbr);
    articleOnly = ARTICLE_ONLY_ABBR.has(abbr);
  }
  let end = c.end;
  let issuer = 'рф';
  const country = exec(COUNTRY_RE, text, c.end);
  if (country) end = country.index + country[0].length;
  else if (type === KOAP) {
    // a regional code: «КоАП Московской области»
    const iss = readIssuer(text, c.end, (_w, raw) => CAPITAL_GEN_ADJ.test(raw) || /^республик/iu.test(raw), 4);
    if (iss && iss.words.length >= 2) {
      issuer = iss.norm;
      end = iss.end;
    }
  }
  const start = articlePrefixStart(text, c.start);
  if (mustHaveAnchor) {
    const hasArticle = start < c.start;
    if (articleOnly ? !hasArticle : !hasArticle && !country) return null;
  }
  return { occs: [occ(start, end, type, { issuer })], consumed: end };
}

function parseConstitution(text: string, c: Candidate): Parsed | null {
  let end = c.end;
  let issuer = 'рф';
  const country = exec(COUNTRY_RE, text, c.end);
  if (country) end = country.index + country[0].length;
  else {
    const iss = readIssuer(text, c.end, (w) => w.startsWith('республик'), 4);
    if (iss && iss.words.length >= 2) {
      issuer = iss.norm;
      end = iss.end;
    }
  }
  return { occs: [occ(articlePrefixStart(text, c.start), end, 'конституция', { issuer })], consumed: end };
}

function parseSanitary(text: string, c: Candidate): Parsed {
  const type = c.kind === 'snip' ? 'снип' : 'санпин';
  const m = exec(c.kind === 'snip' ? SNIP_NUMBER_RE : SAN_NUMBER_RE, text, c.end);
  const number = m ? normNumber(m.groups?.num ?? '') : '';
  const end = m ? m.index + m[0].length : c.end;
  const start = articlePrefixStart(text, c.start);
  let consumed = end;
  const t = readTitle(text, end);
  if (t && t.end > 0) consumed = t.end;
  return { occs: [occ(start, end, type, { number })], consumed };
}

function parseRules(text: string, c: Candidate): Parsed | null {
  const traffic = c.kind === 'abbr' || lower(c.groups.rulesOf ?? '').startsWith('дорожн');
  const start = articlePrefixStart(text, c.start);
  // «нарушил ПДД» is a figure of speech; «п. 9.10 ПДД» is a citation
  if (traffic && start === c.start) return null;
  const type = traffic ? 'правила дорожного движения' : 'правила благоустройства';
  return { occs: [occ(start, c.end, type)], consumed: c.end };
}

const PLURAL_BEFORE_RE =
  /(?:законы|акты|указы|приказы|распоряжения|постановления|решения)[\s\u00a0]*(?:,|и)[\s\u00a0]*$/iu;
const PLURAL_PREDICATE_RE = new RegExp(`${S}+(?:\\p{L}+(?:ны|ты|ют|ят|ются|ятся|ли))(?![\\p{L}])`, 'iuy');

/** «постановления Правительства обязательны», «законы и распоряжения губернатора»: a plural, not one act. */
function ambiguousPlural(text: string, start: number, end: number): boolean {
  return PLURAL_BEFORE_RE.test(before(text, start)) || exec(PLURAL_PREDICATE_RE, text, end) !== null;
}

function parseAct(text: string, c: Candidate): Parsed | null {
  const type = ACT_TYPE[c.kind] ?? c.kind;
  const headText = lower(text.slice(c.start, c.end));
  const plural = /(?:ы|ов|ам|ами|ах|ий|иям|иями|иях)$/.test(headText) && !/(?:ии)$/.test(headText);
  const startOk: IssuerStart =
    c.kind === 'reshenie' ? councilStart : c.kind === 'ustav' ? territoryStart : authorityStart;
  let pos = c.end;
  let end = c.end;
  let issuer = '';
  const iss = readIssuer(text, pos, startOk);
  if (iss) {
    if (COURT_START.test(iss.words[0] ?? '')) return { occs: [], consumed: iss.end };
    issuer = iss.norm;
    pos = end = iss.end;
  }
  let dn = readDateNumber(text, pos, false);
  if (!iss && !dn.number && !dn.date) {
    // an issuer we do not know («приказом директора школы от … № …») counts only with a date or number
    const other = readIssuer(text, pos, (w, raw) => continuesIssuer(w, raw), 5);
    const dn2 = other ? readDateNumber(text, other.end, false) : null;
    if (other && dn2 && (dn2.number || dn2.date)) {
      issuer = other.norm;
      pos = end = other.end;
      dn = dn2;
    }
  }
  let consumed = Math.max(pos, dn.pos);
  if (dn.number || dn.date) end = dn.end;
  let title = '';
  const t = dn.number || dn.date || issuer ? readTitle(text, consumed) : null;
  if (t) {
    title = t.key;
    if (t.end > 0) consumed = t.end;
  }
  if (exec(COURT_TAIL_RE, text, end)) return { occs: [], consumed: end };

  const articleStart = articlePrefixStart(text, c.start);
  const pre = before(text, articleStart);
  const identified = Boolean(dn.number || dn.date);
  if (!identified) {
    if (!issuer || plural) return null;
    if (/ия$/.test(headText) && ambiguousPlural(text, articleStart, end)) return null;
    if (SELF_RE.test(pre)) return null;
    if (c.kind === 'rasporyazhenie' && AT_DISPOSAL_RE.test(pre)) return null;
  }
  const anaphoric = !identified && ANAPHOR_RE.test(pre);
  const first = occ(articleStart, end, type, { issuer, date: dn.date, number: dn.number, title, anaphoric });
  if (!identified) return { occs: [first], consumed };
  const cont = readListContinuation(
    text,
    consumed,
    (s, e, date, number) => occ(s, e, type, { issuer, date, number }),
    false,
  );
  return { occs: [first, ...cont.occs], consumed: Math.max(consumed, cont.consumed) };
}

function parseCandidate(text: string, c: Candidate): Parsed | null {
  switch (c.kind) {
    case 'fedlaw':
    case 'law':
      return parseLaw(text, c);
    case 'fz':
      return parseFzAbbr(text, c);
    case 'codefull':
    case 'koapfull':
    case 'kas':
    case 'abbr':
      return parseCode(text, c);
    case 'constitution':
      return parseConstitution(text, c);
    case 'sanpin':
    case 'snip':
      return parseSanitary(text, c);
    case 'rules':
      return parseRules(text, c);
    case 'sp': {
      const number = normNumber(c.groups.spnum ?? '');
      return { occs: [occ(articlePrefixStart(text, c.start), c.end, 'сп', { number })], consumed: c.end };
    }
    default:
      return parseAct(text, c);
  }
}

// ─── candidates ────────────────────────────────────────────────────────────────────────────────

const HEAD_KINDS: Kind[] = [
  'fedlaw',
  'law',
  'codefull',
  'koapfull',
  'kas',
  'constitution',
  'postanovlenie',
  'rasporyazhenie',
  'prikaz',
  'ukaz',
  'reshenie',
  'ustav',
  'sanpin',
  'snip',
  'rules',
];

function collect(
  text: string,
  re: RegExp,
  kindOf: (g: Record<string, string | undefined>) => Kind | null,
  out: Candidate[],
) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const groups = m.groups ?? {};
    const kind = kindOf(groups);
    if (kind && leftBoundaryOk(text, m.index)) {
      out.push({ start: m.index, end: m.index + m[0].length, kind, groups });
    } else if (!leftBoundaryOk(text, m.index)) {
      re.lastIndex = m.index + 1;
    }
  }
}

/** True when `pos` is inside a URL, domain or e-mail address (checked on the surrounding non-space chunk). */
function inUrl(text: string, pos: number): boolean {
  let a = pos;
  let b = pos;
  while (a > 0 && pos - a < 300 && !/\s/u.test(text[a - 1] ?? ' ')) a--;
  while (b < text.length && b - pos < 300 && !/\s/u.test(text[b] ?? ' ')) b++;
  return URLISH_RE.test(text.slice(a, b));
}

// ─── unification ───────────────────────────────────────────────────────────────────────────────

interface Group {
  type: string;
  issuer: string;
  date: string;
  number: string;
  title: string;
  last: number;
}

function typesCompatible(a: Occ | Group, b: Occ | Group): boolean {
  if (a.type === b.type) return true;
  const genericLaw = (x: Occ | Group, y: Occ | Group) => x.type === 'закон' && !x.issuer && y.type.endsWith('закон');
  return genericLaw(a, b) || genericLaw(b, a);
}

function identityFree(x: Occ | Group): boolean {
  return !x.date && !x.number && !x.title;
}

function mergeable(o: Occ, g: Group): boolean {
  if (!typesCompatible(o, g)) return false;
  if (!isWordPrefix(o.issuer, g.issuer)) return false;
  if (o.date && g.date && o.date !== g.date) return false;
  if (o.number && g.number && o.number !== g.number) return false;
  const sameNumber = Boolean(o.number && o.number === g.number);
  if (!sameNumber && o.title && g.title && !isWordPrefix(o.title, g.title)) return false;
  const shares =
    sameNumber || Boolean(o.date && o.date === g.date) || Boolean(o.title && g.title && isWordPrefix(o.title, g.title));
  return shares || identityFree(o) || identityFree(g);
}

function keyOf(g: Group): string {
  return `${g.type}|${g.issuer}|${g.date}|${g.number || g.title}`;
}

/** Groups of one type family, indexed by number so that long lists of numbered acts stay linear. */
interface Family {
  byNumber: Map<string, Group[]>;
  noNumber: Set<Group>;
  all: Group[];
}

function familyOf(type: string): string {
  return type.endsWith('закон') ? 'закон' : type;
}

function unify(occs: Occ[]): CitedAct[] {
  const families = new Map<string, Family>();
  const assigned: Array<{ o: Occ; g: Group }> = [];
  occs.forEach((o, i) => {
    let fam = families.get(familyOf(o.type));
    if (!fam) {
      fam = { byNumber: new Map(), noNumber: new Set(), all: [] };
      families.set(familyOf(o.type), fam);
    }
    const pool: Iterable<Group> = o.number ? [...(fam.byNumber.get(o.number) ?? []), ...fam.noNumber] : fam.all;
    let best: Group | null = null;
    for (const g of pool) if (mergeable(o, g) && (!best || g.last > best.last)) best = g;
    if (!best) {
      if (o.anaphoric) return;
      best = { type: o.type, issuer: o.issuer, date: o.date, number: o.number, title: o.title, last: i };
      fam.all.push(best);
      if (best.number) fam.byNumber.set(best.number, [...(fam.byNumber.get(best.number) ?? []), best]);
      else fam.noNumber.add(best);
    } else {
      if (best.type === 'закон' && o.type !== 'закон') best.type = o.type;
      if (o.issuer.length > best.issuer.length) best.issuer = o.issuer;
      best.date ||= o.date;
      if (!best.number && o.number) {
        best.number = o.number;
        fam.noNumber.delete(best);
        fam.byNumber.set(best.number, [...(fam.byNumber.get(best.number) ?? []), best]);
      }
      if (o.title.length > best.title.length) best.title = o.title;
      best.last = i;
    }
    assigned.push({ o, g: best });
  });
  return assigned.map(({ o, g }) => ({ text: '', start: o.start, end: o.end, key: keyOf(g) }));
}

// ─── public API ────────────────────────────────────────────────────────────────────────────────

function findImpl(text: string): CitedAct[] {
  const candidates: Candidate[] = [];
  collect(
    text,
    HEAD_RE,
    (g) => {
      for (const k of HEAD_KINDS) if (g[k] !== undefined) return k;
      return null;
    },
    candidates,
  );
  collect(text, ABBR_RE, () => 'abbr', candidates);
  collect(text, FZ_RE, () => 'fz', candidates);
  collect(text, SP_RE, () => 'sp', candidates);
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);

  const occs: Occ[] = [];
  let consumedUntil = 0;
  for (const c of candidates) {
    if (c.start < consumedUntil || inUrl(text, c.start)) continue;
    const parsed = parseCandidate(text, c);
    if (!parsed) continue;
    for (const o of parsed.occs) if (o.end > o.start) occs.push(o);
    consumedUntil = Math.max(consumedUntil, parsed.consumed, ...parsed.occs.map((o) => o.end));
  }
  const acts = unify(occs);
  for (const a of acts) a.text = text.slice(a.start, a.end);
  return acts.sort((a, b) => a.start - b.start);
}

/** Every reference to a normative legal act, in text order. Never throws. */
export function findCitations(text: string): CitedAct[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return findImpl(text);
  } catch {
    return [];
  }
}

/** Number of distinct acts among `acts`. */
export function countDistinctActs(acts: readonly CitedAct[]): number {
  return new Set(acts.map((a) => a.key)).size;
}

export function checkCitations(ctx: RuleContext): {
  count: number;
  limit: number;
  acts: CitedAct[];
  findings: Finding[];
} {
  const rawLimit = ctx.preset?.citationLimit;
  const limit = typeof rawLimit === 'number' && Number.isFinite(rawLimit) && rawLimit >= 0 ? Math.floor(rawLimit) : 2;
  const acts = findCitations(ctx.text);
  const count = countDistinctActs(acts);
  if (count <= limit) return { count, limit, acts, findings: [] };
  const fromAct = !isOwnDefault(ctx.preset?.clauses?.citationLimit);
  const severity = ctx.preset ? citationSeverity(ctx.preset) : 'warning';
  const message =
    limit === 0
      ? `Ссылок на нормативные акты: ${count}, а в ваших настройках их быть не должно. Расскажите суть своими словами, документ — ссылкой на сайт.`
      : `Ссылок на нормативные акты: ${count}, а ${fromAct ? 'регламент разрешает' : 'мы советуем'} не больше ${limit}. Оставьте главное, остальное — ссылкой на сайт.`;
  const findings: Finding[] = acts.map((a) => ({
    rule: 'citations.over-limit',
    category: 'citations',
    severity,
    start: a.start,
    end: a.end,
    message,
    suggestions: [],
  }));
  return { count, limit, acts, findings };
}
