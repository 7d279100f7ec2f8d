import kantselyarit from '@/lib/checks/data/kantselyarit.json';
import phrases from '@/lib/checks/data/phrases.json';
import type { Category } from '@/lib/checks/types';

/**
 * What the user can switch off on the «Проверка» tab. `check()` (lib/checks/index.ts) drops a finding
 * whose rule id, rule family (the part before the first dot) or category is in `disabledRules`,
 * so every toggle here stores one of those three kinds of id.
 */

export interface RuleToggle {
  /** Stored in `disabledRules`: a category, a family or a rule id. */
  id: string;
  label: string;
  hint?: string;
}

export interface RuleGroup {
  category: Category;
  label: string;
  hint: string;
  /**
   * The id that switches the whole group off. For spelling, tone, citations and greeting the
   * family and the category have the same name.
   */
  toggleId: string;
  /** Rule families (style, punctuation) or single rules inside the group. */
  items: RuleToggle[];
}

export const RULE_GROUPS: readonly RuleGroup[] = [
  {
    category: 'spelling',
    label: 'Орфография',
    hint: 'Опечатки и слова, которых нет в словаре. Свои слова добавляйте в «Мой словарь».',
    toggleId: 'spelling',
    items: [
      { id: 'spelling.unknown', label: 'Незнакомые слова и опечатки' },
      { id: 'spelling.mixed-script', label: 'Латинские буквы внутри русских слов' },
    ],
  },
  {
    category: 'style',
    label: 'Стиль и канцелярит',
    hint: 'Канцеляризмы, штампы и тяжёлые конструкции, которые регламенты просят не использовать.',
    toggleId: 'style',
    items: [
      { id: 'kants', label: 'Канцеляризмы и штампы', hint: '«в целях», «осуществлять», «данный», «является»…' },
      {
        id: 'structure',
        label: 'Структура текста',
        hint: 'цепочки существительных, пассив, длинные предложения, сплошной текст',
      },
      {
        id: 'structure.noun-chain',
        label: 'Цепочки существительных',
        hint: '«проведение мероприятий по обеспечению…»',
      },
      {
        id: 'structure.passive',
        label: 'Страдательный залог и отчётные обороты',
        hint: '«было проведено», «производится»',
      },
      { id: 'structure.long-sentence', label: 'Слишком длинные предложения' },
      { id: 'structure.wall-of-text', label: 'Сплошной текст без абзацев' },
    ],
  },
  {
    category: 'tone',
    label: 'Тон',
    hint: 'Пост похож на пресс-релиз: отчёт о мероприятии вместо обращения к читателю.',
    toggleId: 'tone',
    items: [],
  },
  {
    category: 'citations',
    label: 'Ссылки на НПА',
    hint: 'В тексте больше ссылок на законы и постановления, чем разрешает регламент.',
    toggleId: 'citations',
    items: [],
  },
  {
    category: 'greeting',
    label: 'Приветствие',
    hint: 'Ответ автору начинается без приветствия (если регламент его требует).',
    toggleId: 'greeting',
    items: [
      { id: 'greeting.missing', label: 'Нет приветствия в ответе' },
      { id: 'greeting.informal', label: 'Слишком неформальное приветствие («Привет»)' },
    ],
  },
  {
    category: 'punctuation',
    label: 'Пунктуация',
    hint: 'Запятые, пробелы, тире, кавычки, заглавные буквы и ошибки в устойчивых выражениях.',
    toggleId: 'punctuation',
    items: [
      { id: 'punct', label: 'Знаки препинания и пробелы' },
      { id: 'typo', label: 'Типографика', hint: 'тире, кавычки-«ёлочки», сокращения, числа' },
      { id: 'case', label: 'Заглавные и строчные буквы' },
      { id: 'phrase', label: 'Ошибки в устойчивых выражениях', hint: '«в течении недели», «не смотря на»' },
    ],
  },
];

/** Every id that has its own checkbox (group, family or rule). */
export const TOGGLE_IDS: ReadonlySet<string> = new Set(
  RULE_GROUPS.flatMap((g) => [g.toggleId, ...g.items.map((i) => i.id)]),
);

const CATEGORY_OF_FAMILY: Record<string, Category> = {
  spelling: 'spelling',
  kants: 'style',
  structure: 'style',
  text: 'style',
  tone: 'tone',
  citations: 'citations',
  greeting: 'greeting',
  punct: 'punctuation',
  typo: 'punctuation',
  case: 'punctuation',
  phrase: 'punctuation',
};

