/** Test helper for the style checks: a context with the «свой профиль» defaults (tests only). */
import { getPreset } from './presets';
import type { Mode, Preset, RuleContext } from './types';

export function styleCtx(text: string, mode: Mode = 'post', preset: Preset = getPreset('custom')): RuleContext {
  return { text, mode, preset, userWords: new Set() };
}
