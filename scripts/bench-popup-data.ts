/**
 * Benchmark of the popup's quota data: N pages × M posts in a fake IndexedDB, then times
 * `quotaOverview` (every page's current-week status + an 8-week chart).
 *
 *   npx tsx scripts/bench-popup-data.ts [--pages 20] [--posts 10000] [--span-weeks 52] [--runs 15]
 *
 * `--span-weeks` spreads each page's posts evenly over that many weeks before now (52 → ~27 posts a
 * day, ~1,500 of them inside the chart window); `--span-weeks 8` puts all of them in the window.
 * Also times the rejected alternative (one `keys()` scan per page over the 8 weeks) with --compare.
 * Target: popup data for 20 pages × 10,000 posts in ≤ 200 ms.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { lastWeeks } from '../lib/quota/weeks.ts';
import { AppDB } from '../lib/store/db.ts';
import { countPosts, makeDedupeKey, quotaOverview } from '../lib/store/queries.ts';
import type { PostRecord } from '../lib/store/schema.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '20' },
    posts: { type: 'string', default: '10000' },
    'span-weeks': { type: 'string', default: '52' },
    runs: { type: 'string', default: '15' },
    compare: { type: 'boolean', default: false },
  },
});
const PAGES = Number(values.pages);
const POSTS = Number(values.posts);
const SPAN_WEEKS = Number(values['span-weeks']);
const RUNS = Number(values.runs);
const TZ = 'Europe/Moscow';
const NOW = Date.parse('2026-12-03T15:00:00+03:00');
const WEEK = 7 * 86_400_000;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { median: q(0.5), p95: q(0.95), min: s[0]!, max: s.at(-1)! };
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function time(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const r = stats(samples);
  console.log(
    `${label.padEnd(44)} median ${fmt(r.median)}  p95 ${fmt(r.p95)}  (min ${fmt(r.min)}, max ${fmt(r.max)}, ${RUNS} runs)`,
  );
  return r;
}

async function main() {
  const db = new AppDB(`bench-${Date.now()}`);
  await db.open();

  const t0 = performance.now();
  const pageIds: number[] = [];
  for (let p = 0; p < PAGES; p++) {
    pageIds.push(
      (await db.pages.add({
        network: p % 2 ? 'ok' : 'vk',
        communityId: String(100_000 + p),
        address: `https://vk.com/club${100_000 + p}`,
        name: `Администрация поселения № ${p + 1}`,
        presetId: 'tomsk',
        organization: '',
        phone: '',
        site: '',
        responsible: { name: '', post: '', phone: '', email: '' },
        addedAt: NOW - SPAN_WEEKS * WEEK,
        addressHistory: [],
      })) as number,
    );
  }
  const step = (SPAN_WEEKS * WEEK) / POSTS;
  for (const pageId of pageIds) {
    const batch: PostRecord[] = [];
    for (let i = 0; i < POSTS; i++) {
      const publishedAt = Math.round(NOW - i * step - pageId * 1000);
      const textHash = (pageId * 1_000_003 + i).toString(16).padStart(64, '0');
      const postId = `-${100_000 + pageId}_${i + 1}`;
      batch.push({
        pageId,
        publishedAt,
        excerpt: `Пост ${i + 1}: уважаемые жители, сообщаем о плановом отключении воды на улице Ленина.`,
        textHash,
        postId,
        source: 'detected',
        dedupeKey: makeDedupeKey({ pageId, postId, textHash, publishedAt }),
      });
    }
    await db.posts.bulkAdd(batch);
  }
  const fillMs = performance.now() - t0;
  const total = await db.posts.count();
  const weeks = lastWeeks(NOW, TZ, 8);
  const inWindow = await db.posts
    .where('[pageId+publishedAt]')
    .between([pageIds[0]!, weeks[0]!.start], [pageIds[0]!, weeks.at(-1)!.end], true, false)
    .count();
  console.log(
    `Filled ${PAGES} pages × ${POSTS} posts = ${total} records over ${SPAN_WEEKS} weeks in ${(fillMs / 1000).toFixed(1)} s; ` +
      `${inWindow} posts per page inside the 8-week window.`,
  );

  const quotaFor = () => 3;
  const cold0 = performance.now();
  const overview = await quotaOverview(db, { at: NOW, tz: TZ, quotaFor });
  console.log(`quotaOverview, first call                     ${fmt(performance.now() - cold0)}`);
  const first = overview.pages[0]!;
  console.log(
    `  e.g. «${first.page.name}»: ${first.status.label}, pace ${first.status.pace}; chart ${first.history.map((w) => w.count).join(' ')}`,
  );

  const main = await time('quotaOverview (all pages, 8 weeks)', () => quotaOverview(db, { at: NOW, tz: TZ, quotaFor }));
  await time('  of which: 8 × count() per page', () =>
    db.transaction('r', db.posts, () =>
      Promise.all(pageIds.flatMap((id) => weeks.map((w) => countPosts(db, id, w.start, w.end)))),
    ),
  );
  if (values.compare) {
    await time('rejected: one keys() scan per page', () =>
      db.transaction('r', db.posts, () =>
        Promise.all(
          pageIds.map((id) =>
            db.posts
              .where('[pageId+publishedAt]')
              .between([id, weeks[0]!.start], [id, weeks.at(-1)!.end], true, false)
              .keys(),
          ),
        ),
      ),
    );
  }

  console.log(main.median <= 200 ? 'OK: median within the 200 ms target.' : 'SLOW: median above the 200 ms target.');
  db.close();
  await db.delete();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
