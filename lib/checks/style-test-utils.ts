/** Test helpers for the style checks: a fixed preset and a context builder (tests only). */
import type { Mode, Preset, RuleContext } from './types';

export const STYLE_TEST_PRESET: Preset = {
  id: 'custom',
  name: 'Тестовый профиль',
  municipality: 'Тестовый район',
  weeklyQuota: 3,
  citationLimit: 2,
  greetingRequired: true,
  kantselyaritSeverity: 'warning',
  pressReleaseSeverity: 'warning',
  replyDeadlineHours: 8,
  urgentReplyDeadlineHours: 4,
  finalReplyWorkingDays: 7,
  clauses: {},
};

export function styleCtx(text: string, mode: Mode = 'post', preset: Preset = STYLE_TEST_PRESET): RuleContext {
  return { text, mode, preset, userWords: new Set() };
}
