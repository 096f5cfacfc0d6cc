/**
 * `entente audit`: scores the configured panel, runs the JRC/COINr statistical audit on it and
 * writes `audit.csv` into the report folder.
 * @module
 */
import { auditPanel, type AuditRow } from '../analysis/audit.js';
import { auditFile } from '../report/audit-csv.js';
import { scoreForToolkit, writeToolkitFiles, type ToolkitHooks, type ToolkitRun } from './toolkit.js';

/** What `entente audit` computed and wrote. */
export interface AuditOutcome {
  readonly tk: ToolkitRun;
  readonly rows: readonly AuditRow[];
  readonly files: readonly string[];
  readonly rescored: boolean;
}

/**
 * Runs `entente audit`.
 * @example const { rows } = await runAudit({ config: 'entente.yaml' }, {});
 */
export async function runAudit(req: { readonly config: string; readonly out?: string | undefined }, hooks: ToolkitHooks): Promise<AuditOutcome> {
  const tk = await scoreForToolkit(req.config, req.out, hooks, true, true);
  const setup = tk.run.config.indicators.map((i) => ({
    normalise: i.normalise,
    winsorise: i.winsorise,
    poolExclude: i.poolExclude,
    flags: (tk.run.data.get(i.id)?.flags ?? []).map((f) => ({ kind: f.kind, count: f.table.size })),
  }));
  const rows = auditPanel(tk.run.table, tk.run.config.indicators.map((i) => i.weight), setup);
  const file = auditFile(rows, tk.run.config.precision);
  const { rescored } = await writeToolkitFiles(tk, [file]);
  return { tk, rows, files: [file.resource.path], rescored };
}
