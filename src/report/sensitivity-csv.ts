import type { SensitivityResult } from '../analysis/sensitivity.js';
import type { ScoreTable } from '../core/score.js';
import { AsciiWriter } from '../format/ascii-writer.js';
import { csvText } from '../format/csv-cell.js';
import { formatFixed, formatInteger } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';

/**
 * `sensitivity.csv`: per pair-year, the nominal index and rank, the median and 5–95 %
 * interval of the index and of the rank over the Monte Carlo draws, and how many draws gave
 * the pair-year an index.
 * @example sensitivityFile(table, res, 6).text.split('\n')[0] // 'state_a,state_b,year,index,index_median,…'
 */
export function sensitivityFile(table: ScoreTable, res: SensitivityResult, precision: number): CsvFile {
  // written into one byte buffer (no string per row): the real panel has about a million rows
  const n = table.keys.length;
  const w = new AsciiWriter(128 + n * (24 + 8 * (precision + 6)));
  w.text('state_a,state_b,year,index,index_median,index_p05,index_p95,rank,rank_median,rank_p05,rank_p95,draws_scored\n');
  const cols = [res.reference, res.indexMedian, res.indexP05, res.indexP95];
  const rankCols = [res.rankMedian, res.rankP05, res.rankP95];
  for (let r = 0; r < n; r++) {
    w.pairYear(table.keys[r]!);
    for (const c of cols) {
      w.byte(44);
      w.fixed(c[r]!, precision);
    }
    w.byte(44);
    if (res.referenceRank[r]! > 0) w.integer(res.referenceRank[r]!);
    for (const c of rankCols) {
      w.byte(44);
      w.fixed(c[r]!, precision);
    }
    w.byte(44);
    w.integer(res.scored[r]!);
    w.byte(10);
  }
  return {
    text: w.bytes().toString('latin1'),
    resource: {
      name: 'sensitivity',
      path: 'sensitivity.csv',
      description: `Uncertainty of the index and of the rank of each pair-year under ${res.draws} Monte Carlo draws of the uncertain choices (${res.factors.map((x) => x.name).join(', ') || 'none'}).`,
      fields: [
        { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3' },
        { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3' },
        { name: 'year', type: 'integer', description: 'year' },
        { name: 'index', type: 'number', description: 'index at the nominal (configured) choices, unsmoothed', unit: 'index points' },
        { name: 'index_median', type: 'number', description: 'median index over the draws that give an index (type-7 quantile)', unit: 'index points' },
        { name: 'index_p05', type: 'number', description: '5th percentile of the index over the draws', unit: 'index points' },
        { name: 'index_p95', type: 'number', description: '95th percentile of the index over the draws', unit: 'index points' },
        { name: 'rank', type: 'integer', description: 'rank among the pairs of the year at the nominal choices (1 = most aligned; ties share a rank)' },
        { name: 'rank_median', type: 'number', description: 'median rank over the draws' },
        { name: 'rank_p05', type: 'number', description: '5th percentile of the rank (the best ranks)' },
        { name: 'rank_p95', type: 'number', description: '95th percentile of the rank (the worst ranks)' },
        { name: 'draws_scored', type: 'integer', description: 'draws (of N) in which the pair-year has an index (its coverage can fall below min_coverage under other weights)' },
      ],
      primaryKey: ['state_a', 'state_b', 'year'],
    },
  };
}

/**
 * `sobol.csv`: first-order and total Sobol' indices of the index per uncertain factor,
 * pooled over all pair-years (`year` empty) and per year.
 * @example sobolFile(res, 6).resource.path // 'sobol.csv'
 */
export function sobolFile(res: SensitivityResult, precision: number): CsvFile {
  const f = (v: number) => formatFixed(v, precision);
  const lines = ['year,factor,first_order,total,variance,pair_years,first_order_low,first_order_high,total_low,total_high'];
  for (const s of res.sobol) lines.push(`${s.year ?? ''},${csvText(s.factor)},${f(s.first)},${f(s.total)},${f(s.variance)},${formatInteger(s.pairYears)},${f(s.firstLow)},${f(s.firstHigh)},${f(s.totalLow)},${f(s.totalHigh)}`);
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: 'sobol',
      path: 'sobol.csv',
      description: "Variance-based sensitivity of the index to each uncertain choice: first-order (Saltelli 2010) and total (Jansen) Sobol' indices, aggregated over pair-years as Σ V·S / Σ V.",
      fields: [
        { name: 'year', type: 'integer', description: 'year; empty = pooled over all years' },
        { name: 'factor', type: 'string', description: 'uncertain choice: weight_<indicator>, aggregation or normalise' },
        { name: 'first_order', type: 'number', description: 'share of the variance of the index due to this choice alone (0–1, up to Monte Carlo error)', unit: 'share' },
        { name: 'total', type: 'number', description: 'share of the variance in which this choice plays any part, interactions included', unit: 'share' },
        { name: 'variance', type: 'number', description: 'Σ over pair-years of the variance of the index, which the indices are shares of', unit: 'index points²' },
        { name: 'pair_years', type: 'integer', description: 'pair-years in the estimate' },
        { name: 'first_order_low', type: 'number', description: 'lower end of the 95 % bootstrap interval of first_order (200 resamples of the draws, percentile interval)', unit: 'share' },
        { name: 'first_order_high', type: 'number', description: 'upper end of the 95 % bootstrap interval of first_order', unit: 'share' },
        { name: 'total_low', type: 'number', description: 'lower end of the 95 % bootstrap interval of total', unit: 'share' },
        { name: 'total_high', type: 'number', description: 'upper end of the 95 % bootstrap interval of total', unit: 'share' },
      ],
    },
  };
}
