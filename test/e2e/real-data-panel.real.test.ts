import { expect, it } from 'vitest';
import path from 'node:path';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore } from '../../src/pipeline/score.js';
import { explainModelOf } from '../../src/pipeline/toolkit.js';
import { indexSeriesOf } from '../../src/analysis/index-series.js';
import { boundaryRows } from '../../src/analysis/validity.js';
import { unpackKey } from '../../src/domain/dyad-year-key.js';
import { ROOT } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';

/** States outside the UN General Assembly (no votes, no ideal points) in the years scored. */
const NON_MEMBERS = new Set(['TWN', 'XKX', 'PSE', 'VAT']);

describeShared('examples/real-data.yaml: every pair of existing states, 1946–2024, no jump where a source starts or ends', (dataDir) => {
  it('has a row for every pair of existing states in every year, an index for 99.9 % of them 1992–2024 outside the four non-members (thin UN years take the nearest year with enough votes), and index_chained free of boundary artefacts', { timeout: 600_000 }, async () => {
    const config = await readConfig(path.join(ROOT, 'examples/real-data.yaml'), { ENTENTE_DATA_DIR: dataDir });
    const run = await computeScore(config);
    const t = run.table;
    const system = run.stateSystem;
    const perYear = new Map<number, number>();
    let rows = 0;
    let indexed = 0;
    const missingByState = new Map<string, number>();
    for (let r = 0; r < t.keys.length; r++) {
      const { a, b, year } = unpackKey(t.keys[r]!);
      expect(year).toBeGreaterThanOrEqual(1946);
      expect(year).toBeLessThanOrEqual(2024);
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
      if (year < 1992 || NON_MEMBERS.has(a) || NON_MEMBERS.has(b)) continue;
      rows++;
      if (t.index[r] === t.index[r]) indexed++;
      else for (const s of [a, b]) missingByState.set(s, (missingByState.get(s) ?? 0) + 1);
    }
    // the panel: every pair of states that exist in the year
    for (const year of [1946, 1992, 2015, 2024]) {
      const n = system.members(year).length;
      expect(perYear.get(year)).toBe((n * (n - 1)) / 2);
    }
    const worst = [...missingByState].sort((x, y) => y[1] - x[1]).slice(0, 8);
    console.log(`1992–2024, pairs of UN members: ${indexed} of ${rows} pair-years with an index; most missing: ${worst.map(([s, n]) => `${s} ${n}`).join(', ')}`);
    expect(indexed / rows).toBeGreaterThan(0.999);

    const chained = indexSeriesOf(t, explainModelOf(config), new Set(config.indicators.map((i) => i.family.name))).find((s) => s.name === 'index_chained')!;
    const boundaries = boundaryRows(chained).filter((r) => r.metric === 'boundary_artefact_median');
    expect(boundaries.length).toBeGreaterThanOrEqual(4);
    for (const b of boundaries) expect(Math.abs(b.value), b.scope).toBeLessThanOrEqual(0.5);
  });
});
