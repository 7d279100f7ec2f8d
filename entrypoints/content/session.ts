/**
 * One recognised editor: reads its text, asks the background to check it (throttled), keeps the
 * findings mapped to the current text and draws the underlines. Never writes to the editor except
 * through `replaceText` (the site's own input path).
 */
import type { CheckResult, Finding } from '@/lib/checks/types';
import { send } from '@/lib/messaging/client';
import { editorText, textModel, textOffsetsToRange } from '@/lib/sites/editor-text';
import type { Classification } from '@/lib/store/schema';
import { setEditorHighlights } from './highlights';
import { remapFindings } from './remap';

export const CHECK_INTERVAL_MS = 150;
/** The longest draft sent for checking (the engine checks the first 100,000 characters). */
const MAX_SENT = 150_000;

const PRIORITY: Record<Finding['category'], number> = {
  greeting: 0,
  spelling: 1,
  citations: 2,
  punctuation: 3,
  style: 4,
  tone: 5,
};

export interface SessionSnapshot {
  text: string;
  findings: Finding[];
  summary: CheckResult['summary'] | null;
  pending: boolean;
  error: string | null;
}

type Listener = () => void;

/** Whole-text verdicts (press-release tone) live in the badge; underlining a whole sentence only adds noise. */
const underlined = (f: Finding) => f.end > f.start && f.category !== 'tone';

let nextId = 1;

/**
 * Our own time on the page's main thread, visible in DevTools and to `npm run bench:e2e` as User
 * Timing entries — only while the page opts in with `<html data-gph-bench>`.
 */
function benchMeasure(name: string, start: number): void {
  if (document.documentElement.hasAttribute('data-gph-bench'))
    performance.measure(name, { start, end: performance.now() });
}

export class EditorSession {
  /** Stable id for React keys. */
  readonly id = nextId++;
  readonly el: HTMLElement;
  classification: Classification;
  private snapshot: SessionSnapshot = { text: '', findings: [], summary: null, pending: false, error: null };
  private listeners = new Set<Listener>();
  private lastSent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private dirty = false;
  private seq = 0;
  private skipped = new Set<string>();
  private disposed = false;
  private rangeCache: { finding: Finding; rects: DOMRect[] }[] | null = null;

  constructor(el: HTMLElement, classification: Classification) {
    this.el = el;
    this.classification = classification;
    el.addEventListener('input', this.onInput);
    el.addEventListener('compositionend', this.onInput);
    el.addEventListener('scroll', this.invalidateRects, { passive: true });
    window.addEventListener('resize', this.invalidateRects, { passive: true });
    window.addEventListener('scroll', this.invalidateRects, { passive: true, capture: true });
    this.schedule();
  }

