/**
 * The references of one run: Entente itself, and for each indicator only the sources and
 * methods it used — the data set of its input format, the method of its measure, the
 * package a copy of the data came from (peacesciencer for the trade and alliance copies) —
 * with the data date read from the inputs where the source states one (SIPRI's "data
 * generated" stamp). Written as a formatted list (report page, summary, data package) and
 * as BibTeX (`references.bib`). Pure: the rules are a table.
 * @module
 */
import type { ResolvedConfig, ResolvedIndicator } from '../config/read-config.js';
import type { IndicatorData } from '../families/family.js';
import { toolVersion } from './tool-version.js';

/** What an indicator used: its measure, the formats of its sources and the names of its input files. */
export interface ReferenceUse {
  readonly family: string;
  readonly measure: string;
  readonly formats: readonly string[];
  readonly files: readonly string[];
  readonly notes: readonly string[];
}

/** A rule: a family's citation (matched by `cites`) is kept only for the uses `when` accepts. */
interface CitationRule {
  readonly family: string;
  readonly cites: RegExp;
  readonly when: (u: ReferenceUse) => boolean;
}

const measureIn = (...names: string[]) => (u: ReferenceUse) => names.includes(u.measure);
const formatIn = (...names: string[]) => (u: ReferenceUse) => u.formats.some((f) => names.includes(f));
const formatLike = (re: RegExp) => (u: ReferenceUse) => u.formats.some((f) => re.test(f));
const fileLike = (re: RegExp) => (u: ReferenceUse) => u.files.some((f) => re.test(f));

/**
 * When a family's citation applies. A citation no rule matches applies to every use of its
 * family (the data set itself, or a method every measure shares).
 */
export const CITATION_RULES: readonly CitationRule[] = [
  { family: 'un_votes', cites: /^Lijphart/, when: measureIn('agree', 'identical') },
  { family: 'un_votes', cites: /^Signorino/, when: measureIn('s_abs', 's_sq') },
  { family: 'un_votes', cites: /^Häge/, when: measureIn('kappa', 'pi') },
  { family: 'un_votes', cites: /^Robinson/, when: formatIn('unvotes') },
  { family: 'alliances', cites: /^Leeds/, when: formatLike(/^atop/) },
  { family: 'alliances', cites: /^Gibler/, when: formatLike(/^cow/) },
  { family: 'alliances', cites: /^Chiba/, when: measureIn('obligation') },
  { family: 'alliances', cites: /^Bueno de Mesquita/, when: measureIn('portfolio_taub') },
  { family: 'alliances', cites: /^Signorino/, when: measureIn('portfolio_s') },
  { family: 'alliances', cites: /^Häge/, when: measureIn('portfolio_kappa', 'portfolio_pi') },
  { family: 'alliances', cites: /^Miller, Steven V\..*peacesciencer/, when: fileLike(/peacesciencer/i) },
  { family: 'trade', cites: /^Barbieri, Katherine\. 1996/, when: measureIn('salience', 'symmetry') },
  { family: 'trade', cites: /^Barbieri, Katherine, (Omar|and Omar)/, when: formatIn('cow_trade') },
  { family: 'trade', cites: /^Oneal/, when: measureIn('dependence', 'interdependence', 'share_gdp', 'dependence_gdp') },
  { family: 'trade', cites: /^International Monetary Fund/, when: formatIn('imf_dots') },
  { family: 'joint_drills', cites: /Multinational Military Exercises/, when: formatIn('mme', 'mme_long') },
  { family: 'joint_drills', cites: /Joint Military Exercises \(JME\)/, when: formatIn('jme') },
  { family: 'joint_drills', cites: /^Flynn/, when: formatIn('mme_long') },
];

/** Citations added for what the input files are, whatever the family. */
const FILE_CITATIONS: readonly { readonly when: (u: ReferenceUse) => boolean; readonly text: string }[] = [
  {
    when: fileLike(/peacesciencer/i),
    text: 'Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative Peace Science Research." Conflict Management and Peace Science 39(6): 755–779 (the origin of the copy of the data used).',
  },
];

/** Data dates stated inside the inputs, read from the loaders' notes: `[pattern, what to append to the family's data citation]`. */
const DATA_DATES: readonly { readonly family: string; readonly cites: RegExp; readonly date: RegExp; readonly say: (m: RegExpMatchArray) => string }[] = [
  { family: 'arms_transfers', cites: /^SIPRI Arms Transfers Database/, date: /SIPRI data generated ([^();]+?)\s*(?:[();]|$)/, say: (m) => (/^\d/.test(m[1]!.trim()) ? `data generated ${m[1]!.trim()}` : `data: ${m[1]!.trim()}`) },
];

/**
 * Entente's own reference (the software; `CITATION.cff` in the repository says the same).
 * @example ententeReference() // 'Entente contributors. Entente: a dyad-year alignment index …, version 0.1.0.'
 */
export function ententeReference(): string {
  return `Entente contributors. Entente: a dyad-year alignment index of states from UN votes, arms transfers, joint exercises, trade and alliances (software), version ${toolVersion()}.`;
}

