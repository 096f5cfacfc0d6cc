import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readMme } from '../../../src/families/joint-drills/read-mme.js';
import { readMmeLong } from '../../../src/families/joint-drills/read-mme-long.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);
const cw = createCrosswalk();
const key = (e: { id: string; name: string; start: unknown }) => `${e.id}|${e.name}|${JSON.stringify(e.start)}`;

describe('readMmeLong on a tiny troopdata long file', () => {
  it('regroups exercise × participant × year rows into the exercises of the wide form', async () => {
    const long = await readMmeLong(fx('mme_long_small.csv'), cw);
    const wide = await readMme(fx('mme_small.csv'), cw);
    const byKey = new Map(long.exercises.map((e) => [key(e), e]));
    for (const w of wide.exercises) {
      const l = byKey.get(key(w));
      expect(l, w.name).toBeDefined();
      expect(l!.participants).toEqual(w.participants);
      expect(l!.domains).toEqual(w.domains);
      expect(l!.end).toEqual(w.end);
    }
    expect(long.exercises).toHaveLength(8);
  });

  it('counts an exercise over New Year once', async () => {
    const long = await readMmeLong(fx('mme_long_small.csv'), cw);
    expect(long.exercises.filter((e) => e.name === 'Relief 98')).toHaveLength(1);
  });

  it('falls back to the name when the G&W code is NA and skips non-states once per row', async () => {
    const long = await readMmeLong(fx('mme_long_small.csv'), cw);
    expect(long.exercises.find((e) => e.name === 'Relief 98')!.participants).toEqual(['GBR', 'KNA', 'USA']);
    expect(long.skipped.map((s) => s.raw)).toEqual(['-9', 'NATO', '-9']);
    expect(long.skipped.every((s) => s.column === 'country' && s.line > 1)).toBe(true);
  });

  it('uses the name when code and name disagree (troopdata codes Vietnam 817) and notes it', async () => {
    const long = await readMmeLong(fx('mme_long_small.csv'), cw);
    expect(long.exercises.find((e) => e.id === 'mme8')!.participants).toEqual(['LAO', 'VNM']);
    expect(long.unreadable.some((u) => u.message.startsWith('gwcode 817 is RVN in 1980 but the name "Vietnam" is VNM'))).toBe(true);
  });

  it('reports every bad row of a broken file together', async () => {
    const err = await readMmeLong(fx('mme_long_broken.csv'), cw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [6, undefined],
      [3, 'gwcode'],
      [4, 'country'],
    ]);
    expect(problems[2]!.message).toMatch(/no G&W code and unknown country name "Chna"/);
  });
});
