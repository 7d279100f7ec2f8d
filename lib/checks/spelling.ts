/**
 * Spelling: Hunspell (hunspell-asm, WebAssembly) with the LibreOffice ru_RU dictionary
 * (dictionary-ru, BSD-3-Clause) plus our own word lists, behind a wrapper that skips
 * what a dictionary cannot judge (links, mentions, numbers, Latin, abbreviations, names).
 *
 * Pure with respect to I/O: the dictionary bytes are passed in, so the same code runs in
 * Node (see `spelling-node.ts`) and in the extension's background (`loadSpellerFromUrls`).
 * Never initialise it in a content script: a page CSP without 'wasm-unsafe-eval' blocks
 * WebAssembly there and `loadModule()` then never settles.
 */
import type { Hunspell, HunspellFactory } from 'hunspell-asm';
import * as hunspellAsm from 'hunspell-asm/dist/cjs/index.js';
import { CYR_TO_LAT, LAT_TO_CYR } from './mixed-script';
import { sentences, tokenize } from './tokenize';
import type { Finding, RuleContext } from './types';

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

export interface SpellerInit {
  /** ru_RU .aff bytes (UTF-8). */
  aff: Uint8Array | ArrayBuffer;
  /** ru_RU .dic bytes (UTF-8). */
  dic: Uint8Array | ArrayBuffer;
  /**
   * Extra vocabulary, one entry per string, in word-list syntax (see `parseWordListLine`):
   * `слово`, `слово = образец`, `Слово = -`, `Слово + форма форма`. Comments start with `#`.
   * Whole files may be passed as one string each; they are split into lines.
   */
  extraWords?: readonly string[];
  /** Timeout for loading the WebAssembly module (it can hang silently under a strict CSP). */
  loadTimeoutMs?: number;
  /** Maximum number of cached per-word verdicts. */
  cacheSize?: number;
}

export interface Speller {
  /** Unknown words in `ctx.text` (suggestions are left empty: call `suggest` on demand). */
  check(ctx: RuleContext): Finding[];
  /** Corrections for one word, best first, in the word's capitalisation. Slow (tens of ms). */
  suggest(word: string, limit?: number): string[];
  /** Whether a single word passes the checker out of context (as at a sentence start). */
  accepts(word: string, userWords?: ReadonlySet<string>): boolean;
  /** Adds vocabulary at run time (word-list syntax). Returns how many entries were added. */
  addWords(lines: readonly string[]): number;
  /** Frees the WebAssembly instance. The speller must not be used afterwards. */
  dispose(): void;
}

export const SPELLING_RULE = 'spelling.unknown';
export const MIXED_SCRIPT_RULE = 'spelling.mixed-script';
export const MESSAGE_UNKNOWN = 'Нет в словаре: возможно, опечатка.';
export const MESSAGE_UNKNOWN_NAME =
  'Нет в словаре: возможно, опечатка. Если это имя или название, добавьте слово в свой словарь.';
export const MESSAGE_MIXED = 'В слове смешаны русские и латинские буквы: поиск и проверка его не найдут.';

/** Where the build puts the dictionary files inside the extension (copied by the build:publicAssets hook in wxt.config.ts). */
export const DICT_ASSETS = {
  aff: '/dict/ru_RU.aff',
  dic: '/dict/ru_RU.dic',
  wordLists: ['/dict/words-official.txt', '/dict/places-ru.txt'],
} as const;

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_CACHE_SIZE = 50_000;

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

type LoadModule = (opts?: { timeout?: number }) => Promise<HunspellFactory>;

function resolveLoadModule(): LoadModule {
  // Node gives the CJS namespace directly; some bundlers wrap it in `default`.
  const ns = hunspellAsm as unknown as { loadModule?: LoadModule; default?: { loadModule?: LoadModule } };
  const fn = ns.loadModule ?? ns.default?.loadModule;
  if (typeof fn !== 'function') throw new Error('hunspell-asm: loadModule() not found');
  return fn;
}

let factoryPromise: Promise<HunspellFactory> | null = null;

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** One WebAssembly module per process/worker; each speller is a Hunspell instance inside it. */
function getFactory(timeoutMs: number): Promise<HunspellFactory> {
  if (!factoryPromise) {
    const p = withTimeout(resolveLoadModule()({ timeout: timeoutMs }), timeoutMs, 'hunspell-asm loadModule()');
    factoryPromise = p;
    p.catch(() => {
      if (factoryPromise === p) factoryPromise = null;
    });
  }
  return factoryPromise;
}

