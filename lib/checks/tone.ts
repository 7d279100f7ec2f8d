/**
 * Press-release tone: a small logistic model over hand-made features (datelines, reports about
 * officials, titles with names, no address to the reader, nominalisations, sentence length,
 * канцелярит density…). Weights were fitted by scripts/fit-tone.ts on test/data/tone-samples.json.
 */
import { findLexiconMatches } from './lexicon';
import { isOfficialPassiveParticiple, isReflexivePassive, nounShape, splitAtNewlines } from './style-words';
import { type Span, sentences, type Token, tokenize } from './tokenize';
import type { Finding, RuleContext, ToneVerdict } from './types';

export const FEATURE_NAMES = [
  'opening',
  'reportVerbs',
  'titlesNames',
  'noYou',
  'noQuestion',
  'noImperative',
  'nominalDensity',
  'sentenceLength',
  'kantsDensity',
  'weVoice',
  'liveMarks',
  'passive',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type ToneFeatures = Record<FeatureName, number>;

// ---------------------------------------------------------------------------------------------
// Features

const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const DATELINE = new RegExp(`^\\s*(?:\\d{1,2}\\s+(?:${MONTHS})|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4})`, 'i');
const EVENT_OPENING =
  /(?:^|\s)(?:состоял(?:ся|ась|ось|ись)|прош(?:ёл|ел|ла|ло|ли)|стартовал[аи]?|подведены итоги|завершен[аоы]?|информирует|сообщает|доводит до сведения)(?=[\s.,!?]|$)/i;
const BODY_OPENING = /^\s*(?:в|во)\s+(?:администрации|рамках|целях|соответствии|доме культуры|думе)\b/i;

const REPORT_WORDS = new Set([
  'отметил',
  'отметила',
  'отметили',
  'подчеркнул',
  'подчеркнула',
  'подчеркнули',
  'сообщил',
  'сообщила',
  'заявил',
  'заявила',
  'пояснил',
  'пояснила',
  'выступил',
  'выступила',
  'выступили',
  'поблагодарил',
  'поблагодарила',
  'поздравил',
  'поздравила',
  'вручил',
  'вручила',
  'проинформировал',
  'проинформировала',
  'доложил',
  'доложила',
  'обсудили',
  'рассмотрели',
  'обсуждались',
  'рассмотрены',
  'состоялся',
  'состоялась',
  'состоялось',
  'состоялись',
  'председательством',
  'присутствовали',
  'посетил',
  'посетила',
  'выразил',
  'выразила',
  'напомнил',
  'напомнила',
  'пожелал',
  'пожелала',
  'проинспектировал',
  'принял',
  'приняла',
  'приняли',
  'принявшим',
  'принявшие',
]);

const TITLE_WORDS =
  /^(?:глав[аыеоу]й?|заместител[ья]|замглавы|начальник[ау]?|руководител[ья]|председател[ья]|директор[ау]?|депутат[ыа]?|губернатор[ау]?|мэр[ау]?|министр[ау]?|врач[ау]?|специалист[ау]?|атаман[ау]?|заведующ(?:ий|ая|его|ей))$/;
const INITIALS = /(?:\p{Lu}\.\s?\p{Lu}\.\s?\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\s\p{Lu}\.\s?\p{Lu}\.)/gu;
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:вич|вна|ична|инична)(?:а|у|ем|е|ой|ы)?$/u;

const YOU = new Set(['вы', 'вас', 'вам', 'вами', 'ты', 'тебя', 'тебе', 'тобой']);
const YOUR = /^(?:ваш|твой|твоя|твоё|твое|твои|твоих|твоим)/;
const IMPERATIVE = /(?:ите|йте|ьте)$/;
const NOT_IMPERATIVE = new Set([
  'защите',
  'плите',
  'элите',
  'орбите',
  'граните',
  'сайте',
  'визите',
  'лимите',
  'кредите',
  'транзите',
  'депозите',
  'аппетите',
  'гепатите',
  'бронхите',
  'дефиците',
  'зените',
  'паразите',
  'термите',
  'самите',
  'ите',
]);
const WE = new Set(['мы', 'нас', 'нам', 'нами']);
const OUR = /^(?:наш|нашего|нашей|нашему|нашим|нашем|нашу|наша|наше|наши|наших|нашими)$/;
const EMOJI = /\p{Extended_Pictographic}/u;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export interface ToneInputs {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Span[];
}

