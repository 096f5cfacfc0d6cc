import type { Argv, CommandModule } from 'yargs';
import { auditPanel } from '../../analysis/audit.js';
import { auditFile } from '../../report/audit-csv.js';
import { writeToolkitFiles } from '../../pipeline/toolkit.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, recompute, reportWritten, textTable } from './toolkit-common.js';

/** `entente audit`: the JRC statistical audit of the configured panel (audit.csv). */
export function auditCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, GlobalArgs> = {
    command: 'audit',
    describe: 'coverage, skew and kurtosis, correlations, Cronbach\'s alpha, nominal against effective weights (audit.csv)',
    builder: (y: Argv<GlobalArgs>) => y.example('$0 audit', 'audit the sample and write reports/sample/audit.csv'),
    handler: async (args) => {
      const tk = await recompute(args, term);
      const rows = auditPanel(tk.run.table, tk.run.config.indicators.map((i) => i.weight));
      const pooled = rows.filter((r) => r.year === null);
      const get = (check: string, id: string) => pooled.find((r) => r.check === check && r.indicator === id);
      const ids = tk.run.table.ids;
      const table = [['indicator', 'coverage', 'skew', 'kurtosis', 'r with index', 'nominal w', 'effective w', 'outliers']];
      for (const id of ids) {
        const r = pooled.find((x) => x.check === 'correlation' && x.indicator === id && x.other === 'index');
        table.push([id, num(get('coverage', id)!.value, 3), num(get('skewness', id)!.value, 2), num(get('kurtosis', id)!.value, 2), num(r?.value ?? NaN, 2),
          num(get('weight_nominal', id)!.value, 3), num(get('weight_effective', id)!.value, 3), get('outliers', id)!.note || 'none']);
      }
      for (const l of textTable(table)) term.out(l);
      const alpha = get('cronbach_alpha', 'all')!;
      term.out(`Cronbach's alpha ${num(alpha.value, 3)} over ${alpha.n} complete pair-years${alpha.flag ? ' (below 0.7)' : ''}`);
      for (const r of pooled.filter((x) => x.check === 'correlation' && x.flag)) term.out(`${r.flag}: r(${r.indicator}, ${r.other}) = ${num(r.value, 2)}`);
      const file = auditFile(rows, tk.run.config.precision);
      const { rescored } = await writeToolkitFiles(tk, [file]);
      reportWritten(term, tk, [file.resource.path], rescored);
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
