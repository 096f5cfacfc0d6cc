import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalKey, type Band } from './chart-spec.js';
import { isIso3Shape } from '../../domain/country.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseNumberCell, withCsvRows } from '../../format/read-csv.js';

/**
 * Column pairs that hold an interval of the index in `sensitivity.csv`, tried in order, with
 * what they mean (for the chart's caption). The first pair the header has wins.
 */
export const INDEX_BAND_COLUMNS: readonly { readonly lo: string; readonly hi: string; readonly label: string }[] = [
  { lo: 'index_p05', hi: 'index_p95', label: '5–95 % interval of the index (entente sensitivity)' },
  { lo: 'p05', hi: 'p95', label: '5–95 % interval of the index (entente sensitivity)' },
  { lo: 'index_q05', hi: 'index_q95', label: '5–95 % interval of the index (entente sensitivity)' },
  { lo: 'q05', hi: 'q95', label: '5–95 % interval of the index (entente sensitivity)' },
  { lo: 'index_lo', hi: 'index_hi', label: 'interval of the index (entente sensitivity)' },
  { lo: 'lo', hi: 'hi', label: 'interval of the index (entente sensitivity)' },
];

/** Interval bands read from a report folder, with what they are. */
export interface IntervalBands {
  /** Band by packed canonical pair-year key. */
  readonly bands: Map<number, Band>;
  readonly label: string;
  readonly file: string;
}

/**
 * Reads the index intervals of `sensitivity.csv` in a report folder (written by
 * `entente sensitivity`), when the file exists and was made from the same config (the
 * folder's `datapackage.json` records the config's SHA-256). Returns null otherwise, with
 * the reason given to `note`. Rows with an empty bound are skipped (no band there).
 * @throws {InputError} listing every malformed row.
 * @example const b = await readIntervalBands('reports/sample', config.sha256); b?.bands.size // 2000
 */
export async function readIntervalBands(folder: string, configSha256: string, note: (why: string) => void = () => {}): Promise<IntervalBands | null> {
  const file = path.join(folder, 'sensitivity.csv');
  let pkg: { entente?: { config?: { sha256?: string } } };
  try {
    await access(file);
  } catch {
    return null;
  }
  try {
    pkg = JSON.parse(await readFile(path.join(folder, 'datapackage.json'), 'utf8')) as typeof pkg;
  } catch {
    note(`${file} is not drawn: the folder has no readable datapackage.json to tell which config it came from`);
    return null;
  }
  if (pkg.entente?.config?.sha256 !== configSha256) {
    note(`${file} is not drawn: it was made from another config (run \`entente sensitivity\` again)`);
    return null;
  }
  return withCsvRows(file, async (rows) => {
    const head = await rows.next();
    const header = indexHeader(file, head.done ? undefined : head.value, ['state_a', 'state_b', 'year']);
    const cols = INDEX_BAND_COLUMNS.find((c) => header.at.has(c.lo) && header.at.has(c.hi));
    if (!cols) {
      note(`${file} is not drawn: it has none of the interval columns ${INDEX_BAND_COLUMNS.map((c) => `${c.lo}/${c.hi}`).join(', ')}`);
      return null;
    }
    const at = (name: string) => header.at.get(name)!;
    const problems = new ProblemList(file);
    const bands = new Map<number, Band>();
    for await (const row of rows) {
      if (!checkWidth(problems, row, header.names.length)) continue;
      const a = row.cells[at('state_a')]!.trim();
      const b = row.cells[at('state_b')]!.trim();
      const year = Number(row.cells[at('year')]);
      if (!isIso3Shape(a) || !isIso3Shape(b)) {
        problems.add(row.line, 'state_a', `expected two ISO3 codes, got "${a}" and "${b}"`);
        continue;
      }
      if (!Number.isInteger(year)) {
        problems.add(row.line, 'year', `expected a whole year, got "${row.cells[at('year')]}"`);
        continue;
      }
      const lo = parseNumberCell(row.cells[at(cols.lo)]!);
      const hi = parseNumberCell(row.cells[at(cols.hi)]!);
      if (lo === 'invalid' || hi === 'invalid') {
        problems.add(row.line, lo === 'invalid' ? cols.lo : cols.hi, 'expected a number or an empty cell');
        continue;
      }
      if (lo === null || hi === null) continue;
      bands.set(canonicalKey(a, b, year), { lo: Math.min(lo, hi), hi: Math.max(lo, hi) });
    }
    problems.throwIfAny();
    return { bands, label: cols.label, file };
  });
}
