/**
 * Checks the member votes against the veto list where both cover the same years: every veto of
 * the list must be in the voting file as a vetoed draft of that year with the same symbol and
 * the same vetoing members. A disagreement is an error (silently wrong votes), located at the
 * voting file's row, or at the veto list's line when the voting file has no such draft. Vetoes
 * the voting file has and the list lacks (the list omits private meetings, and ends on
 * 8 July 2022) and dates that differ are noted. Pure.
 */
import type { Iso3 } from '../../domain/country.js';
import type { Problem } from '../../domain/errors.js';
import type { CouncilDraft } from './council-draft.js';
import type { VetoRecord } from './read-unsc-vetoes.js';

/** What {@link checkVetoes} found. */
export interface VetoCheck {
  readonly problems: readonly Problem[];
  readonly notes: readonly string[];
  readonly details: readonly string[];
}

/**
 * The permanent members whose No vetoed a draft (none for a procedural vote or a draft not
 * labelled vetoed).
 * @example vetoersOf(draft, p5) // ['CHN', 'RUS']
 */
export function vetoersOf(d: CouncilDraft, permanent: ReadonlySet<Iso3>): Iso3[] {
  if (d.outcome !== 'vetoed' || d.procedural || d.votes === null) return [];
  return d.votes.filter((v) => v.vote === 'no' && permanent.has(v.state)).map((v) => v.state).sort();
}

/**
 * Compares the drafts of the voting file(s) with the veto list over the years both cover.
 * @example
 * const check = checkVetoes(drafts, vetoes, 'unsc_vetoes.csv', p5);
 * check.problems // [] on the corrected real files
 */
export function checkVetoes(drafts: readonly CouncilDraft[], vetoes: readonly VetoRecord[], vetoFile: string, permanent: (year: number) => ReadonlySet<Iso3>): VetoCheck {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const details: string[] = [];
  if (drafts.length === 0 || vetoes.length === 0) return { problems, notes, details };
  const span = (ys: number[]) => ({ from: Math.min(...ys), to: Math.max(...ys) });
  const dy = span(drafts.map((d) => d.year));
  const vy = span(vetoes.map((v) => v.year));
  const from = Math.max(dy.from, vy.from);
  const to = Math.min(dy.to, vy.to);
  if (from > to) return { problems, notes: [`the veto list (${vy.from}–${vy.to}) and the votes (${dy.from}–${dy.to}) share no year: nothing to check`], details };
  const bySymbol = new Map<string, CouncilDraft[]>();
  for (const d of drafts) {
    if (d.symbol === null || d.year < from || d.year > to) continue;
    const k = `${d.symbol} ${d.year}`;
    bySymbol.set(k, [...(bySymbol.get(k) ?? []), d]);
  }
  const matched = new Set<CouncilDraft>();
  let checked = 0;
  let dated = 0;
  const lastVeto = vetoes.reduce((m, v) => (v.date > m ? v.date : m), '');
  for (const v of vetoes) {
    if (v.year < from || v.year > to) continue;
    checked++;
    const where = `the veto list (line ${v.line}) has ${v.draft} of ${v.date} vetoed by ${v.members.join(', ')}`;
    const found = v.symbol === null ? [] : (bySymbol.get(`${v.symbol} ${v.year}`) ?? []);
    if (found.length === 0) {
      problems.push({ file: vetoFile, line: v.line, message: `${where}, but the votes have no draft ${v.symbol ?? v.draft} in ${v.year}: the votes are missing a veto (or the list has a wrong symbol)` });
      continue;
    }
    const d = found.find((x) => x.outcome === 'vetoed');
    if (d === undefined) {
      const x = found[0]!;
      problems.push({ file: x.origin.file, line: x.origin.line, column: 'Outcome results', message: `record ${x.origin.firstRecord}: ID ${x.id} (${x.draft}) is labelled "${x.outcomeLabel}", but ${where}; correct the votes or the outcome` });
      continue;
    }
    matched.add(d);
    if (d.votes === null) {
      details.push(`veto list line ${v.line}: ${v.symbol} (${v.date}, ${v.members.join(', ')}): the votes file's member votes of ID ${d.id} are unknown (dropped by a correction); the vetoing members cannot be checked`);
      continue;
    }
    const got = vetoersOf(d, permanent(d.year));
    const want = [...v.members].sort();
    if (got.join() !== want.join()) {
      problems.push({
        file: d.origin.file,
        line: d.origin.line,
        column: 'Vote',
        message: `record ${d.origin.firstRecord}: ID ${d.id} (${d.draft}) is vetoed by ${got.join(', ') || 'no permanent member'} in the votes, but ${where}; correct the votes (set_vote, drop_row)`,
      });
    }
    if (d.date !== null && d.date !== v.date) {
      dated++;
      details.push(`veto list line ${v.line}: ${v.symbol} is dated ${v.date} there and ${d.date} in the votes (ID ${d.id})`);
    }
  }
  const unlisted = drafts.filter((d) => d.year >= from && d.year <= to && d.outcome === 'vetoed' && !matched.has(d));
  for (const d of unlisted) {
    const after = d.date !== null && d.date > lastVeto;
    details.push(`ID ${d.id} (${d.draft}, ${d.date ?? d.year}) is vetoed in the votes${d.votes ? ` by ${vetoersOf(d, permanent(d.year)).join(', ')}` : ''} but not in the veto list${after ? ` (after its last entry, ${lastVeto})` : ' (the list omits vetoes cast in private meetings)'}`);
  }
  notes.push(
    `veto list ${vetoFile}: ${checked} veto(es) of ${from}–${to} checked against the votes: ${checked - problems.length} agree on the draft and the vetoing members` +
      (dated > 0 ? `, ${dated} with another date` : '') +
      (unlisted.length > 0 ? `; ${unlisted.length} vetoed draft(s) of the votes are not in the list` : ''),
  );
  return { problems, notes, details };
}
