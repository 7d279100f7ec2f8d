import { Component, type ErrorInfo, type ReactNode } from 'react';

class SectionBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Options section failed', error, info.componentStack);
  }
  override render() {
    if (this.state.failed) {
      return (
        <p className="opt-note opt-note-error" role="alert">
          Этот раздел не удалось показать. Обновите страницу; остальные разделы и ваши данные в порядке.
        </p>
      );
    }
    return this.props.children;
  }
}

/** One anchored card of the options page; a failure inside it does not take the other sections down. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="opt-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <SectionBoundary>{children}</SectionBoundary>
    </section>
  );
}
