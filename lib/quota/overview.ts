import { getPreset } from '../checks/presets';
import type { AppDB } from '../store/db';
import {
  countPosts,
  findPage,
  getSettings,
  type PageQuota,
  postsInRange,
  type QuotaOverview,
  quotaOverview,
  type StoredPage,
  type StoredPost,
} from '../store/queries';
import type { Network, OfficialPage } from '../store/schema';
import { pageRefKey, type Settings } from '../store/settings';
import { type QuotaStatus, quotaStatus, resolveTimeZone, weekRange } from './weeks';

/**
 * Reads of the weekly quota for the popup («Неделя») and the toolbar badge. Only Dexie calls, so the
 * popup can wrap `weekView` in `liveQuery`.
 */

/** Posts a week the page must publish: its own preset choice, else the registry's preset (custom → the user's). */
export function quotaForPage(settings: Pick<Settings, 'presetByPage' | 'customPreset'>, page: OfficialPage): number {
  const id = settings.presetByPage[pageRefKey(page.network, page.communityId)] ?? page.presetId;
  if (id === 'custom' && settings.customPreset) return settings.customPreset.weeklyQuota;
  return getPreset(id).weeklyQuota;
}

export interface PageWeek extends PageQuota {
  /** This week's posts, newest first. */
  posts: StoredPost[];
  /** Scheduled posts after this week (OK «Время публикации»), soonest first. */
  later: StoredPost[];
}

export interface WeekView extends Omit<QuotaOverview, 'pages'> {
  pages: PageWeek[];
}

const YEAR = 366 * 24 * 3600_000;

/** Everything the «Неделя» tab shows: every page's status, 8-week history, this week's posts, later posts. */
export async function weekView(db: AppDB, options: { at?: number; weeks?: number } = {}): Promise<WeekView> {
  const at = options.at ?? Date.now();
  return db.transaction('r', db.pages, db.posts, db.settings, async () => {
    const settings = await getSettings(db);
    const tz = resolveTimeZone(settings.timeZone);
    const ov = await quotaOverview(db, {
      quotaFor: (page) => quotaForPage(settings, page),
      at,
      tz,
      weeks: options.weeks ?? 8,
    });
    const week = ov.weeks.at(-1)!;
    const [posts, later] = await Promise.all([
      Promise.all(ov.pages.map((p) => postsInRange(db, p.page.id, week.start, week.end, { newestFirst: true }))),
      Promise.all(ov.pages.map((p) => postsInRange(db, p.page.id, week.end, week.end + YEAR, { limit: 20 }))),
    ]);
    return { ...ov, pages: ov.pages.map((p, i) => ({ ...p, posts: posts[i]!, later: later[i]! })) };
  });
}

/** This week's status of a registered page, or null when the page is not in the registry. */
export async function pageWeekStatus(
  db: AppDB,
  network: Network,
  communityId: string,
  at: number = Date.now(),
): Promise<{ page: StoredPage; status: QuotaStatus } | null> {
  if (!communityId) return null;
  return db.transaction('r', db.pages, db.posts, db.settings, async () => {
    const page = await findPage(db, network, communityId);
    if (!page) return null;
    const settings = await getSettings(db);
    const tz = resolveTimeZone(settings.timeZone);
    const week = weekRange(at, tz);
    const count = await countPosts(db, page.id, week.start, week.end);
    return { page, status: quotaStatus({ count, quota: quotaForPage(settings, page), at, tz }) };
  });
}

export type Pace = QuotaStatus['pace'];

/** Colours of the pace (badge background, popup bar). */
export const PACE_COLORS: Record<Pace, string> = { green: '#1a7f37', amber: '#b35900', red: '#cf222e' };

/** The toolbar badge for a page: the number of posts still needed this week; empty when done or unknown. */
export function badgeFor(status: QuotaStatus | null): { text: string; color: string } {
  if (!status || status.remaining === 0) return { text: '', color: PACE_COLORS.green };
  return { text: String(status.remaining), color: PACE_COLORS[status.pace] };
}
