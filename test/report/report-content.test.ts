import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashedChunks, materialise, writeOrder, type ReportContent } from '../../src/report/report-content.js';
import { writeFolderAtomically } from '../../src/report/write-folder.js';

const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('report contents', () => {
  it('hash chunked bytes while they are written, and make deferred files after the others', async () => {
    const csv = hashedChunks((sink) => {
      sink(Buffer.from('a,b\n'));
      sink(Buffer.from('1,2\n'));
    });
    expect(() => csv.sha256()).toThrow(/not been written/);
    const files = new Map<string, ReportContent>([
      ['z-data.csv', csv.content],
      ['datapackage.json', { kind: 'deferred', make: () => JSON.stringify({ hash: csv.sha256() }) }],
      ['a-notes.md', 'notes\n'],
    ]);
    expect(writeOrder(files).map(([n]) => n)).toEqual(['a-notes.md', 'z-data.csv', 'datapackage.json']);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-report-'));
    try {
      await writeFolderAtomically(path.join(dir, 'out'), files);
      expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['a-notes.md', 'datapackage.json', 'z-data.csv']);
      expect(readFileSync(path.join(dir, 'out', 'z-data.csv'), 'utf8')).toBe('a,b\n1,2\n');
      expect(JSON.parse(readFileSync(path.join(dir, 'out', 'datapackage.json'), 'utf8'))).toEqual({ hash: sha('a,b\n1,2\n') });
      expect(csv.sha256()).toBe(sha('a,b\n1,2\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('materialise the same bytes a folder gets, keeping the order of names', () => {
    const csv = hashedChunks((sink) => sink(Buffer.from('x\n')));
    const files = new Map<string, ReportContent>([
      ['datapackage.json', { kind: 'deferred', make: () => csv.sha256() }],
      ['data.csv', csv.content],
    ]);
    const held = materialise(files);
    expect([...held.keys()]).toEqual(['datapackage.json', 'data.csv']);
    expect(Buffer.from(held.get('data.csv')!).toString()).toBe('x\n');
    expect(held.get('datapackage.json')).toBe(sha('x\n'));
  });

  it('leave no folder behind when a chunked file fails half-way, and keep the old report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-report-'));
    try {
      const out = path.join(dir, 'out');
      await writeFolderAtomically(out, new Map([['old.csv', 'old\n']]));
      const failing: ReportContent = {
        kind: 'chunked',
        write(sink) {
          sink(Buffer.from('half'));
          throw new Error('disk full');
        },
      };
      await expect(writeFolderAtomically(out, new Map([['new.csv', failing]]))).rejects.toThrow(/disk full/);
      expect(readdirSync(dir)).toEqual(['out']);
      expect(readdirSync(out)).toEqual(['old.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
