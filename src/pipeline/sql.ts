/**
 * `entente sql`: the aggregation of an indicator whose family runs it as SQL (event data),
 * printed for DuckDB, Spark SQL, BigQuery or Trino with its output schema.
 * @module
 */
import { readConfig, resolveSourcePath } from '../config/read-config.js';
import { createCrosswalk } from '../domain/crosswalk.js';
import { UsageError } from '../domain/errors.js';
import type { PeriodKind } from '../domain/period.js';
import type { SqlDialectName } from '../families/family.js';
import { families as registry } from '../families/families.js';
import { toolVersion } from '../report/tool-version.js';

/** What to print. */
export interface SqlRequest {
  readonly config: string;
  readonly dialect: SqlDialectName;
  /** The indicator; undefined = the config's only indicator whose family prints SQL. */
  readonly indicator?: string | undefined;
  readonly period: PeriodKind;
  /** The table of raw rows (Spark, BigQuery, Trino); undefined = the format's default. */
  readonly table?: string | undefined;
  /** BigQuery's cap on billed bytes (at least 10485760); undefined = 100 GB. */
  readonly maxBytesBilled?: number | undefined;
}

/**
 * The SQL text of `entente sql` (ends with a newline).
 * @throws {UsageError} when the config has no such indicator, several without `indicator`, or a bad byte cap.
 * @example const text = await runSql({ config: 'examples/events.yaml', dialect: 'duckdb', period: 'year' });
 */
export async function runSql(req: SqlRequest): Promise<string> {
  const config = await readConfig(req.config);
  const candidates = config.indicators.filter((i) => i.family.sql !== undefined);
  const families = Object.values(registry).filter((f) => f.sql !== undefined).map((f) => f.name).join(', ');
  const ind = req.indicator ? candidates.find((i) => i.id === req.indicator) : candidates.length === 1 ? candidates[0] : undefined;
  if (!ind) {
    const ids = candidates.map((i) => i.id);
    throw new UsageError(
      req.indicator
        ? `no ${families} indicator "${req.indicator}" in ${config.file}${ids.length > 0 ? `; ${families} indicators: ${ids.join(', ')}` : ''}`
        : ids.length === 0
          ? `${config.file} has no indicator of family ${families}; \`entente sql\` prints the aggregation of event data`
          : `${config.file} has several ${families} indicators (${ids.join(', ')}); name one with --indicator`,
    );
  }
  const mb = req.maxBytesBilled;
  if (mb !== undefined && (!Number.isInteger(mb) || mb < 10_485_760)) throw new UsageError('--max-bytes-billed: a whole number of bytes, at least 10485760 (BigQuery\'s minimum)');
  return ind.family.sql!.print(ind.spec, createCrosswalk({ succession: config.succession }), (p) => resolveSourcePath(config, p), {
    dialect: req.dialect,
    period: req.period,
    table: req.table,
    precision: config.precision,
    maxBytesBilled: mb,
    toolVersion: toolVersion(),
  });
}
