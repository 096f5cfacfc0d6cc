import { describe, expect, it } from 'vitest';
import { intervalsOf } from '../../../src/report/page/refresh-page.js';
import { canonicalKey } from '../../../src/report/chart/chart-spec.js';
import type { Iso3 } from '../../../src/domain/country.js';

describe('the index intervals a refreshed page draws', () => {
  it('are read from the first interval columns sensitivity.csv has, empty bounds skipped', () => {
    const iv = intervalsOf('state_a,state_b,year,index_p05,index_p95\nIRN,RUS,2016,60,70\nIRN,RUS,2017,,71\nCHN,RUS,2016,80,75\n');
    expect(iv?.label).toMatch(/5–95 %/);
    expect(iv?.bands.size).toBe(2);
    expect(iv?.bands.get(canonicalKey('RUS' as Iso3, 'IRN' as Iso3, 2016))).toEqual({ lo: 60, hi: 70 });
    expect(iv?.bands.get(canonicalKey('CHN' as Iso3, 'RUS' as Iso3, 2016))).toEqual({ lo: 75, hi: 80 });
  });

  it('are none without interval columns', () => {
    expect(intervalsOf('state_a,state_b,year,first_order\nIRN,RUS,2016,0.3\n')).toBeNull();
  });
});
