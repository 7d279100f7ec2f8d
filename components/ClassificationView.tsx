import type { TabState } from '@/lib/store/schema';
import { describeClassification } from './labels';

/** One classified box: what it is and where. Text only, never HTML. */
export function ClassificationView({ state, testId }: { state: TabState | null; testId: string }) {
  if (!state) {
    return (
      <p className="muted" data-testid={testId}>
        Пока ни одного поля ввода на страницах VK и OK.
      </p>
    );
  }
  return (
    <div className="card" data-testid={testId}>
      <div data-testid={`${testId}-text`}>{describeClassification(state.classification)}</div>
      <div className="muted small">
        {new URL(state.url).host}
        {new URL(state.url).pathname} · {new Date(state.at).toLocaleTimeString('ru-RU')}
      </div>
    </div>
  );
}
