/**
 * What differs between two score reports, pure: per pair-year the change of the index, the
 * largest movers, the config keys whose values differ, and the inputs that differ.
 * @module
 */

/** The index of one pair-year in a report: null when the row has no index (coverage too low). */
export type IndexCell = number | null;

/** How a pair-year differs between report A and report B. */
export type DiffStatus = 'changed' | 'gained_index' | 'lost_index' | 'only_a' | 'only_b';

/** One pair-year whose index differs. */
export interface IndexChange {
  readonly a: string;
  readonly b: string;
  readonly year: number;
  /** Index in A and B (null: no index, or no row). */
  readonly indexA: IndexCell;
  readonly indexB: IndexCell;
  /** indexB − indexA when both have one, else null. */
  readonly change: number | null;
  readonly status: DiffStatus;
}

/** A pair-year row of a report: its presence and index. */
export interface DiffRow {
  readonly a: string;
  readonly b: string;
  readonly year: number;
  readonly index: IndexCell;
}

/**
 * The pair-years whose index differs between A and B (a value that changed, an index gained
 * or lost, a row in one report only), in (state_a, state_b, year) order. Equal values — both
 * missing, or the same number — are not listed.
 * @example indexChanges([{ a: 'IRN', b: 'RUS', year: 2016, index: 60 }], [{ a: 'IRN', b: 'RUS', year: 2016, index: 62.5 }])
 * // [{ a: 'IRN', b: 'RUS', year: 2016, indexA: 60, indexB: 62.5, change: 2.5, status: 'changed' }]
 */
export function indexChanges(rowsA: Iterable<DiffRow>, rowsB: Iterable<DiffRow>): IndexChange[] {
  const key = (r: DiffRow) => `${r.a},${r.b},${String(r.year).padStart(4, '0')}`;
  const inA = new Map<string, DiffRow>();
  for (const r of rowsA) inA.set(key(r), r);
  const out: (IndexChange & { k: string })[] = [];
  const seen = new Set<string>();
  for (const r of rowsB) {
    const k = key(r);
    seen.add(k);
    const x = inA.get(k);
    if (x === undefined) {
      out.push({ k, a: r.a, b: r.b, year: r.year, indexA: null, indexB: r.index, change: null, status: 'only_b' });
      continue;
    }
    if (x.index === r.index) continue;
    const status: DiffStatus = x.index === null ? 'gained_index' : r.index === null ? 'lost_index' : 'changed';
    out.push({ k, a: r.a, b: r.b, year: r.year, indexA: x.index, indexB: r.index, change: x.index !== null && r.index !== null ? r.index - x.index : null, status });
  }
  for (const [k, x] of inA) if (!seen.has(k)) out.push({ k, a: x.a, b: x.b, year: x.year, indexA: x.index, indexB: null, change: null, status: 'only_a' });
  out.sort((p, q) => (p.k < q.k ? -1 : p.k > q.k ? 1 : 0));
  return out.map(({ k: _k, ...c }) => c);
}

/**
 * The `n` largest changes of the index by size (ties by pair-year), rises and falls together.
 * @example largestMovers(changes, 10)[0].change // e.g. -12.5
 */
export function largestMovers(changes: readonly IndexChange[], n: number): IndexChange[] {
  return changes
    .filter((c) => c.change !== null && c.change !== 0)
    .map((c, i) => [c, i] as const)
    .sort(([p, i], [q, j]) => Math.abs(q.change!) - Math.abs(p.change!) || i - j)
    .slice(0, n)
    .map(([c]) => c);
}

/** A config key whose value differs: its dotted path and both values (undefined when absent). */
export interface KeyDifference {
  readonly key: string;
  readonly a: unknown;
  readonly b: unknown;
}

/**
 * The leaves (dotted paths) where two JSON values differ; arrays are compared whole.
 * @example configDifferences({ indicators: { un: { weight: 0.4 } } }, { indicators: { un: { weight: 0.5 } } })
 * // [{ key: 'indicators.un.weight', a: 0.4, b: 0.5 }]
 */
export function configDifferences(a: unknown, b: unknown, prefix = ''): KeyDifference[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => configDifferences(a[k], b[k], prefix === '' ? k : `${prefix}.${k}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ key: prefix === '' ? '(whole config)' : prefix, a, b }];
}

/** An input file as a report lists it under `sources`. */
export interface DiffSource {
  readonly title: string;
  readonly path: string;
  readonly sha256: string;
}

/** An input that differs: by its role (`title`), its path and hash in A and B (null when absent). */
export interface InputDifference {
  readonly title: string;
  readonly a: { readonly path: string; readonly sha256: string } | null;
  readonly b: { readonly path: string; readonly sha256: string } | null;
}

/**
 * The inputs (by role) whose file or bytes differ between two reports, or that one report lacks.
 * @example inputDifferences([{ title: 'un: votes', path: 'a.csv', sha256: 'x' }], [{ title: 'un: votes', path: 'a.csv', sha256: 'y' }]).length // 1
 */
export function inputDifferences(a: readonly DiffSource[], b: readonly DiffSource[]): InputDifference[] {
  const byTitle = (xs: readonly DiffSource[]) => new Map(xs.map((s) => [s.title, { path: s.path, sha256: s.sha256 }]));
  const ma = byTitle(a);
  const mb = byTitle(b);
  const titles = [...new Set([...ma.keys(), ...mb.keys()])];
  return titles
    .map((t) => ({ title: t, a: ma.get(t) ?? null, b: mb.get(t) ?? null }))
    .filter((d) => d.a === null || d.b === null || d.a.sha256 !== d.b.sha256 || d.a.path !== d.b.path);
}
