import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asIso3 } from '../../src/domain/country.js';
import { createCrosswalk, foldName } from '../../src/domain/crosswalk.js';
import { COUNTRIES, DEFAULT_SUCCESSION } from '../../src/domain/crosswalk-data.js';
import { UnknownCountryError } from '../../src/domain/errors.js';

/** The default crosswalk (USSR → RUS, Yugoslavia → SRB, North Yemen → YEM …). */
const cw = createCrosswalk();
/** Keeps every historical entity distinct, to see what a code means before succession. */
const distinct = createCrosswalk({ succession: { SUN: 'SUN', YUG: 'YUG', SCG: 'SCG', YAR: 'YAR' } });

describe('crosswalk: dated codes and succession', () => {
  it.each([
    // system, raw, year, default result, result with historical entities kept distinct
    ['cow', '365', 1990, 'RUS', 'SUN'],
    ['cow', '365', 1991, 'RUS', 'SUN'],
    ['cow', '365', 1992, 'RUS', 'RUS'],
    ['cow', '255', 1995, 'DEU', 'DEU'],
    ['cow', '260', 1980, 'DEU', 'DEU'],
    ['cow', '265', 1980, 'DDR', 'DDR'],
    ['cow', '678', 1980, 'YEM', 'YAR'],
    ['cow', '679', 1995, 'YEM', 'YEM'],
    ['cow', '680', 1980, 'YMD', 'YMD'],
    ['cow', '345', 1985, 'SRB', 'YUG'],
    ['cow', '345', 1995, 'SRB', 'SCG'],
    ['cow', '345', 2010, 'SRB', 'SRB'],
    ['cow', '315', 1980, 'CSK', 'CSK'],
    ['cow', '316', 1995, 'CZE', 'CZE'],
    ['cow', '317', 1995, 'SVK', 'SVK'],
    ['cow', '710', 1980, 'CHN', 'CHN'],
    ['cow', '713', 1960, 'TWN', 'TWN'],
    ['cow', '511', 1963, 'EAZ', 'EAZ'],
    ['cow', '817', 1970, 'RVN', 'RVN'],
    ['cow_abb', 'RUS', 1985, 'RUS', 'SUN'],
    ['cow_abb', 'GFR', 1980, 'DEU', 'DEU'],
    ['cow_abb', 'YPR', 1980, 'YMD', 'YMD'],
    ['gw', '260', 1980, 'DEU', 'DEU'],
    ['gw', '260', 1995, 'DEU', 'DEU'],
    ['gw', '678', 1985, 'YEM', 'YAR'],
    ['gw', '678', 1995, 'YEM', 'YEM'],
    ['gw', '340', 2010, 'SRB', 'SRB'],
    ['gw', '345', 1985, 'SRB', 'YUG'],
    ['gw', '345', 2000, 'SRB', 'SCG'],
    ['gw', '365', 1980, 'RUS', 'SUN'],
    ['gw', '711', 1949, 'XTB', 'XTB'],
    ['gw', '816', 1970, 'VNM', 'VNM'],
    ['gw', '817', 1970, 'RVN', 'RVN'],
    ['name', 'Soviet Union', 2000, 'RUS', 'SUN'],
    ['name', 'Russia', 1980, 'RUS', 'SUN'],
    ['name', 'Russia', 2000, 'RUS', 'RUS'],
    ['name', 'Yugoslavia', 2000, 'SRB', 'SCG'],
    ['name', 'East Germany (GDR)', 1980, 'DDR', 'DDR'],
    ['name', 'Federal Republic of Germany', 1980, 'DEU', 'DEU'],
    ['name', 'Yemen Arab Republic (North Yemen)', 1980, 'YEM', 'YAR'],
    ['iso2', 'RU', 1980, 'RUS', 'SUN'],
    ['iso2', 'YU', 2010, 'SRB', 'SRB'],
    ['iso3', 'RUS', 1980, 'RUS', 'SUN'],
    ['iso3', 'SUN', 2000, 'RUS', 'SUN'],
    // states that ended before 1946: their own entities, no succession
    ['cow', '255', 1900, 'DEU', 'DEU'],
    ['gw', '255', 1850, 'DEU', 'DEU'],
    ['cow', '300', 1900, 'XAH', 'XAH'],
    ['gw', '300', 1816, 'XAH', 'XAH'],
    ['cow', '305', 1925, 'AUT', 'AUT'],
    ['cow_abb', 'AUH', 1900, 'XAH', 'XAH'],
    ['name', 'Austria-Hungary', 1900, 'XAH', 'XAH'],
    ['cow', '240', 1850, 'XHN', 'XHN'],
    ['cow', '245', 1850, 'XBV', 'XBV'],
    ['cow', '267', 1850, 'XBD', 'XBD'],
    ['cow', '269', 1850, 'XSX', 'XSX'],
    ['cow', '271', 1850, 'XWU', 'XWU'],
    ['cow', '273', 1850, 'XHK', 'XHK'],
    ['cow', '275', 1850, 'XHD', 'XHD'],
    ['gw', '275', 1850, 'XHD', 'XHD'],
    ['cow', '280', 1850, 'XMS', 'XMS'],
    ['cow', '327', 1850, 'XPS', 'XPS'],
    ['cow', '329', 1850, 'XTS', 'XTS'],
    ['cow', '332', 1850, 'XMD', 'XMD'],
    ['cow', '335', 1855, 'XPR', 'XPR'],
    ['cow', '337', 1850, 'XTU', 'XTU'],
    ['cow', '730', 1890, 'XKR', 'XKR'],
    ['gw', '730', 1900, 'XKR', 'XKR'],
    ['cow_abb', 'KOR', 1890, 'XKR', 'XKR'],
    ['name', 'Korea', 1890, 'XKR', 'XKR'],
    ['gw', '89', 1830, 'XCA', 'XCA'],
    ['gw', '99', 1825, 'XGC', 'XGC'],
    ['gw', '563', 1900, 'XTV', 'XTV'],
    ['gw', '564', 1900, 'XOF', 'XOF'],
    ['gw', '815', 1850, 'XVN', 'XVN'],
    ['gw', '340', 1900, 'SRB', 'SRB'],
    ['cow', '345', 1900, 'SRB', 'YUG'],
    ['cow', '365', 1900, 'RUS', 'SUN'],
    ['gw', '580', 1850, 'MDG', 'MDG'],
    ['cow', '600', 1900, 'MAR', 'MAR'],
  ] as const)('%s %s in %i resolves to %s (to %s when kept distinct)', (system, raw, year, byDefault, kept) => {
    expect(cw.resolve(system, raw, year)).toBe(byDefault);
    expect(distinct.resolve(system, raw, year)).toBe(kept);
  });

  it.each([
    ['cow', '365', 'RUS'],
    ['cow', '345', 'SRB'],
    ['gw', '345', 'SCG'],
    ['gw', '678', 'YEM'],
    ['iso3', 'RUS', 'RUS'],
    ['iso3', 'YUG', 'YUG'],
    ['name', 'Russia', 'RUS'],
  ] as const)('%s %s without a year takes its latest meaning, %s', (system, raw, expected) => {
    expect(distinct.resolve(system, raw)).toBe(expected);
  });

  it('keeps the USSR distinct when overridden, but only before 1992', () => {
    const keepUssr = createCrosswalk({ succession: { SUN: 'SUN' } });
    expect(keepUssr.resolve('cow', '365', 1990)).toBe('SUN');
    expect(keepUssr.resolve('cow', '365', 2000)).toBe('RUS');
    expect(keepUssr.resolve('name', 'Soviet Union')).toBe('SUN');
    expect(keepUssr.resolve('name', 'Russia', 2000)).toBe('RUS');
  });

  it('merges East Germany into Germany when overridden', () => {
    const merge = createCrosswalk({ succession: { DDR: 'DEU' } });
    expect(merge.resolve('cow', '265', 1980)).toBe('DEU');
    expect(merge.resolve('name', 'German Democratic Republic')).toBe('DEU');
    expect(merge.succession.get(asIso3('DDR'))).toBe('DEU');
  });

  it('follows succession chains to their end', () => {
    const chain = createCrosswalk({ succession: { YUG: 'SCG' } });
    expect(chain.resolve('cow', '345', 1985)).toBe('SRB');
    expect(chain.succession.get(asIso3('YUG'))).toBe('SRB');
  });

  it('exposes the default succession map, distinct entities included', () => {
    expect(Object.fromEntries(cw.succession)).toEqual(DEFAULT_SUCCESSION);
  });

  it('rejects succession rules with unknown codes, naming them', () => {
    expect(() => createCrosswalk({ succession: { XYZ: 'RUS' } })).toThrow(/"XYZ"/);
    expect(() => createCrosswalk({ succession: { DDR: 'QQQ' } })).toThrow(RangeError);
    expect(() => createCrosswalk({ succession: { DDR: 'QQQ' } })).toThrow(/"QQQ"/);
  });

  it('rejects succession rules that go round in a circle', () => {
    expect(() => createCrosswalk({ succession: { SRB: 'YUG' } })).toThrow(/cycle/);
  });
});