  get state(): SessionSnapshot {
    return this.snapshot;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit() {
    for (const fn of this.listeners) fn();
  }

  private readonly onInput = () => {
    const t0 = performance.now();
    const text = editorText(this.el);
    if (text !== this.snapshot.text) {
      // keep the underlines in place while the next check runs
      const findings = remapFindings(this.snapshot.findings, this.snapshot.text, text);
      this.snapshot = { ...this.snapshot, text, findings };
      this.render();
    }
    this.schedule();
    benchMeasure('gph-input', t0);
  };

  /** Runs a check at most every CHECK_INTERVAL_MS while typing, and right away after a pause. */
  schedule(): void {
    if (this.disposed) return;
    this.dirty = true;
    if (this.inFlight || this.timer) return;
    const wait = Math.max(0, this.lastSent + CHECK_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    if (this.disposed || !this.dirty) return;
    if (!this.el.isConnected) {
      this.dispose();
      return;
    }
    this.dirty = false;
    this.inFlight = true;
    this.lastSent = performance.now();
    const text = editorText(this.el);
    const seq = ++this.seq;
    const c = this.classification;
    try {
      const result = await send<CheckResult>({
        type: 'check',
        // beyond this the engine only says «слишком длинный»; the message schema caps the size
        text: text.length > MAX_SENT ? text.slice(0, MAX_SENT) : text,
        mode: c.kind === 'post' ? 'post' : c.kind === 'comment' ? 'reply' : 'message',
        url: location.href,
        network: c.network,
        communityId: c.communityId,
        authorName: c.replyTo?.authorName,
      });
      if (this.disposed || seq !== this.seq) return;
      const current = editorText(this.el);
      const findings = remapFindings(
        result.findings.filter((f) => !this.skipped.has(this.skipKey(f, text))),
        text,
        current,
      );
      this.snapshot = { text: current, findings, summary: result.summary, pending: false, error: null };
      if (current !== text) this.dirty = true;
    } catch (e) {
      if (this.disposed) return;
      this.snapshot = { ...this.snapshot, error: e instanceof Error ? e.message : String(e) };
    } finally {
      this.inFlight = false;
    }
    this.render();
    if (this.dirty) this.schedule();
  }

  private skipKey(f: Finding, text: string): string {
    return `${f.rule}|${text.slice(f.start, f.end)}`;
  }

  /** «Пропустить здесь»: hides this finding for these words in this editor. */
  skip(f: Finding): void {
    this.skipped.add(this.skipKey(f, this.snapshot.text));
    this.snapshot = { ...this.snapshot, findings: this.snapshot.findings.filter((x) => x !== f) };
    this.render();
  }

  recheck(): void {
    this.schedule();
  }

  private render(): void {
    const t0 = performance.now();
    this.rangeCache = null;
    const byCat = new Map<Finding['category'], Range[]>();
    const model = textModel(this.el); // one DOM walk for all findings
    for (const f of this.snapshot.findings) {
      if (!underlined(f)) continue;
      const r = textOffsetsToRange(this.el, f.start, f.end, model);
      if (!r) continue;
      const list = byCat.get(f.category);
      if (list) list.push(r);
      else byCat.set(f.category, [r]);
    }
    setEditorHighlights(this, byCat);
    this.emit();
    benchMeasure('gph-render', t0);
  }

  private readonly invalidateRects = () => {
    this.rangeCache = null;
  };

  /** Client rects of every finding (cached until the text, scroll or size changes). */
  findingRects(): { finding: Finding; rects: DOMRect[] }[] {
    if (!this.rangeCache) {
      this.rangeCache = [];
      const model = textModel(this.el);
      for (const f of this.snapshot.findings) {
        if (!underlined(f)) continue;
        const r = textOffsetsToRange(this.el, f.start, f.end, model);
        if (r) this.rangeCache.push({ finding: f, rects: Array.from(r.getClientRects()) });
      }
    }
    return this.rangeCache;
  }

  /**
   * The finding under a viewport point, if any. Where findings overlap, the one that matters most
   * wins (a missing greeting over a capital letter, spelling over style).
   */
  findingAt(x: number, y: number): { finding: Finding; rect: DOMRect } | null {
    let best: { finding: Finding; rect: DOMRect } | null = null;
    for (const { finding, rects } of this.findingRects()) {
      for (const rect of rects) {
        if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 3) {
          if (!best || PRIORITY[finding.category] < PRIORITY[best.finding.category]) best = { finding, rect };
        }
      }
    }
    return best;
  }

  get errorCount(): number {
    return this.snapshot.findings.filter((f) => f.severity === 'error').length;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.el.removeEventListener('input', this.onInput);
    this.el.removeEventListener('compositionend', this.onInput);
    this.el.removeEventListener('scroll', this.invalidateRects);
    window.removeEventListener('resize', this.invalidateRects);
    window.removeEventListener('scroll', this.invalidateRects, { capture: true });
    setEditorHighlights(this, null);
    this.snapshot = { ...this.snapshot, findings: [] };
    this.emit();
    this.listeners.clear();
  }
}
