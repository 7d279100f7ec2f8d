import { getPreset } from '../checks/presets';
import type { AppDB } from '../store/db';
import {
  countPosts,
  findPage,
  getSettings,
  listPages,
  type PageQuota,
  type QuotaOverview,
  type StoredPage,
  type StoredPost,
  type WeekCount,
} from '../store/queries';
import type { Network, OfficialPage } from '../store/schema';
import { pageRefKey, type Settings } from '../store/settings';
import { lastWeeks, type QuotaStatus, quotaStatus, resolveTimeZone, weekRange } from './weeks';

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
const LATER_SHOWN = 20;

/**
 * Everything the «Неделя» tab shows: every page's status, n-week history, this week's posts, later posts.
 * Same numbers as `quotaOverview` (queries.ts), but with one range read of the posts of those weeks bucketed
 * in memory instead of pages × weeks `count()` requests: in Chromium each IndexedDB request is a round trip
 * to the browser process, and 160 of them cost more than reading a few thousand small records at once.
 */
export async function weekView(db: AppDB, options: { at?: number; weeks?: number } = {}): Promise<WeekView> {
  const at = options.at ?? Date.now();
  return db.transaction('r', db.pages, db.posts, db.settings, async () => {
    const [settings, pages] = await Promise.all([getSettings(db), listPages(db)]);
    const tz = resolveTimeZone(settings.timeZone);
    const weeks = lastWeeks(at, tz, Math.max(1, options.weeks ?? 8));
    const week = weeks.at(-1)!;
    const all = (await db.posts
      .where('publishedAt')
      .between(weeks[0]!.start, week.end + YEAR, true, false)
      .raw()
      .toArray()) as StoredPost[];
    const byPage = new Map<number, { counts: number[]; posts: StoredPost[]; later: StoredPost[] }>();
    for (const p of pages) byPage.set(p.id, { counts: weeks.map(() => 0), posts: [], later: [] });
    for (const post of all) {
      const b = byPage.get(post.pageId);
      if (!b) continue;
      if (post.publishedAt >= week.end) {
        b.later.push(post);
        continue;
      }
      for (let i = weeks.length - 1; i >= 0; i--) {
        if (post.publishedAt >= weeks[i]!.start) {
          b.counts[i]!++;
          if (i === weeks.length - 1) b.posts.push(post);
          break;
        }
      }
    }
    return {
      at,
      tz,
      weeks,
      pages: pages.map((page) => {
        const b = byPage.get(page.id)!;
        const history: WeekCount[] = weeks.map((w, i) => ({
          start: w.start,
          end: w.end,
          key: w.key,
          count: b.counts[i]!,
        }));
        const quota = quotaForPage(settings, page);
        const status = quotaStatus({ count: history.at(-1)!.count, quota, at, tz });
        const posts = b.posts.sort((x, y) => y.publishedAt - x.publishedAt || y.id - x.id);
        const later = b.later.sort((x, y) => x.publishedAt - y.publishedAt || x.id - y.id).slice(0, LATER_SHOWN);
        return { page, quota, status, history, posts, later };
      }),
    };
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