describe('crosswalk: spellings and codes', () => {
  it.each([
    ['name', 'Côte d’Ivoire', 'CIV'],
    ['name', "Cote d'Ivoire", 'CIV'],
    ['name', 'Bosnia & Herzegovina', 'BIH'],
    ['name', 'Bosnia-Herzegovina', 'BIH'],
    ['name', 'São Tomé & Príncipe', 'STP'],
    ['name', '  TRINIDAD   and tobago ', 'TTO'],
    ['name', 'st. christopher', 'KNA'],
    ['name', 'Congo - Kinshasa', 'COD'],
    ['name', 'Congo - Brazzaville', 'COG'],
    ['name', 'Gambia, The', 'GMB'],
    ['name', 'Iran, Islamic Rep. of', 'IRN'],
    ['name', 'China, P.R.: Mainland', 'CHN'],
    ['name', 'Korea, Rep. of', 'KOR'],
    ['name', 'Venezuela, Rep. Bolivariana de', 'VEN'],
    ['name', 'Türkiye, Rep of', 'TUR'],
    ['name', 'Turkiye', 'TUR'],
    ['name', 'UAE', 'ARE'],
    ['name', 'Viet Nam', 'VNM'],
    ['name', 'Hong Kong SAR China', 'HKG'],
    ['iso3', ' rus ', 'RUS'],
    ['iso3', 'rom', 'ROU'],
    ['iso2', 'NA', 'NAM'],
    ['iso2', 'cs', 'CSK'],
    ['cow', ' 002 ', 'USA'],
    ['cow', '365.0', 'RUS'],
    ['cow_abb', 'bhm', 'BHS'],
  ] as const)('%s "%s" resolves to %s', (system, raw, expected) => {
    expect(cw.resolve(system, raw, 2000)).toBe(expected);
  });

  it('folds accents, apostrophes, "&", punctuation and spacing the same way', () => {
    expect(foldName('Côte d’Ivoire')).toBe(foldName("COTE D'IVOIRE"));
    expect(foldName('Trinidad & Tobago')).toBe('trinidad and tobago');
    expect(foldName('  St.  Kitts-and-Nevis ')).toBe('st kitts and nevis');
  });

  it('resolves every spelling in the table whatever its case and surrounding spaces', () => {
    const spellings = COUNTRIES.flatMap((r) => [r.name, ...(r.aliases ?? []).filter((a) => typeof a === 'string')]);
    fc.assert(
      fc.property(fc.constantFrom(...spellings), fc.boolean(), fc.nat(3), (spelling, upper, pad) => {
        const variant = ' '.repeat(pad) + (upper ? spelling.toUpperCase() : spelling.toLowerCase()) + ' '.repeat(pad);
        expect(cw.resolve('name', variant)).toBe(cw.resolve('name', spelling));
      }),
      { numRuns: 500 },
    );
  });

  it('knows every entity by its own ISO3, ISO2 and English name', () => {
    for (const r of COUNTRIES) {
      expect(distinct.resolve('iso3', r.iso3), r.iso3).toBe(r.iso3);
      expect(distinct.resolve('name', r.name), r.name).toBe(r.iso3);
      if (r.iso2 !== undefined) expect(distinct.resolve('iso2', r.iso2), r.iso2).toBe(r.iso3);
      expect(cw.name(asIso3(r.iso3))).toBe(r.name);
    }
  });

  it('lists the 193 UN members and the Holy See as states, plus Taiwan, Kosovo and Palestine', () => {
    expect(COUNTRIES.filter((r) => r.kind === 'state')).toHaveLength(194);
    for (const code of ['TWN', 'XKX', 'PSE', 'SUN', 'DDR', 'YUG', 'SCG', 'YAR', 'YMD', 'CSK', 'RVN', 'EAZ']) {
      expect(COUNTRIES.some((r) => r.iso3 === code), code).toBe(true);
    }
  });

  it('resolves dependent territories to their own codes instead of skipping them', () => {
    for (const [raw, code] of [['Bermuda', 'BMU'], ['New Caledonia', 'NCL'], ['Netherlands Antilles', 'ANT'],
      ['Greenland', 'GRL'], ['Puerto Rico', 'PRI'], ['China, P.R.: Macao', 'MAC']] as const) {
      expect(cw.resolve('name', raw)).toBe(code);
    }
  });

  it('gives the English short name of a code', () => {
    expect(cw.name(asIso3('RUS'))).toBe('Russia');
    expect(cw.name(asIso3('SUN'))).toBe('Soviet Union');
    expect(() => cw.name(asIso3('QQQ'))).toThrow(UnknownCountryError);
  });
});

