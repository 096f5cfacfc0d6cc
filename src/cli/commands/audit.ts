import type { Argv, CommandModule } from 'yargs';
import type { AuditRow } from '../../analysis/audit.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, reportWritten, textTable, RESCORE_OPTION, toolkitHooks } from './toolkit-common.js';

/** `entente audit`: the JRC statistical audit of the configured panel (audit.csv). */
export function auditCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, GlobalArgs & { readonly rescore?: boolean }> = {
    command: 'audit',
    describe: 'coverage, skew and kurtosis, correlations, Cronbach\'s alpha, nominal against effective weights (audit.csv)',
    builder: (y: Argv<GlobalArgs>) => y.option('rescore', RESCORE_OPTION).example('$0 audit', 'audit the sample and write reports/sample/audit.csv'),
    handler: async (args) => {
      const { hooks, stop } = toolkitHooks(term, args.rescore);
      try {
        const res = await (await import('../../pipeline/audit.js')).runAudit({ config: args.config, out: args.out }, hooks);
        for (const l of auditLines(res.rows, res.tk.run.table.ids)) term.out(l);
        reportWritten(term, res.tk, res.files, res.rescored);
      } finally {
        stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}

/** What `entente audit` prints: a table of the pooled checks per indicator, Cronbach's alpha and the flagged correlations. */
function auditLines(rows: readonly AuditRow[], ids: readonly string[]): string[] {
  const pooled = rows.filter((r) => r.year === null);
  const get = (check: string, id: string) => pooled.find((r) => r.check === check && r.indicator === id);
  const table = [['indicator', 'coverage', 'skew', 'kurtosis', 'r with index', 'nominal w', 'effective w', 'outliers']];
  for (const id of ids) {
    const r = pooled.find((x) => x.check === 'correlation' && x.indicator === id && x.other === 'index');
    table.push([id, num(get('coverage', id)!.value, 3), num(get('skewness', id)!.value, 2), num(get('kurtosis', id)!.value, 2), num(r?.value ?? NaN, 2),
      num(get('weight_nominal', id)!.value, 3), num(get('weight_effective', id)!.value, 3), get('outliers', id)!.note || 'none']);
  }
  const lines = textTable(table);
  const alpha = get('cronbach_alpha', 'all')!;
  lines.push(`Cronbach's alpha ${num(alpha.value, 3)} over ${alpha.n} complete pair-years${alpha.flag ? ' (below 0.7)' : ''}`);
  for (const r of pooled.filter((x) => x.check === 'correlation' && x.flag)) lines.push(`${r.flag}: r(${r.indicator}, ${r.other}) = ${num(r.value, 2)}`);
  return lines;
}
