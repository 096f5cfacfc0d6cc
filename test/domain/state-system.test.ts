import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../src/domain/country.js';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { packKey } from '../../src/domain/dyad-year-key.js';
import { COW_SPELLS, GW_SPELLS } from '../../src/domain/state-system-data.js';
import { STATE_SYSTEM_ADDITIONS } from '../../src/domain/state-system-additions.js';
import { spellsText, stateSystemOf, type StateSystem } from '../../src/domain/state-system.js';

const I = (s: string) => s as Iso3;
const system = stateSystemOf(createCrosswalk());
const years = (s: StateSystem, state: string) => spellsText(s.spells(I(state)));

describe('the state system under the default succession rules', () => {
  it('has Russia from 1816 to the present (the Russian Empire and the USSR reported as RUS)', () => {
    expect(years(system, 'RUS')).toBe('1816–present');
    for (const y of [1816, 1917, 1946, 1991, 1992, 2016, 2024, 2100]) expect(system.exists(I('RUS'), y), `${y}`).toBe(true);
    expect(system.exists(I('RUS'), 1815)).toBe(false);
    expect(years(system, 'SUN')).toBe('never');
  });

  it('has East Germany 1949–1990 only, and Germany before 1945 and from 1949 (West Germany is DEU)', () => {
    expect(years(system, 'DDR')).toBe('1949–1990');
    expect(system.exists(I('DDR'), 1990)).toBe(true); // to 2 October 1990
    expect(system.exists(I('DDR'), 1991)).toBe(false);
    expect(system.exists(I('DDR'), 1995)).toBe(false);
    expect(years(system, 'DEU')).toBe('1816–1945, 1949–present');
    for (const y of [1946, 1947, 1948]) expect(system.exists(I('DEU'), y)).toBe(false); // occupied
  });

  it('keeps Czechoslovakia and South Yemen distinct, and merges North Yemen into Yemen', () => {
    expect(years(system, 'CSK')).toBe('1918–1992');
    expect(years(system, 'CZE')).toBe('1993–present');
    expect(years(system, 'SVK')).toBe('1993–present');
    expect(years(system, 'YMD')).toBe('1967–1990');
    expect(years(system, 'YEM')).toBe('1918–present');
    expect(years(system, 'YAR')).toBe('never');
  });

  it('reports Yugoslavia and Serbia and Montenegro as Serbia', () => {
    expect(years(system, 'SRB')).toBe('1878–present');
    expect(years(system, 'YUG')).toBe('never');
    expect(years(system, 'SCG')).toBe('never');
    expect(years(system, 'MNE')).toBe('1868–1915, 2006–present');
  });

  it('counts Taiwan (in both lists) and Kosovo (from 2008), adds Palestine and the Holy See, and never a territory', () => {
    expect(years(system, 'TWN')).toBe('1949–present');
    expect(years(system, 'XKX')).toBe('2008–present');
    expect(years(system, 'PSE')).toBe('1988–present');
    expect(years(system, 'VAT')).toBe('1929–present');
    for (const t of ['HKG', 'ABW', 'GRL', 'XNC', 'ESH', 'XBI', 'XKA']) expect(years(system, t), t).toBe('never');
  });

  it('lists the members of a year sorted, the same array each time', () => {
    const m = system.members(1995);
    expect([...m]).toEqual([...m].sort());
    expect(m).toContain('RUS');
    expect(m).toContain('DEU');
    expect(m).not.toContain('DDR');
    expect(m).not.toContain('CSK');
    expect(system.members(1995)).toBe(m);
    expect(system.members(1989)).toContain('DDR');
    expect(system.members(1800)).toEqual([]);
  });

  it('has in 2016 exactly the states COW and G&W list as members at their end, plus the additions', () => {
    const cw = createCrosswalk();
    const open = new Set([
      ...COW_SPELLS.filter((s) => s.end === null).map((s) => cw.resolve('cow', String(s.code), 2016)),
      ...GW_SPELLS.filter((s) => s.end === null).map((s) => cw.resolve('gw', String(s.code), 2016)),
    ]);
    for (const a of STATE_SYSTEM_ADDITIONS) open.add(I(a.iso3));
    expect([...system.members(2016)]).toEqual([...open].sort());
    expect(system.members(2016)).toHaveLength(197); // 195 COW members at the end of 2016 + PSE + VAT
    expect(system.members(2030)).toEqual(system.members(2016)); // continued to the present, no clock read
  });

  it('answers pairExists for packed keys in either order', () => {
    expect(system.pairExists(packKey(I('DDR'), I('RUS'), 1989))).toBe(true);
    expect(system.pairExists(packKey(I('RUS'), I('DDR'), 1989))).toBe(true);
    expect(system.pairExists(packKey(I('RUS'), I('DDR'), 1995))).toBe(false);
    expect(system.pairExists(packKey(I('HKG'), I('CHN'), 2000))).toBe(false);
    expect(system.pairExists(packKey(I('AAA'), I('RUS'), 2000))).toBe(false);
  });

  it('is every year a member of some list: exists agrees with the spells', () => {
    for (const s of system.states) {
      for (const r of system.spells(s)) {
        expect(system.exists(s, r.from)).toBe(true);
        expect(system.exists(s, r.from - 1)).toBe(false);
        if (r.to !== Infinity) {
          expect(system.exists(s, r.to)).toBe(true);
          expect(system.exists(s, r.to + 1)).toBe(false);
        }
      }
    }
  });
});

describe('the state system follows the succession rules in force', () => {
  it('keeps the USSR apart with succession { SUN: SUN }: SUN 1816–1991, RUS from 1992', () => {
    const s = stateSystemOf(createCrosswalk({ succession: { SUN: 'SUN' } }));
    expect(years(s, 'SUN')).toBe('1816–1991');
    expect(years(s, 'RUS')).toBe('1992–present');
    expect(s.exists(I('RUS'), 1990)).toBe(false);
  });

  it('keeps Yugoslavia, Serbia and Montenegro and North Yemen apart when asked', () => {
    const s = stateSystemOf(createCrosswalk({ succession: { YUG: 'YUG', SCG: 'SCG', YAR: 'YAR' } }));
    expect(years(s, 'YUG')).toBe('1878–1991');
    expect(years(s, 'SCG')).toBe('1992–2006'); // G&W: to 4 June 2006
    expect(years(s, 'SRB')).toBe('1878–1915, 2006–present'); // G&W 340, Serbia
    expect(years(s, 'YAR')).toBe('1918–1990');
    expect(years(s, 'YEM')).toBe('1990–present');
  });

  it('merges East Germany into Germany with { DDR: DEU }', () => {
    const s = stateSystemOf(createCrosswalk({ succession: { DDR: 'DEU' } }));
    expect(years(s, 'DDR')).toBe('never');
    expect(years(s, 'DEU')).toBe('1816–1945, 1949–present');
  });

  it('builds one state system per set of rules', () => {
    expect(stateSystemOf(createCrosswalk())).toBe(system);
    expect(stateSystemOf(createCrosswalk({ succession: { SUN: 'SUN' } }))).not.toBe(system);
  });
});

