import path from 'node:path';
import { expect, it } from 'vitest';
import type { CodeSystem } from '../../src/domain/code-system.js';
import { createCrosswalk, type Crosswalk } from '../../src/domain/crosswalk.js';
import { AGGREGATE_NAMES } from '../../src/domain/crosswalk-data.js';
import { describeShared, readGzipCsv } from '../helpers/shared-data.js';

/** The default crosswalk (USSR → RUS, Yugoslavia → SRB, North Yemen → YEM …). */
const cw = createCrosswalk();
/** Keeps every historical entity distinct, to see what a code means before succession. */
const distinct = createCrosswalk({ succession: { SUN: 'SUN', YUG: 'YUG', SCG: 'SCG', YAR: 'YAR' } });

/** The inputs among `inputs` that do not resolve in `system` (each with its year, if any). */
function unresolved(crosswalk: Crosswalk, system: CodeSystem, inputs: Iterable<readonly [string, number?]>): string[] {
  const bad: string[] = [];
  for (const [raw, year] of inputs) {
    if (crosswalk.tryResolve(system, raw, year) === null) bad.push(year === undefined ? raw : `${raw}@${year}`);
  }
  return bad;
}

/** Prints how many distinct inputs a test checked and lists any that failed. */
function report(what: string, checked: number, bad: readonly string[]): void {
  console.log(`${what}: ${checked} checked${bad.length > 0 ? `, unresolved: ${bad.join(' | ')}` : ''}`);
}

