import { describe, expect, it } from 'vitest';
import { partyKind } from '../../../src/families/arms-transfers/party.js';
import { SkipTally } from '../../../src/families/arms-transfers/party-resolver.js';

describe('partyKind', () => {
  it('recognises SIPRI’s markers for non-state groups, organisations and unknown parties', () => {
    expect(partyKind('Hezbollah (Lebanon)*')).toBe('non_state');
    expect(partyKind('unknown rebel group*')).toBe('non_state');
    expect(partyKind('NATO**')).toBe('organisation');
    expect(partyKind('United Nations**')).toBe('organisation');
    expect(partyKind('unknown supplier(s)')).toBe('unknown');
    expect(partyKind('unknown recipient(s)')).toBe('unknown');
  });

  it('treats every other name as a state to resolve', () => {
    for (const n of ['Soviet Union', 'Turkiye', 'UAE', 'Viet Nam', 'East Germany (GDR)', 'Yemen Arab Republic (North Yemen)']) {
      expect(partyKind(n)).toBe('state');
    }
  });
});

describe('SkipTally', () => {
  it('lists every skipped name with its count, most frequent first, grouped by kind', () => {
    const t = new SkipTally();
    for (const [name, kind] of [
      ['NATO**', 'organisation'],
      ['Hezbollah (Lebanon)*', 'non_state'],
      ['Hezbollah (Lebanon)*', 'non_state'],
      ['unknown supplier(s)', 'unknown'],
    ] as const) {
      t.add(name, kind, 1);
      t.addRow(1);
    }
    expect(t.rows).toBe(4);
    expect(t.lines('deal(s)')).toEqual([
      'skipped 4 deal(s) with non-state parties (4 TIV); they are not states and form no dyad',
      '  non-state armed groups (*): Hezbollah (Lebanon)* (2)',
      '  international organisations (**): NATO** (1)',
      '  unknown parties: unknown supplier(s) (1)',
    ]);
  });

  it('says nothing when nothing was skipped', () => {
    expect(new SkipTally().lines('deal(s)')).toEqual([]);
  });
});
