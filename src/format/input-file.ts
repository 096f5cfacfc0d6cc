import { lstat, readlink, stat } from 'node:fs/promises';
import { InputError, type Problem } from '../domain/errors.js';

/** What an errno code means for a file Entente reads, and what to do about it. */
const ERRNO_MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist; check the path (relative paths are resolved against the config file\'s folder, or `data_dir:`)',
  ENOTDIR: 'a part of the path is a file, not a folder; check the path',
  EACCES: 'permission denied: Entente may not read it; check the permissions of the file and of its folders',
  EPERM: 'the operation is not permitted on this file; check its permissions',
  ELOOP: 'too many levels of symbolic links (a link that points to itself, directly or through other links); fix the link',
  ENAMETOOLONG: 'the path is too long for the file system; use a shorter path',
  EISDIR: 'this is a folder, not a file; give the path of the file inside it',
  EMFILE: 'too many open files; close other programs or raise the limit (ulimit -n)',
  EIO: 'the disk reported an input/output error while reading it',
};

/**
 * A plain-language message for a file-system error on an input: what happened and how to fix
 * it, with the system's code in brackets.
 * @example fileErrorMessage(Object.assign(new Error('x'), { code: 'EACCES' })) // 'permission denied: … (EACCES)'
 */
export function fileErrorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known = typeof err?.code === 'string' ? ERRNO_MESSAGES[err.code] : undefined;
  if (known !== undefined) return `${known} (${err.code})`;
  return `cannot read the file: ${String(err?.message ?? e)}`;
}

/** The kind of a file that is not a regular file, for messages; null for a regular file. */
function irregularKind(s: Awaited<ReturnType<typeof stat>>): string | null {
  if (s.isFile()) return null;
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why an input path cannot be read: the system's error code (`ENOENT`, …) or `NOT_A_FILE`, and a message. */
export interface InputFileFault {
  readonly code: string;
  readonly message: string;
}

/**
 * Checks that `path` names a regular file Entente can read, without opening it (opening a
 * named pipe would wait for a writer forever). A folder, a FIFO, a socket or a device is
 * refused; a missing file, a dangling symbolic link, a link loop or a permission problem is
 * described.
 * @returns the fault, or null when the path is a regular file.
 * @example await inputFileFault('votes.csv.gz') // null
 */
export async function inputFileFault(path: string): Promise<InputFileFault | null> {
  let s: Awaited<ReturnType<typeof stat>>;
  try {
    s = await stat(path);
  } catch (e) {
    return { code: String((e as NodeJS.ErrnoException).code ?? 'EIO'), message: await danglingLinkMessage(path, e) };
  }
  const kind = irregularKind(s);
  if (kind === null) return null;
  return { code: 'NOT_A_FILE', message: `this is ${kind}, not a regular file; a source must be a CSV file (plain or gzip), so give the path of the file itself` };
}

/**
 * The {@link inputFileFault} of `path` as a problem of the whole file, or null.
 * @example await inputFileProblem('/tmp') // { file: '/tmp', line: 0, message: 'this is a folder, not a regular file; …' }
 */
export async function inputFileProblem(path: string): Promise<Problem | null> {
  const fault = await inputFileFault(path);
  return fault === null ? null : { file: path, line: 0, message: fault.message };
}

async function danglingLinkMessage(path: string, e: unknown): Promise<string> {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return fileErrorMessage(e);
  try {
    if ((await lstat(path)).isSymbolicLink()) return `a symbolic link to "${await readlink(path)}", which does not exist; fix or remove the link (ENOENT)`;
  } catch {
    // not a link, or the folder itself is missing: the plain message says it
  }
  return fileErrorMessage(e);
}

/**
 * Throws the {@link inputFileProblem} of `path`, if any, as an {@link InputError}.
 * @example await checkInputFile('votes.csv.gz'); // passes, or throws "votes.csv.gz: this is a folder, …"
 */
export async function checkInputFile(path: string): Promise<void> {
  const problem = await inputFileProblem(path);
  if (problem !== null) throw new InputError([problem]);
}
