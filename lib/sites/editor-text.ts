/**
 * The text of an editor as the admin sees it, and the mapping between offsets into that text and
 * DOM positions (for underlines and for replacing text through the site's own input path).
 *
 * Text model (close to `innerText`, but computed without layout so it also works in tests):
 *  - a text node contributes its data with no whitespace collapsing (NBSP kept), so every character
 *    maps 1:1 to a DOM position; outside `white-space: pre*` a line feed / tab counts as a space (it
 *    renders as one), and source-formatting whitespace between blocks is dropped;
 *  - `<img alt>` (VK/OK emoji, S5/S9) contributes its alt text as one unbreakable unit;
 *  - `<br>` contributes "\n", except a trailing `<br>` that only keeps an empty line open;
 *  - block elements (`div`, `p`, `li`, …) are separated by one "\n"; an empty block holding only a
 *    `<br>` is an empty line;
 *  - `script`, `style`, `template` and `[hidden]` contribute nothing.
 * Offsets are UTF-16 code units, like JavaScript strings and the check engine's findings.
 * Textareas and inputs: the text is `value`; use `setSelectionRange` for positions (the Range helpers
 * return null for them).
 */
import { isTextField, tagOf } from './dom';

export type TextSegment =
  | { kind: 'text'; node: Text; start: number; end: number }
  /** `<img alt>` (text = alt) or a line-breaking `<br>` (text = "\n"): covered whole or not at all. */
  | { kind: 'atom'; node: Element; start: number; end: number }
  /** A placeholder `<br>` that only holds an empty line open: zero length, positions go before it. */
  | { kind: 'line'; node: Element; start: number; end: number }
  /** "\n" between blocks; `at` is the DOM boundary where it was produced. */
  | { kind: 'break'; start: number; end: number; at: DomPoint };

export interface DomPoint {
  node: Node;
  offset: number;
}

