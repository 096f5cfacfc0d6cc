import { it } from 'vitest';
import { eventsFamily } from '../../src/families/events/family.js';
import { loadIndicator, testContext } from '../helpers/load-context.js';
const F = 'test/families/events/fixtures/';
for (const [fmt, file, extra] of [['edges','edges_small.csv',{}],['gdelt_v2','gdelt_v2_small.export.CSV',{}],['gdelt_v2','gdelt_v2_small.export.CSV',{actors:'code'}],['icews','icews_small.tab',{}],['polecat','polecat_small.txt',{}],['edges','edges_broken.csv',{}],['gdelt_v2','gdelt_v2_broken.export.CSV',{}],['icews','icews_broken.tab',{}],['polecat','polecat_broken.txt',{}]] as const) {
  it(`${fmt} ${file}`, async () => {
    try {
      const d = await loadIndicator(eventsFamily, 'events', [{ format: fmt, path: F + file, ...extra }], 'mean_daily', { min_observed: 0 }, testContext());
      console.log(fmt, file, JSON.stringify(d.values.sortedEntries()), d.coverage, '\n' + d.notes.join('\n'));
    } catch (e) { console.log(fmt, file, 'ERROR', (e as Error).message); }
  }, 60000);
}