describe('crosswalk: unknown names and codes', () => {
  it('names the closest known spellings of an unknown name', () => {
    let error: unknown;
    try {
      cw.resolve('name', 'Rusia');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownCountryError);
    const unknown = error as UnknownCountryError;
    expect(unknown.suggestions[0]).toBe('Russia');
    expect(unknown.suggestions.length).toBeLessThanOrEqual(3);
    expect(unknown.message).toMatch(/^unknown country name "Rusia"; closest known: "Russia"/);
  });

  it('names the nearest known codes of an unknown code', () => {
    expect(() => cw.resolve('cow', '999')).toThrow(/unknown country cow code "999"; closest known: "990"/);
    expect(() => cw.resolve('iso3', 'DEX')).toThrow(/closest known: .*"DEU"/);
  });

  it('refuses COW trade v3.0\'s 710.1 pseudo-code instead of reading it as China', () => {
    for (const year of [2007, 2008, 2009, undefined]) {
      expect(cw.tryResolve('cow', '710.1', year)).toBeNull();
      expect(() => cw.resolve('cow', '710.1', year)).toThrow(UnknownCountryError);
    }
    expect(cw.resolve('cow', '710.0', 2008)).toBe('CHN');
  });

  it('returns null from tryResolve instead of throwing', () => {
    expect(cw.tryResolve('name', 'Atlantis')).toBeNull();
    expect(cw.tryResolve('cow', 'abc')).toBeNull();
    expect(cw.tryResolve('name', '   ')).toBeNull();
    expect(cw.tryResolve('name', 'NATO')).toBeNull();
  });

  it('answers a million repeated look-ups from its memo', () => {
    const inputs = ['United States', 'Russia', 'Iran, Islamic Rep. of', 'Côte d’Ivoire'];
    const started = performance.now();
    for (let i = 0; i < 1_000_000; i++) cw.resolve('name', inputs[i % 4] ?? '', 1980 + (i % 40));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

