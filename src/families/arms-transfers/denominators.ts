import type { Iso3 } from '../../domain/country.js';
import type { ArmsFlows } from './flows.js';
import { unpackPair } from './pair-key.js';
import { YearPanel } from './year-panel.js';

/**
 * A SIPRI importer or exporter table resolved to states: state → year → total TIV, and the
 * years the table covers (inside them a state without a value received or delivered nothing).
 */
export interface TotalsTable {
  readonly values: ReadonlyMap<Iso3, ReadonlyMap<number, number>>;
  readonly coveredYears: ReadonlySet<number>;
}

/** The denominators of a share measure and how often the table had to be raised. */
export interface Denominators {
  readonly totals: YearPanel<Iso3>;
  /** State-years where the table's total was below the sum of the register's flows (the sum was used). */
  readonly raised: number;
}

/**
 * The totals a share divides by: each state's imports (`side: 'recipient'`) or exports
 * (`side: 'supplier'`) per year. From the register by default (all deliveries, including from
 * or to non-state parties); where a SIPRI importer/exporter table is given, its value for the
 * years it covers — but never less than the sum of the state → state flows, so that a share
 * stays in [0, 1] despite the table's rounding or the allocation rule:
 * D_{x,t} = max(table_{x,t}, Σ_y F_{x,y,t}) inside the table's years, register total elsewhere.
 * @example denominators(flows, 'recipient', importerTable).totals.get('IRN', 2016) // 413
 */
export function denominators(flows: ArmsFlows, side: 'recipient' | 'supplier', table: TotalsTable | null): Denominators {
  const register = side === 'recipient' ? flows.imports : flows.exports;
  if (table === null) return { totals: register, raised: 0 };
  const stateSums = new YearPanel<Iso3>(register.from, register.to);
  for (const [key, series] of flows.pairs.entries()) {
    const p = unpackPair(key);
    const s = stateSums.series(side === 'recipient' ? p.recipient : p.supplier);
    for (let i = 0; i < series.length; i++) s[i]! += series[i]!;
  }
  const out = new YearPanel<Iso3>(register.from, register.to);
  let raised = 0;
  for (const [state, reg] of register.entries()) {
    const sums = stateSums.peek(state);
    const t = table.values.get(state);
    const s = new Float64Array(reg.length);
    for (let i = 0; i < reg.length; i++) {
      const year = register.from + i;
      if (!table.coveredYears.has(year)) {
        s[i] = reg[i]!;
        continue;
      }
      const tv = t?.get(year) ?? 0;
      const sum = sums?.[i] ?? 0;
      if (sum - tv > 1e-9) raised++;
      s[i] = Math.max(tv, sum);
    }
    out.put(state, s);
  }
  return { totals: out, raised };
}
