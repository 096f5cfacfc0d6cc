/**
 * What kind of party a SIPRI name is. SIPRI marks non-state armed groups with a trailing
 * `*` (`Hezbollah (Lebanon)*`), international organisations with `**` (`NATO**`), and writes
 * `unknown supplier(s)` / `unknown recipient(s)` when it does not know the party. Only
 * `state` parties become dyads; the others are skipped, counted and listed.
 */
export type PartyKind = 'state' | 'non_state' | 'organisation' | 'unknown';

/** The rules, tried in order (`**` before `*`); the first that matches gives the kind. */
const RULES: readonly { readonly kind: Exclude<PartyKind, 'state'>; readonly test: (name: string) => boolean }[] = [
  { kind: 'organisation', test: (n) => n.endsWith('**') },
  { kind: 'non_state', test: (n) => n.endsWith('*') },
  { kind: 'unknown', test: (n) => /^unknown (supplier|recipient)\(s\)$/i.test(n) },
];

/** How each kind is described in `entente validate` notes. */
export const PARTY_KIND_LABEL: Readonly<Record<Exclude<PartyKind, 'state'>, string>> = {
  non_state: 'non-state armed groups (*)',
  organisation: 'international organisations (**)',
  unknown: 'unknown parties',
};

/**
 * Classifies a SIPRI party name by SIPRI's own markers.
 * @example partyKind('Hezbollah (Lebanon)*') // 'non_state'
 * @example partyKind('NATO**') // 'organisation'
 * @example partyKind('unknown supplier(s)') // 'unknown'
 * @example partyKind('Soviet Union') // 'state'
 */
export function partyKind(name: string): PartyKind {
  const n = name.trim();
  for (const r of RULES) if (r.test(n)) return r.kind;
  return 'state';
}