export interface FeatureDetails {
  features: ToneFeatures;
  words: number;
  meanSentence: number;
  kantsPer100: number;
  /** First words found for some features, quoted in the reasons. */
  examples: Partial<Record<FeatureName, string>>;
}

export function toneFeatures(input: ToneInputs): FeatureDetails {
  const { text, tokens } = input;
  const spans = input.sentences.length ? input.sentences : [{ start: 0, end: text.length }];
  const nSent = Math.max(1, spans.length);
  const words = Math.max(1, tokens.length);
  const first = spans[0]!;
  const firstText = text.slice(first.start, first.end);

  const opening = DATELINE.test(firstText) || EVENT_OPENING.test(firstText) || BODY_OPENING.test(firstText) ? 1 : 0;

  let report = 0;
  let titles = 0;
  let you = 0;
  let imperative = 0;
  let we = 0;
  let nominal = 0;
  let passive = 0;
  const examples: Partial<Record<FeatureName, string>> = {};
  const note = (name: FeatureName, word: string) => {
    if (!examples[name]) examples[name] = word;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = t.norm;
    if (REPORT_WORDS.has(n)) {
      if (n.startsWith('принял') || n.startsWith('принявш')) {
        if (tokens[i + 1]?.norm === 'участие') {
          report++;
          note('reportVerbs', `${t.text} участие`);
        }
      } else {
        report++;
        if (!n.startsWith('состоял')) note('reportVerbs', t.text);
      }
    }
    if (TITLE_WORDS.test(n)) {
      // a capitalised name within the next five words (not at a sentence start)
      for (let k = i + 1; k <= i + 5 && k < tokens.length; k++) {
        const w = tokens[k]!.text;
        if (/^\p{Lu}\p{Ll}+/u.test(w) && !/[.!?]\s*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) {
          const nn = tokens[k + 1]?.text ?? '';
          if (PATRONYMIC.test(nn) || /^\p{Lu}\.?$/u.test(nn) || /^\p{Lu}\p{Ll}+$/u.test(nn)) {
            titles++;
            note('titlesNames', `${t.text} ${w}`);
            break;
          }
        }
      }
    }
    if (YOU.has(n) || YOUR.test(n)) you++;
    if (n.length >= 5 && IMPERATIVE.test(n) && !NOT_IMPERATIVE.has(n)) imperative++;
    if (WE.has(n) || OUR.test(n)) we++;
    if (nounShape(n)?.nominalisation) {
      nominal++;
      note('nominalDensity', t.text);
    }
    if (isOfficialPassiveParticiple(n) || isReflexivePassive(n)) {
      passive++;
      note('passive', t.text);
    }
  }
  titles += countMatches(INITIALS, text);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (PATRONYMIC.test(tokens[i + 1]!.text) && /^\p{Lu}\p{Ll}+$/u.test(tokens[i]!.text)) titles++;
  }

  const lexicon = findLexiconMatches(text, tokens);
  const kants = lexicon.length;
  if (lexicon[0]) examples.kantsDensity = text.slice(lexicon[0].start, lexicon[0].end);
  const kantsPer100 = (kants * 100) / words;
  const meanSentence = tokens.length / nSent;
  const features: ToneFeatures = {
    opening,
    reportVerbs: clamp(report / nSent, 0, 1.5),
    titlesNames: clamp(titles / nSent, 0, 1.5),
    noYou: you === 0 ? 1 : 0,
    noQuestion: text.includes('?') ? 0 : 1,
    noImperative: imperative === 0 ? 1 : 0,
    nominalDensity: clamp((nominal / words) * 5, 0, 1.5),
    sentenceLength: clamp((meanSentence - 12) / 10, -1, 2),
    kantsDensity: clamp(kantsPer100 / 5, 0, 2),
    weVoice: we > 0 ? 1 : 0,
    liveMarks: text.includes('!') || EMOJI.test(text) ? 1 : 0,
    passive: clamp(passive / nSent, 0, 1.5),
  };
  return { features, words: tokens.length, meanSentence, kantsPer100, examples };
}

