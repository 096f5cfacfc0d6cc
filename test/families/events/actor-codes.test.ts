import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { classifyUnmapped, codeKey, staticCodeMapping } from '../../../src/families/events/actor-codes.js';
import { DEFAULT_MEMORY_LIMIT, engineSettings } from '../../../src/families/events/run-duckdb.js';

const cw = createCrosswalk();

describe('actor codes of event files', () => {
  it('maps CAMEO country codes to ISO3, with CAMEO\'s own TMP, MTN and ROM, and keeps roles out', () => {
    const m = staticCodeMapping('cameo', cw, {});
    expect([m.entries.get('RUS'), m.entries.get('TMP'), m.entries.get('MTN'), m.entries.get('ROM')]).toEqual(['RUS', 'TLS', 'MNE', 'ROU']);
    for (const c of ['SUN', 'GOV', 'EUR', 'HKG', 'GGY']) expect(m.entries.has(c), c).toBe(false);
  });

  it('maps ISO3 codes with the succession rules, and names case-insensitively', () => {
    expect(staticCodeMapping('iso3', cw, {}).entries.get('SUN')).toBe('RUS');
    expect(staticCodeMapping('iso3', createCrosswalk({ succession: { SUN: 'SUN' } }), {}).entries.get('SUN')).toBe('SUN');
    expect(staticCodeMapping('name', cw, {}).entries.get('russian federation')).toBe('RUS');
    expect(staticCodeMapping('iso3', cw, { QQZ: 'UKR', RUS: 'non_state' }).entries.get('QQZ')).toBe('UKR');
    expect(staticCodeMapping('iso3', cw, { RUS: 'non_state' }).entries.has('RUS')).toBe(false);
  });

  it('classifies what is not a state, and only unknown three-letter codes look like states', () => {
    const cameo = staticCodeMapping('cameo', cw, {});
    const iso = staticCodeMapping('iso3', cw, {});
    const c = (raw: string, system: 'cameo' | 'iso3' | 'name' = 'cameo') => classifyUnmapped(raw, system, cw, system === 'cameo' ? cameo : iso, {});
    expect(c('RUSGOV')).toEqual({ reason: 'role-suffixed', looksLikeState: false });
    expect(c('IGOUNO')).toEqual({ reason: 'role or organisation', looksLikeState: false });
    expect(c('EUR')).toEqual({ reason: 'region', looksLikeState: false });
    expect(c('GGY', 'iso3')).toEqual({ reason: 'territory', looksLikeState: false });
    expect(c('HKG', 'iso3')).toEqual({ reason: 'territory', looksLikeState: false });
    expect(c('')).toEqual({ reason: 'empty', looksLikeState: false });
    expect(c('Europe', 'name')).toEqual({ reason: 'unknown', looksLikeState: false });
    expect(c('QQX')).toEqual({ reason: 'unknown', looksLikeState: true });
    expect(c('QQX', 'iso3')).toEqual({ reason: 'unknown', looksLikeState: true });
    expect(c('qq1')).toEqual({ reason: 'unknown', looksLikeState: false });
  });

  it('looks codes up by a key that ignores surrounding space and case (the SQL does the same)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (s) => {
        expect(codeKey('cameo', codeKey('cameo', s))).toBe(codeKey('cameo', s));
        expect(codeKey('cameo', ` ${s.toLowerCase()} `)).toBe(codeKey('cameo', s.toUpperCase()));
      }),
    );
  });
});

describe('engine settings', () => {
  it('take the config first, then the environment, then safe defaults', () => {
    expect(engineSettings({}, {}).memoryLimit).toBe(DEFAULT_MEMORY_LIMIT);
    expect(engineSettings({}, {}).threads).toBeGreaterThanOrEqual(1);
    expect(engineSettings({}, {}).threads).toBeLessThanOrEqual(4);
    const env = { ENTENTE_DUCKDB_THREADS: '3', ENTENTE_DUCKDB_MEMORY_LIMIT: '512MB', ENTENTE_DUCKDB_TEMP_DIRECTORY: '/spill' };
    expect(engineSettings({}, env)).toEqual({ threads: 3, memoryLimit: '512MB', tempDirectory: '/spill' });
    expect(engineSettings({ threads: 1, memory_limit: '2GB', temp_directory: '/x' }, env)).toEqual({ threads: 1, memoryLimit: '2GB', tempDirectory: '/x' });
    expect(() => engineSettings({}, { ENTENTE_DUCKDB_THREADS: 'many' })).toThrow(/ENTENTE_DUCKDB_THREADS=many/);
    expect(() => engineSettings({}, { ENTENTE_DUCKDB_MEMORY_LIMIT: 'lots' })).toThrow(/ENTENTE_DUCKDB_MEMORY_LIMIT=lots/);
  });
});
