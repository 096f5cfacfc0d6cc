import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { snapshotFolder } from '../helpers/folder-snapshot.js';
import { FUZZ_CASE_TIMEOUT_MS, FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, describeCase, hostileBytes, removeTempFiles, tempDir } from './hostile.js';

afterAll(removeTempFiles);

/** Each case scores the whole sample, so the CLI property runs fewer cases (15 by default). */
const CLI_RUNS = Math.max(1, Math.round(FUZZ_RUNS / 4));

/** The sample's inputs, with the lines (notes and header) that body mutations keep. */
const INPUTS: Readonly<Record<string, number>> = {
  'un_votes.csv': 1,
  'un_roll_calls.csv': 1,
  'un_roll_call_issues.csv': 1,
  'sipri_trade_register.csv': 12,
  'mme_exercises.csv': 1,
  'cow_trade.csv': 1,
  'atop_alliances.csv': 1,
};

describe('hostile input end to end: entente score', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('one corrupted input: exit 0 or 2 (never 1); on 2 the report folder is byte-identical and nothing temporary is left', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'entente.yaml'), path.join(dir, 'entente.yaml'));
    cpSync(path.join(ROOT, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
    const config = path.join(dir, 'entente.yaml');
    const reports = path.join(dir, 'reports');
    const first = await runCli(['score', '--config', config]);
    expect(first.code, first.err).toBe(0);
    const originals = new Map(Object.keys(INPUTS).map((f) => [f, readFileSync(path.join(dir, 'indicators/sample', f))]));
    const hostileInput = fc
      .constantFrom(...Object.keys(INPUTS))
      .chain((file) => hostileBytes(originals.get(file)!, { keep: INPUTS[file] }).map((h) => ({ file, name: h.name, bytes: h.bytes, [fc.toStringMethod]: () => `${file} ${describeCase(h)}` })));

    await fc.assert(
      fc.asyncProperty(hostileInput, async ({ file, bytes }) => {
        const before = snapshotFolder(reports);
        const input = path.join(dir, 'indicators/sample', file);
        writeFileSync(input, bytes);
        try {
          const r = await runCli(['score', '--config', config]);
          expect([0, 2], `exit ${r.code}:\n${r.err.slice(0, 2000)}`).toContain(r.code);
          if (r.code === 2) {
            expect(Object.keys(INPUTS).some((f) => r.err.includes(f)), r.err.slice(0, 500)).toBe(true); // the file, or the one it disagrees with
            const after = snapshotFolder(reports);
            expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
            for (const [name, content] of before) expect(after.get(name)!.equals(content), `${name} changed`).toBe(true);
          }
          expect(readdirSync(reports)).toEqual(['sample']);
          expect(readdirSync(path.join(reports, 'sample')).filter((f) => f.startsWith('.'))).toEqual(['.entente-report']); // the marker only: no temporary files
        } finally {
          writeFileSync(input, originals.get(file)!);
        }
      }),
      { numRuns: CLI_RUNS, timeout: FUZZ_CASE_TIMEOUT_MS * 3 },
    );
  });
});
