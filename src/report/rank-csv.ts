import type { RankEntry } from '../analysis/rank.js';
import { formatFixed } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';

/** What a ranking ranked, for the file's description. */
export interface RankQueryText {
  readonly year: number;
  readonly state: string | null;
  readonly since: number | null;
}

/**
 * `rank.csv`: every ranked pair of the year (most aligned first), with its rank change since
 * a year when asked. Written by `entente rank`; the next `rank` replaces it.
 * @example rankFile(entries, { year: 2020, state: null, since: null }, 6).resource.path // 'rank.csv'
 */
export function rankFile(entries: readonly RankEntry[], q: RankQueryText, precision: number): CsvFile {
  const lines = ['rank,state_a,state_b,year,index,rank_since,change'];
  for (const e of entries) {
    lines.push([e.rank, e.a, e.b, q.year, formatFixed(e.index, precision), e.rankSince ?? '', e.change ?? ''].join(','));
  }
  const what = `${q.state ? `the partners of ${q.state}` : 'every pair'} in ${q.year}${q.since !== null ? `, with the rank change since ${q.since}` : ''}`;
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: 'rank',
      path: 'rank.csv',
      description: `The ranking of ${what} by index, most aligned first (entente rank; the next rank replaces it).`,
      fields: [
        { name: 'rank', type: 'integer', description: 'competition rank: 1 + the pairs with a strictly higher index (ties share a rank)' },
        { name: 'state_a', type: 'string', description: 'first state (ISO3)' },
        { name: 'state_b', type: 'string', description: 'second state (ISO3)' },
        { name: 'year', type: 'integer', description: 'the year ranked' },
        { name: 'index', type: 'number', description: 'alignment index', unit: 'index points' },
        { name: 'rank_since', type: 'integer', description: 'rank in the `since` year among the same pairs; empty when not ranked then or not asked' },
        { name: 'change', type: 'integer', description: 'rank_since − rank: positive when the pair moved up' },
      ],
      primaryKey: ['state_a', 'state_b'],
    },
  };
}
