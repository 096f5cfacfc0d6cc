/**
 * Council membership per year, derived from the member votes: a state sat on the Council in a
 * year when it has a vote on at least one of that year's drafts. Elected members serve
 * calendar-year terms, so a normal year has 15 members (5 permanent, 10 elected). The
 * derivation is checked — every permanent member present, 15 members, every member voting on
 * most drafts, every vetoing member of the veto list a member — and each draft's missing
 * members (a real non-participation, or a row missing from the file) are listed. Pure.
 */
import type { Iso3 } from '../../domain/country.js';
import type { CouncilDraft } from './council-draft.js';
import { COUNCIL_SIZE } from './council-drafts.js';
import type { VetoRecord } from './read-unsc-vetoes.js';

/** The members of each year, and what the checks found. */
export interface Membership {
  readonly byYear: ReadonlyMap<number, ReadonlySet<Iso3>>;
  readonly notes: readonly string[];
  readonly details: readonly string[];
}

/**
 * Derives the members per year from drafts with known votes and checks them.
 * @example deriveMembership(drafts, p5, vetoes).byYear.get(2010)!.has('BRA' as Iso3) // true
 */
export function deriveMembership(drafts: readonly CouncilDraft[], permanent: (year: number) => ReadonlySet<Iso3>, vetoes: readonly VetoRecord[] = []): Membership {
  const counts = new Map<number, Map<Iso3, number>>();
  const draftsIn = new Map<number, number>();
  for (const d of drafts) {
    if (d.votes === null) continue;
    draftsIn.set(d.year, (draftsIn.get(d.year) ?? 0) + 1);
    let m = counts.get(d.year);
    if (m === undefined) counts.set(d.year, (m = new Map()));
    for (const v of d.votes) m.set(v.state, (m.get(v.state) ?? 0) + 1);
  }
  const byYear = new Map<number, ReadonlySet<Iso3>>();
  const notes: string[] = [];
  const details: string[] = [];
  const years = [...counts.keys()].sort((a, b) => a - b);
  const irregular: string[] = [];
  for (const y of years) {
    const m = counts.get(y)!;
    const members = [...m.keys()].sort();
    byYear.set(y, new Set(members));
    details.push(`members ${y}: ${members.join(', ')}`);
    const n = draftsIn.get(y)!;
    const issues: string[] = [];
    if (members.length !== COUNCIL_SIZE) issues.push(`${members.length} members`);
    const missingP5 = [...permanent(y)].filter((s) => !m.has(s) && ![...permanent(y)].some((o) => o !== s && m.has(o) && sameSeatYear(s, o)));
    if (missingP5.length > 0) issues.push(`no vote by the permanent member(s) ${missingP5.join(', ')}`);
    const rare = members.filter((s) => m.get(s)! * 2 < n);
    if (rare.length > 0) issues.push(`voting on fewer than half of the ${n} drafts: ${rare.map((s) => `${s} (${m.get(s)})`).join(', ')}`);
    if (issues.length > 0) irregular.push(`${y}: ${issues.join('; ')}`);
  }
  for (const d of drafts) {
    if (d.votes === null) continue;
    const voted = new Set(d.votes.map((v) => v.state));
    const absent = [...byYear.get(d.year)!].filter((s) => !voted.has(s));
    if (absent.length > 0) details.push(`ID ${d.id} (${d.draft || d.year}${d.resolution !== null ? `, resolution ${d.resolution}` : ''}): no vote recorded for ${absent.join(', ')} (did not participate, or a row is missing)`);
  }
  const outsiders = vetoes.filter((v) => byYear.has(v.year) && v.members.some((s) => !byYear.get(v.year)!.has(s)));
  for (const v of outsiders) notes.push(`veto list line ${v.line}: ${v.members.join(', ')} vetoed ${v.draft} in ${v.year} but has no vote in the votes that year`);
  details.push(...irregular.map((x) => `membership irregular in ${x}`));
  if (years.length > 0) {
    const shown = irregular.slice(0, 3).join(' | ') + (irregular.length > 3 ? ' | …' : '');
    notes.push(
      `Council membership derived from the votes, ${years[0]}–${years[years.length - 1]}: ${irregular.length === 0 ? `${COUNCIL_SIZE} members every year` : `irregular in ${irregular.length} year(s): ${shown} (each listed by \`entente validate\`)`}` +
        (outsiders.length === 0 && vetoes.length > 0 ? '; every vetoing member of the veto list sat on the Council' : ''),
    );
  }
  return { byYear, notes, details };
}

/** China's seat changed hands in 1971: TWN and CHN count as one seat that year. */
function sameSeatYear(a: Iso3, b: Iso3): boolean {
  const pair = [a, b].sort().join();
  return pair === 'CHN,TWN';
}
