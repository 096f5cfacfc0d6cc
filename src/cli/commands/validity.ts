import type { Argv, CommandModule } from 'yargs';
import type { ValidityRow } from '../../analysis/validity.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, reportWritten, textTable, toolkitHooks } from './toolkit-common.js';

/** `entente validity`: the index measured as an index (validity.csv and a section of summary.md). */
export function validityCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, GlobalArgs> = {
    command: 'validity',
    describe: 'criterion validity (AUC allies vs rivals and disputes), r with ideal-point distance, boundary artefacts, effective weights and alpha (validity.csv)',
    builder: (y: Argv<GlobalArgs>) => y.example('$0 validity --config examples/real-data.yaml', 'measure the real-data index and write validity.csv into its report'),
    handler: async (args) => {
      const { hooks, stop } = toolkitHooks(term);
      try {
        const res = await (await import('../../pipeline/validity.js')).runValidity({ config: args.config, out: args.out }, hooks);
        for (const l of validityLines(res.result.rows, res.series)) term.out(l);
        for (const n of res.result.notes) term.err(`note: ${n}`);
        reportWritten(term, res.tk, res.files, res.rescored);
      } finally {
        stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}

const SHOWN: readonly (readonly [string, string])[] = [
  ['auc_allies_rivals', 'AUC allies/rivals'],
  ['auc_allies_disputes', 'AUC allies/disputes'],
  ['corr_ideal_distance', 'r ideal distance'],
];

/** What `entente validity` prints: per series the overall criterion metrics and the largest boundary artefact. */
function validityLines(rows: readonly ValidityRow[], series: readonly string[]): string[] {
  const table = [['series', ...SHOWN.map(([, t]) => t), 'largest boundary artefact']];
  for (const s of series) {
    const cell = (metric: string) => num(rows.find((r) => r.metric === metric && r.series === s && r.scope === 'all')?.value ?? NaN, 3);
    const b = rows
      .filter((r) => r.metric === 'boundary_artefact_median' && r.series === s && r.value === r.value)
      .reduce<ValidityRow | null>((w, r) => (w === null || Math.abs(r.value) > Math.abs(w.value) ? r : w), null);
    table.push([s, ...SHOWN.map(([m]) => cell(m)), b ? `${num(b.value, 2)} (${b.scope})` : '–']);
  }
  return textTable(table);
}
