/**
 * Where a chosen template goes in a reply box. Pure: works on the box's text (as `editorText` reads it)
 * and the caret offsets saved when the picker opened; the content script applies the plan with
 * `replaceText`, the site's own input path.
 *
 * VK and OK pre-fill the reply box with «Анна, » after «Ответить». A template that greets the author
 * itself («Здравствуйте, Анна! …») replaces that prefix — never «Анна, Здравствуйте, Анна!». A template
 * without a greeting keeps the appeal and continues it: «Анна, спасибо за…».
 */

export interface InsertionPlan {
  /** Text offsets in the box to replace (`start === end`: insert). */
  start: number;
  end: number;
  text: string;
}

/** The box holds only a reply appeal: «Анна, », «Анна Смирнова, » (any trailing spaces). */
const APPEAL_ONLY = /^[\s\u00a0]*(\p{Lu}[\p{L}’'-]*(?:[ \u00a0]\p{Lu}[\p{L}’'-]*)?),[\s\u00a0]*$/u;
const GREETING_START = /^[\s\u00a0]*(здравствуй|добрый|доброе|доброго|доброй|приветствуем|привет|уважаем|дорог)/iu;

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** True when the text already addresses the reader: opens with a greeting or names them in the first sentence. */
export function addressesReader(text: string, name: string): boolean {
  if (GREETING_START.test(text)) return true;
  const first = norm(text.split(/[.!?\n]/, 1)[0] ?? '');
  const n = norm(name.split(/[ \u00a0]/)[0] ?? '');
  return n.length > 1 && new RegExp(`(^|[^\\p{L}])${n.replace(/[-'’]/g, '.')}([^\\p{L}]|$)`, 'u').test(first);
}

/** «Спасибо за…» → «спасибо за…» after an appeal; abbreviations («МФЦ…») and single letters stay. */
function continueAfterAppeal(text: string): string {
  const m = /^(\s*)(\p{Lu})(\p{Ll}+)/u.exec(text);
  if (!m) return text;
  return m[1] + m[2]!.toLowerCase() + text.slice(m[1]!.length + 1);
}

export function planInsertion(
  current: string,
  caret: { start: number; end: number } | null,
  text: string,
): InsertionPlan {
  const appeal = APPEAL_ONLY.exec(current);
  if (appeal) {
    if (addressesReader(text, appeal[1]!)) return { start: 0, end: current.length, text };
    // keep «Анна, » as the site wrote it (it may carry the reply's mention) and continue after it
    const trailing = /[\s\u00a0]*$/.exec(current)![0];
    const at = current.length;
    return { start: at, end: at, text: (trailing ? '' : ' ') + continueAfterAppeal(text.trimStart()) };
  }
  if (current.trim() === '') return { start: 0, end: current.length, text };
  const len = current.length;
  let start = caret ? Math.max(0, Math.min(caret.start, len)) : len;
  let end = caret ? Math.max(start, Math.min(caret.end, len)) : len;
  if (start > end) [start, end] = [end, start];
  let t = text;
  const before = current.slice(0, start);
  const after = current.slice(end);
  if (before && !/[\s\u00a0]$/.test(before)) t = ` ${t}`;
  if (after && !/^[\s\u00a0]/.test(after)) t = `${t} `;
  return { start, end, text: t };
}