export interface TextModel {
  text: string;
  segments: TextSegment[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isBlock(n: Node): boolean {
  return n.nodeType === ELEMENT_NODE && BLOCK.has(tagOf(n as Element));
}

function isSkipped(el: Element): boolean {
  return SKIP.has(tagOf(el)) || el.hasAttribute('hidden');
}

/**
 * Whitespace-only text with a line feed next to a block ("\n    " between `<div>`s in hand-written HTML) is
 * not rendered unless the editor preserves white space. Never skipped in `pre` / `pre-wrap` editors.
 */
function isFormattingWhitespace(t: Text, pre: boolean): boolean {
  if (pre) return false;
  const d = t.data;
  if (!d.includes('\n') || /\S|\u00a0/.test(d)) return false;
  const prev = t.previousSibling;
  const next = t.nextSibling;
  const prevOk = !prev || isBlock(prev);
  const nextOk = !next || isBlock(next);
  const parentBlock = !!t.parentNode && isBlock(t.parentNode);
  return prevOk && nextOk && ((!!prev && isBlock(prev)) || (!!next && isBlock(next)) || parentBlock);
}

/** Whether the editor keeps line feeds and tabs as typed (CSS white-space pre, pre-wrap, pre-line, break-spaces). */
function preservesWhiteSpace(root: Element): boolean {
  try {
    const ws = root.ownerDocument.defaultView?.getComputedStyle(root).whiteSpace ?? '';
    return ws.startsWith('pre') || ws === 'break-spaces';
  } catch {
    return false;
  }
}

type Probe = 'content' | 'boundary' | 'none';

function probeSubtree(n: Node, pre: boolean): Probe {
  if (n.nodeType === TEXT_NODE) {
    const t = n as Text;
    return t.data && !isFormattingWhitespace(t, pre) ? 'content' : 'none';
  }
  if (n.nodeType !== ELEMENT_NODE) return 'none';
  const el = n as Element;
  if (isSkipped(el)) return 'none';
  const tag = tagOf(el);
  if (tag === 'BR' || tag === 'IMG') return 'content';
  if (BLOCK.has(tag)) return 'boundary';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    const r = probeSubtree(c, pre);
    if (r !== 'none') return r;
  }
  return 'none';
}

/** A `<br>` followed by nothing rendered before the end of its line box only keeps the line open. */
function isTrailingBr(br: Element, root: Element, pre: boolean): boolean {
  let cur: Node = br;
  for (;;) {
    let next = cur.nextSibling;
    while (!next) {
      const p: Node | null = cur.parentNode;
      if (!p || p === root || isBlock(p)) return true;
      cur = p;
      next = cur.nextSibling;
    }
    const r = probeSubtree(next, pre);
    if (r === 'content') return false;
    if (r === 'boundary') return true;
    cur = next;
  }
}

function indexOf(n: Node): number {
  let i = 0;
  for (let c = n.previousSibling; c; c = c.previousSibling) i++;
  return i;
}

export function textModel(root: Element): TextModel {
  if (isTextField(root)) {
    return { text: (root as HTMLTextAreaElement).value ?? '', segments: [] };
  }
  const pre = preservesWhiteSpace(root);
  const segments: TextSegment[] = [];
  let text = '';
  let pending: DomPoint | null = null;
  let lineOpen = false;

  const flush = () => {
    if (!pending) return;
    segments.push({ kind: 'break', start: text.length, end: text.length + 1, at: pending });
    text += '\n';
    pending = null;
    lineOpen = false;
  };
  const boundary = (at: DomPoint) => {
    if (lineOpen && !pending) pending = at;
  };
  const emit = (seg: { kind: 'text'; node: Text } | { kind: 'atom'; node: Element }, s: string) => {
    flush();
    if (s) {
      segments.push({ ...seg, start: text.length, end: text.length + s.length } as TextSegment);
      text += s;
    }
    lineOpen = true;
  };

  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const t = node as Text;
      if (!t.data || isFormattingWhitespace(t, pre)) return;
      // Outside pre modes a line feed or tab renders as a space: same length, so offsets still map 1:1.
      emit({ kind: 'text', node: t }, pre ? t.data : t.data.replace(/[\n\r\t]/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    if (isSkipped(el)) return;
    const tag = tagOf(el);
    if (tag === 'BR') {
      if (isTrailingBr(el, root, pre)) {
        flush();
        segments.push({ kind: 'line', node: el, start: text.length, end: text.length });
        lineOpen = true;
      } else emit({ kind: 'atom', node: el }, '\n');
      return;
    }
    if (tag === 'IMG') {
      emit({ kind: 'atom', node: el }, el.getAttribute('alt') ?? '');
      return;
    }
    const block = BLOCK.has(tag);
    const parent = el.parentNode;
    if (block && parent) boundary({ node: parent, offset: indexOf(el) });
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (block && parent) boundary({ node: parent, offset: indexOf(el) + 1 });
  };

  for (let c = root.firstChild; c; c = c.nextSibling) visit(c);
  return { text, segments };
}

/** The editor's text: emoji `<img alt>` as their alt, `<br>` and blocks as "\n". Textareas: their value. */
export function editorText(el: Element): string {
  return textModel(el).text;
}

// ---------- offsets → DOM ----------

function before(n: Node): DomPoint {
  return { node: n.parentNode as Node, offset: indexOf(n) };
}
function after(n: Node): DomPoint {
  return { node: n.parentNode as Node, offset: indexOf(n) + 1 };
}
function segStart(s: TextSegment): DomPoint {
  if (s.kind === 'text') return { node: s.node, offset: 0 };
  if (s.kind === 'atom' || s.kind === 'line') return before(s.node);
  return s.at;
}
function segEnd(s: TextSegment): DomPoint {
  if (s.kind === 'text') return { node: s.node, offset: s.node.data.length };
  if (s.kind === 'atom') return after(s.node);
  if (s.kind === 'line') return before(s.node);
  return s.at;
}

/**
 * DOM point for a text offset. `forward`: prefer the start of what follows (range starts, carets);
 * `backward`: prefer the end of what precedes (range ends). Inside an atom (emoji) the point snaps
 * outward so a range always covers the whole atom.
 */
function pointAt(root: Element, m: TextModel, o: number, bias: 'forward' | 'backward'): DomPoint {
  const segs = m.segments.filter((s) => s.kind !== 'break');
  if (bias === 'forward') {
    const i = m.segments.findIndex((s) => s.end > o);
    const s = m.segments[i];
    if (!s) {
      const last = segs[segs.length - 1];
      return last ? segEnd(last) : { node: root, offset: 0 };
    }
    if (s.kind === 'text') return { node: s.node, offset: o - s.start };
    if (s.kind === 'atom' || s.kind === 'line') return before(s.node);
    // at the start of a break: the end of the line before it
    const prev = m.segments
      .slice(0, i)
      .reverse()
      .find((x) => x.kind !== 'break');
    return prev ? segEnd(prev) : { node: root, offset: 0 };
  }
  let i = -1;
  for (let k = m.segments.length - 1; k >= 0; k--)
    if ((m.segments[k] as TextSegment).start < o) {
      i = k;
      break;
    }
  const s = m.segments[i];
  if (!s) return pointAt(root, m, o, 'forward');
  if (s.kind === 'text') return { node: s.node, offset: Math.min(o, s.end) - s.start };
  if (s.kind === 'atom') return after(s.node);
  if (s.kind === 'line') return before(s.node);
  // at the end of a break: the start of the line after it
  const next = m.segments.slice(i + 1).find((x) => x.kind !== 'break');
  return next ? segStart(next) : { node: root, offset: root.childNodes.length };
}

/**
 * A DOM Range for text offsets [start, end) of `editorText(el)`. A range touching part of an emoji
 * covers the whole `<img>`. Null for textareas / inputs and for offsets outside the text.
 */
export function textOffsetsToRange(el: Element, start: number, end: number, model?: TextModel): Range | null {
  if (isTextField(el)) return null;
  const m = model ?? textModel(el);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > m.text.length)
    return null;
  const a = pointAt(el, m, start, 'forward');
  const b = start === end ? a : pointAt(el, m, end, 'backward');
  const range = el.ownerDocument.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range;
}

// ---------- DOM → offsets ----------

/** Boundary-point order per the DOM spec: -1 if a is before b, 0 if equal, 1 if after. */
export function comparePoints(aNode: Node, aOff: number, bNode: Node, bOff: number): -1 | 0 | 1 {
  if (aNode === bNode) return aOff === bOff ? 0 : aOff < bOff ? -1 : 1;
  const pos = aNode.compareDocumentPosition(bNode);
  // b precedes a → invert
  if (pos & 2) {
    const r = comparePoints(bNode, bOff, aNode, aOff);
    return r === 0 ? 0 : r === -1 ? 1 : -1;
  }
  // a contains b
  if (pos & 16) {
    let child: Node = bNode;
    while (child.parentNode && child.parentNode !== aNode) child = child.parentNode;
    return indexOf(child) < aOff ? 1 : -1;
  }
  return -1;
}

function pointToOffset(root: Element, m: TextModel, node: Node, offset: number): number {
  if (node !== root && !root.contains(node)) {
    return comparePoints(node, offset, root, 0) <= 0 ? 0 : m.text.length;
  }
  for (const s of m.segments) {
    if (s.kind === 'text' && s.node === node) return s.start + Math.max(0, Math.min(offset, s.end - s.start));
  }
  for (const s of m.segments) {
    const a = segStart(s);
    if (comparePoints(node, offset, a.node, a.offset) <= 0) return s.start;
    const b = segEnd(s);
    if (comparePoints(node, offset, b.node, b.offset) < 0) return s.kind === 'atom' ? s.end : s.start;
  }
  return m.text.length;
}

/** Offsets [start, end) in `editorText(el)` of a DOM range; parts outside `el` are clamped. Null for textareas. */
export function rangeToTextOffsets(
  el: Element,
  range: Pick<Range, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>,
  model?: TextModel,
): { start: number; end: number } | null {
  if (isTextField(el)) return null;
  const m = model ?? textModel(el);
  const start = pointToOffset(el, m, range.startContainer, range.startOffset);
  const end = pointToOffset(el, m, range.endContainer, range.endOffset);
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** The current selection (or caret) inside `el` as text offsets; textareas use selectionStart/End. */
export function selectionTextOffsets(el: Element): { start: number; end: number } | null {
  if (isTextField(el)) {
    const f = el as HTMLTextAreaElement;
    return { start: f.selectionStart ?? 0, end: f.selectionEnd ?? 0 };
  }
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.startContainer) && !el.contains(r.endContainer) && r.startContainer !== el) return null;
  return rangeToTextOffsets(el, r);
}