describeShared('crosswalk against the real sources', (dir) => {
  const file = (p: string) => path.join(dir, p);

  it('resolves every COW state spell since 1816 by code, abbreviation and name, all to the same entity', () => {
    const rows = readGzipCsv(file('states/cow_states2016.csv.gz'));
    expect(rows).toHaveLength(243);
    const problems: string[] = [];
    for (const r of rows) {
      const [first, last] = [Number(r['styear']), Number(r['endyear'])];
      for (const year of new Set([first, Math.round((first + last) / 2), last])) {
        const byCode = distinct.tryResolve('cow', r['ccode'] ?? '', year);
        const byAbb = distinct.tryResolve('cow_abb', r['stateabb'] ?? '', year);
        const byName = distinct.tryResolve('name', r['statenme'] ?? '', year);
        if (byCode === null || byCode !== byAbb || byCode !== byName) {
          problems.push(`${r['ccode']} ${r['stateabb']} ${r['statenme']}@${year}: ${byCode} ${byAbb} ${byName}`);
        }
      }
    }
    report('COW states', rows.length, problems);
    expect(problems).toEqual([]);
  });

  it('gives COW and G&W codes of the same number the same entity while both lists have it', () => {
    const spells = (f: string, code: string, from: string, to: string) =>
      readGzipCsv(file(f)).map((r) => ({
        code: r[code] ?? '',
        from: Number((r[from] ?? '').slice(0, 4)),
        to: Number((r[to] ?? '').slice(0, 4)),
      }));
    const gw = spells('states/gw_states_2017.csv.gz', 'gwcode', 'startdate', 'enddate');
    const cowSpells = spells('states/cow_states2016.csv.gz', 'ccode', 'styear', 'endyear');
    const disagree = new Set<string>();
    for (const c of cowSpells) {
      for (let year = c.from; year <= c.to; year++) {
        if (!gw.some((g) => g.code === c.code && g.from <= year && year <= g.to)) continue;
        if (distinct.resolve('cow', c.code, year) !== distinct.resolve('gw', c.code, year)) disagree.add(c.code);
      }
    }
    // COW 345 is "Yugoslavia" until 2006 (then Serbia); G&W 345 ends in 2006 as Serbia and
    // Montenegro; both report as Serbia by default.
    expect([...disagree]).toEqual(['345']);
  });

  it.each([
    ['trade/cow_dyadic_trade_v4.0_rounded_peacesciencer.csv.gz', 1870, 2014],
    ['trade/cow_dyadic_trade_v3.0_1870-2009.csv.gz', 1870, 2009],
    ['alliances/atop5.1_ddyr_peacesciencer.csv.gz', 1815, 2018],
    ['alliances/cow_alliance_v4.1_ddy_peacesciencer.csv.gz', 1816, 2012],
  ])('resolves every ccode1/ccode2 of %s with its row year', (name, firstYear, lastYear) => {
    const rows = readGzipCsv(file(name), ['ccode1', 'ccode2', 'year']);
    const inputs = new Map<string, readonly [string, number]>();
    let pseudo = 0;
    for (const r of rows) {
      const year = Number(r['year']);
      for (const code of [r['ccode1'] ?? '', r['ccode2'] ?? '']) {
        // COW trade v3.0's alternative China flow (2007–2009) is not a state: the reader skips it.
        if (code === '710.1') pseudo++;
        else inputs.set(`${code}@${year}`, [code, year]);
      }
    }
    const years = [...inputs.values()].map(([, year]) => year);
    expect([Math.min(...years), Math.max(...years)]).toEqual([firstYear, lastYear]);
    expect(pseudo > 0).toBe(name.includes('v3.0'));
    const bad = unresolved(cw, 'cow', inputs.values());
    report(`${path.basename(name)} code-years`, inputs.size, bad);
    expect(bad).toEqual([]);
  });

  it('agrees with the Voeten COW→ISO3 pairs except for their known South Yemen error', () => {
    const rows = readGzipCsv(file('unga/voeten_idealpointestimates_All_apr2020.csv.gz'), ['ccode', 'session', 'iso3c']);
    const disagree = new Set<string>();
    for (const r of rows) {
      const year = Number(r['session']) + 1945;
      const theirs = cw.resolve('iso3', r['iso3c'] ?? '', year);
      if (cw.resolve('cow', r['ccode'] ?? '', year) !== theirs) disagree.add(`${r['ccode']}→${r['iso3c']}`);
    }
    expect([...disagree]).toEqual(['680→YAR']);
  });

  it('resolves every country code and every country name of the unvotes release, consistently', () => {
    const rows = readGzipCsv(file('unga/unvotes_un_votes.csv.gz'), ['country', 'country_code']);
    const pairs = new Map(rows.map((r) => [`${r['country']}|${r['country_code']}`, r]));
    const problems: string[] = [];
    for (const r of pairs.values()) {
      const country = r['country'] ?? '';
      const code = r['country_code'] ?? '';
      const byName = distinct.tryResolve('name', country);
      const byCode = code === '' ? byName : distinct.tryResolve('iso2', code);
      if (byName === null || byCode !== byName) problems.push(`${country} (${code}): ${byName} ${byCode}`);
    }
    report('unvotes country/code pairs', pairs.size, problems);
    expect(pairs.size).toBeGreaterThan(190);
    expect(problems).toEqual([]);
    expect(cw.resolve('iso2', 'NA')).toBe('NAM');
    for (const name of ['Yemen Arab Republic', 'Zanzibar', 'Federal Republic of Germany']) {
      expect(pairs.has(`${name}|`), name).toBe(true);
    }
  });

  it('resolves every COW code of the Voeten votes with its row year', () => {
    const rows = readGzipCsv(file('unga/votes_voeten2017.csv.gz'), ['ccode', 'year']);
    const inputs = new Map(rows.map((r) => [`${r['ccode']}@${r['year']}`, [r['ccode'] ?? '', Number(r['year'])] as const]));
    const bad = unresolved(cw, 'cow', inputs.values());
    report('Voeten code-years', inputs.size, bad);
    expect(bad).toEqual([]);
  });

  it('resolves every Gleditsch–Ward state since 1816, to the entity its name means', () => {
    const rows = readGzipCsv(file('states/gw_states_2017.csv.gz'));
    expect(rows).toHaveLength(216);
    const problems: string[] = [];
    for (const r of rows) {
      const first = Number((r['startdate'] ?? '').slice(0, 4));
      const last = Number((r['enddate'] ?? '').slice(0, 4));
      for (const year of new Set([first, Math.round((first + last) / 2), last])) {
        const byCode = cw.tryResolve('gw', r['gwcode'] ?? '', year);
        const byName = cw.tryResolve('name', r['statename'] ?? '', year);
        if (byCode === null || byCode !== byName) problems.push(`${r['gwcode']} ${r['statename']}@${year}: ${byCode} ${byName}`);
      }
    }
    report('G&W states', rows.length, problems);
    expect(problems).toEqual([]);
  });

  it('resolves every MME participant name', () => {
    const slots = readGzipCsv(file('drills/mme_v7.csv.gz')).flatMap((r) =>
      Object.entries(r).filter(([column, v]) => /^State[A-Z]+$/.test(column) && v !== '').map(([, v]) => v),
    );
    const names = new Set(slots.filter((v) => !['-9', 'NATO', 'Baltic States'].includes(v)));
    const bad = unresolved(cw, 'name', [...names].map((n) => [n] as const));
    report('MME participant names', names.size, bad);
    expect(bad).toEqual([]);
  });

  it('agrees with the G&W codes of the MME long file, except its Vietnam = 817 slip', () => {
    const rows = readGzipCsv(file('drills/mme_v7_long_troopdata.csv.gz'), ['gwcode', 'country', 'year']);
    const disagree = new Set<string>();
    for (const r of rows) {
      if (r['gwcode'] === 'NA') continue;
      const year = Number(r['year']);
      if (cw.resolve('gw', r['gwcode'] ?? '', year) !== cw.resolve('name', r['country'] ?? '', year)) {
        disagree.add(`${r['country']}=${r['gwcode']}`);
      }
    }
    expect([...disagree]).toEqual(['Vietnam=817']);
  });

  it('resolves every JME participant code after trimming and upper-casing', () => {
    const rows = readGzipCsv(file('drills/dorazio_jme_v3_sheet.csv.gz'));
    const codes = new Set(
      rows.flatMap((r) => Object.entries(r).filter(([c]) => /^State [A-Z]+$/.test(c)).map(([, v]) => v.trim().toUpperCase())),
    );
    const states = [...codes].filter((c) => c !== '' && c !== '-9' && !c.includes('NATO'));
    const bad = unresolved(cw, 'iso3', states.map((c) => [c] as const));
    report('JME codes', states.length, bad);
    expect(bad).toEqual([]);
  });

  it('resolves every SIPRI recipient and supplier that is a state or territory', () => {
    const rows = readGzipCsv(file('arms/sipri_trade_register_2025-03-13.csv.gz'), ['Recipient', 'Supplier']);
    const names = new Set(rows.flatMap((r) => [r['Recipient'] ?? '', r['Supplier'] ?? '']));
    const states = [...names].filter((n) => !n.endsWith('*') && !/^unknown (supplier|recipient)\(s\)$/.test(n));
    const bad = unresolved(cw, 'name', states.map((n) => [n] as const));
    report('SIPRI register names', states.length, bad);
    expect(bad).toEqual([]);
  });

  it('resolves every country of the SIPRI TIV tables', () => {
    const names = new Set([
      ...readGzipCsv(file('arms/sipri_tiv_exporters_1950-2024.csv.gz'), ['Exports by']).map((r) => r['Exports by'] ?? ''),
      ...readGzipCsv(file('arms/sipri_tiv_importers_1950-2024.csv.gz'), ['Recipient']).map((r) => r['Recipient'] ?? ''),
      ...readGzipCsv(file('arms/sipri_tiv_2024_by_supplier.csv.gz'), ['Supplier', 'Recipient']).flatMap((r) => [
        r['Supplier'] ?? '',
        r['Recipient'] ?? '',
      ]),
    ]);
    const states = [...names].filter((n) => n !== '' && !n.startsWith('Total') && !n.endsWith('*') && !AGGREGATE_NAMES.has(n));
    const bad = unresolved(cw, 'name', states.map((n) => [n] as const));
    report('SIPRI TIV names', states.length, bad);
    expect(bad).toEqual([]);
  });

  it('resolves every IMF DOTS partner that is a country, not an aggregate', () => {
    const names = new Set(
      ['trade/imf_dots_russia_exports_fob_2011-2023.csv.gz', 'trade/imf_dots_russia_imports_cif_2010-2022.csv.gz'].flatMap(
        (f) => readGzipCsv(file(f), ['Counterpart Country']).map((r) => (r['Counterpart Country'] ?? '').trim()),
      ),
    );
    const countries = [...names].filter((n) => n !== '' && !AGGREGATE_NAMES.has(n));
    const bad = unresolved(cw, 'name', countries.map((n) => [n] as const));
    report('IMF DOTS partners', countries.length, bad);
    expect(countries.length).toBeGreaterThan(200);
    expect(bad).toEqual([]);
  });

  it('resolves every partner of the Russian exercise list', () => {
    const rows = readGzipCsv(file('drills/russia_joint_exercises_2009-2018.csv.gz'));
    const names = new Set(
      rows.flatMap((r) => Object.entries(r).filter(([c, v]) => /^part\d+$/.test(c) && v.trim() !== '').map(([, v]) => v)),
    );
    const bad = unresolved(cw, 'name', [...names].map((n) => [n] as const));
    report('Russia exercise partners', names.size, bad);
    expect(bad).toEqual([]);
  });
});
