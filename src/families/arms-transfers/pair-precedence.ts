import type { Iso3 } from '../../domain/country.js';
import type { ArmsFlows } from './flows.js';
import { pairKey, unpackPair } from './pair-key.js';

/**
 * A supplier → recipient TIV table by year, resolved to states: pair → year → TIV, and the
 * supplier-years the table reports on (those with a `Total exports from …` row).
 */
export interface PairTable {
  readonly values: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** `${supplier}:${year}` for every supplier-year the table has a total for. */
  readonly supplierYears: ReadonlySet<string>;
}

/** Names accepted by the `pair_precedence:` option. */
export type PairPrecedenceName = 'listed' | 'supplier_year';

/** Counts of what a pair table changed. */
export interface PrecedenceStats {
  /** Pair-years whose register value the table replaced. */
  readonly replaced: number;
  /** Register pair-years set to 0 because the table reports the supplier-year without them. */
  readonly zeroed: number;
  /** Register TIV of the replaced and zeroed pair-years. */
  readonly registerTiv: number;
  /** Table TIV put in their place. */
  readonly tableTiv: number;
}

/** One precedence rule: which register pair-years of the table's years it overrides. */
export interface PairPrecedence {
  readonly description: string;
  /** Register pair-years (pair key, year) the table sets to 0 when it does not list them. */
  zeroes(flows: ArmsFlows, table: PairTable): readonly (readonly [number, number])[];
}

/**
 * The precedence rules by name. Both replace a register value with the table's value for
 * every supplier → recipient-year the table lists (SIPRI's yearly figures come from actual
 * annual deliveries, the register's from the allocation rule).
 * - `listed` (default): only the pair-years the table lists change.
 * - `supplier_year`: for every supplier-year the table reports (it has the supplier's
 *   `Total exports from …` row), the table is complete: register pair-years of that supplier
 *   and year that the table does not list become 0.
 */
export const PAIR_PRECEDENCES: Readonly<Record<PairPrecedenceName, PairPrecedence>> = {
  listed: {
    description: 'pair table values replace the register allocation for the pair-years it lists',
    zeroes: () => [],
  },
  supplier_year: {
    description: 'pair table values replace the register allocation for every supplier-year the table reports; unlisted recipients become 0',
    zeroes: (flows, table) => {
      const out: [number, number][] = [];
      for (const [key, series] of flows.pairs.entries()) {
        const { supplier } = unpackPair(key);
        for (let i = 0; i < series.length; i++) {
          const year = flows.pairs.from + i;
          if (series[i] === 0 || !table.supplierYears.has(`${supplier}:${year}`)) continue;
          if (table.values.get(key)?.has(year)) continue;
          out.push([key, year]);
        }
      }
      return out;
    },
  },
};

/** Every precedence name, for the options schema. */
export const PAIR_PRECEDENCE_NAMES = Object.keys(PAIR_PRECEDENCES) as PairPrecedenceName[];

/**
 * Gives a pair table precedence over the register's allocation: F_{s→r,t} := table_{s→r,t}
 * for the pair-years the rule covers; the recipient's imports and the supplier's exports of
 * that year move by the same difference, so totals stay consistent. Mutates `flows` (the
 * working panels of one computation). Years outside the flows' range are ignored.
 * @example applyPairPrecedence(flows, table, 'listed') // Russia→Iran 2024: 31.5 (even split) → 42
 */
export function applyPairPrecedence(flows: ArmsFlows, table: PairTable, rule: PairPrecedenceName): PrecedenceStats {
  let replaced = 0;
  let zeroed = 0;
  let registerTiv = 0;
  let tableTiv = 0;
  const setPair = (key: number, year: number, value: number): void => {
    const old = flows.pairs.get(key, year);
    const { supplier, recipient } = unpackPair(key);
    flows.pairs.set(key, year, value);
    flows.imports.add(recipient, year, value - old);
    flows.exports.add(supplier, year, value - old);
    registerTiv += old;
    tableTiv += value;
  };
  for (const [key, year] of PAIR_PRECEDENCES[rule].zeroes(flows, table)) {
    setPair(key, year, 0);
    zeroed++;
  }
  const keys = [...table.values.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    for (const [year, value] of table.values.get(key)!) {
      if (!flows.pairs.covers(year)) continue;
      setPair(key, year, value);
      replaced++;
    }
  }
  return { replaced, zeroed, registerTiv, tableTiv };
}

/**
 * Builds a {@link PairTable} from resolved rows; rows resolving to the same pair-year (e.g.
 * `Soviet Union` and `Russia` both → RUS) are summed.
 * @example pairTableOf([{ supplier: 'RUS', recipient: 'IRN', year: 2024, value: 42 }], [{ supplier: 'RUS', year: 2024 }])
 */
export function pairTableOf(
  rows: readonly { readonly supplier: Iso3; readonly recipient: Iso3; readonly year: number; readonly value: number }[],
  totals: readonly { readonly supplier: Iso3; readonly year: number }[],
): PairTable {
  const values = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const k = pairKey(r.supplier, r.recipient);
    let m = values.get(k);
    if (!m) values.set(k, (m = new Map()));
    m.set(r.year, (m.get(r.year) ?? 0) + r.value);
  }
  return { values, supplierYears: new Set(totals.map((t) => `${t.supplier}:${t.year}`)) };
}
