import type { Argv, CommandModule } from 'yargs';
import { PERIOD_KINDS, type PeriodKind } from '../../domain/period.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';

/** Arguments of `entente sql`. */
interface SqlArgs extends GlobalArgs {
  readonly dialect: 'duckdb' | 'spark' | 'bigquery' | 'trino';
  readonly indicator?: string;
  readonly period: PeriodKind;
  readonly table?: string;
  readonly 'max-bytes-billed'?: number;
}

/** `entente sql`: prints the events indicator's aggregation as SQL for another engine. */
export function sqlCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, SqlArgs> = {
    command: 'sql',
    describe: "print the events indicator's aggregation as SQL (DuckDB, Spark, BigQuery, Trino) with its output schema",
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('dialect', { choices: ['duckdb', 'spark', 'bigquery', 'trino'] as const, default: 'duckdb' as const, describe: 'SQL dialect' })
        .option('indicator', { type: 'string', describe: 'the events indicator (default: the only one)' })
        .option('period', { choices: PERIOD_KINDS, default: 'year' as PeriodKind, describe: 'one row per pair and year, quarter or month' })
        .option('table', { type: 'string', describe: 'table with the raw rows (spark, bigquery, trino; default per format)' })
        .option('max-bytes-billed', { type: 'number', describe: 'BigQuery: cap on billed bytes written into the guard (default 100 GB)' })
        .example('$0 sql --dialect bigquery --config examples/events.yaml --indicator daily > events.sql', 'the query for BigQuery, with its output schema and cost guard') as Argv<SqlArgs>,
    handler: async (args) => {
      const text = await (await import('../../pipeline/sql.js')).runSql({ config: args.config, dialect: args.dialect, indicator: args.indicator, period: args.period, table: args.table, maxBytesBilled: args['max-bytes-billed'] });
      term.out(text.replace(/\n$/, ''));
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
