import { createHash } from 'node:crypto';

/**
 * The content of one file of a report folder:
 * - text or bytes, held whole;
 * - {@link ChunkedContent}: bytes made chunk by chunk while the file is written, so a large
 *   CSV (97 MB for every UN pair-year, 277 MB for a 200-state panel) is never held whole;
 * - {@link DeferredContent}: made only once every other file is written — a data package
 *   that names the SHA-256 of files hashed while they were written.
 */
export type ReportContent = string | Uint8Array | ChunkedContent | DeferredContent;

/** The files of a report folder, by name. */
export type ReportFiles = ReadonlyMap<string, ReportContent>;

/**
 * Bytes produced in chunks: `write` calls `sink` with each chunk (valid only during the call).
 * `writeFile`, when given, writes the same bytes to a new file (made durable) on another
 * thread, so the folder's other files are made meanwhile (see `report-writer.ts`).
 * `takeBack`, when given with it, is asked once this thread has nothing else to do: true when
 * the other thread had not begun that file and now never will — `writeFile`'s promise then
 * settles without writing, and the caller writes the file here with `write`.
 */
export interface ChunkedContent {
  readonly kind: 'chunked';
  write(sink: (chunk: Uint8Array) => void): void;
  readonly writeFile?: ((file: string) => Promise<void>) | undefined;
  readonly takeBack?: (() => boolean) | undefined;
}

/**
 * Content made after the other files of the folder are written. `prepare`, when given, does
 * the part of the work that does not need the other files (called while files written on
 * another thread are still being written; `make` then finishes it).
 */
export interface DeferredContent {
  readonly kind: 'deferred';
  make(): string | Uint8Array;
  readonly prepare?: (() => void) | undefined;
}

/**
 * Wraps chunked content so that it is hashed as it is written: `sha256()` gives the hex
 * digest once `write` has run (and throws before). `offThread`, when given, writes the same
 * bytes to a file on another thread and resolves with their SHA-256 (it becomes the
 * content's `writeFile`).
 * @example
 * const h = hashedChunks((sink) => sink(Buffer.from('a,b\n')));
 * materialise(new Map([['x.csv', h.content]])); h.sha256() // 'e9b5…'
 */
export function hashedChunks(write: (sink: (chunk: Uint8Array) => void) => void, offThread?: (file: string) => Promise<string>): { content: ChunkedContent; sha256(): string } {
  let digest: string | null = null;
  return {
    content: {
      kind: 'chunked',
      write(sink) {
        const hash = createHash('sha256');
        write((chunk) => {
          hash.update(chunk);
          sink(chunk);
        });
        digest = hash.digest('hex');
      },
      ...(offThread
        ? {
            async writeFile(file: string) {
              digest = await offThread(file);
            },
          }
        : {}),
    },
    sha256() {
      if (digest === null) throw new Error('the content has not been written yet');
      return digest;
    },
  };
}

/**
 * The order files are written in: held and chunked contents by name, then deferred ones by
 * name (they may depend on the others).
 */
export function writeOrder(files: ReportFiles): [string, ReportContent][] {
  const byName = ([a]: [string, ReportContent], [b]: [string, ReportContent]) => (a < b ? -1 : a > b ? 1 : 0);
  const entries = [...files];
  const deferred = (c: ReportContent) => typeof c === 'object' && 'kind' in c && c.kind === 'deferred';
  return [...entries.filter(([, c]) => !deferred(c)).sort(byName), ...entries.filter(([, c]) => deferred(c)).sort(byName)];
}

/**
 * Every file as text or bytes held whole, made in {@link writeOrder} (for tests, golden files
 * and callers that keep a report in memory).
 * @example materialise(reportFiles(run)).get('alignment.csv') // the CSV bytes
 */
export function materialise(files: ReportFiles): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  for (const [name, content] of writeOrder(files)) {
    if (typeof content === 'string' || content instanceof Uint8Array) out.set(name, content);
    else if (content.kind === 'deferred') out.set(name, content.make());
    else {
      const parts: Buffer[] = [];
      content.write((chunk) => parts.push(Buffer.from(chunk)));
      out.set(name, Buffer.concat(parts));
    }
  }
  // keep the caller's order of names
  return new Map([...files.keys()].map((name) => [name, out.get(name)!]));
}
