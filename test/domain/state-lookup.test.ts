import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { lookupPair, lookupState } from '../../src/domain/state-lookup.js';
import { stateSystemOf } from '../../src/domain/state-system.js';

const cw = createCrosswalk();
const system = stateSystemOf(cw);
const state = (raw: string, c = cw) => lookupState(raw, c, stateSystemOf(c));
const fails = (raw: string, c = cw): string => {
  const r = state(raw, c);
  if (r.ok) throw new Error(`"${raw}" was accepted as ${r.state}`);
  return r.message;
};

describe('lookupState', () => {
  it('accepts ISO3 codes in any case and with spaces', () => {
    expect(state('RUS')).toEqual({ ok: true, state: 'RUS' });
    expect(state(' irn ')).toEqual({ ok: true, state: 'IRN' });
  });

  it('accepts an unambiguous English name or spelling', () => {
    expect(state('Iran')).toEqual({ ok: true, state: 'IRN' });
    expect(state('Côte d’Ivoire')).toEqual({ ok: true, state: 'CIV' });
    expect(state('United States of America')).toEqual({ ok: true, state: 'USA' });
  });

  it('accepts withdrawn and alias ISO3 codes, reported as the succession rules say', () => {
    expect(state('ROM')).toEqual({ ok: true, state: 'ROU' });
    expect(state('SUN')).toEqual({ ok: true, state: 'RUS' });
    expect(state('Soviet Union')).toEqual({ ok: true, state: 'RUS' });
    expect(state('DDR')).toEqual({ ok: true, state: 'DDR' });
    expect(state('SUN', createCrosswalk({ succession: { SUN: 'SUN' } }))).toEqual({ ok: true, state: 'SUN' });
    // a withdrawn code names its own entity, not the later states the sources also wrote it for
    expect(state('YUG', createCrosswalk({ succession: { YUG: 'YUG', SCG: 'SCG' } }))).toEqual({ ok: true, state: 'YUG' });
  });

  it('refuses an unknown code and names the closest codes', () => {
    expect(fails('XYZ')).toMatch(/^"XYZ" is not a known state code or name; closest: /);
    expect(fails('RUZ')).toMatch(/closest: RUS \(Russia\)/);
    expect(fails('XYZ')).not.toMatch(/Cayman|Réunion/); // only states are suggested
  });

  it('refuses a misspelt name and suggests the state by name first', () => {
    expect(fails('Irna')).toMatch(/^"Irna" is not a known state code or name; closest: IRN \(Iran\)/);
    expect(fails('Rusia')).toContain('RUS (Russia)');
  });

  it('refuses ISO2 codes, COW abbreviations and numbers but says which state they are', () => {
    expect(fails('RU')).toBe('"RU" is not a known state code or name; it is an ISO2 code of Russia: write RUS');
    expect(fails('GMY')).toBe('"GMY" is not a known state code or name; it is a COW abbreviation of Germany: write DEU');
    expect(fails('365')).toContain('it is a COW number of Russia: write RUS');
  });

  it('refuses a territory and an entity outside the state system, saying why', () => {
    expect(fails('HKG')).toMatch(/^HKG \(Hong Kong\) is never a state of the state system/);
    expect(fails('Hong Kong')).toMatch(/^"Hong Kong" \(HKG, Hong Kong\) is never a state/);
    expect(fails('XNC')).toContain('never a state');
  });

  it('refuses a name that means several states under the rules in force', () => {
    const apart = createCrosswalk({ succession: { SUN: 'SUN' } });
    expect(fails('Russia', apart)).toMatch(/^"Russia" means several states under the succession rules in force: SUN \(Soviet Union\) to 1991, RUS \(Russia\)/);
    expect(state('Russia')).toEqual({ ok: true, state: 'RUS' });
  });

  it('refuses an empty entry', () => {
    expect(fails('  ')).toContain('empty');
  });
});

describe('lookupPair', () => {
  it('reads two codes or names', () => {
    expect(lookupPair('RUS-IRN', cw, system)).toEqual({ ok: true, pair: ['RUS', 'IRN'] });
    expect(lookupPair('Russia-Iran', cw, system)).toEqual({ ok: true, pair: ['RUS', 'IRN'] });
  });

  it('finds a name with a hyphen', () => {
    expect(lookupPair('RUS-Guinea-Bissau', cw, system)).toEqual({ ok: true, pair: ['RUS', 'GNB'] });
  });

  it('says which side is unknown', () => {
    const r = lookupPair('RUS-XYZ', cw, system);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^"XYZ" is not a known state code or name/);
  });

  it('refuses a pair that is one state after the succession rules, or no pair at all', () => {
    expect(lookupPair('SUN-RUS', cw, system)).toEqual({ ok: false, message: '"SUN-RUS" names RUS twice (after the succession rules); a pair needs two states' });
    expect(lookupPair('RUSIRN', cw, system)).toEqual({ ok: false, message: '"RUSIRN" is not a pair like RUS-IRN' });
  });
});
