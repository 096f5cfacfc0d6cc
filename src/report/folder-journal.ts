import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The journal of a folder swap, and the recovery of interrupted ones.
 *
 * A new version of a report folder `P/name` is written into `P/.name.entente-new-<pid>-<r>`;
 * then the journal `P/.name.entente-journal` is written (atomically: temporary file, fsync,
 * rename) naming that folder and the place the old report goes, `P/.name.entente-old-<pid>-<r>`.
 * The journal is the commit point: after it, two renames swap the folders, the journal is
 * removed and the old folder deleted. A run killed before the journal leaves the old report
 * in place (the next run deletes the partial new folder); killed after it, the next run
 * completes the swap (roll forward) from the journal. Node offers no atomic exchange of two
 * folders (renameat2 RENAME_EXCHANGE) and a symlink swap would make the report a link, so
 * this is the portable form; the only moment without a folder at `P/name` is between the two
 * renames, and any later run on that folder restores it first.
 */

/** A journal entry: folder names relative to the parent. */
export interface Journal {
  readonly new: string;
  readonly old: string;
  readonly pid: number;
}

/** File and folder names of a target's temporary things (in its parent). @example debrisNames('/p/reports/sample').journal // '/p/reports/.sample.entente-journal' */
export function debrisNames(target: string): { parent: string; base: string; journal: string; prefix: string } {
  const abs = path.resolve(target);
  const base = path.basename(abs);
  const parent = path.dirname(abs);
  return { parent, base, journal: path.join(parent, `.${base}.entente-journal`), prefix: `.${base}.entente-` };
}

/**
 * A fresh temporary name beside `target` for a new version (`new`) or the moved-aside old one (`old`).
 * @example tempSibling('/p/reports/sample', 'new') // '/p/reports/.sample.entente-new-4242-9f3a1c2b'
 */
export function tempSibling(target: string, kind: 'new' | 'old'): string {
  const { parent, prefix } = debrisNames(target);
  return path.join(parent, `${prefix}${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes the journal durably (temporary file, fsync, rename, fsync of the folder). @example writeJournal(target, { new: path.basename(staging), old: path.basename(old), pid: process.pid }); */
export function writeJournal(target: string, entry: Journal): void {
  const { parent, journal } = debrisNames(target);
  const tmp = `${journal}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ entente_journal: 1, ...entry }) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, journal);
  fsyncFolder(parent);
}

/** Removes the journal (the swap is done or undone) and makes that durable. @example removeJournal('/p/reports/sample'); */
export function removeJournal(target: string): void {
  const { parent, journal } = debrisNames(target);
  try {
    unlinkSync(journal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fsyncFolder(parent);
}

/** fsync of a folder (its entries made durable); not possible on every platform, then skipped. @example fsyncFolder(staging); */
export function fsyncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Windows and some file systems cannot fsync a folder
  } finally {
    closeSync(fd);
  }
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function readJournal(file: string): Journal | null {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Partial<Journal> & { entente_journal?: number };
    const safe = (s: unknown): s is string => typeof s === 'string' && s.length > 0 && !s.includes('/') && !s.includes('\\') && s !== '.' && s !== '..';
    if (j.entente_journal === 1 && safe(j.new) && safe(j.old)) return { new: j.new, old: j.old, pid: Number(j.pid) };
  } catch {
    // unreadable: written atomically, so this is not ours to follow
  }
  return null;
}

/**
 * Completes or undoes an interrupted swap of `target` and deletes the debris of interrupted
 * runs beside it: with a journal, the new folder is moved in (if it is not already) and the
 * journal removed; then every `.name.entente-new-*`/`-old-*` folder, stray journal or lock
 * temporary files, and the previous version's `.name.tmp-*`/`.name.old-*` folders are
 * deleted — except that an old report is moved back when nothing is at `target` (a run of
 * the previous version killed between its two renames). Call it holding the folder's lock.
 * Returns what it did, for a note to the user (empty when there was nothing to do).
 * @example recoverFolder('reports/sample') // ['completed the interrupted write of reports/sample (pid 4242)']
 */
export function recoverFolder(target: string): string[] {
  const abs = path.resolve(target);
  const { parent, base, journal, prefix } = debrisNames(abs);
  const notes: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(`.${base}.`));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return notes;
    throw e;
  }
  if (names.length === 0) return notes;
  const j = exists(journal) ? readJournal(journal) : null;
  if (j) {
    const fresh = path.join(parent, j.new);
    const old = path.join(parent, j.old);
    if (exists(fresh)) {
      if (!exists(abs)) {
        renameSync(fresh, abs);
      } else if (!exists(old)) {
        renameSync(abs, old);
        renameSync(fresh, abs);
      }
      fsyncFolder(parent);
      notes.push(`completed the write of ${abs} that an interrupted run (pid ${j.pid}) had committed`);
    }
  }
  if (exists(journal)) removeJournal(abs);
  // the roll forward may have moved the old report aside: list again
  names = readdirSync(parent).filter((n) => n.startsWith(`.${base}.`));
  const legacyTmp = new RegExp(`^\\.${escape(base)}\\.tmp-\\d+-\\d+$`);
  const legacyOld = new RegExp(`^\\.${escape(base)}\\.old-\\d+-\\d+$`);
  const ours = new RegExp(`^${escape(prefix)}(new|old)-\\d+-[0-9a-f]+$|^${escape(prefix)}(journal\\.tmp|lock\\.stale)-\\d+-[0-9a-f]+$`);
  const olds = names.filter((n) => (legacyOld.test(n) || ours.test(n) && n.startsWith(`${prefix}old-`)) && exists(path.join(parent, n)));
  if (!exists(abs) && olds.length > 0) {
    // nothing at the target and an old report aside: put the newest back rather than delete it
    const back = olds.sort((a, b) => lstatSync(path.join(parent, a)).mtimeMs - lstatSync(path.join(parent, b)).mtimeMs).pop()!;
    renameSync(path.join(parent, back), abs);
    fsyncFolder(parent);
    notes.push(`restored ${abs} from ${back}, left by an interrupted run`);
  }
  let removed = 0;
  for (const n of names) {
    if (!(ours.test(n) || legacyTmp.test(n) || legacyOld.test(n))) continue;
    const p = path.join(parent, n);
    if (!exists(p)) continue;
    rmSync(p, { recursive: true, force: true });
    removed++;
  }
  if (removed > 0) notes.push(`removed ${removed} temporary ${removed === 1 ? 'item' : 'items'} of interrupted runs beside ${abs}`);
  return notes;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when something (file, folder, link — even a dangling one) is at `p`. @example pathExists('/p/reports/sample') // true */
export function pathExists(p: string): boolean {
  return exists(p);
}
