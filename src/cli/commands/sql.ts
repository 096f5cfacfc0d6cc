import type { Argv, CommandModule } from 'yargs';
import { readConfig, resolveSourcePath } from '../../config/read-config.js';
import { createCrosswalk } from '../../domain/crosswalk.js';
import { UsageError } from '../../domain/errors.js';
import { toolVersion } from '../../report/tool-version.js';
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
      const config = await readConfig(args.config);
      const events = config.indicators.filter((i) => i.family.name === 'events');
      const ind = args.indicator ? events.find((i) => i.id === args.indicator) : events.length === 1 ? events[0] : undefined;
      if (!ind) {
        const ids = events.map((i) => i.id);
        throw new UsageError(
          args.indicator
            ? `no events indicator "${args.indicator}" in ${config.file}${ids.length > 0 ? `; events indicators: ${ids.join(', ')}` : ''}`
            : ids.length === 0
              ? `${config.file} has no indicator of family events; \`entente sql\` prints the aggregation of event data`
              : `${config.file} has several events indicators (${ids.join(', ')}); name one with --indicator`,
        );
      }
      const mb = args['max-bytes-billed'];
      if (mb !== undefined && (!Number.isInteger(mb) || mb < 10_485_760)) throw new UsageError('--max-bytes-billed: a whole number of bytes, at least 10485760 (BigQuery\'s minimum)');
      const { printSql } = await import('../../families/events/print-sql.js');
      const text = await printSql(ind.spec, createCrosswalk({ succession: config.succession }), (p) => resolveSourcePath(config, p), {
        dialect: args.dialect,
        period: args.period,
        table: args.table,
        precision: config.precision,
        maxBytesBilled: mb,
        toolVersion: toolVersion(),
      });
      term.out(text.replace(/\n$/, ''));
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
