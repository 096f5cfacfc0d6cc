import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeOrder, type ReportContent, type ReportFiles } from './report-content.js';

/**
 * Writes a whole report folder atomically: every file goes into a temporary sibling folder,
 * which then replaces the target by rename. A failure before the rename leaves the previous
 * report untouched; the rename itself swaps the folders (old one removed afterwards).
 * Files are written in {@link writeOrder}: chunked contents chunk by chunk (never whole in
 * memory), deferred ones last.
 * @param files file name → content.
 */
export async function writeFolderAtomically(target: string, files: ReportFiles): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  await mkdir(parent, { recursive: true });
  const base = path.basename(target);
  const tmp = path.join(parent, `.${base}.tmp-${process.pid}-${Date.now()}`);
  await mkdir(tmp, { recursive: true });
  try {
    for (const [name, content] of writeOrder(files)) await writeContent(path.join(tmp, name), content);
    let old: string | null = null;
    if (await exists(target)) {
      old = path.join(parent, `.${base}.old-${process.pid}-${Date.now()}`);
      await rename(target, old);
    }
    try {
      await rename(tmp, target);
    } catch (e) {
      if (old) await rename(old, target);
      throw e;
    }
    if (old) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Adds or replaces files inside an existing report folder, each written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
export async function addFilesToFolder(target: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const [name, content] of files) {
    const tmp = path.join(target, `.${name}.tmp-${process.pid}`);
    await writeFile(tmp, content);
    await rename(tmp, path.join(target, name));
  }
}

async function writeContent(file: string, content: ReportContent): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) return writeFile(file, content);
  if (content.kind === 'deferred') return writeFile(file, content.make());
  const fd = openSync(file, 'w');
  try {
    content.write((chunk) => {
      for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
    });
  } finally {
    closeSync(fd);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
