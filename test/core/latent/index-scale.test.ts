import { describe, expect, it } from 'vitest';
import { scaleIndex } from '../../../src/core/latent/index-scale.js';
import { normalCdf } from '../../../src/core/normalise.js';

describe('the latent index on the configured scale', () => {
  it('puts z = 0 at the middle of the scale with the central 90 % interval of N(0, 1) around it', () => {
    const s = scaleIndex(Float64Array.of(0), Float64Array.of(1), [0, 100], 0.9);
    expect(s.index[0]).toBeCloseTo(50, 5);
    expect(s.lo[0]).toBeCloseTo(5, 4);
    expect(s.hi[0]).toBeCloseTo(95, 4);
  });

  it('maps through Φ on any scale, keeps NaN and rejects levels outside (0, 1)', () => {
    const s = scaleIndex(Float64Array.of(1, NaN), Float64Array.of(0.25, NaN), [-1, 1], 0.5);
    expect(s.index[0]).toBeCloseTo(-1 + 2 * normalCdf(1), 12);
    expect(s.lo[0]).toBeCloseTo(-1 + 2 * normalCdf(1 - 0.6744897501960817 * 0.5), 12);
    expect(s.index[1]).toBeNaN();
    expect(() => scaleIndex(Float64Array.of(0), Float64Array.of(1), [0, 100], 1)).toThrow(RangeError);
  });
});
