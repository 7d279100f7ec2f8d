import type { Anchor } from '@/components/checker/Floating';
import type { Finding } from '@/lib/checks/types';
import type { EditorSession } from './session';

export interface CardState {
  session: EditorSession;
  finding: Finding;
  anchor: Anchor;
  pinned: boolean;
}

/** UI state of the in-page checker; React renders it through useSyncExternalStore. */
export class UiStore {
  sessions = new Set<EditorSession>();
  focused: EditorSession | null = null;
  card: CardState | null = null;
  panel: EditorSession | null = null;
  prepublish: { session: EditorSession; button: HTMLElement } | null = null;
  settings = { prePublishWarning: true };
  /** Our shadow-root host (set once mounted). */
  host: Element | null = null;
  private version = 0;
  private listeners = new Set<() => void>();

  readonly subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };
  readonly getVersion = () => this.version;

  changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  add(s: EditorSession): void {
    this.sessions.add(s);
    s.subscribe(() => {
      // a card for a finding that no longer exists closes
      if (this.card?.session === s && !s.state.findings.includes(this.card.finding)) {
        const same = s.state.findings.find(
          (f) => f.rule === this.card?.finding.rule && f.start === this.card.finding.start,
        );
        if (same) this.card = { ...this.card, finding: same };
        else this.card = null;
      }
      this.changed();
    });
    this.changed();
  }

  remove(s: EditorSession): void {
    this.sessions.delete(s);
    if (this.focused === s) this.focused = null;
    if (this.card?.session === s) this.card = null;
    if (this.panel === s) this.panel = null;
    if (this.prepublish?.session === s) this.prepublish = null;
    this.changed();
  }
}
