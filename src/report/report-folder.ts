import { accessSync, chmodSync, constants, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { lockFolder } from './folder-lock.js';
import { debrisNames, pathExists, recoverFolder } from './folder-journal.js';
import { fsProblem } from '../format/fs-error.js';
import type { ReportFiles } from './report-content.js';
import { commitFolder, linkTree, writeFiles } from './write-folder.js';
import { SCORE_CACHE_FILE } from './score-cache.js';

/**
 * What a report folder is, which folders a command may replace or add to, and the two ways
 * of writing one (replace it whole, or add files to it), both in one committed step.
 *
 * A report folder is Entente's own: it holds the marker file `.entente-report` (JSON: the
 * kind of report, the config that made it — relative to the folder — and every file Entente
 * wrote there). A folder written by the previous version (no marker) is recognised by its
 * `datapackage.json` carrying Entente's provenance (`entente.version` and
 * `entente.config.sha256`); the next write adds the marker.
 */

/** Name of the marker file of a report folder. */
export const REPORT_MARKER = '.entente-report';

/** What a report folder holds: a score report (`score`, toolkit commands add to it) or `measures`. */
export type ReportKind = 'score' | 'measures';

/** The content of the marker file. */
export interface ReportMarker {
  readonly kind: ReportKind;
  /** The config that made the report, relative to the folder (`/`-separated); null when unknown. */
  readonly config: string | null;
  /** Every file Entente wrote into the folder, sorted (the marker itself left out). */
  readonly files: readonly string[];
}

/** The parts of `datapackage.json` the report layer reads. */
export interface ReportPackage {
  readonly resources?: readonly { readonly name?: string; readonly path?: string }[];
  readonly sources?: readonly { readonly title?: string; readonly path?: string; readonly sha256?: string }[];
  readonly entente?: { readonly version?: unknown; readonly config?: { readonly path?: unknown; readonly sha256?: unknown } };
}

/** What is at a report path. */
export type FolderState =
  | { readonly state: 'absent' }
  | { readonly state: 'empty' }
  | {
      readonly state: 'report';
      readonly kind: ReportKind | null;
      /** Null for a report of the previous version (recognised by its datapackage.json). */
      readonly marker: ReportMarker | null;
      readonly pkg: ReportPackage | null;
      readonly pkgText: string | null;
      readonly entries: readonly string[];
      /** Entries Entente wrote (the others are the user's). */
      readonly owned: ReadonlySet<string>;
    }
  | { readonly state: 'foreign'; readonly why: string }
  | { readonly state: 'not-a-folder'; readonly why: string };

/** A report folder a run writes, and what the rules need to know about the run. */
export interface ReportTarget {
  /** The report folder. */
  readonly dir: string;
  /** The run's config file (whose report the folder must be); null skips that check. */
  readonly configFile: string | null;
  /** `--force`: replace a report of another config, or one holding files Entente did not write. */
  readonly force?: boolean | undefined;
  /** Notes for the user (an interrupted run completed, waiting for a lock, …). */
  readonly note?: ((text: string) => void) | undefined;
  /** The working folder and home folder (default: the process's). */
  readonly cwd?: string;
  readonly home?: string;
}

/** Files the operating system leaves in folders; dropped without a word. */
const OS_JUNK = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);
/** Temporary files of the previous version's `addFilesToFolder` (`.<name>.tmp-<pid>`). */
const LEGACY_TEMP = /^\..+\.tmp-\d+$/;

const ABOUT = 'This folder is an Entente report. entente replaces it whole when it scores again (keep your own files elsewhere); this file tells it the folder is its own.';

/**
 * The marker file's text (deterministic: same report, same bytes).
 * @example markerText({ kind: 'score', config: '../../entente.yaml', files: ['alignment.csv'] })
 */
export function markerText(m: ReportMarker): string {
  return JSON.stringify({ entente_report: 1, about: ABOUT, kind: m.kind, config: m.config, files: [...m.files].sort() }, null, 2) + '\n';
}

