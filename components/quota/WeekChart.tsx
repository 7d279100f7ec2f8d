import { formatDay } from '@/lib/quota/time';
import type { WeekCount } from '@/lib/store/queries';
import { chartLabel } from './text';

const W = 300;
const H = 64;
const LABEL = 12;

/** The last weeks as small bars (this week last, highlighted) with the quota as a dashed line. Inline SVG. */
export function WeekChart({ history, quota, tz }: { history: WeekCount[]; quota: number; tz: string }) {
  const max = Math.max(quota, ...history.map((w) => w.count), 1);
  const slot = W / Math.max(history.length, 1);
  const bar = Math.max(4, slot * 0.6);
  const plot = H - LABEL;
  const y = (n: number) => plot - (n / max) * (plot - 4);
  const label = chartLabel(history, quota, tz);
  return (
    <svg
      className="q-chart"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      height={H}
      role="img"
      aria-label={label}
      data-testid="quota-chart"
    >
      <title>{label}</title>
      {history.map((w, i) => {
        const x = i * slot + (slot - bar) / 2;
        const top = y(w.count);
        const current = i === history.length - 1;
        const met = quota > 0 && w.count >= quota;
        return (
          <g key={w.key}>
            <rect
              x={x}
              y={w.count ? top : plot - 1}
              width={bar}
              height={w.count ? plot - top : 1}
              rx={2}
              className={current ? 'q-bar current' : met ? 'q-bar met' : 'q-bar'}
            />
            {w.count > 0 && (
              <text x={x + bar / 2} y={Math.max(9, top - 2)} textAnchor="middle" className="q-bar-n">
                {w.count}
              </text>
            )}
            {(i % 2 === 1 || current) && (
              <text x={x + bar / 2} y={H - 1} textAnchor="middle" className="q-bar-day">
                {current ? 'эта нед.' : formatDay(w.start, tz)}
              </text>
            )}
          </g>
        );
      })}
      {quota > 0 && <line x1={0} x2={W} y1={y(quota)} y2={y(quota)} className="q-quota-line" />}
    </svg>
  );
}