// ---------------------------------------------------------------------------------------------
// Model (fitted by scripts/fit-tone.ts; do not edit by hand)

export const TONE_MODEL = {
  bias: -2.496,
  weights: {
    opening: 0.59,
    reportVerbs: 0.28,
    titlesNames: 0.246,
    noYou: 0.387,
    noQuestion: 0.306,
    noImperative: 0.752,
    nominalDensity: 0.361,
    sentenceLength: 0.147,
    kantsDensity: 1.459,
    weVoice: -0.402,
    liveMarks: -0.38,
    passive: 0.432,
  } as ToneFeatures,
  /** Mean feature values on the training part, the baseline for reasons. */
  means: {
    opening: 0.3,
    reportVerbs: 0.186,
    titlesNames: 0.12,
    noYou: 0.817,
    noQuestion: 0.833,
    noImperative: 0.617,
    nominalDensity: 0.392,
    sentenceLength: -0.311,
    kantsDensity: 0.876,
    weVoice: 0.183,
    liveMarks: 0.183,
    passive: 0.187,
  } as ToneFeatures,
  threshold: 0.5,
  /** Texts with probability in [mixedFrom, threshold) are 'mixed'. */
  mixedFrom: 0.3,
};

export function probability(features: ToneFeatures, model = TONE_MODEL): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

// ---------------------------------------------------------------------------------------------
// Reasons

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toLocaleString('ru-RU');
}

