import type { Finding } from '@/lib/checks/types';

/**
 * Re-maps findings computed for `oldText` onto `newText` after the admin kept typing: one edited
 * region (common prefix/suffix); findings before it stay, findings after it shift, findings that
 * touch it are dropped until the next check.
 */
export function remapFindings(findings: readonly Finding[], oldText: string, newText: string): Finding[] {
  if (oldText === newText) return findings.slice();
  let p = 0;
  const max = Math.min(oldText.length, newText.length);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const oldEnd = oldText.length - s;
  const delta = newText.length - oldText.length;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.end <= p && !(f.end === p && f.start === p)) out.push(f);
    else if (f.start >= oldEnd && f.start > p) out.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return out;
}
