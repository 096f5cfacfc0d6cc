// Writes indicators/sample/alliance_ties.csv — OUR OWN SYNTHETIC data for the bundled sample,
// in Entente's generic dyad-year format (state_a,state_b,year,value). The value is a made-up
// alliance-tie strength on 0–3 (0 none, 1 non-aggression, 2 consultation, 3 defence) drawn
// from the latent alignment in latent.mjs. Not real observations.
import { writeFileSync } from 'node:fs';
import { FROM, TO, latent, pairs, rng } from './latent.mjs';

export function generateAlliances(outPath) {
  const rand = rng(4242);
  const lines = ['state_a,state_b,year,value'];
  for (const [a, b] of pairs()) {
    for (let y = FROM; y <= TO; y++) {
      const l = latent(a, b, y);
      const noisy = l + (rand() - 0.5) * 0.15;
      const tie = noisy > 0.8 ? 3 : noisy > 0.65 ? 2 : noisy > 0.5 ? 1 : 0;
      // a few pair-years are left unreported on purpose: missing is not zero
      if (rand() < 0.02) continue;
      lines.push(`${a},${b},${y},${tie}`);
    }
  }
  writeFileSync(outPath, lines.join('\n') + '\n');
}
