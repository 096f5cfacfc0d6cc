import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { permanentSeatHolders, seatHolderName } from '../../../src/families/un-security-council/council-seats.js';
import { DEFAULT_TARGETS, isCountrySpecific, targetIndex, targetKey, targetsOf } from '../../../src/families/un-security-council/target-mapping.js';
import { cleanText, draftSymbol, resolutionNumber } from '../../../src/families/un-security-council/symbols.js';
import { ROOT } from '../../helpers/cli.js';

describe('the mapping of drafts to the states they concern', () => {
  const index = targetIndex(DEFAULT_TARGETS);

  it('goes by draft symbol, then topic, then agenda item', () => {
    expect(targetsOf({ symbol: 'S/2020/797', topic: 'Non-proliferation', agenda: 'Non-proliferation' }, index)).toEqual({ targets: ['IRN'], rule: 'topic' });
    expect(targetsOf({ symbol: 'S/2024/302', topic: 'Non-proliferation', agenda: '' }, index)).toEqual({ targets: [], rule: 'draft' });
    expect(targetsOf({ symbol: null, topic: '', agenda: 'The situation in  Somalia' }, index)).toEqual({ targets: ['SOM'], rule: 'agenda' });
    expect(targetsOf({ symbol: null, topic: 'middle east (SYRIA)', agenda: '' }, index).targets).toEqual(['SYR']);
    expect(targetsOf({ symbol: null, topic: 'Atlantis', agenda: 'The question of Atlantis' }, index)).toEqual({ targets: null, rule: null });
    expect(isCountrySpecific({ category: 'Country/Region-specific' })).toBe(true);
    expect(isCountrySpecific({ category: 'Thematic' })).toBe(false);
  });

  it('lets the config replace an entry, or declare a topic to concern no single state', () => {
    const over = targetIndex(DEFAULT_TARGETS, { topics: { 'Middle East (Syria)': ['SYR', 'ISR'], Rwanda: [] }, drafts: { 's/2020/797': ['IRN', 'USA'] } });
    expect(targetsOf({ symbol: null, topic: 'Middle East (Syria)', agenda: '' }, over).targets).toEqual(['ISR', 'SYR']);
    expect(targetsOf({ symbol: null, topic: 'Rwanda', agenda: '' }, over).targets).toEqual([]);
    expect(targetsOf({ symbol: 'S/2020/797', topic: '', agenda: '' }, over).targets).toEqual(['IRN', 'USA']);
  });

  it('uses only codes the crosswalk knows, and the README lists every rule', () => {
    const cw = createCrosswalk();
    const readme = readFileSync(path.join(ROOT, 'src/families/un-security-council/README.md'), 'utf8');
    for (const table of [DEFAULT_TARGETS.drafts, DEFAULT_TARGETS.topics, DEFAULT_TARGETS.agendas]) {
      for (const [key, states] of Object.entries(table)) {
        for (const s of states) expect(cw.tryResolve('iso3', s), `${key} → ${s}`).toBe(s);
        expect(readme.includes(`| ${key} |`), `README row for "${key}"`).toBe(true);
      }
    }
    expect(targetKey(' A  b ')).toBe('a b');
  });
});

describe('symbols and seats', () => {
  it('normalises draft symbols and resolution numbers as the sources write them', () => {
    expect(draftSymbol('S/2017/1060\u00a0')).toBe('S/2017/1060');
    expect(draftSymbol(' S/2024/383 ')).toBe('S/2024/383');
    expect(draftSymbol('S/2024/323 (amendment)')).toBe('S/2024/323');
    expect(draftSymbol('S/2017/939; S/2017/972')).toBe('S/2017/939');
    expect(draftSymbol('S/3710 (as amended)')).toBe('S/3710');
    expect(draftSymbol('Oral amendment 2')).toBeNull();
    expect(resolutionNumber('893 (1994)')).toBe(893);
    expect(resolutionNumber('Resolution 2618 (2022)')).toBe(2618);
    expect(resolutionNumber('S/RES/2673 (2023)')).toBe(2673);
    expect(resolutionNumber('S/RES/2776/2025')).toBe(2776);
    expect(resolutionNumber('Missing')).toBeNull();
    expect(cleanText('a_x000D_\nb\u00a0 c')).toBe('a b c');
  });

  it('knows who held the permanent seats when', () => {
    const cw = createCrosswalk();
    expect(permanentSeatHolders(cw, 1971)).toEqual([['USA'], ['GBR'], ['FRA'], ['RUS'], ['TWN', 'CHN']]);
    expect(permanentSeatHolders(createCrosswalk({ succession: { SUN: 'SUN' } }), 1980)[3]).toEqual(['SUN']);
    expect(seatHolderName('China', '1971-10-24', 1971)).toBe('Republic of China');
    expect(seatHolderName('China', '1971-10-25', 1971)).toBe('China');
    expect(seatHolderName('Russian Federation', null, 1991)).toBe('Soviet Union');
    expect(seatHolderName('Russian Federation', null, 1992)).toBe('Russian Federation');
  });
});
