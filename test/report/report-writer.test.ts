import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore, reportContents } from '../../src/pipeline/score.js';
import { materialise, type ReportFiles } from '../../src/report/report-content.js';
import { ReportWriter } from '../../src/report/report-writer.js';
import { writeFiles } from '../../src/report/write-folder.js';
import { withBundled } from '../helpers/bundle-sources.js';
import { ROOT } from '../helpers/cli.js';

const ENTRIES = { 'report-writer': 'src/report/report-writer.ts', 'report-writer-worker': 'src/report/report-writer-worker.ts' };
type Built = { ReportWriter: typeof ReportWriter };

describe('the report writer thread', () => {
  it('is not started when its script is not built (running from the sources)', () => {
    expect(ReportWriter.start()).toBeNull();
  });

  it('writes alignment.csv and the score cache byte-identical to this thread, with the same hash', async () => {
    const run = await computeScore(await readConfig(path.join(ROOT, 'entente.yaml')));
    const here = reportContents(run);
    const expected = materialise(here.files);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-writer-'));
    try {
      await withBundled<Built, void>(ENTRIES, 'report-writer', async (built) => {
        const writer = built.ReportWriter.start()!;
        expect(writer).not.toBeNull();
        try {
          // the scorer's columns are in shared memory already: handed over as they are, never copied
          const shared = writer.share(run.table);
          expect(shared.index).toBe(run.table.index);
          expect(shared.raw[0]).toBe(run.table.raw[0]);
          expect(shared.extras.every((x, i) => x.values === run.table.extras[i]!.values)).toBe(true);
          const away = reportContents(run, writer);
          const offThread = [...away.files].filter(([, c]) => typeof c === 'object' && 'kind' in c && c.kind === 'chunked' && c.writeFile).map(([n]) => n);
          expect(offThread.sort()).toEqual(['alignment.csv', 'score-cache.bin']);
          await writeFiles(dir, away.files);
          expect(away.sha256()).toBe(here.sha256());
        } finally {
          await writer.close();
        }
      });
      expect(readdirSync(dir).sort()).toEqual([...expected.keys()].sort());
      for (const [name, bytes] of expected) expect(Buffer.compare(readFileSync(path.join(dir, name)), Buffer.from(bytes)), name).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('rejects with the file-system error of the thread (its errno code kept), and writes nothing over an existing file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-writer-'));
    try {
      writeFileSync(path.join(dir, 'alignment.csv'), 'mine\n');
      await withBundled<Built, void>(ENTRIES, 'report-writer', async (built) => {
        const writer = built.ReportWriter.start()!;
        try {
          const table = { keys: new Float64Array(0), ids: [], index: new Float64Array(0), coverage: new Float64Array(0), raw: [], norm: [], contrib: [], weightUsed: [], extras: [] };
          await expect(writer.write(path.join(dir, 'alignment.csv'), { kind: 'alignment', table: writer.share(table), precision: 6 }, true)).rejects.toMatchObject({ code: 'EEXIST' });
          await expect(writer.write(path.join(dir, 'missing', 'alignment.csv'), { kind: 'alignment', table, precision: 6 }, true)).rejects.toMatchObject({ code: 'ENOENT' });
          expect(await writer.write(path.join(dir, 'ok.csv'), { kind: 'alignment', table, precision: 6 }, true)).toMatch(/^[0-9a-f]{64}$/);
        } finally {
          await writer.close();
        }
      });
      expect(readFileSync(path.join(dir, 'alignment.csv'), 'utf8')).toBe('mine\n');
      expect(readFileSync(path.join(dir, 'ok.csv'), 'utf8')).toBe('state_a,state_b,year,index,coverage\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('leaves a job the main thread took back before the thread began it, and writes one it had begun', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-writer-'));
    try {
      await withBundled<Built, void>(ENTRIES, 'report-writer', async (built) => {
        const writer = built.ReportWriter.start()!;
        try {
          // a first job of 300,000 rows keeps the thread busy: the second waits behind it (jobs go in order)
          const n = 300_000;
          const keys = Float64Array.from({ length: n }, (_, i) => (2 * 17576 + 3 + i) * 4096 + 2000);
          const col = Float64Array.from({ length: n }, (_, i) => i / n);
          const big = { keys, ids: [], index: col, coverage: col, raw: [], norm: [], contrib: [], weightUsed: [], extras: [] };
          const first = writer.write(path.join(dir, 'first.csv'), { kind: 'alignment', table: writer.share(big), precision: 6 }, true);
          const second = writer.writeOrTakeBack(path.join(dir, 'second.csv'), { kind: 'alignment', table: writer.share(big), precision: 6 }, true);
          expect(second.takeBack()).toBe(true);
          expect(await second.done).toBeNull();
          expect(await first).toMatch(/^[0-9a-f]{64}$/);
          const third = writer.writeOrTakeBack(path.join(dir, 'third.csv'), { kind: 'alignment', table: writer.share(big), precision: 6 }, true);
          expect(await third.done).toMatch(/^[0-9a-f]{64}$/);
          expect(third.takeBack()).toBe(false); // begun (and done): no longer the caller's
        } finally {
          await writer.close();
        }
      });
      expect(readdirSync(dir).sort()).toEqual(['first.csv', 'third.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('writing a folder with files written on another thread', () => {
  it('writes and prepares the other files before awaiting them, makes deferred files after, and waits for them even when it fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-writer-'));
    const log: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    try {
      const files: ReportFiles = new Map<string, import('../../src/report/report-content.js').ReportContent>([
        ['big.csv', { kind: 'chunked', write: () => {}, writeFile: async (file) => { log.push('big: start'); await gate; writeFileSync(file, 'big\n'); log.push('big: done'); } }],
        ['a.txt', 'a\n'],
        ['z.json', { kind: 'deferred', prepare: () => { log.push('z: prepare'); release(); }, make: () => { log.push('z: make'); return '{}\n'; } }],
      ]);
      await writeFiles(dir, files);
      expect(log).toEqual(['big: start', 'z: prepare', 'big: done', 'z: make']);
      expect(readdirSync(dir).sort()).toEqual(['a.txt', 'big.csv', 'z.json']);

      const failing = path.join(dir, 'fail');
      let settled = false;
      const bad: ReportFiles = new Map<string, import('../../src/report/report-content.js').ReportContent>([
        ['big.csv', { kind: 'chunked', write: () => {}, writeFile: async () => { await new Promise((r) => setTimeout(r, 20)); settled = true; } }],
        ['a.txt', 'a\n'],
      ]);
      await expect(writeFiles(failing, bad)).rejects.toMatchObject({ code: 'ENOENT' }); // the folder does not exist: a.txt fails
      expect(settled).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes here, once the prepared work is done, a file the other thread gives back, before awaiting the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-writer-'));
    const log: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    try {
      const files: ReportFiles = new Map<string, import('../../src/report/report-content.js').ReportContent>([
        ['big.csv', { kind: 'chunked', write: () => {}, writeFile: async (file) => { await gate; writeFileSync(file, 'big\n'); log.push('big: done'); } }],
        ['cache.bin', { kind: 'chunked', write: (sink) => { log.push('cache: written here'); sink(Buffer.from('cache\n')); }, writeFile: async () => { log.push('cache: sent'); }, takeBack: () => { log.push('cache: taken back'); release(); return true; } }],
        ['kept.bin', { kind: 'chunked', write: () => { throw new Error('not to be written here'); }, writeFile: async (file) => { writeFileSync(file, 'kept\n'); }, takeBack: () => false }],
        ['z.json', { kind: 'deferred', prepare: () => log.push('z: prepare'), make: () => '{}\n' }],
      ]);
      await writeFiles(dir, files);
      expect(log).toEqual(['cache: sent', 'z: prepare', 'cache: taken back', 'cache: written here', 'big: done']);
      expect(readFileSync(path.join(dir, 'cache.bin'), 'utf8')).toBe('cache\n');
      expect(readFileSync(path.join(dir, 'kept.bin'), 'utf8')).toBe('kept\n');
      expect(readdirSync(dir).sort()).toEqual(['big.csv', 'cache.bin', 'kept.bin', 'z.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