function plural(x: number, one: string, few: string, many: string): string {
  const r = Math.round(x * 10) / 10;
  if (!Number.isInteger(r)) return few;
  const mod10 = r % 10;
  const mod100 = r % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const quoted = (s: string | undefined, before = ' ') => (s ? `${before}(«${s}»)` : '');

/** A reason as a clause (no final full stop), for reasons and for the warning message. */
function reasonClause(name: FeatureName, towardsPressRelease: boolean, d: FeatureDetails): string {
  const ex = d.examples;
  const mean = round1(d.meanSentence);
  const words = plural(d.meanSentence, 'слово', 'слова', 'слов');
  switch (name) {
    case 'opening':
      return towardsPressRelease
        ? 'Начало как у пресс-релиза: дата, «состоялось» или «в рамках» в первой фразе'
        : 'Текст начинается с сути, а не с отчёта о событии';
    case 'reportVerbs':
      return towardsPressRelease
        ? `Пересказ действий начальства${quoted(ex.reportVerbs)} вместо новости для читателя`
        : 'Нет пересказа в духе «отметил» и «подчеркнул»';
    case 'titlesNames':
      return towardsPressRelease
        ? `Должности и имена чиновников${quoted(ex.titlesNames)} вместо пользы для читателя`
        : 'Нет цепочек из должностей и полных имён';
    case 'noYou':
      return towardsPressRelease
        ? 'Нет обращения к читателю: ни «вы», ни «ваш»'
        : 'Текст обращается к читателю на «вы»';
    case 'noQuestion':
      return towardsPressRelease
        ? 'Нет ни одного вопроса к читателю'
        : 'Есть вопрос к читателю — это зовёт к разговору';
    case 'noImperative':
      return towardsPressRelease
        ? 'Нет призыва к действию вроде «приходите», «звоните», «напишите»'
        : 'Есть призыв к действию: «приходите», «звоните», «напишите»';
    case 'nominalDensity':
      return towardsPressRelease
        ? `Много отглагольных существительных${quoted(ex.nominalDensity)}`
        : 'Действия названы глаголами, а не существительными';
    case 'sentenceLength':
      return towardsPressRelease
        ? `Длинные предложения: в среднем ${mean} ${words}`
        : `Короткие предложения: в среднем ${mean} ${words}`;
    case 'kantsDensity':
      return towardsPressRelease
        ? `Много канцелярита: ${round1(d.kantsPer100)} ${plural(d.kantsPer100, 'оборот', 'оборота', 'оборотов')} на 100 слов${quoted(ex.kantsDensity, ', например ').replace(/^, например \(«(.*)»\)$/, ', например «$1»')}`
        : 'Канцелярита почти нет';
    case 'weVoice':
      return towardsPressRelease
        ? 'Администрация пишет о себе в третьем лице, без «мы»'
        : 'Администрация говорит о себе «мы» — это по-человечески';
    case 'liveMarks':
      return towardsPressRelease
        ? 'Ровный протокольный тон: ни восклицаний, ни эмодзи'
        : 'Есть живые интонации: восклицания или эмодзи';
    case 'passive':
      return towardsPressRelease
        ? `Страдательный залог${quoted(ex.passive)}: не видно, кто действует`
        : 'Действия названы прямо, без страдательного залога';
  }
}

function topFeatures(d: FeatureDetails, towardsPressRelease: boolean, model = TONE_MODEL): FeatureName[] {
  return FEATURE_NAMES.map((name) => ({ name, c: model.weights[name] * (d.features[name] - model.means[name]) }))
    .filter((x) => (towardsPressRelease ? x.c > 0.05 : x.c < -0.05))
    .sort((a, b) => (towardsPressRelease ? b.c - a.c : a.c - b.c) || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((x) => x.name);
}

// ---------------------------------------------------------------------------------------------

/** Sentences needed before a post gets a press-release warning. */
export const MIN_SENTENCES_FOR_WARNING = 2;

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export function assessTone(ctx: RuleContext): { tone: ToneVerdict; findings: Finding[] } {
  try {
    const text = typeof ctx.text === 'string' ? ctx.text : '';
    const tokens = tokenize(text);
    if (tokens.length === 0) {
      return { tone: { pressRelease: 0, verdict: 'conversational', reasons: [] }, findings: [] };
    }
    const spans = splitAtNewlines(text, sentences(text));
    const details = toneFeatures({ text, tokens, sentences: spans });
    const p = probability(details.features);
    const model = TONE_MODEL;
    const verdict: ToneVerdict['verdict'] =
      p >= model.threshold ? 'press-release' : p >= model.mixedFrom ? 'mixed' : 'conversational';
    const top = topFeatures(details, verdict !== 'conversational');
    const reasons = top.map((name) => `${reasonClause(name, verdict !== 'conversational', details)}.`);
    const tone: ToneVerdict = { pressRelease: Math.round(p * 1000) / 1000, verdict, reasons };
    const findings: Finding[] = [];
    const first = spans[0];
    if (verdict === 'press-release' && ctx.mode === 'post' && spans.length >= MIN_SENTENCES_FOR_WARNING && first) {
      const why = top.length
        ? top.map((name) => lowerFirst(reasonClause(name, true, details)).replace(/: /g, ' — ')).join('; ')
        : 'отчётный тон';
      findings.push({
        rule: 'tone.press-release',
        category: 'tone',
        severity: ctx.preset.pressReleaseSeverity,
        start: first.start,
        end: first.end,
        message: `Похоже на пресс-релиз: ${why}. Напишите разговорно: обратитесь к читателю и скажите, что меняется для него.`,
        suggestions: [],
      });
    }
    return { tone, findings };
  } catch {
    return { tone: { pressRelease: 0, verdict: 'conversational', reasons: [] }, findings: [] };
  }
}
