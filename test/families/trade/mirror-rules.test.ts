import { describe, expect, it } from 'vitest';
import { MIRROR_RULE_NAMES, mirrorRules } from '../../../src/families/trade/mirror-rules.js';

describe('mirrorRules', () => {
  it('importer prefers the importer report and falls back to the exporter report', () => {
    expect(mirrorRules.importer(110, 100)).toBe(110);
    expect(mirrorRules.importer(null, 100)).toBe(100);
    expect(mirrorRules.importer(0, 100)).toBe(0); // a reported zero is a report
  });

  it('mean averages both reports, or takes the one present', () => {
    expect(mirrorRules.mean(110, 100)).toBe(105);
    expect(mirrorRules.mean(110, null)).toBe(110);
  });

  it('max takes the larger report, or the one present', () => {
    expect(mirrorRules.max(110, 100)).toBe(110);
    expect(mirrorRules.max(null, 100)).toBe(100);
  });

  it('lists the default (importer) first', () => {
    expect(MIRROR_RULE_NAMES).toEqual(['importer', 'mean', 'max']);
  });
});