/** Single rules the user may have switched off from a card on the page, with a readable name. */
const RULE_LABEL: Record<string, string> = {
  'text.too-long': 'Слишком длинный текст',
  'tone.press-release': 'Тон пресс-релиза',
  'citations.over-limit': 'Больше допустимого числа ссылок на НПА',
  'punct.space-before-comma': 'Пробел перед запятой',
  'punct.space-before-period': 'Пробел перед точкой или многоточием',
  'punct.space-before-mark': 'Пробел перед «!» или «?»',
  'punct.space-before-colon': 'Пробел перед двоеточием или точкой с запятой',
  'punct.space-after': 'Нет пробела после знака препинания',
  'punct.double-space': 'Двойной пробел',
  'punct.repeated-marks': 'Повтор знаков «!!!», «???»',
  'punct.mark-combination': 'Неверное сочетание знаков',
  'punct.double-period': 'Две точки подряд',
  'punct.double-comma': 'Повтор знака препинания',
  'punct.unpaired-quote': 'Непарная кавычка',
  'punct.quote-order': 'Запятая перед закрывающей кавычкой',
  'punct.unpaired-bracket': 'Непарная скобка',
  'punct.double-word': 'Повтор слова',
  'punct.comma-conj': 'Запятая перед «а», «но»',
  'punct.comma-subord': 'Запятая перед «что», «который», «если»…',
  'typo.abbr-space': 'Пробелы в сокращениях и инициалах',
  'typo.abbr-dot': 'Точка после сокращения',
  'typo.range-dash': 'Тире в диапазонах чисел',
  'typo.dash': 'Запятая и тире',
  'typo.dash-spacing': 'Пробелы вокруг тире',
  'typo.hyphen-spacing': 'Пробелы вокруг дефиса',
  'typo.quotes': 'Кавычки-«ёлочки»',
  'typo.quotes-doubled': 'Двойные кавычки подряд',
  'typo.percent-space': 'Пробел перед знаком процента',
  'typo.degree-space': 'Пробел перед знаком градуса',
  'typo.number-sign': 'Пробел после знака номера',
  'typo.sign-repeat': 'Повтор знака перед числами',
  'typo.unit-space': 'Пробел между числом и единицей',
  'typo.ordinal': 'Окончания порядковых числительных',
  'typo.compound-number': 'Слова с цифрой («2-комнатная»)',
  'typo.ps': 'Написание «P.S.»',
  'typo.caps': 'Слова заглавными буквами',
  'typo.mixed-script': 'Латинские буквы в русском слове',
  'case.name': 'Имя собственное со строчной буквы',
  'case.sentence-start': 'Предложение со строчной буквы',
  'case.quote-indirect': 'Заглавная буква в цитате после «что»',
};
for (const g of RULE_GROUPS) for (const i of g.items) RULE_LABEL[i.id] ??= i.label;

interface LexEntry {
  id: string;
  pattern: string;
  category: string;
  reason: string;
}
interface PhraseEntry {
  id: string;
  find: string;
  message: string;
}

let lexicon: Map<string, LexEntry> | undefined;
let phraseMap: Map<string, PhraseEntry> | undefined;

/** «*осуществлять|*осуществить» → «осуществлять»; «довести до ?вашего сведения» → «довести до вашего сведения». */
export function patternText(pattern: string): string {
  return pattern
    .split(/\s+/)
    .filter(Boolean)
    .map((slot) => (slot.replace(/^\?/, '').split('|')[0] ?? '').replace(/^\*/, '').replace(/:[A-Z]+$/, ''))
    .join(' ');
}

export interface RuleDescription {
  label: string;
  hint?: string;
  category?: Category;
}

/** A readable name for a stored rule id (rule, family or category). */
export function describeRule(id: string): RuleDescription {
  const group = RULE_GROUPS.find((g) => g.toggleId === id || g.category === id);
  if (group) return { label: group.label, category: group.category };
  const family = id.split('.')[0] ?? id;
  const category = CATEGORY_OF_FAMILY[family];
  const known = RULE_LABEL[id];
  if (known) return { label: known, category };
  if (id.startsWith('kants.') || id.startsWith('structure.denominal.')) {
    lexicon ??= new Map((kantselyarit.entries as LexEntry[]).map((e) => [e.id, e]));
    const entry = lexicon.get(id.slice(id.startsWith('kants.') ? 6 : 'structure.denominal.'.length));
    if (entry) return { label: `«${patternText(entry.pattern)}» (${entry.category})`, hint: entry.reason, category };
  }
  if (id.startsWith('phrase.')) {
    phraseMap ??= new Map((phrases.phrases as PhraseEntry[]).map((e) => [e.id, e]));
    const entry = phraseMap.get(id.slice(7));
    if (entry) return { label: `Выражение «${entry.find.replace(/\s*@\w+/g, '')}»`, hint: entry.message, category };
  }
  return { label: `Правило ${id}`, category };
}