let instanceCounter = 0;

function toBytes(b: Uint8Array | ArrayBuffer): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

export async function createSpeller(init: SpellerInit): Promise<Speller> {
  const factory = await getFactory(init.loadTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  const n = ++instanceCounter;
  const affPath = factory.mountBuffer(toBytes(init.aff), `ru_RU_${n}.aff`);
  const dicPath = factory.mountBuffer(toBytes(init.dic), `ru_RU_${n}.dic`);
  let hunspell: Hunspell;
  try {
    hunspell = factory.create(affPath, dicPath);
  } finally {
    // Hunspell has read both files; drop the in-memory copies.
    factory.unmount(affPath);
    factory.unmount(dicPath);
  }
  const speller = new HunspellSpeller(hunspell, init.cacheSize ?? DEFAULT_CACHE_SIZE);
  if (init.extraWords?.length) speller.addWords(init.extraWords);
  return speller;
}

export interface UrlLoadOptions {
  /** Word lists (word-list syntax) to fetch and add, e.g. DICT_ASSETS.wordLists resolved to URLs. */
  wordListUrls?: readonly string[];
  extraWords?: readonly string[];
  loadTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** Loads the dictionary with `fetch` (background service worker, offscreen or extension page). */
export async function loadSpellerFromUrls(affUrl: string, dicUrl: string, opts: UrlLoadOptions = {}): Promise<Speller> {
  const f = opts.fetch ?? fetch;
  const get = async (url: string) => {
    const r = await f(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r;
  };
  const [aff, dic, ...lists] = await Promise.all([
    get(affUrl).then((r) => r.arrayBuffer()),
    get(dicUrl).then((r) => r.arrayBuffer()),
    ...(opts.wordListUrls ?? []).map((u) => get(u).then((r) => r.text())),
  ]);
  return createSpeller({
    aff: aff as ArrayBuffer,
    dic: dic as ArrayBuffer,
    extraWords: [...(lists as string[]), ...(opts.extraWords ?? [])],
    loadTimeoutMs: opts.loadTimeoutMs,
  });
}

/**
 * Loads the packaged dictionary and word lists inside the extension.
 * `getURL` is `browser.runtime.getURL` (kept as a parameter so this module has no browser API).
 */
export function loadExtensionSpeller(
  getURL: (path: string) => string,
  opts: Omit<UrlLoadOptions, 'wordListUrls'> = {},
): Promise<Speller> {
  return loadSpellerFromUrls(getURL(DICT_ASSETS.aff), getURL(DICT_ASSETS.dic), {
    ...opts,
    wordListUrls: DICT_ASSETS.wordLists.map((p) => getURL(p)),
  });
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

export interface WordListEntry {
  /** One or more words (a multi-word name is split on spaces). */
  words: string[];
  /** Dictionary stem whose affix flags the words take; `null` = do not inflect; undefined = infer. */
  model?: string | null;
  /** Extra forms added as they are. */
  forms: string[];
}

/**
 * Word-list syntax, one entry per line:
 * - `слово` — lower-case words are added as they are; adjectives (-ый/-ий/-ой) are inflected;
 * - `Слово` — a capitalised name is inflected by its ending (Новоалтайск like Томск, -а like Москва…);
 * - `слово = образец` — inflect like the dictionary stem `образец` (Hunspell `add_with_affix`);
 * - `Слово = -` — do not inflect;
 * - `… + форма форма` — extra forms added as they are (irregular genitive plural etc.);
 * - `#` starts a comment.
 */
export function parseWordListLine(line: string): WordListEntry | null {
  const noComment = line.replace(/(^|\s)#.*$/, '').trim();
  if (!noComment) return null;
  const [head = '', formsPart] = splitOnce(noComment, '+');
  const [wordsPart = '', modelPart] = splitOnce(head, '=');
  const words = wordsPart.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const forms = formsPart ? formsPart.trim().split(/\s+/).filter(Boolean) : [];
  const entry: WordListEntry = { words, forms };
  if (modelPart !== undefined) {
    const m = modelPart.trim();
    entry.model = m === '-' || m === '' ? null : m;
  }
  return entry;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** Stems of the ru_RU dictionary used as inflection models for automatically inflected entries. */
export const AUTO_MODELS = {
  consonant: 'Томск',
  softSignMasc: 'Ярославль',
  softSignFem: 'Казань',
  j: 'Китай',
  a: 'Москва',
  ia: 'Чувашия',
  ya: 'Чуя',
  o: 'село',
  plural: 'Химки',
  adjSk: 'московский',
  adjK: 'великий',
  adjN: 'синий',
  adjSh: 'хороший',
  adjY: 'новый',
  adjO: 'молодой',
} as const;

/** Picks the lemma and inflection model for a word by its ending; `null` model = indeclinable. */
export function inferModel(word: string): { lemma: string; model: string | null } {
  const lw = word.toLowerCase();
  const letters = lw.replace(/[^а-яё]/g, '');
  if (letters.length > 4 && /(ий|ый|ой|ая|яя|ое|ее|ые|ие)$/.test(lw)) {
    let lemma = word;
    const stem = word.slice(0, -2);
    const end = lw.slice(-2);
    if (end === 'ая' || end === 'ое' || end === 'ые') lemma = stem + (/[кгхжшчщ]$/i.test(stem) ? 'ий' : 'ый');
    else if (end === 'яя' || end === 'ее' || end === 'ие') lemma = `${stem}ий`;
    const ll = lemma.toLowerCase();
    let model: string = AUTO_MODELS.adjY;
    if (/[сц]кий$/.test(ll)) model = AUTO_MODELS.adjSk;
    else if (/[кгх]ий$/.test(ll)) model = AUTO_MODELS.adjK;
    else if (/[жшчщ]ий$/.test(ll)) model = AUTO_MODELS.adjSh;
    else if (/ий$/.test(ll)) model = AUTO_MODELS.adjN;
    else if (/ой$/.test(ll)) model = AUTO_MODELS.adjO;
    return { lemma, model };
  }
  const last = lw.slice(-1);
  if (last === 'а') return { lemma: word, model: AUTO_MODELS.a };
  if (last === 'я') return { lemma: word, model: lw.endsWith('ия') ? AUTO_MODELS.ia : AUTO_MODELS.ya };
  if (last === 'ь')
    return { lemma: word, model: lw.endsWith('ль') ? AUTO_MODELS.softSignMasc : AUTO_MODELS.softSignFem };
  if (last === 'й') return { lemma: word, model: AUTO_MODELS.j };
  if (last === 'о') return { lemma: word, model: AUTO_MODELS.o };
  if (last === 'и' || last === 'ы') return { lemma: word, model: AUTO_MODELS.plural };
  if (/[бвгджзклмнпрстфхцчшщ]/.test(last)) return { lemma: word, model: AUTO_MODELS.consonant };
  return { lemma: word, model: null };
}

// ---------------------------------------------------------------------------
// Text classes
// ---------------------------------------------------------------------------

const CYR = /[а-яё]/i;
const LAT = /[a-z]/i;
const CYR_G = /[а-яё]/gi;
const LAT_G = /[a-z]/gi;
const COMBINING = /[\u0300-\u036f]/g; // stress marks etc.

/** Productive first elements of compounds (фото-, электро-, гос-…): «фотосессия» = фото + сессия. */
const PREFIXOIDS: readonly string[] = [
  'авиа',
  'авто',
  'агро',
  'аэро',
  'био',
  'вело',
  'видео',
  'гео',
  'гидро',
  'гос',
  'евро',
  'зоо',
  'интернет',
  'кибер',
  'кино',
  'мега',
  'медиа',
  'метео',
  'микро',
  'мини',
  'мото',
  'нано',
  'нац',
  'радио',
  'ретро',
  'сверх',
  'соц',
  'спорт',
  'супер',
  'теле',
  'тепло',
  'термо',
  'фото',
  'эко',
  'электро',
  'энерго',
  'пресс',
  'мульти',
  'псевдо',
  'квази',
  'полу',
  'само',
  'спец',
  'пром',
  'проф',
  'мед',
  'фин',
  'гор',
  'обл',
  'турбо',
  'аудио',
  'инфо',
  'онлайн',
  'веб',
  'арт',
  'эко',
].sort((a, b) => b.length - a.length);

/** Short abbreviation-like prefixoids need a longer remainder. */
function minRemainder(prefix: string): number {
  return prefix.length <= 3 ? 5 : 4;
}

function isAllCaps(w: string): boolean {
  const letters = w.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** ВУЗ, МФЦ, ГОСТа, КоАП, СанПиН, ВКонтакте: abbreviations and brand-like inner capitals. */
export function isAbbreviation(w: string): boolean {
  const letters = w.replace(/[^\p{L}]/gu, '');
  if (isAllCaps(w) && letters.length <= 6) return true;
  if (/^\p{Lu}{2,}\p{Ll}{1,3}$/u.test(w)) return true;
  if (/\p{Ll}\p{Lu}/u.test(w)) return true;
  return false;
}

function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w) && !isAllCaps(w);
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function cyrCount(w: string): number {
  return w.match(CYR_G)?.length ?? 0;
}

function normaliseWord(raw: string): string {
  return raw.replace(COMBINING, '').replace(/[‐‑]/g, '-').replace(/’/g, "'");
}

function foldUser(w: string): string {
  return w.toLowerCase().replace(/ё/g, 'е');
}

/** Replaces look-alike letters of the minority script. */
export function fixMixedScript(w: string): string {
  const cyr = cyrCount(w);
  const lat = w.match(LAT_G)?.length ?? 0;
  const map = cyr >= lat ? LAT_TO_CYR : CYR_TO_LAT;
  return [...w].map((ch) => map[ch] ?? ch).join('');
}

// ---------------------------------------------------------------------------
// Skipped regions: links, e-mails, hashtags, mentions
// ---------------------------------------------------------------------------

const TLD = 'рф|рус|ru|su|com|org|net|info|online|site|pro|biz|io|me|gov|edu';
const SKIP_RES: readonly RegExp[] = [
  /(?:https?:\/\/|www\.)[^\s<>«»"]+/giu,
  new RegExp(`(?<![\\p{L}\\p{N}@._-])(?:[\\p{L}\\p{N}-]+\\.)+(?:${TLD})(?![\\p{L}\\p{N}-])(?:\\/[^\\s<>«»"]*)?`, 'giu'),
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  /#[\p{L}\p{N}_]+(?:@[\p{L}\p{N}_]+)?/gu,
  // VK: [id1|Анна], [club1|Администрация], [https://…|текст]
  /\[[^\]|\n]{1,200}\|[^\]\n]{0,200}\]/gu,
  // VK/OK: @club1 (Администрация), @durov, *id1 (Анна)
  /(?<![\p{L}\p{N}])[@*](?:id|club|public|event)?[\p{L}\p{N}_.]*[\p{L}\p{N}_](?:\s?\([^)\n]{0,100}\))?/gu,
];

interface Span {
  start: number;
  end: number;
}

export function skippedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of SKIP_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans;
}

/** Offsets of tokens that begin a sentence or a line (capitalisation there says nothing). */
function sentenceStarts(text: string, tokenStarts: readonly number[]): Set<number> {
  const out = new Set<number>();
  const firstAfter = (pos: number) => {
    // binary search for the first token starting at or after pos
    let lo = 0;
    let hi = tokenStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokenStarts[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    const s = tokenStarts[lo];
    if (s !== undefined) out.add(s);
  };
  for (const s of sentences(text)) firstAfter(s.start);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) firstAfter(i + 1);
  firstAfter(0);
  return out;
}

// ---------------------------------------------------------------------------
// The speller
// ---------------------------------------------------------------------------

type Verdict = 'ok' | 'unknown' | 'name' | { mixed: string };

class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    if (this.map.size >= this.max) {
      // drop the oldest tenth (Map keeps insertion order)
      let drop = Math.max(1, Math.floor(this.max / 10));
      for (const key of this.map.keys()) {
        this.map.delete(key);
        if (--drop <= 0) break;
      }
    }
    this.map.set(k, v);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
}

const ALPHABET = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
/** Capitalised unknown words mid-sentence shorter than this are taken for names without further tests. */
const NAME_TYPO_MIN_LENGTH = 7;

class HunspellSpeller implements Speller {
  private readonly known: BoundedCache<boolean>;
  private readonly nameTypo = new BoundedCache<boolean>(5_000);
  private readonly suggestions = new BoundedCache<string[]>(2_000);
  private userCache: { src: ReadonlySet<string>; folded: Set<string> } | null = null;
  private disposed = false;

  constructor(
    private readonly h: Hunspell,
    cacheSize: number,
  ) {
    this.known = new BoundedCache<boolean>(cacheSize);
  }

  // -- vocabulary -----------------------------------------------------------

  addWords(lines: readonly string[]): number {
    let n = 0;
    for (const chunk of lines) {
      for (const line of chunk.split(/\r?\n/)) {
        const e = parseWordListLine(line);
        if (!e) continue;
        this.addEntry(e);
        n++;
      }
    }
    this.known.clear();
    this.nameTypo.clear();
    this.suggestions.clear();
    return n;
  }

  private addEntry(e: WordListEntry): void {
    const multi = e.words.length > 1;
    for (const word of e.words) {
      for (const v of yoVariants(word)) {
        if (e.model === null) this.h.addWord(v);
        else if (e.model !== undefined && (!multi || word === e.words[e.words.length - 1]))
          this.addWithModel(v, e.model);
        else if (this.h.spell(v)) {
          // already in the dictionary with its own (better) flags: Орёл, «Набережные», «Воды»
        } else this.addAuto(v);
      }
    }
    for (const f of e.forms) for (const v of yoVariants(f)) this.h.addWord(v);
  }

  private addWithModel(word: string, model: string): void {
    this.h.addWordWithAffix(word, model);
    // add_with_affix adds nothing when the model is not a dictionary stem
    if (!this.h.spell(word)) this.h.addWord(word);
  }

  private addAuto(word: string): void {
    if (isAbbreviation(word)) {
      this.h.addWord(word);
      return;
    }
    const lower = !isCapitalised(word);
    if (word.includes('-')) {
      this.h.addWord(word);
      const parts = word.split('-');
      const lastModel = inferModel(parts[parts.length - 1] ?? '').model;
      if (lastModel) this.addWithModel(word, lastModel);
      parts.forEach((p, i) => {
        if (!p || !isCapitalised(p) || this.h.spell(p)) return;
        const next = parts[i + 1];
        const inflects = next === undefined || !isCapitalised(next);
        if (inflects) this.addInferred(p);
        else this.h.addWord(p);
      });
      return;
    }
    if (lower && !/(ий|ый|ой)$/.test(word)) {
      this.h.addWord(word);
      return;
    }
    this.addInferred(word);
  }

  private addInferred(word: string): void {
    const { lemma, model } = inferModel(word);
    if (model) this.addWithModel(lemma, model);
    else this.h.addWord(lemma);
    if (!this.h.spell(word)) this.h.addWord(word);
  }

  // -- judging one word -----------------------------------------------------

  private spell(w: string): boolean {
    return this.h.spell(w);
  }

  private isKnown(w: string): boolean {
    const c = this.known.get(w);
    if (c !== undefined) return c;
    const r = this.computeKnown(w, 0);
    this.known.set(w, r);
    return r;
  }

  private computeKnown(w: string, depth: number): boolean {
    if (this.spell(w)) return true;
    if (w.includes('-')) {
      const parts = w.split('-');
      if (parts.every((p) => p !== '' && this.partOk(p, depth))) return true;
    } else if (depth < 2 && (this.compoundOk(w, depth) || this.derivedOk(w))) return true;
    if (w.includes("'")) return true; // д'Артаньян, О'Нил: names
    return false;
  }

  private partOk(p: string, depth: number): boolean {
    if (/\p{N}/u.test(p) || !CYR.test(p) || cyrCount(p) < 2 || isAbbreviation(p)) return true;
    return this.computeKnown(p, depth + 1);
  }

  /** фото + сессия, электро + самокат, гос + служба. */
  private compoundOk(w: string, depth: number): boolean {
    if (isAllCaps(w)) return false;
    const lw = w.toLowerCase();
    for (const p of PREFIXOIDS) {
      if (!lw.startsWith(p)) continue;
      const rest = lw.slice(p.length);
      if (rest.length < minRemainder(p)) continue;
      if (this.spell(rest) || (depth < 1 && this.compoundOk(rest, depth + 1))) return true;
    }
    return false;
  }

  /**
   * Regular derivations the 2008 word list often lacks: adverbs in -о from adjectives
   * (ретроспективно), comparatives in -ее (класснее, по + старее), superlatives with пре-
   * (преинтереснейший). Prefixes that are themselves a typo class (при-/пре- on verbs) are not used.
   */
  private derivedOk(w: string): boolean {
    if (isAllCaps(w)) return false;
    const lw = w.toLowerCase();
    if (lw.length < 6 || !/^[а-яё]+$/.test(lw)) return false;
    const adjective = (stem: string) => ['ый', 'ий', 'ой'].some((e) => this.spell(stem + e));
    // qualitative adjectives only: not -ой (остальной → «остально»), not participles in -нн (написанно)
    const adverbBase = lw.slice(0, -1);
    if (lw.endsWith('о') && !adverbBase.endsWith('нн') && ['ый', 'ий'].some((e) => this.spell(adverbBase + e)))
      return true;
    if (lw.endsWith('ее')) {
      if (adjective(lw.slice(0, -2))) return true;
      if (lw.startsWith('по') && lw.length >= 8) {
        const rest = lw.slice(2);
        if (this.spell(rest) || adjective(rest.slice(0, -2))) return true;
      }
    }
    if (lw.startsWith('пре') && /[еа]йш/.test(lw)) {
      const rest = lw.slice(3);
      if (this.spell(rest)) return true;
    }
    return false;
  }

  /** A capitalised mid-sentence word Hunspell rejects: a name, unless it is one letter off a known word. */
  private looksLikeTypo(w: string): boolean {
    const letters = cyrCount(w);
    if (letters < NAME_TYPO_MIN_LENGTH || w.includes('-') || !/^[а-яё]+$/i.test(w)) return false;
    const c = this.nameTypo.get(w);
    if (c !== undefined) return c;
    const lw = w.toLowerCase();
    let r = false;
    for (const [cand, kind] of typoEdits(lw)) {
      if (cand.length < 2) continue;
      // names differ from other names by a vowel (Арминия/Армения): only common words count then
      if (this.spell(cand) || (kind !== 'vowel' && this.spell(capitalise(cand)))) {
        r = true;
        break;
      }
    }
    this.nameTypo.set(w, r);
    return r;
  }

  private folded(user: ReadonlySet<string> | undefined): Set<string> | null {
    if (!user || user.size === 0) return null;
    if (this.userCache?.src === user) return this.userCache.folded;
    const folded = new Set<string>();
    for (const w of user) folded.add(foldUser(w.trim()));
    this.userCache = { src: user, folded };
    return folded;
  }

  private judge(raw: string, atStart: boolean, user: Set<string> | null): Verdict {
    const w = normaliseWord(raw);
    if (/\p{N}/u.test(w)) return 'ok'; // 2023-м, 5G, 90-х
    if (!CYR.test(w)) return 'ok'; // Latin and other scripts
    if (user?.has(foldUser(w))) return 'ok';
    if (LAT.test(w)) {
      for (const part of w.split('-')) if (CYR.test(part) && LAT.test(part)) return { mixed: fixMixedScript(w) };
    }
    if (cyrCount(w) < 2 && !w.includes('-')) return 'ok'; // single letters: б, ж, т (abbreviations, particles)
    if (isAbbreviation(w)) return 'ok';
    if (this.isKnown(w)) return 'ok';
    if (user && w.includes('-') && w.split('-').every((p) => user.has(foldUser(p)) || this.isKnown(p))) return 'ok';
    if (!atStart && isCapitalised(w)) return this.looksLikeTypo(w) ? 'name' : 'ok';
    return 'unknown';
  }

  accepts(word: string, userWords?: ReadonlySet<string>): boolean {
    return this.judge(word, true, this.folded(userWords)) === 'ok';
  }

  check(ctx: RuleContext): Finding[] {
    if (this.disposed) return [];
    const text = ctx.text;
    const tokens = tokenize(text);
    if (!tokens.length) return [];
    const skips = skippedSpans(text);
    const starts = sentenceStarts(
      text,
      tokens.map((t) => t.start),
    );
    const user = this.folded(ctx.userWords);
    const out: Finding[] = [];
    let si = 0;
    for (const t of tokens) {
      while (si < skips.length && (skips[si]?.end ?? 0) <= t.start) si++;
      let skipped = false;
      for (let k = si; k < skips.length && (skips[k]?.start ?? Number.POSITIVE_INFINITY) < t.end; k++) {
        if ((skips[k]?.end ?? 0) > t.start) {
          skipped = true;
          break;
        }
      }
      if (skipped) continue;
      const v = this.judge(t.text, starts.has(t.start), user);
      if (v === 'ok') continue;
      if (v === 'unknown' || v === 'name') {
        out.push({
          rule: SPELLING_RULE,
          category: 'spelling',
          severity: v === 'unknown' ? 'error' : 'warning',
          start: t.start,
          end: t.end,
          message: v === 'unknown' ? MESSAGE_UNKNOWN : MESSAGE_UNKNOWN_NAME,
          suggestions: [],
        });
      } else {
        out.push({
          rule: MIXED_SCRIPT_RULE,
          category: 'spelling',
          severity: 'error',
          start: t.start,
          end: t.end,
          message: MESSAGE_MIXED,
          suggestions: v.mixed !== t.text ? [v.mixed] : [],
        });
      }
    }
    return out;
  }

  // -- suggestions ----------------------------------------------------------

  suggest(word: string, limit = 5): string[] {
    if (this.disposed) return [];
    const w = normaliseWord(word.trim());
    if (!w || !CYR.test(w)) return [];
    const key = `${limit}\u0000${w}`;
    const cached = this.suggestions.get(key);
    if (cached) return [...cached];

    const lw = w.toLowerCase();
    const score = new Map<string, number>();
    const offer = (cand: string, points: number) => {
      const k = cand.toLowerCase();
      if (k === lw || !cand) return;
      score.set(k, Math.max(score.get(k) ?? Number.NEGATIVE_INFINITY, points));
    };
    // Stretched letters («оччччень», «дооолго»): collapse runs first.
    const stretched = /(\p{L})\1\1/u.test(w);
    if (stretched) {
      for (const v of [lw.replace(/(\p{L})\1{2,}/gu, '$1'), lw.replace(/(\p{L})\1{2,}/gu, '$1$1')])
        if (this.isKnown(v)) offer(v, 100);
    }
    // что|то → что-то, по|моему → по-моему: particles and adverbs written together
    const particle = /^(.+?)(то|либо|нибудь|ка|таки)$/.exec(lw);
    if (
      particle?.[1] &&
      particle[1].length > 1 &&
      this.spell(particle[1]) &&
      this.spell(`${particle[1]}-${particle[2]}`)
    )
      offer(`${particle[1]}-${particle[2]}`, 40);
    const poAdverb = /^по(.+(?:ому|ему|ски|цки))$/.exec(lw);
    if (poAdverb?.[1] && this.spell(poAdverb[1])) offer(`по-${poAdverb[1]}`, 40);
    // Hunspell's own list, hyphenating particles it returns with a space
    let hs = this.h.suggest(w);
    if (hs.length === 0 && stretched) hs = this.h.suggest(w.replace(/(\p{L})\1{2,}/gu, '$1'));
    hs.forEach((s0, rank) => {
      const s = s0
        .replace(/^(\S+) (то|либо|нибудь|ка|таки)$/u, '$1-$2')
        .replace(/^по (\S+(?:ому|ему|ски|цки))$/u, 'по-$1');
      offer(s, 12 - Math.min(rank, 10));
    });
    const fromHunspell = new Map<string, number>();
    hs.forEach((s, rank) => {
      const k = s.toLowerCase();
      if (!fromHunspell.has(k)) fromHunspell.set(k, rank);
    });
    // One-edit candidates, ranked by how typical the slip is; agreement with Hunspell adds weight.
    const capitalised = /^\p{Lu}/u.test(w);
    if (!w.includes('-') && !w.includes(' ') && lw.length <= 30) {
      for (const [cand, points] of scoredEdits(lw)) {
        if (cand.length < 2) continue;
        if (!(this.spell(cand) || (capitalised && this.spell(capitalise(cand))))) continue;
        const rank = fromHunspell.get(cand);
        offer(cand, points + (rank === undefined ? 0 : 15 - Math.min(rank, 10)));
      }
    }
    // гос|улуги → гос|услуги: correct the part after a known first element
    if (score.size < limit && !w.includes('-')) {
      for (const p of PREFIXOIDS) {
        if (!lw.startsWith(p) || lw.length - p.length < minRemainder(p)) continue;
        this.h.suggest(lw.slice(p.length)).forEach((s, rank) => {
          if (!s.includes(' ')) offer(p + s, 11 - Math.min(rank, 10));
        });
        break;
      }
    }
    const found = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => this.properCase(k));
    const out = matchCase(w, found, limit);
    this.suggestions.set(key, out);
    return [...out];
  }

  /** Dictionary capitalisation of a lower-case candidate («новоалтайск» → «Новоалтайск»). */
  private properCase(k: string): string {
    if (this.spell(k)) return k;
    const c = capitalise(k);
    return this.spell(c) ? c : k;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.h.dispose();
  }
}

function* yoVariants(word: string): Generator<string> {
  yield word;
  if (/[ёЁ]/.test(word)) yield word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

const VOWELS = new Set([...'аеёиоуыэюяьъ']);

/**
 * Typo-like edits of a lower-case word: a missing letter, two swapped letters, a doubled
 * letter, a wrong vowel. (Consonant swaps and arbitrary extra letters are left out: they turn
 * names into common words too often — Венцеля → вензеля, Сандово → садово.)
 */
function* typoEdits(w: string): Generator<[string, 'missing' | 'swap' | 'double' | 'vowel']> {
  const n = w.length;
  for (let i = 0; i <= n; i++) for (const c of ALPHABET) yield [w.slice(0, i) + c + w.slice(i), 'missing'];
  for (let i = 0; i < n - 1; i++) yield [w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), 'swap'];
  for (let i = 1; i < n; i++) if (w[i] === w[i - 1]) yield [w.slice(0, i) + w.slice(i + 1), 'double'];
  for (let i = 0; i < n; i++) {
    const ch = w[i] ?? '';
    if (!VOWELS.has(ch)) continue;
    for (const c of VOWELS) if (c !== ch) yield [w.slice(0, i) + c + w.slice(i + 1), 'vowel'];
  }
}

const SIMILAR = new Set(
  [
    'ий',
    'её',
    'еэ',
    'ьъ',
    'ао',
    'еи',
    'яе',
    'юу',
    'сз',
    'тд',
    'бп',
    'вф',
    'гк',
    'жш',
    'шщ',
    'чщ',
    'цс',
    'ыи',
    'жз',
  ].flatMap((p) => [p, `${p[1]}${p[0]}`]),
);

/** All one-edit variants of a lower-case word with a plausibility score (higher = more typical slip). */
function* scoredEdits(w: string): Generator<[string, number]> {
  const n = w.length;
  for (let i = 0; i < n - 1; i++) if (w[i] !== w[i + 1]) yield [w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), 30];
  for (let i = 0; i < n; i++) {
    const doubled = w[i] === w[i - 1] || w[i] === w[i + 1];
    yield [w.slice(0, i) + w.slice(i + 1), doubled ? 30 : 20]; // extra letter
  }
  for (let i = 0; i <= n; i++)
    for (const c of ALPHABET) {
      const doubled = c === w[i - 1] || c === w[i];
      yield [w.slice(0, i) + c + w.slice(i), doubled ? 30 : 25]; // missing letter
    }
  for (let i = 0; i < n; i++) {
    const ch = w[i] ?? '';
    // о/е(ё) after ж ш ч щ ц is a classic spelling slip (хороше → хорошо, жолтый → жёлтый)
    const afterHush = /[жшчщц]/.test(w[i - 1] ?? '') && /[оеё]/.test(ch);
    for (const c of ALPHABET)
      if (c !== ch)
        yield [w.slice(0, i) + c + w.slice(i + 1), SIMILAR.has(ch + c) || (afterHush && /[оеё]/.test(c)) ? 30 : 10];
  }
}

/** Applies the capitalisation of `w` to suggestions, drops duplicates and `w` itself. */
function matchCase(w: string, list: readonly string[], limit: number): string[] {
  const caps = isAllCaps(w) && w.length > 1;
  const cap = !caps && /^\p{Lu}/u.test(w);
  const seen = new Set<string>([w.toLowerCase()]);
  const out: string[] = [];
  for (const s of list) {
    let v = s;
    if (caps) v = s.toUpperCase();
    else if (cap) v = capitalise(s);
    const k = v.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
    if (out.length >= limit) break;
  }
  return out;
}
