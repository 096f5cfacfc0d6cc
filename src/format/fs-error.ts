import { UsageError } from '../domain/errors.js';

/** What an operating-system error code means, and what the user can do about it. */
const FS_PROBLEMS: Readonly<Record<string, { readonly what: string; readonly fix: string }>> = {
  ENOSPC: { what: 'no space left on the device', fix: 'free some space, or write elsewhere with --out DIR' },
  EDQUOT: { what: 'the disk quota is exceeded', fix: 'free some space, or write elsewhere with --out DIR' },
  EFBIG: { what: 'a file is larger than the file system allows', fix: 'write elsewhere with --out DIR' },
  EACCES: { what: 'permission denied', fix: 'check the folder\'s permissions, or write elsewhere with --out DIR' },
  EPERM: { what: 'the operation is not permitted', fix: 'check the folder\'s permissions and attributes, or write elsewhere with --out DIR' },
  EROFS: { what: 'the file system is read-only', fix: 'write elsewhere with --out DIR' },
  ENAMETOOLONG: { what: 'a file or folder name is too long', fix: 'use a shorter path with --out DIR' },
  ELOOP: { what: 'the path has too many symbolic links (a loop?)', fix: 'give the real folder with --out DIR' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'check the path, or write elsewhere with --out DIR' },
  EISDIR: { what: 'a folder is where a file should be', fix: 'check the path, or write elsewhere with --out DIR' },
  EBUSY: { what: 'the folder is busy (a mount point, or open in another program)', fix: 'close the programs using it, or write elsewhere with --out DIR' },
  EMFILE: { what: 'too many files are open', fix: 'raise the limit of open files (ulimit -n) and run again' },
  ENFILE: { what: 'too many files are open on the system', fix: 'close some programs and run again' },
  EIO: { what: 'an input/output error of the device', fix: 'check the disk, or write elsewhere with --out DIR' },
  ENXIO: { what: 'the device is not available', fix: 'write elsewhere with --out DIR' },
  EXDEV: { what: 'the folder spans two file systems', fix: 'write elsewhere with --out DIR' },
  ENOTEMPTY: { what: 'a folder that had to be replaced is not empty', fix: 'run again (an interrupted run is completed first)' },
  ENOENT: { what: 'a folder of the path does not exist (or was removed during the run)', fix: 'check the path and run again' },
};

/**
 * The errno code of an operating-system error (`ENOSPC`, `EACCES`…), or null for any other
 * value.
 * @example errnoCode(Object.assign(new Error('x'), { code: 'ENOSPC' })) // 'ENOSPC'
 */
export function errnoCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/**
 * Turns a file-system error met while `doing` something (e.g. "cannot write the report folder
 * reports/sample") into a {@link UsageError} (exit 2) that says what happened, where, and what
 * to do: `<doing>: no space left on the device (ENOSPC at /path/file); free some space, or
 * write elsewhere with --out DIR`. Any other error (not an errno of the list) is returned
 * unchanged, so bugs stay bugs.
 * @example throw fsProblem(e, 'cannot write reports/sample', 'the previous report is unchanged');
 */
export function fsProblem(e: unknown, doing: string, after?: string): unknown {
  if (e instanceof UsageError) return e;
  const code = errnoCode(e);
  const known = code === null ? undefined : FS_PROBLEMS[code];
  if (!known) return e;
  const where = (e as NodeJS.ErrnoException).path;
  const at = where ? ` at ${where}` : '';
  return new UsageError(`${doing}: ${known.what} (${code}${at}); ${known.fix}${after ? `. ${after}` : ''}`);
}