/**
 * What each indicator of a run used.
 * @example referenceUses(config, data)[0].formats // ['unvotes']
 */
export function referenceUses(config: ResolvedConfig, data: ReadonlyMap<string, IndicatorData>): ReferenceUse[] {
  return config.indicators.map((ind: ResolvedIndicator) => ({
    family: ind.family.name,
    measure: ind.spec.measure,
    formats: ind.spec.sources.map((s) => s.format),
    files: (data.get(ind.id)?.inputs ?? []).map((f) => f.path.split(/[\\/]/).pop() ?? f.path),
    notes: data.get(ind.id)?.notes ?? [],
  }));
}

/**
 * The formatted references of a run, Entente first, then in the config's order without
 * repeats: each family's citations that apply to how it was used, the data date where the
 * inputs state one, and the citations the input files call for.
 * @example runReferences(config, data)[0].startsWith('Entente contributors') // true
 */
export function runReferences(config: ResolvedConfig, data: ReadonlyMap<string, IndicatorData>): string[] {
  const uses = referenceUses(config, data);
  const out: string[] = [ententeReference()];
  config.indicators.forEach((ind, i) => {
    const u = uses[i]!;
    for (const c of ind.family.citations) {
      const rule = CITATION_RULES.find((r) => r.family === u.family && r.cites.test(c));
      if (rule && !rule.when(u)) continue;
      out.push(withDataDate(u, c));
    }
    for (const f of FILE_CITATIONS) if (f.when(u)) out.push(f.text);
  });
  // the same work cited by two families in two styles counts once (by its first author and year)
  const seen = new Set<string>();
  return out.filter((c) => {
    const k = workKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function withDataDate(u: ReferenceUse, citation: string): string {
  const rule = DATA_DATES.find((d) => d.family === u.family && d.cites.test(citation));
  if (!rule) return citation;
  for (const n of u.notes) {
    const m = n.match(rule.date);
    if (m) return `${citation.replace(/\.\s*$/, '')} (${rule.say(m)}).`;
  }
  return citation;
}

/** A work's identity for de-duplication: first author's surname, year and a distinctive word of the title. */
function workKey(c: string): string {
  const surname = (c.match(/^[^,.(]+/)?.[0] ?? c).trim().toLowerCase();
  const year = yearOf(c)?.year ?? '';
  const peace = /peacesciencer/i.test(c) ? 'peacesciencer' : '';
  return `${surname}|${year}|${peace}|${year === '' ? c : ''}`;
}

/**
 * The references as BibTeX: one `@misc` entry each, keyed by first author and year, with the
 * author, year and title read from the formatted text where it has them and the whole
 * formatted reference as `note`, so nothing is lost. Braces and backslashes are escaped.
 * @example bibtex(['Voeten, E. (2013). Data and Analyses of Voting in the UN General Assembly. In …'])
 * // '@misc{voeten2013,\n  author = {Voeten, E.},\n  year = {2013},\n  …'
 */
export function bibtex(references: readonly string[]): string {
  const used = new Map<string, number>();
  const esc = (s: string) => s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[%&$#_]/g, (c) => `\\${c}`);
  return references
    .map((r) => {
      const y = yearOf(r);
      const year = y?.year ?? null;
      const at = y?.at ?? -1;
      // the authors: the text before the year, without the bracket or the sentence's full stop (an initial keeps its own)
      const author = at > 0 ? r.slice(0, at).replace(/\s*\(?\s*$/, '').replace(/([A-Za-z\u00C0-\u024F]{2,})\.$/, '$1').replace(/ & /g, ' and ').trim() : null;
      const quoted = r.match(/"([^"]+)"/)?.[1];
      const after = y ? r.slice(y.end).replace(/^[).\s]+/, '') : r;
      const sentences = r.split(/\.\s/);
      // without a year the text has no reliable title (except Entente's own reference)
      const title = quoted ?? (y ? after.split(/\.\s/)[0]?.trim() : r === ententeReference() ? sentences[1]!.trim() : null);
      const base = ((author ?? r).normalize('NFD').replace(/[^A-Za-z]/g, '').slice(0, 12).toLowerCase() || 'ref') + (year ?? '');
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const key = n === 1 ? base : `${base}${String.fromCharCode(96 + n)}`;
      const fields = [author ? `  author = {${esc(author)}}` : null, year ? `  year = {${year}}` : null, title ? `  title = {${esc(title.replace(/\.$/, ''))}}` : null, `  note = {${esc(r)}}`].filter(Boolean);
      return `@misc{${key},\n${fields.join(',\n')}\n}\n`;
    })
    .join('\n');
}

/** The publication year of a formatted reference — `(2013)` or `. 2013.` — and where it stands; null when it states none. */
function yearOf(c: string): { year: string; at: number; end: number } | null {
  const m = /\((1[89]\d\d|20\d\d)\)|(?:^|\.\s)(1[89]\d\d|20\d\d)\./.exec(c);
  if (!m) return null;
  const year = (m[1] ?? m[2])!;
  const at = m.index + m[0].indexOf(year) - (m[1] ? 1 : 0);
  return { year, at, end: at + year.length + (m[1] ? 2 : 0) };
}
