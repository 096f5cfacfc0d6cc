import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers/cli.js';
import { eventsFamily } from '../../../src/families/events/family.js';
import { EVENT_MEASURE_NAMES, eventMeasures } from '../../../src/families/events/measures.js';

const readme = readFileSync(path.join(ROOT, 'src/families/events/README.md'), 'utf8');

/** The rows of the README's measure table: name, unit, range, formula. */
function measureTable(): string[][] {
  const start = readme.indexOf('| measure | unit | range | formula |');
  const lines = readme.slice(start).split('\n').slice(2);
  const rows = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  return rows.filter((l) => l.startsWith('| `')).map((l) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|')));
}

describe('events family README', () => {
  it('lists exactly the measures of the code, with their units, ranges and formulas', () => {
    const rows = measureTable();
    expect(rows.map((r) => r[0])).toEqual(EVENT_MEASURE_NAMES.map((m) => `\`${m}\``));
    for (const r of rows) {
      const m = eventMeasures[r[0]!.replace(/`/g, '') as keyof typeof eventMeasures];
      expect([r[1], r[2], r[3]]).toEqual([m.unit, m.range, m.formula]);
    }
    expect(eventsFamily.measures).toEqual(EVENT_MEASURE_NAMES);
  });

  it('documents every source format and every select key', () => {
    for (const f of eventsFamily.formats) expect(readme).toContain(`| \`${f}\` |`);
    for (const k of ['cameo:', 'plover:', 'quad_class:', 'maximum_bytes_billed', 'min_observed', 'min_days', 'min_events']) expect(readme).toContain(k);
  });
});
