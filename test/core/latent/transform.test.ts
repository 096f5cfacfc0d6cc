import { describe, expect, it } from 'vitest';
import { modelColumns, TREATMENT_NAMES } from '../../../src/core/latent/transform.js';
import { normalQuantile } from '../../../src/core/latent/normal-quantile.js';

describe('how indicators enter the latent model', () => {
  it('names the treatments', () => {
    expect(TREATMENT_NAMES).toEqual(['linear', 'rank_normal', 'two_part']);
  });

  it('passes a linear indicator through as one column, the same array', () => {
    const v = Float64Array.of(0.1, NaN, 0.9);
    const [c] = modelColumns([{ id: 'un', values: v }]);
    expect(c).toMatchObject({ id: 'un', indicator: 'un', part: 'value' });
    expect(c!.values).toBe(v);
  });

  it('splits a two-part indicator into presence (0/1) and the normal score of the positive values, missing kept missing', () => {
    const cols = modelColumns([{ id: 'arms', values: Float64Array.of(0, 4, NaN, 0, 9), treatment: 'two_part' }]);
    expect(cols.map((c) => c.id)).toEqual(['arms.presence', 'arms.intensity']);
    expect([...cols[0]!.values]).toEqual([0, 1, NaN, 0, 1]);
    const i = cols[1]!.values;
    expect([i[0], i[2], i[3]]).toEqual([NaN, NaN, NaN]);
    expect(i[1]).toBeCloseTo(normalQuantile(1 / 3), 14);
    expect(i[4]).toBeCloseTo(normalQuantile(2 / 3), 14);
  });

  it('gives the zeros of a rank-normal indicator one shared score', () => {
    const [c] = modelColumns([{ id: 'drills', values: Float64Array.of(0, 0, 0, 2), treatment: 'rank_normal' }]);
    expect(new Set([...c!.values].slice(0, 3)).size).toBe(1);
    expect(c!.values[3]).toBeGreaterThan(c!.values[0]!);
  });

  it('refuses negative values for a two-part indicator', () => {
    expect(() => modelColumns([{ id: 'x', values: Float64Array.of(1, -0.5), treatment: 'two_part' }])).toThrow(/≥ 0/);
  });
});
