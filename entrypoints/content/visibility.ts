/**
 * Whether an editor can be seen: laid out, and not under another layer of the page (e.g. a comment box
 * behind VK's post modal). Our badge and buttons float above everything, so they are drawn only for
 * boxes the admin can see. Off-screen boxes count as visible (their UI scrolls in with them).
 */
export function isUncovered(el: HTMLElement, ownHost: Element | null = null): boolean {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  if (r.bottom < 0 || r.top > window.innerHeight || r.right < 0 || r.left > window.innerWidth) return true;
  const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 40), 0), window.innerWidth - 1);
  const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return !hit || hit === el || el.contains(hit) || hit.contains(el) || hit === ownHost;
}