/** Parses a marker file; null when it is not one. @example parseMarker(markerText(m))?.kind // 'score' */
export function parseMarker(text: string): ReportMarker | null {
  try {
    const m = JSON.parse(text) as { entente_report?: unknown; kind?: unknown; config?: unknown; files?: unknown };
    if (m.entente_report !== 1 || (m.kind !== 'score' && m.kind !== 'measures')) return null;
    if (m.config !== null && typeof m.config !== 'string') return null;
    if (!Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string')) return null;
    return { kind: m.kind, config: m.config, files: m.files as string[] };
  } catch {
    return null;
  }
}

/** True for a `datapackage.json` written by Entente (its provenance block). @example isEntentePackage({ entente: { version: '0.1.0', config: { sha256: 'ab…' } } }) // true */
export function isEntentePackage(pkg: unknown): pkg is ReportPackage {
  const e = (pkg as ReportPackage | null)?.entente;
  return typeof e === 'object' && e !== null && typeof e.version === 'string' && typeof e.config?.sha256 === 'string';
}

/**
 * Looks at a report path without changing anything: absent, an empty folder, a report
 * folder (with the marker, or of the previous version), something else.
 * @throws {UsageError} when the path cannot be looked at (ELOOP, EACCES, ENAMETOOLONG, …).
 * @example inspectFolder('reports/sample').state // 'report'
 */
export function inspectFolder(dir: string): FolderState {
  const abs = path.resolve(dir);
  const fail = (e: unknown) => fsProblem(e, `cannot use ${abs} as the report folder`);
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    throw fail(e);
  }
  if (st.isSymbolicLink()) {
    let to = '?';
    let dangling = false;
    try {
      to = readlinkSync(abs);
      statSync(abs);
    } catch {
      dangling = true;
    }
    return { state: 'not-a-folder', why: `is a symbolic link (to ${to}${dangling ? ', which does not exist' : ''}); Entente does not replace links` };
  }
  if (!st.isDirectory()) {
    const what = st.isFile() ? 'a file' : st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device';
    return { state: 'not-a-folder', why: `is ${what}, not a report folder` };
  }
  let entries: string[];
  try {
    entries = readdirSync(abs).sort();
  } catch (e) {
    throw fail(e);
  }
  if (entries.length === 0) return { state: 'empty' };
  const read = (name: string): string | null => {
    try {
      return readFileSync(path.join(abs, name), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return null;
      throw fail(e);
    }
  };
  const pkgText = entries.includes('datapackage.json') ? read('datapackage.json') : null;
  let pkg: unknown = null;
  try {
    pkg = pkgText === null ? null : JSON.parse(pkgText);
  } catch {
    pkg = null;
  }
  const entente = isEntentePackage(pkg) ? pkg : null;
  if (entries.includes(REPORT_MARKER)) {
    const text = read(REPORT_MARKER);
    const marker = text === null ? null : parseMarker(text);
    if (!marker) return { state: 'foreign', why: `has a ${REPORT_MARKER} file that is not Entente's marker (damaged?); if this is a report folder, delete it and score again` };
    const owned = new Set([REPORT_MARKER, ...marker.files, ...entries.filter((e) => OS_JUNK.has(e) || LEGACY_TEMP.test(e))]);
    return { state: 'report', kind: marker.kind, marker, pkg: entente, pkgText: entente ? pkgText : null, entries, owned };
  }
  if (entente) {
    const listed = (entente.resources ?? []).map((r) => r.path).filter((p): p is string => typeof p === 'string');
    const names = new Set(listed.map((p) => p.split('/')[0]!));
    const kind: ReportKind | null = names.has('alignment.csv') ? 'score' : names.has('measures.csv') ? 'measures' : null;
    const owned = new Set(
      entries.filter((e) => names.has(e) || ['datapackage.json', 'summary.md', 'report.html', 'references.bib', SCORE_CACHE_FILE].includes(e) || /\.(svg|png)$/.test(e) || OS_JUNK.has(e) || LEGACY_TEMP.test(e)),
    );
    return { state: 'report', kind, marker: null, pkg: entente, pkgText, entries, owned };
  }
  const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
  return {
    state: 'foreign',
    why: `is not an Entente report folder (it has no ${REPORT_MARKER} marker and no datapackage.json made by Entente) and it is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}: ${shown}); Entente replaces only its own report folders`,
  };
}

/** The real path of `p` when it exists, else of its deepest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(head), ...rest.reverse());
    } catch {
      const up = path.dirname(head);
      if (up === head) return abs;
      rest.push(path.basename(head));
      head = up;
    }
  }
}

/** True when `a` is `b` or a folder above it. */
function holds(a: string, b: string): boolean {
  const rel = path.relative(a, b);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const HOW = 'give a new folder, or a report folder Entente made, with --out DIR (e.g. --out reports/my-report)';

/**
 * The rules on where a report may go, from the path alone: never the root of the file
 * system, the home folder or a folder above it, the working folder or a folder above it, a
 * folder holding the config, or one holding any input file.
 * @throws {UsageError} saying why and how (`--out` to a new or report folder).
 * @example checkReportPath({ dir: '.', configFile: 'entente.yaml' }) // throws: is the working folder
 */
export function checkReportPath(t: ReportTarget, inputs: readonly string[] = []): void {
  const abs = path.resolve(t.dir);
  const say = (why: string) => new UsageError(`the report folder ${abs} ${why}; ${HOW}`);
  if (path.parse(abs).root === abs) throw say('is the root of the file system');
  // the folder itself may be a link (refused later); the folders above it are resolved
  const real = path.join(realish(path.dirname(abs)), path.basename(abs));
  const home = realish(t.home ?? os.homedir());
  if (holds(real, home)) throw say(real === home ? 'is your home folder' : `holds your home folder ${home}`);
  const cwd = realish(t.cwd ?? process.cwd());
  if (holds(real, cwd)) throw say(real === cwd ? 'is the working folder' : `holds the working folder ${cwd}`);
  const guard = (file: string, what: string) => {
    const f = realish(file);
    if (holds(real, f)) throw say(real === f ? `is the ${what} itself` : `holds the ${what} ${path.resolve(file)}`);
  };
  if (t.configFile !== null) guard(t.configFile, 'config file');
  for (const input of inputs) guard(input, 'input file');
}

function configIdentity(t: ReportTarget, st: Extract<FolderState, { state: 'report' }>): string | null {
  if (t.configFile === null) return null;
  const mine = realish(t.configFile);
  if (st.marker) {
    if (st.marker.config === null) return null;
    const theirs = path.resolve(t.dir, st.marker.config);
    return realish(theirs) === mine ? null : theirs;
  }
  // previous version: only the config's path relative to its own folder was recorded
  const recorded = st.pkg?.entente?.config?.path;
  return typeof recorded !== 'string' || recorded === path.basename(mine) ? null : recorded;
}

function list(names: readonly string[], max = 8): string {
  return names.slice(0, max).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');
}

/**
 * The rules for a command that replaces the report folder (`score`, `measures`): it must be
 * absent, an empty folder, or a report folder (see {@link inspectFolder}) made by this config
 * and holding no file Entente did not write — the last two unless `force`.
 * @throws {UsageError} saying why and how.
 * @example checkReplace({ dir: 'reports/sample', configFile: 'entente.yaml' }).state // 'report'
 */
export function checkReplace(t: ReportTarget, inputs: readonly string[] = []): FolderState {
  checkReportPath(t, inputs);
  const abs = path.resolve(t.dir);
  const st = inspectFolder(abs);
  if (st.state === 'not-a-folder' || st.state === 'foreign') throw new UsageError(`the report folder ${abs} ${st.why}; ${HOW}`);
  if (st.state !== 'report' || t.force) return st;
  const other = configIdentity(t, st);
  if (other !== null) {
    throw new UsageError(
      `${abs} holds the report of another config (${other}), not of ${path.resolve(t.configFile!)} — two configs with the same \`name:\`? ` +
        'Give this one its own folder with --out DIR (or another `name:`), or pass --force to replace that report',
    );
  }
  const foreign = st.entries.filter((e) => !st.owned.has(e));
  if (foreign.length > 0) {
    throw new UsageError(`${abs} holds ${foreign.length === 1 ? 'a file' : 'files'} Entente did not write (${list(foreign)}); move ${foreign.length === 1 ? 'it' : 'them'} out of the report folder, or pass --force to replace the folder anyway`);
  }
  return st;
}

/**
 * The rules for a command that adds files to a score report (`sensitivity`, `audit`,
 * `trends`, `explain`, `plot`): the folder must be absent or empty (the score report is then
 * written with the files), or a score report made by this config that `accept` takes (the
 * same version of the config and inputs). Such a command never removes anything.
 * @throws {UsageError} saying why and how.
 * @example checkAdd({ dir: 'reports/sample', configFile: 'entente.yaml' }, inputs, accept).state // 'report'
 */
export function checkAdd(t: ReportTarget, inputs: readonly string[] = [], accept?: (pkg: ReportPackage) => void): FolderState {
  checkReportPath(t, inputs);
  const abs = path.resolve(t.dir);
  const st = inspectFolder(abs);
  if (st.state === 'not-a-folder' || st.state === 'foreign') throw new UsageError(`the report folder ${abs} ${st.why}; ${HOW}`);
  if (st.state !== 'report') return st;
  if (st.kind !== 'score') {
    const what = st.kind === 'measures' ? 'an `entente measures` report' : 'a report without alignment.csv';
    throw new UsageError(`${abs} holds ${what}, not a score report; give the score report's folder with --out DIR, or run \`entente score\` there first`);
  }
  if (st.pkg === null || st.pkgText === null) throw new UsageError(`${abs} has no readable datapackage.json; run \`entente score\` to write the report again`);
  const other = configIdentity(t, st);
  if (other !== null) {
    throw new UsageError(`${abs} holds the report of another config (${other}), not of ${path.resolve(t.configFile!)}; give this config's report folder with --out DIR`);
  }
  accept?.(st.pkg);
  return st;
}

/**
 * The early look at a report folder, before any work: completes or removes what interrupted
 * runs left beside it (under its lock, only when there is something), then applies the
 * rules of the command ({@link checkReplace} or {@link checkAdd}) — so a refused folder
 * fails in a second, not after the scoring. The rules are applied again when writing.
 * @throws {UsageError} as the rules, or for a file-system error.
 * @example await prepareReport({ dir: 'reports/sample', configFile: 'entente.yaml' }, 'replace');
 */
export async function prepareReport(t: ReportTarget, mode: 'replace' | 'add', accept?: (pkg: ReportPackage) => void): Promise<void> {
  checkReportPath(t);
  const abs = path.resolve(t.dir);
  const { parent, base } = debrisNames(abs);
  let leftovers: string[] = [];
  try {
    leftovers = readdirSync(parent).filter((n) => n.startsWith(`.${base}.`));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw fsProblem(e, `cannot use ${abs} as the report folder`);
  }
  // a folder we may not write fails now, not after the work (EROFS, EACCES)
  let existing = parent;
  while (!pathExists(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
  } catch (e) {
    throw fsProblem(e, `cannot write the report folder ${abs}`);
  }
  if (leftovers.length > 0) {
    try {
      const lock = await lockFolder(abs, { onWait: (h) => t.note?.(`waiting for another entente run (pid ${h.pid}, \`${h.command}\`) that is writing ${abs}`) });
      try {
        for (const n of recoverFolder(abs)) t.note?.(n);
      } finally {
        lock.release();
      }
    } catch (e) {
      throw fsProblem(e, `cannot use ${abs} as the report folder`);
    }
  }
  if (mode === 'replace') checkReplace(t);
  else checkAdd(t, [], accept);
}

function configRelative(dir: string, configFile: string | null): string | null {
  if (configFile === null) return null;
  return path.relative(path.resolve(dir), path.resolve(configFile)).split(path.sep).join('/');
}

/**
 * Replaces the report folder with `files` (and the marker) in one committed step, after
 * {@link checkReplace} under the folder's lock. Returns the files of the old report that the
 * new one does not have (derived files such as `sensitivity.csv` or charts, which described
 * the old scoring), for the command to say so.
 * @throws {UsageError} as the rules, or for a file-system error (nothing changed then).
 * @example const { dropped } = await replaceReport(target, 'score', files, inputs);
 */
export async function replaceReport(t: ReportTarget, kind: ReportKind, files: ReportFiles, inputs: readonly string[]): Promise<{ dropped: string[] }> {
  const abs = path.resolve(t.dir);
  let dropped: string[] = [];
  let mode: number | null = null;
  await commitFolder(
    abs,
    async (staging) => {
      if (mode !== null) chmodSync(staging, mode); // the folder keeps its permissions
      await writeFiles(staging, withMarker(files, { kind, config: configRelative(abs, t.configFile), files: [...files.keys()] }));
    },
    {
      note: t.note,
      doing: `cannot write the report folder ${abs}`,
      check: () => {
        const st = checkReplace(t, inputs);
        mode = st.state === 'report' || st.state === 'empty' ? statSync(abs).mode & 0o7777 : null;
        if (st.state === 'report') dropped = st.entries.filter((e) => e !== REPORT_MARKER && !files.has(e) && !OS_JUNK.has(e) && !LEGACY_TEMP.test(e));
      },
    },
  );
  return { dropped };
}

/** Files a command adds to a score report. */
export interface ReportAddition {
  /**
   * The files to write given the folder's current `datapackage.json` text (they include the
   * updated `datapackage.json`), or, when the folder has no report yet (`null`), a whole
   * score report with them.
   */
  readonly make: (current: string | null) => ReportFiles | Promise<ReportFiles>;
  /** Refuses (throws a UsageError) a report made from another version of the config or inputs. */
  readonly accept?: (pkg: ReportPackage) => void;
}

/**
 * Adds files to a score report in one committed step: under the folder's lock and after
 * {@link checkAdd}, a new version of the folder is made from hard links to every file it has
 * (none is copied or changed) plus the new files and the updated `datapackage.json` and
 * marker, and swapped in — so the files and the package that lists them appear together or
 * not at all, and nothing is removed. A folder without a report gets the whole score report
 * with the files. Returns whether the score report was written too.
 * @throws {UsageError} as the rules, or for a file-system error (nothing changed then).
 * @example await addToReport(target, inputs, { make: (pkg) => new Map([['audit.csv', csv], ['datapackage.json', withResources(pkg!, [res])]]) });
 */
export async function addToReport(t: ReportTarget, inputs: readonly string[], addition: ReportAddition): Promise<{ created: boolean }> {
  const abs = path.resolve(t.dir);
  let st = { state: 'absent' } as FolderState;
  await commitFolder(
    abs,
    async (staging) => {
      if (st.state !== 'report') {
        const files = await addition.make(null);
        await writeFiles(staging, withMarker(files, { kind: 'score', config: configRelative(abs, t.configFile), files: [...files.keys()] }));
        return;
      }
      const files = await addition.make(st.pkgText);
      const theirs = [...files.keys()].filter((n) => st.state === 'report' && st.entries.includes(n) && !st.owned.has(n));
      if (theirs.length > 0) throw new UsageError(`${abs} holds ${list(theirs)}, which Entente did not write; move ${theirs.length === 1 ? 'it' : 'them'} out of the report folder and run again`);
      linkTree(abs, staging, new Set([REPORT_MARKER, ...files.keys(), ...st.entries.filter((e) => LEGACY_TEMP.test(e))]));
      const kept = st.entries.filter((e) => st.state === 'report' && st.owned.has(e) && e !== REPORT_MARKER && !OS_JUNK.has(e) && !LEGACY_TEMP.test(e));
      const config = st.marker ? st.marker.config : configRelative(abs, t.configFile);
      await writeFiles(staging, withMarker(files, { kind: 'score', config, files: [...new Set([...kept, ...files.keys()])] }));
    },
    {
      note: t.note,
      doing: `cannot write the report folder ${abs}`,
      check: () => {
        st = checkAdd(t, inputs, addition.accept);
      },
    },
  );
  return { created: st.state !== 'report' };
}

function withMarker(files: ReportFiles, m: ReportMarker): ReportFiles {
  return new Map([...files, [REPORT_MARKER, markerText(m)]]);
}
