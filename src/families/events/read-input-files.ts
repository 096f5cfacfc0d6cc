/**
 * The input files of an events source: a path or a glob expanded by DuckDB, each file probed
 * (gzip, Parquet or plain text, by content, never by name), the header of each CSV checked
 * against the format's layout, and the DuckDB `read_csv`/`read_parquet` call that scans them
 * with explicit types and dialect (no sniffing: the same file always reads the same way).
 * @module
 */
import { open } from 'node:fs/promises';
import { InputError, type Problem } from '../../domain/errors.js';
import { checkTextBytes, isGzip, openByteStream } from '../../format/open-text.js';
import { withCsvRows } from '../../format/read-csv.js';
import type { DuckEngine } from './run-duckdb.js';
import type { ColumnType, EventFormat, SourceColumns } from './formats.js';

/** How a file is stored. */
export type FileForm = 'csv' | 'csv-gzip' | 'parquet';

/** One input file: where, how stored, and its columns as the file names them. */
export interface ProbedFile {
  readonly path: string;
  readonly form: FileForm;
  /** Column names in file order (the header, the format's layout, or the Parquet schema). */
  readonly columns: readonly string[];
  /** Column types of a Parquet file (DuckDB's names, e.g. BIGINT); empty for CSV. */
  readonly types?: Readonly<Record<string, string>>;
}

const GLOB = /[*?[]/;
const PAR1 = Buffer.from('PAR1');

/**
 * The files a source path names: itself, or every match of a glob (sorted).
 * @throws {InputError} when a glob matches nothing.
 */
export async function expandPath(engine: DuckEngine, pattern: string): Promise<string[]> {
  if (!GLOB.test(pattern)) return [pattern];
  const rows = await engine.rows(`SELECT file FROM glob('${pattern.split("'").join("''")}') ORDER BY file`);
  const files = rows.map((r) => String(r['file']));
  if (files.length === 0) throw new InputError([{ file: pattern, line: 0, message: 'the pattern matches no file; check the path (relative paths are relative to the config file or data_dir)' }]);
  return files;
}

async function head(path: string, n: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: `cannot read the file: ${(e as Error).message}` }]);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Reads the first chunk of a gzip file, so corrupt gzip and non-text content fail here, located. */
async function checkGzipText(path: string): Promise<void> {
  const stream = await openByteStream(path);
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('data', () => resolve());
      stream.once('end', () => resolve());
      stream.once('error', (e) => reject(e));
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError([{ file: path, line: 0, message: `corrupt gzip data: ${(e as Error).message}; re-download the file` }]);
  } finally {
    stream.destroy();
  }
}

/**
 * Probes one file: its storage form and its columns. For a CSV with a header, the header must
 * hold the columns the source reads (`needed`), named as the format publishes them.
 * @throws {InputError} naming the file (and line 1 for a header problem).
 */
export async function probeFile(engine: DuckEngine, path: string, format: EventFormat, needed: readonly string[]): Promise<ProbedFile> {
  const bytes = await head(path, 4096);
  if (bytes.length >= 4 && bytes.subarray(0, 4).equals(PAR1)) {
    let columns: string[];
    let types: Record<string, string>;
    try {
      const d = await engine.rows(`DESCRIBE SELECT * FROM read_parquet('${path.split("'").join("''")}')`);
      columns = d.map((r) => String(r['column_name']));
      types = Object.fromEntries(d.map((r) => [String(r['column_name']), String(r['column_type'])]));
    } catch (e) {
      throw new InputError([{ file: path, line: 0, message: `not a readable Parquet file: ${firstLine(e)}` }]);
    }
    checkNeeded(path, 0, columns, needed, format);
    return { path, form: 'parquet', columns, types };
  }
  const gz = isGzip(bytes);
  if (gz) await checkGzipText(path);
  else checkTextBytes(bytes, path);
  if (bytes.length === 0) throw new InputError([{ file: path, line: 0, message: 'the file is empty; expected ' + format.title }]);
  if (!format.header) return { path, form: gz ? 'csv-gzip' : 'csv', columns: format.layout };
  const header = await withCsvRows(path, async (rows) => (await rows.next()).value?.cells, { delimiter: format.delimiter, quote: format.quote ?? false });
  const columns = ((header ?? []) as readonly string[]).map((c: string, i: number) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
  checkNeeded(path, 1, columns, needed, format);
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) throw new InputError([{ file: path, line: 1, message: `the header names the column "${c}" twice; keep the published header` }]);
    seen.add(c);
  }
  return { path, form: gz ? 'csv-gzip' : 'csv', columns };
}

