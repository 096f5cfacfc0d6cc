import { expect, it } from 'vitest';
import path from 'node:path';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore } from '../../src/pipeline/score.js';
import { unpackKey } from '../../src/domain/dyad-year-key.js';
import { inRanges } from '../../src/domain/year.js';
import { ROOT } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';

describeShared('examples/real-data-levels.yaml on the real published files', (dataDir) => {
  it('scores all eight families, with values per decade inside coverage and empty outside it', async () => {
    const config = await readConfig(path.join(ROOT, 'examples/real-data-levels.yaml'), { ENTENTE_DATA_DIR: dataDir });
    const run = await computeScore(config);
    const t = run.table;
    expect(run.sample).toBe(false);
    expect(t.ids).toEqual(['un', 'arms', 'drills', 'trade', 'ideal', 'alliance', 'igo', 'events']);
    const perDecade = new Map<string, Map<number, number>>();
    t.ids.forEach((id, i) => {
      const counts = new Map<number, number>();
      const cov = run.data.get(id)!.coverage;
      const raw = t.raw[i]!;
      for (let r = 0; r < t.keys.length; r++) {
        const year = t.keys[r]! % 4096;
        const v = raw[r]!;
        if (!inRanges(year, cov)) expect(Number.isNaN(v), `${id} ${year} outside coverage must be empty`).toBe(true);
        if (Number.isNaN(v)) continue;
        const d = Math.floor(year / 10) * 10;
        counts.set(d, (counts.get(d) ?? 0) + 1);
      }
      perDecade.set(id, counts);
    });
    const decades = [...new Set([...perDecade.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
    const lines = [`pair-years with a value, per decade\n${'decade'.padEnd(8)}${t.ids.map((id) => id.padStart(10)).join('')}`];
    for (const d of decades) lines.push(`${String(d).padEnd(8)}${t.ids.map((id) => String(perDecade.get(id)!.get(d) ?? 0).padStart(10)).join('')}`);
    console.log(lines.join('\n'));

    // coverage of each family, as its source documents it
    const cov = (id: string) => run.data.get(id)!.coverage;
    expect(inRanges(1964, cov('un'))).toBe(false); // no roll calls in 1964
    expect(inRanges(1990, cov('un'))).toBe(true);
    expect(cov('drills')).toEqual([{ from: 1980, to: 2010 }]);
    expect(inRanges(2015, cov('drills'))).toBe(false);
    expect(inRanges(1950, cov('arms')) && inRanges(2024, cov('arms'))).toBe(true);
    expect(inRanges(2015, cov('trade'))).toBe(false);
    expect(inRanges(1964, cov('ideal'))).toBe(false); // no session 19
    expect(cov('alliance')).toEqual([{ from: 1815, to: 2018 }]);
    expect(cov('igo')).toEqual([{ from: 1816, to: 2014 }]);
    expect(cov('events')).toEqual([{ from: 2018, to: 2023 }]); // 2024 is partial (54 of 366 days)
    // each family has values in each decade it covers
    expect(perDecade.get('un')!.get(2010)).toBeGreaterThan(100_000);
    expect(perDecade.get('drills')!.get(2000)).toBeGreaterThan(1000);
    expect(perDecade.get('drills')!.get(2010)).toBeGreaterThan(0);
    expect(perDecade.get('drills')!.get(2020) ?? 0).toBe(0);
    expect(perDecade.get('arms')!.get(1950)).toBeGreaterThan(100);
    expect(perDecade.get('trade')!.get(1870)).toBeGreaterThan(0);
    expect(perDecade.get('trade')!.get(2020) ?? 0).toBe(0);
    expect(perDecade.get('ideal')!.get(2010)).toBeGreaterThan(100_000);
    expect(perDecade.get('alliance')!.get(1900)).toBeGreaterThan(1000); // zeros inside ATOP's years count
    expect(perDecade.get('igo')!.get(2020) ?? 0).toBe(0);
    expect(perDecade.get('events')!.get(2020)).toBeGreaterThan(50_000);
    expect(perDecade.get('events')!.get(2010)).toBeGreaterThan(10_000);

    // the founding pair: Russia–Iran has UN, arms and trade values in 2005, no drills (none in MME)
    const find = (a: string, b: string, y: number) => {
      for (let r = 0; r < t.keys.length; r++) {
        const k = unpackKey(t.keys[r]!);
        if (k.a === a && k.b === b && k.year === y) return r;
      }
      return -1;
    };
    const r = find('IRN', 'RUS', 2005);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(t.raw[0]![r]).toBeCloseTo(0.81, 1); // UN agreement
    expect(t.raw[1]![r]).toBeGreaterThan(0); // arms delivered (Tor-M1 ordered 2005, delivered 2006-07; others)
    expect(t.raw[2]![r]).toBe(0); // no Russia–Iran exercise in MME
    expect(t.raw[4]![r]).toBeCloseTo(2.0, 0); // ideal-point distance (session 60)
    expect(t.raw[5]![r]).toBe(2); // ATOP: neutrality + non-aggression + consultation
    expect(t.raw[6]![r]).toBeGreaterThan(30); // shared IGOs
    expect(run.config.indicators.find((i) => i.id === 'ideal')!.polarity).toBe('negative');
    expect(t.index[r]).toBeGreaterThan(0);
  });
});
