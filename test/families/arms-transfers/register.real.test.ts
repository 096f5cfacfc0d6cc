/**
 * Acceptance tests of the arms family on SIPRI's real exports in ../shared/data/arms
 * (skipped without the folder, required in CI with ENTENTE_REQUIRE_SHARED=1).
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { ALLOCATION_NAMES, allocateTiv } from '../../../src/families/arms-transfers/allocate.js';
import type { SipriDeal } from '../../../src/families/arms-transfers/deal.js';
import type { IndicatorData } from '../../../src/families/family.js';
import { deliveredTiv } from '../../../src/families/arms-transfers/small-tiv.js';
import { armsTransfersFamily as fam } from '../../../src/families/arms-transfers/family.js';
import { readSipriRegister } from '../../../src/families/arms-transfers/read-sipri-register.js';
import { readSipriTivTotals } from '../../../src/families/arms-transfers/read-sipri-tiv.js';
import { ROOT, runCli } from '../../helpers/cli.js';
import { describeShared } from '../../helpers/shared-data.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';

const I = (c: string): Iso3 => c as Iso3;

describeShared('arms transfers on the real SIPRI register', (dir) => {
  const f = (p: string): string => path.join(dir, 'arms', p);
  const REGISTER = f('raw/sipri_trade_register_2025-03-13_raw.csv.gz');
  let deals: readonly SipriDeal[] = [];
  const ctx = testContext();
  const load = (sources: Record<string, unknown>[], measure = 'tiv'): Promise<IndicatorData> => loadIndicator(fam, 'arms', sources, measure, {}, ctx);

  beforeAll(async () => {
    deals = (await readSipriRegister(REGISTER)).deals;
  });

  it('puts Russia → Iran Tor-M1 (2006–2007, 362.5) and S-300PMU2 (2016, 220) in those years with those totals', () => {
    const ri = deals.filter((d) => d.supplier === 'Russia' && d.recipient === 'Iran');
    const tor = allocateTiv(deliveredTiv(ri.find((d) => d.weaponDesignation === 'Tor-M1')!), ri.find((d) => d.weaponDesignation === 'Tor-M1')!.deliveryYears, 'even');
    expect(tor).toEqual([
      { year: 2006, tiv: 181.25 },
      { year: 2007, tiv: 181.25 },
    ]);
    const s300 = ri.find((d) => d.weaponDesignation === 'S-300PMU2 Favorit')!;
    expect(allocateTiv(deliveredTiv(s300), s300.deliveryYears, 'even')).toEqual([{ year: 2016, tiv: 220 }]);
  });

  it("allocates every deal's delivered TIV so that it sums back, under every rule", () => {
    let checked = 0;
    const off: string[] = [];
    for (const rule of ALLOCATION_NAMES) {
      for (const d of deals) {
        const want = deliveredTiv(d);
        const got = allocateTiv(want, d.deliveryYears, rule).reduce((s, p) => s + p.tiv, 0);
        if (Math.abs(got - want) > 1e-9 * Math.max(1, want)) off.push(`${rule} line ${d.line}: ${got} ≠ ${want}`);
        checked++;
      }
    }
    expect(off).toEqual([]);
    expect(checked).toBe(3 * 29515);
  });

  it('gives the 2024 Russia → Iran pair-table value (42) precedence over the even split (31.5)', async () => {
    const registerOnly = await load([{ format: 'sipri_register', path: REGISTER }]);
    expect(registerOnly.values.get(I('RUS'), I('IRN'), 2024)).toBe(31.5);
    const both = await load([
      { format: 'sipri_register', path: REGISTER },
      { format: 'sipri_tiv', table: 'pairs', path: f('raw/sipri_tiv_2024_by_supplier_raw.csv.gz') },
    ]);
    expect(both.values.get(I('RUS'), I('IRN'), 2024)).toBe(42);
    expect(both.values.get(I('RUS'), I('IND'), 2024)).toBe(463);
    expect(both.values.get(I('RUS'), I('IRN'), 2016)).toBe(registerOnly.values.get(I('RUS'), I('IRN'), 2016));
    expect(both.coverage).toEqual([{ from: 1950, to: 2024 }]);
  });

  it('resolves every state name and lists the skipped non-state entities with counts (entente validate)', async () => {
    const d = await load([{ format: 'sipri_register', path: REGISTER }]);
    const notes = d.notes.join('\n');
    expect(notes).toMatch(/^skipped 616 deal\(s\) with non-state parties/m);
    for (const s of ['Hezbollah (Lebanon)* (19)', 'Houthi rebels (Yemen)* (9)', 'UNITA (Angola)* (4)', 'NATO** (20)', 'United Nations** (34)', 'African Union** (12)', 'unknown supplier(s) (290)', 'unknown recipient(s) (80)']) {
      expect(notes).toContain(s);
    }
    console.log(`entente validate notes for the real register:\n${notes}`);
  });

  it('entente validate on the real register prints the skipped non-state entities with counts', async () => {
    const r = await runCli(['validate', '--config', path.join(ROOT, 'bench/arms.yaml')]);
    expect(r.code).toBe(0);
    const text = `${r.out}\n${r.err}`;
    expect(text).toMatch(/skipped 616 deal\(s\) with non-state parties/);
    expect(text).toContain('Hezbollah (Lebanon)* (19)');
    expect(text).toContain('NATO** (20)');
    expect(text).toContain('unknown supplier(s) (290)');
  });

  it("compares each recipient's yearly imports from the register (even split) with SIPRI's importer table", async () => {
    const imp = await readSipriTivTotals(f('sipri_tiv_importers_1950-2024.csv.gz'), 'importers');
    const years = new Set(imp.coveredYears);
    const table = new Map(imp.rows.map((r) => [r.name, r.values]));
    const register = new Map<string, number>();
    for (const d of deals) {
      if (!table.has(d.recipient)) continue;
      for (const p of allocateTiv(deliveredTiv(d), d.deliveryYears, 'even')) {
        if (!years.has(p.year)) continue;
        const k = `${d.recipient}|${p.year}`;
        register.set(k, (register.get(k) ?? 0) + p.tiv);
      }
    }
    const keys = new Set(register.keys());
    for (const [name, values] of table) for (const y of values.keys()) keys.add(`${name}|${y}`);
    let within10 = 0;
    let within10or05 = 0;
    for (const k of keys) {
      const [name, y] = k.split('|') as [string, string];
      const t = table.get(name)!.get(Number(y)) ?? 0;
      const r = register.get(k) ?? 0;
      if (Math.abs(r - t) <= 0.1 * t) within10++;
      if (Math.abs(r - t) <= Math.max(0.1 * t, 0.5)) within10or05++;
    }
    const pct = (n: number): string => `${((100 * n) / keys.size).toFixed(1)} %`;
    console.log(
      `register (even split) vs SIPRI importer table, ${keys.size} recipient-years ${imp.coveredYears[0]}–${imp.coveredYears.at(-1)}: ` +
        `${pct(within10)} agree within 10 %, ${pct(within10or05)} within 10 % or 0.5 TIV (the table's rounding)`,
    );
    expect(keys.size).toBeGreaterThan(5000);
  });
});
