import type { Preset } from '@/lib/checks/types';
import { humanClause, summaryRows } from './presets-view';

/** The values of a preset with the clause of the regulation each one comes from. */
export function PresetSummary({ preset, showClauses = true }: { preset: Preset; showClauses?: boolean }) {
  return (
    <dl className="opt-summary" data-testid={`preset-summary-${preset.id}`}>
      {summaryRows(preset).map((r) => (
        <div key={r.key} className="opt-summary-row">
          <dt>{r.label}</dt>
          <dd>
            <span className="opt-summary-value">{r.value}</span>
            {showClauses && r.clause && (
              <span className={r.ownDefault ? 'opt-clause opt-clause-default' : 'opt-clause'}>
                {r.ownDefault ? 'Значение по умолчанию: ' : 'Основание: '}
                {humanClause(
                  r.ownDefault ? r.clause.replace(/^наше значение по умолчанию:?\s*/, '') : r.clause,
                  preset.id,
                )}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
