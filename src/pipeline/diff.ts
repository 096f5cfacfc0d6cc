/**
 * `entente diff A B`: compares two score report folders — per pair-year the change of the
 * index (`diff.csv` when asked), the largest movers, the config keys and the inputs that
 * differ. Reads each `alignment.csv` as a stream and keeps one report's index in memory.
 * @module
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../domain/errors.js';
import { indexHeader, withCsvRows } from '../format/read-csv.js';
import { formatFixed } from '../format/format-number.js';
import { configDifferences, indexChanges, inputDifferences, largestMovers, type DiffRow, type DiffSource, type IndexChange, type InputDifference, type KeyDifference } from '../analysis/report-diff.js';

/** Options of {@link runDiff}. */
export interface DiffOptions {
  /** Write every changed pair-year here (CSV). */
  readonly csv?: string | undefined;
  /** Replace an existing CSV file. */
  readonly force?: boolean | undefined;
  /** How many of the largest movers to return. */
  readonly movers?: number | undefined;
}

/** What differs between two reports. */
export interface DiffResult {
  readonly a: string;
  readonly b: string;
  /** Pair-years in A and in B. */
  readonly rowsA: number;
  readonly rowsB: number;
  readonly changes: readonly IndexChange[];
  readonly movers: readonly IndexChange[];
  readonly config: readonly KeyDifference[];
  readonly inputs: readonly InputDifference[];
  readonly csv: string | null;
}

/** The columns of `diff.csv`. */
export const DIFF_COLUMNS = ['state_a', 'state_b', 'year', 'index_a', 'index_b', 'change', 'status'] as const;

/**
 * Compares the score reports in folders `a` and `b`.
 * @throws {UsageError} when a folder holds no score report.
 * @throws {InputError} for a malformed `alignment.csv`.
 * @example const d = await runDiff('reports/before', 'reports/after'); d.changes.length // pair-years that moved
 */
export async function runDiff(a: string, b: string, o: DiffOptions = {}): Promise<DiffResult> {
  const [pa, pb] = [readPackage(a), readPackage(b)];
  if (o.csv !== undefined) checkCsvTarget(o.csv, [a, b], o.force === true);
  const rowsA = await readIndex(a);
  const rowsB = await readIndex(b);
  const changes = indexChanges(rowsA, rowsB);
  const precision = Math.max(pa.precision, pb.precision);
  let csv: string | null = null;
  if (o.csv !== undefined) {
    const num = (x: number | null) => (x === null ? '' : formatFixed(x, precision));
    const lines = [DIFF_COLUMNS.join(','), ...changes.map((c) => [c.a, c.b, c.year, num(c.indexA), num(c.indexB), num(c.change), c.status].join(','))];
    csv = path.resolve(o.csv);
    const tmp = `${csv}.tmp-${process.pid}`;
    writeFileSync(tmp, lines.join('\n') + '\n');
    renameSync(tmp, csv);
  }
  return {
    a: path.resolve(a),
    b: path.resolve(b),
    rowsA: rowsA.length,
    rowsB: rowsB.length,
    changes,
    movers: largestMovers(changes, o.movers ?? 10),
    config: configDifferences(pa.config, pb.config),
    inputs: inputDifferences(pa.sources, pb.sources),
    csv,
  };
}

interface PackageFacts {
  readonly config: unknown;
  readonly sources: DiffSource[];
  readonly precision: number;
}

function readPackage(dir: string): PackageFacts {
  const file = path.join(dir, 'datapackage.json');
  let pkg: { sources?: DiffSource[]; entente?: { config?: { as_used?: { precision?: number } } } };
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8')) as typeof pkg;
  } catch {
    throw new UsageError(`${path.resolve(dir)} holds no readable datapackage.json: give two report folders made by \`entente score\``);
  }
  if (!existsSync(path.join(dir, 'alignment.csv'))) throw new UsageError(`${path.resolve(dir)} has no alignment.csv: give two score report folders`);
  const used = pkg.entente?.config?.as_used;
  return { config: used ?? null, sources: pkg.sources ?? [], precision: typeof used?.precision === 'number' ? used.precision : 6 };
}

/** Every row of a report's `alignment.csv`: pair-year and index (null when empty). */
async function readIndex(dir: string): Promise<DiffRow[]> {
  const file = path.join(dir, 'alignment.csv');
  return withCsvRows(file, async (rows) => {
    const head = await rows.next();
    const h = indexHeader(file, head.done ? undefined : head.value, ['state_a', 'state_b', 'year', 'index']);
    const [ia, ib, iy, ii] = ['state_a', 'state_b', 'year', 'index'].map((c) => h.at.get(c)!) as [number, number, number, number];
    const out: DiffRow[] = [];
    for await (const r of rows) {
      const cell = r.cells[ii] ?? '';
      const index = cell === '' ? null : Number(cell);
      const year = Number(r.cells[iy]);
      if ((index !== null && !Number.isFinite(index)) || !Number.isInteger(year)) {
        throw new InputError([{ file, line: r.line, message: `not a row of an Entente report (year "${r.cells[iy]}", index "${cell}"); diff compares the alignment.csv of two reports` }]);
      }
      out.push({ a: r.cells[ia]!, b: r.cells[ib]!, year, index });
    }
    return out;
  });
}

/** Refuses a CSV path inside one of the report folders, a folder, or an existing file without `force`. */
function checkCsvTarget(file: string, folders: readonly string[], force: boolean): void {
  const abs = path.resolve(file);
  for (const f of folders) {
    const rel = path.relative(path.resolve(f), abs);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) throw new UsageError(`--csv ${file}: inside the report folder ${path.resolve(f)} (report folders hold only what Entente wrote there); write it elsewhere`);
  }
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) throw new UsageError(`--csv ${file}: is a folder; give a file name, e.g. --csv diff.csv`);
  if (!force) throw new UsageError(`--csv ${file}: the file exists; pass --force to replace it, or give another name`);
  rmSync(`${abs}.tmp-${process.pid}`, { force: true });
}
