/**
 * Underlines drawn without touching the editor's DOM: the CSS Custom Highlight API where the browser
 * has it (Chromium), positioned overlay boxes in our shadow root otherwise (older Firefox).
 */
import type { Category } from '@/lib/checks/types';

export const CATEGORY_COLOR: Record<Category, string> = {
  spelling: '#d1242f',
  style: '#1f6feb',
  tone: '#8250df',
  citations: '#bf8700',
  greeting: '#1a7f37',
  punctuation: '#e16f24',
};

export const HIGHLIGHT_NAMES = Object.keys(CATEGORY_COLOR).map((c) => `gph-${c}`);

export function highlightApiAvailable(): boolean {
  // `<html data-gph-overlay>` forces the overlay fallback (used by the tests of that path)
  if (document.documentElement.hasAttribute('data-gph-overlay')) return false;
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

let styleInstalled = false;
/** `::highlight()` rules must live in the page's own style sheets; they style nothing but our highlights. */
export function installHighlightStyles(): void {
  if (styleInstalled || !highlightApiAvailable()) return;
  styleInstalled = true;
  const style = document.createElement('style');
  style.dataset.gph = 'highlights';
  style.textContent = Object.entries(CATEGORY_COLOR)
    .map(
      ([c, color]) =>
        `::highlight(gph-${c}){text-decoration:underline wavy ${color};text-decoration-thickness:1.5px;text-underline-offset:3px;text-decoration-skip-ink:none;}`,
    )
    .join('\n');
  (document.head ?? document.documentElement).append(style);
}

/** Per-editor registry of ranges; all editors share the page-wide highlights. */
const byEditor = new Map<object, Map<Category, Range[]>>();

export function setEditorHighlights(owner: object, ranges: Map<Category, Range[]> | null): void {
  if (ranges) byEditor.set(owner, ranges);
  else byEditor.delete(owner);
  if (!highlightApiAvailable()) return;
  installHighlightStyles();
  for (const c of Object.keys(CATEGORY_COLOR) as Category[]) {
    const all: Range[] = [];
    for (const m of byEditor.values()) for (const r of m.get(c) ?? []) all.push(r);
    if (all.length) CSS.highlights.set(`gph-${c}`, new Highlight(...all));
    else CSS.highlights.delete(`gph-${c}`);
  }
}
