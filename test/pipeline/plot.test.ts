import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PLOT_NAME, defaultPlotName, plotNameArg } from '../../src/pipeline/plot.js';
import type { Iso3 } from '../../src/domain/country.js';

const pair = (s: string) => ({ a: s.slice(0, 3) as Iso3, b: s.slice(4) as Iso3 });

describe('plot file names', () => {
  it('are plot_<pairs> while short, with the suffix of --contributions or --indicator', () => {
    expect(defaultPlotName([pair('RUS-IRN'), pair('RUS-CHN')], {})).toBe('plot_RUS-IRN_RUS-CHN');
    expect(defaultPlotName([pair('RUS-IRN')], { contributions: true })).toBe('plot_RUS-IRN_contributions');
    expect(defaultPlotName([pair('RUS-IRN')], { indicator: 'trade' })).toBe('plot_RUS-IRN_trade');
  });

  it('are cut after whole pairs with a count and a hash when long: never too long, never two lists with one name', () => {
    const code = fc.constantFrom('RUS', 'IRN', 'CHN', 'USA', 'FRA', 'DEU', 'GBR', 'IND', 'BRA', 'TUR');
    const pairs = fc.uniqueArray(fc.tuple(code, code).filter(([a, b]) => a !== b), { minLength: 1, maxLength: 45, selector: ([a, b]) => `${a}-${b}` });
    const seen = new Map<string, string>();
    fc.assert(
      fc.property(pairs, fc.boolean(), (ps, contributions) => {
        const list = ps.map(([a, b]) => ({ a: a as Iso3, b: b as Iso3 }));
        const name = defaultPlotName(list, { contributions });
        expect(name.length).toBeLessThanOrEqual(MAX_PLOT_NAME);
        expect(() => plotNameArg(name)).not.toThrow();
        const full = `plot_${ps.map((p) => p.join('-')).join('_')}${contributions ? '_contributions' : ''}`;
        if (full.length > MAX_PLOT_NAME) expect(name).toMatch(/^plot_[A-Z]{3}-[A-Z]{3}(_[A-Z]{3}-[A-Z]{3})*_and_\d+_more(_contributions)?_[0-9a-f]{10}$/);
        else expect(name).toBe(full);
        const key = `${ps.map((p) => p.join('-')).join(',')}|${contributions}`;
        const before = seen.get(name);
        if (before !== undefined) expect(before).toBe(key);
        seen.set(name, key);
      }),
      { numRuns: 500 },
    );
  });

  it('--name must be a plain name of at most 120 characters', () => {
    expect(plotNameArg('russia-partners')).toBe('russia-partners');
    for (const bad of ['.hidden', '../escape', 'a/b', '', 'x'.repeat(121)]) expect(() => plotNameArg(bad), bad).toThrow(/--name/);
  });
});
