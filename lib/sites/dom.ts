/** Small DOM helpers shared by the VK and OK modules. No site knowledge here. */

const ELEMENT_NODE = 1;
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', '']);

export function isElement(x: unknown): x is Element {
  return typeof x === 'object' && x !== null && (x as Node).nodeType === ELEMENT_NODE;
}

/** `el.matches` that never throws (a selector unsupported by the engine counts as no match). */
export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function matchesAny(el: Element, selectors: readonly string[]): boolean {
  return selectors.some((s) => safeMatches(el, s));
}

/** The nearest ancestor-or-self matching the first candidate that matches at all (candidates in priority order). */
export function closestAny(el: Element, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const hit = el.closest(s);
      if (hit) return hit;
    } catch {
      /* unsupported selector */
    }
  }
  return null;
}

export function queryAny(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const hit = root.querySelector(s);
      if (hit) return hit;
    } catch {
      /* unsupported selector */
    }
  }
  return null;
}

export function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  const tag = tagOf(el);
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type || '').toLowerCase());
}

function isEditableValue(v: string | null): boolean {
  return v !== null && v.toLowerCase() !== 'false';
}

/**
 * From a focused / typed-in node (an event target, a text node inside the editor, the editor itself)
 * to the editor root: the outermost element of a contenteditable region, or a textarea / text input.
 * Returns null for anything else, and for read-only or disabled fields.
 */
export function findEditable(target: EventTarget | null): HTMLElement | null {
  if (!target || typeof (target as Node).nodeType !== 'number') return null;
  const node = target as Node;
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  // Focus inside an open shadow root is reported on the host.
  for (let i = 0; el?.shadowRoot?.activeElement && i < 8; i++) el = el.shadowRoot.activeElement;
  if (!el) return null;
  if (isTextField(el)) {
    const f = el as HTMLInputElement | HTMLTextAreaElement;
    return f.readOnly || f.disabled ? null : f;
  }
  // Nearest editable host; a non-editable island (mention chip, emoji) inside an editor still belongs to it.
  let root: Element | null = null;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (isEditableValue(cur.getAttribute('contenteditable'))) {
      root = cur;
      break;
    }
  }
  if (!root) return null;
  // Up to the outermost host: stop at the first ancestor that says contenteditable="false".
  for (let cur: Element | null = root.parentElement; cur; cur = cur.parentElement) {
    const v = cur.getAttribute('contenteditable');
    if (v === null) continue;
    if (!isEditableValue(v)) break;
    root = cur;
  }
  return root as HTMLElement;
}

export function isContentEditableRoot(el: Element): boolean {
  return isEditableValue(el.getAttribute('contenteditable')) && findEditable(el) === el;
}

/** Visible label of a control: its text, else aria-label / title. Whitespace collapsed. */
export function controlLabel(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text;
  return (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
}

const CONTROL = 'button, [role="button"], msg-button, input[type="submit"], input[type="button"]';

/** A button-like control inside `scope` whose label or aria-label equals one of `labels`. */
export function findByLabel(scope: Element, labels: readonly string[]): HTMLElement | null {
  const want = new Set(labels.map((l) => l.toLowerCase()));
  for (const c of scope.querySelectorAll<HTMLElement>(CONTROL)) {
    const aria = (c.getAttribute('aria-label') ?? '').trim().toLowerCase();
    const value = tagOf(c) === 'INPUT' ? ((c as HTMLInputElement).value ?? '').trim().toLowerCase() : '';
    if (want.has(controlLabel(c).toLowerCase()) || (aria && want.has(aria)) || (value && want.has(value))) return c;
  }
  return null;
}

export function closestControl(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>(`${CONTROL}, a`);
}

/**
 * Finds the nearest match of `selectors` (then of `labels`) around `start`: inside `scope` when given,
 * else in the ancestors of `start`, at most `maxUp` levels up. Never searches the whole page.
 */
export function findNear(
  start: Element,
  opts: { scope?: Element | null; selectors: readonly string[]; labels?: readonly string[]; maxUp?: number },
): HTMLElement | null {
  const { scope, selectors, labels = [], maxUp = 5 } = opts;
  const body = start.ownerDocument.body;
  const levels: Element[] = [];
  if (scope) levels.push(scope);
  else {
    let a = start.parentElement;
    for (let i = 0; a && a !== body && a !== start.ownerDocument.documentElement && i < maxUp; i++) {
      levels.push(a);
      a = a.parentElement;
    }
  }
  for (const level of levels) {
    const hit = queryAny(level, selectors) as HTMLElement | null;
    if (hit) return hit;
  }
  if (labels.length)
    for (const level of levels) {
      const hit = findByLabel(level, labels);
      if (hit) return hit;
    }
  return null;
}

/** Descendants matching `selector` whose nearest `itemSelector` ancestor is `item` itself (not a nested item). */
export function ownDescendant(item: Element, selector: string, itemSelector: string): Element | null {
  for (const c of item.querySelectorAll(selector)) if (c.closest(itemSelector) === item) return c;
  return null;
}

export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
