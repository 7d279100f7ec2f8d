import { formatNumberRu, formatWeek } from '@/lib/quota/time';
import { type Pace, pluralRu, type QuotaStatus } from '@/lib/quota/weeks';

/** Russian texts of the «Неделя» tab. Pure, unit-tested. */

export const posts = (n: number) => `${n} ${pluralRu(n, 'пост', 'поста', 'постов')}`;
export const days = (n: number) => `${n} ${pluralRu(n, 'день', 'дня', 'дней')}`;

export const PACE_LABELS: Record<Pace, string> = {
  green: 'В графике',
  amber: 'Отстаёте',
  red: 'Под угрозой',
};

/**
 * What the remaining days ask for: «по 1 посту в день», «примерно по 1,5 поста в день», and below one a day
 * «примерно раз в 3 дня» (rounded down, so the advice is never too slow).
 */
export function perDayLabel(perDay: number): string {
  if (!(perDay > 0)) return '';
  if (perDay >= 1) {
    if (Number.isInteger(perDay)) return `по ${perDay} ${pluralRu(perDay, 'посту', 'поста', 'постов')} в день`;
    return `примерно по ${formatNumberRu(perDay)} поста в день`;
  }
  const every = Math.max(1, Math.floor(1 / perDay));
  return every === 1 ? 'по 1 посту в день' : `примерно раз в ${every} ${pluralRu(every, 'день', 'дня', 'дней')}`;
}

/** «Осталось 3 дня (с сегодняшним), нужно ещё 2 поста: примерно по 1 посту в день». */
export function needLabel(s: Pick<QuotaStatus, 'remaining' | 'daysLeft' | 'perDay' | 'quota'>): string {
  if (s.quota === 0) return 'Норма на неделю не задана';
  if (s.remaining === 0) return 'Норма недели выполнена';
  const left = s.daysLeft === 1 ? 'Сегодня последний день недели' : `Осталось ${days(s.daysLeft)} (с сегодняшним)`;
  return `${left}, нужно ещё ${posts(s.remaining)}: ${perDayLabel(s.perDay)}`;
}

/** Accessible text of the 8-week chart: «Посты по неделям (норма 3): 5 окт. – 11 окт.: 3; …; эта неделя: 1». */
export function chartLabel(
  history: readonly { start: number; end: number; count: number }[],
  quota: number,
  tz: string,
): string {
  const parts = history.map((w, i) =>
    i === history.length - 1 ? `эта неделя: ${w.count}` : `${formatWeek(w, tz)}: ${w.count}`,
  );
  return `Посты по неделям (норма ${quota}): ${parts.join('; ')}`;
}
