// Writes indicators/sample/events_edges.csv — OUR OWN SYNTHETIC data for the bundled sample, in
// the `edges` layout of the events family (date,actor1,actor2,weight: one row per day and pair
// with a non-zero daily score, actor1 < actor2, as the GDELT-derived daily pair scores). Made
// up from the latent alignment in latent.mjs: on each day of 2016–2020 a pair is "in the news"
// with a probability that grows with how close or hostile it is, and its score is drawn around
// 40 × (latent − 0.45). A few days are left out on purpose (a source that misses days), and
// 2020 stops on 30 June (a partial year). Not real observations.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { latent, pairs, rng } from './latent.mjs';

const FIRST = Date.UTC(2016, 0, 1);
const LAST = Date.UTC(2020, 5, 30);
const DAY = 86_400_000;

export default function generateEvents(dir) {
  const rand = rng(1602);
  const lines = ['date,actor1,actor2,weight'];
  for (let t = FIRST; t <= LAST; t += DAY) {
    if (rand() < 0.03) continue; // a day the synthetic source did not observe
    const date = new Date(t).toISOString().slice(0, 10);
    const year = Number(date.slice(0, 4));
    for (const [a, b] of pairs()) {
      const l = latent(a, b, year);
      const salience = 0.08 + 0.5 * Math.abs(l - 0.45);
      if (rand() >= salience) continue;
      // a roughly normal draw (sum of three uniforms) around the pair's tone
      const noise = (rand() + rand() + rand() - 1.5) * 40;
      const w = Math.round((40 * (l - 0.45) + noise) * 1000) / 1000;
      if (w === 0) continue;
      lines.push(`${date},${a},${b},${w}`);
    }
  }
  writeFileSync(path.join(dir, 'events_edges.csv'), lines.join('\n') + '\n');
}