function checkNeeded(path: string, line: number, columns: readonly string[], needed: readonly string[], format: EventFormat): void {
  const missing = needed.filter((n) => !columns.includes(n));
  if (missing.length === 0) return;
  const problems: Problem[] = [
    {
      file: path,
      line,
      message: `no column ${missing.map((m) => `"${m}"`).join(', ')}; a ${format.name} file has the columns ${format.layout.map((c) => `"${c}"`).join(', ')} (found ${columns.slice(0, 12).map((c) => `"${c}"`).join(', ')}${columns.length > 12 ? ', …' : ''})`,
    },
  ];
  throw new InputError(problems);
}

/** The first line of an engine error. */
export function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!;
}

const lit = (s: string) => `'${s.split("'").join("''")}'`;

/**
 * The DuckDB FROM item scanning the files: `read_csv` with the format's delimiter and quoting,
 * no sniffing, every column named, the used ones typed (`types`), the rest text; Parquet files
 * through `read_parquet`. Files of different storage forms are scanned by separate calls joined
 * with UNION ALL BY NAME.
 * @example duckInput(files, format, cols, { rejects: false }) // "read_csv(['a.csv'], header = true, …)"
 */
export function duckInput(files: readonly ProbedFile[], format: EventFormat, c: SourceColumns, o: { rejects: boolean }): string {
  const types = format.types(c);
  const groups = new Map<string, ProbedFile[]>();
  for (const f of files) {
    const key = `${f.form}\u0000${f.columns.join('\u0000')}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const calls = [...groups.values()].map((g) => {
    const paths = `[${g.map((f) => lit(f.path)).join(', ')}]`;
    if (g[0]!.form === 'parquet') return `read_parquet(${paths})`;
    const cols = g[0]!.columns.map((name) => `${lit(name)}: '${(types[name] as ColumnType | undefined) ?? 'VARCHAR'}'`).join(', ');
    const opts = [
      `header = ${format.header}`,
      `delim = ${lit(format.delimiter)}`,
      `quote = ${lit(format.quote ?? '')}`,
      `escape = ${lit(format.quote ?? '')}`,
      'auto_detect = false',
      'strict_mode = true',
      `compression = '${g[0]!.form === 'csv-gzip' ? 'gzip' : 'none'}'`,
      `dateformat = '${c.dayForm === 'ymd' ? '%Y%m%d' : '%Y-%m-%d'}'`,
      `timestampformat = '%Y%m%d%H%M%S'`,
      `columns = {${cols}}`,
      ...(o.rejects ? ['store_rejects = true'] : []),
    ];
    return `read_csv(${paths}, ${opts.join(', ')})`;
  });
  if (calls.length === 1) return calls[0]!;
  return `(${calls.map((c) => `SELECT * FROM ${c}`).join(' UNION ALL BY NAME ')}) AS input`;
}

/** True when the files are CSV (so the day column is read with the declared type). */
export function typedDay(files: readonly ProbedFile[]): boolean {
  return files.every((f) => f.form !== 'parquet');
}

/** True when every file is Parquet with an integer type for `column` (GDELT's YYYYMMDD dates). */
export function integerColumn(files: readonly ProbedFile[], column: string): boolean {
  return files.length > 0 && files.every((f) => f.form === 'parquet' && /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/.test(f.types?.[column] ?? ''));
}
