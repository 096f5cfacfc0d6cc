/**
 * Which states a Security Council draft concerns: the project-owned mapping of the voting
 * file's topics and agenda items (and, where a topic covers several situations, of single
 * drafts by their symbol) to the states they target. Pure data and lookup; the README of the
 * family lists it in full, and an indicator's `targets:` key overrides any entry.
 *
 * "Concerns B" means: the draft addresses B's conduct, government or territory — sanctions,
 * demands, condemnations, referrals, peace operations on its territory. Not a state the draft
 * would only benefit (a candidate for admission), nor one named as a party in passing. The
 * rules of thumb, per topic:
 *
 * - one country situation (`Rwanda`, `Cote d'Ivoire`, `Middle East (Syria)`): that state;
 *   UNDOF (the Golan) is filed under Syria by the compilers and stays there;
 * - the Palestinian question and the occupied Arab territories: Israel (the drafts demand
 *   Israel's action; the admission of Palestine is an admission);
 * - the war in Ukraine from 2014 (`2014 Letter from Ukraine`, `Ukraine`): Russia, whose
 *   conduct the drafts address; the Minsk agreements (`2014 Letter from Russian Federation`):
 *   Ukraine;
 * - Kosovo, the Danube and the former Yugoslavia's sanctions: Serbia (the FRY, reported as SRB
 *   by the succession rules);
 * - `Non-proliferation`: Iran (resolutions 1696 to 2231 and S/2020/797), except three 2024
 *   drafts on weapons in outer space; `Non-proliferation/DPRK`: North Korea; the Yemen
 *   sanctions draft S/2018/156, which named Iran's breach of the arms embargo: Yemen and Iran;
 * - thematic topics (terrorism, children, peacekeeping, tribunals, appointments, admissions),
 *   regions (`Great Lakes`, `Peace and security in Africa`, West Africa) and territories
 *   under UN administration (East Timor 1999–2002): no single state (`[]`), except the drafts
 *   listed by symbol.
 */
import type { Iso3 } from '../../domain/country.js';
import type { CouncilDraft } from './council-draft.js';
import { cleanText } from './symbols.js';

/** Rules: key (topic, agenda item or draft symbol) → the states concerned (`[]`: no single state). */
export interface TargetRules {
  /** By normalised draft symbol (`S/2020/797`): wins over the topic and the agenda item. */
  readonly drafts: Readonly<Record<string, readonly string[]>>;
  /** By the `Topic` cell. */
  readonly topics: Readonly<Record<string, readonly string[]>>;
  /** By the `Agenda item` cell, for drafts whose topic has no rule (the 2023 rows have none). */
  readonly agendas: Readonly<Record<string, readonly string[]>>;
}

const NONE: readonly string[] = [];

/** The project's mapping (see the module comment and the family README). */
export const DEFAULT_TARGETS: TargetRules = {
  drafts: {
    // Non-proliferation, 2024: weapons in outer space, not Iran
    'S/2024/302': NONE,
    'S/2024/323': NONE,
    'S/2024/383': NONE,
    // Central America: ONUSAL (El Salvador) and MINUGUA (Guatemala)
    'S/1994/613': ['SLV'],
    'S/1994/1332': ['SLV'],
    'S/1995/335': ['SLV'],
    'S/1997/18': ['GTM'],
    'S/1997/49': ['GTM'],
    // Peace and security in Africa: the country drafts
    'S/2008/447': ['ZWE'],
    'S/2009/25': ['DJI', 'ERI'],
    'S/2009/654': ['ERI'],
    'S/2011/744': ['ERI'],
    'S/2011/95': ['LBY'],
    'S/2012/512': ['MLI'],
    'S/2012/761': ['MLI'],
    'S/2013/660': ['KEN'],
    // Yemen sanctions, 26 February 2018: the British draft named Iran's breach of the arms embargo
    // (missiles supplied to the Houthis, per the Panel of Experts); vetoed by Russia
    'S/2018/156': ['YEM', 'IRN'],
    // The situation in the Middle East, 2023, no topic: UNDOF (Golan)
    'S/2023/1001': ['SYR'],
  },
  topics: {
    '1994 Letter from Pres. of Trusteeship Council': NONE,
    '1996 Letter from Ethiopia (Addis Ababa)': ['SDN'],
    '1998 Letter from United Kingdom (Yugoslavia)': ['SRB'],
    '1999 Letter from Russian Federation (Yugoslavia)': NONE,
    '2001 Letter from the FYR Macedonia (Kosovo)': ['MKD'],
    '2006 Letter from Japan (DPRK)': ['PRK'],
    '2014 Letter from Russian Federation (Ukraine)': ['UKR'],
    '2014 Letter from Ukraine (Ukraine)': ['RUS'],
    'Admission of new members': NONE,
    Afghanistan: ['AFG'],
    Africa: NONE,
    'Agreement signed 4 April 1994 between Chad and Libya concerning modalities for implementing ICJ Judgment of 3 Feb 1994': ['TCD', 'LBY'],
    Albania: ['ALB'],
    Angola: ['AGO'],
    'Appointment of the Prosecutor (Former Yugoslavia)': NONE,
    'Appointment of the Secretary-General': NONE,
    'Bosnia and Herzegovina': ['BIH'],
    'Briefing by Mr. Carl Bildt, Special Envoy of the Secretary-General for the Balkans': NONE,
    Burundi: ['BDI'],
    'Central African Republic': ['CAF'],
    'Central America: efforts towards peace': NONE,
    Chad: ['TCD', 'CAF'],
    'Children and armed conflict': NONE,
    Colombia: ['COL'],
    'Consideration of appointment of Secretary-General': NONE,
    'Cooperation with regional/subregional organizations': NONE,
    "Cote d'Ivoire": ['CIV'],
    Croatia: ['HRV'],
    Cyprus: ['CYP'],
    'Date of an election to fill a vacancy in the ICJ': NONE,
    'East Timor': NONE,
    'Ensuring an effective role of the Security Council in the maintenance of international peace and security': NONE,
    'Ensuring an effective role of the Security Council in the maintenance of international peace and security, particularly in Africa': NONE,
    'Eritrea and Ethiopia': ['ERI', 'ETH'],
    'Establishment of an IRMCT of the former Yugoslavia': NONE,
    'FYR Macedonia': ['MKD'],
    'Former Yugoslavia': ['SRB'],
    'General issues relating to sanctions': NONE,
    Georgia: ['GEO'],
    'Great Lakes': NONE,
    'Guinea-Bissau': ['GNB'],
    Haiti: ['HTI'],
    'High-level meeting of the Security Council: combatting terrorism': NONE,
    'IRMCT of the former Yugoslavia': NONE,
    IRMCT: NONE,
    'International Criminal tribunal for the Genocide and Violations the Rwanda': NONE,
    'International Tribunal for Rwanda': NONE,
    'Iraq and Kuwait': ['IRQ'],
    Iraq: ['IRQ'],
    'Kimberley Process Certification Scheme': NONE,
    Kosovo: ['SRB'],
    'Letters dated 20 and 23 December 1991 from France, the United Kingdom of Great Britain and Northern Ireland and the United States of America': ['LBY'],
    Liberia: ['LBR'],
    Libya: ['LBY'],
    'Maintenance of international peace and security': NONE,
    Mali: ['MLI'],
    'Middle East (Lebanon)': ['LBN'],
    'Middle East (Syria)': ['SYR'],
    'Middle East (Yemen)': ['YEM'],
    'Middle East, inc. Palestinian question': ['ISR'],
    'Middle East, incl. the Palestinian question': ['ISR'],
    Mozambique: ['MOZ'],
    Myanmar: ['MMR'],
    'Navigation on the Danube river': ['SRB'],
    Nepal: ['NPL'],
    'Non-proliferation of weapons of mass destruction': NONE,
    'Non-proliferation weapons of mass destruction': NONE,
    'Non-proliferation': ['IRN'],
    'Non-proliferation/DPRK': ['PRK'],
    'Occupied Arab territories': ['ISR'],
    'Peace and security in Africa': NONE,
    'Peace consolidation in West Africa': NONE,
    'Peacebuilding and sustaining peace': NONE,
    'Post-conflict peacebuilding': NONE,
    'Proliferation of small arms and light weapons and mercenary activities: threats to peace and security in West Africa': NONE,
    'Protection of United Nations personnel': NONE,
    'Protection of civilians in armed conflict': NONE,
    'Rep. of Bosnia and Herzegovina': ['BIH'],
    'Reports of the Secretary-General on the Sudan Monthly report of the Secretary-General on Darfur Report of the Secretary-General on the Sudan': ['SDN'],
    'Role of the Security Council in the prevention of armed conflicts': NONE,
    Rwanda: ['RWA'],
    Sanctions: NONE,
    'Security Council meetings in Nairobi (18-19 November 2004)': ['SDN'],
    'Shooting down of two civil aircraft on 24 Feb 1996': ['CUB'],
    'Sierra Leone': ['SLE'],
    'Small arms': NONE,
    Somalia: ['SOM'],
    'South Africa': ['ZAF'],
    'Strengthening cooperation with troop-contributing countries': NONE,
    'Sudan and South Sudan': ['SDN', 'SSD'],
    Sudan: ['SDN'],
    'Tajikistan (Tajik-Afghan border)': ['TJK'],
    'The Democratic Republic of the Congo': ['COD'],
    'The proposal by China, France, the Russian Federation, the United Kingdom of Great Britain and Northern Ireland and the United States of America on security assurances': NONE,
    'The responsibility of the Security Council in the maintenance of peace and security': NONE,
    'The safe area of Bihac': ['BIH'],
    'Threats to international peace and security caused by terrorist attacks': NONE,
    'Threats to international peace and security': NONE,
    'Threats to peace and security caused by international terrorist acts': NONE,
    Timor: NONE,
    'Timor-Leste': ['TLS'],
    'Tribute to the outgoing Secretary-General': NONE,
    UNPROFOR: ['BIH', 'HRV'],
    Ukraine: ['RUS'],
    'United Nations peacekeeping operations': NONE,
    'United Nations peacekeeping': NONE,
    Venezuela: ['VEN'],
    'Western Sahara': ['MAR'],
    'Women and peace and security': NONE,
    Yemen: ['YEM'],
    Yugoslavia: NONE,
  },
  agendas: {
    'Maintenance of peace and security of Ukraine': ['RUS'],
    'Peace and security in Africa': NONE,
    'Reports of the Secretary-General on the Sudan and South Sudan': ['SDN', 'SSD'],
    'The situation concerning the Democratic Republic of the Congo': ['COD'],
    'The situation in Afghanistan': ['AFG'],
    'The situation in Somalia': ['SOM'],
    'The situation in the Central African Republic': ['CAF'],
    'The situation in the Middle East, including the Palestinian question': ['ISR'],
    'The sitution in Cyprus': ['CYP'],
    'Cooperation between the United Nations and regional and subregional organizations in maintaining international peace and security': NONE,
    'Threats to international peace and security caused by terrorist acts': NONE,
  },
};

/** A lookup key: whitespace folded, case ignored. @example targetKey(' Middle East  (Syria) ') // 'middle east (syria)' */
export function targetKey(text: string): string {
  return cleanText(text).toLowerCase();
}

/** Compiled rules: lookup maps by {@link targetKey}. */
export interface TargetIndex {
  readonly drafts: ReadonlyMap<string, readonly Iso3[]>;
  readonly topics: ReadonlyMap<string, readonly Iso3[]>;
  readonly agendas: ReadonlyMap<string, readonly Iso3[]>;
}

/**
 * Compiles the default rules with overrides on top (an override replaces the entry with the
 * same key; `[]` declares "no single state").
 * @example targetIndex(DEFAULT_TARGETS, { topics: { 'Middle East (Syria)': ['SYR', 'ISR'] } })
 */
export function targetIndex(base: TargetRules, over: Partial<TargetRules> = {}): TargetIndex {
  const compile = (a: Readonly<Record<string, readonly string[]>>, b: Readonly<Record<string, readonly string[]>> | undefined, key: (k: string) => string) => {
    const m = new Map<string, readonly Iso3[]>();
    for (const src of [a, b ?? {}]) for (const [k, v] of Object.entries(src)) m.set(key(k), [...new Set(v)].sort() as Iso3[]);
    return m;
  };
  return {
    drafts: compile(base.drafts, over.drafts, (k) => k.trim().toUpperCase().replace(/\/REV\./, '/Rev.')),
    topics: compile(base.topics, over.topics, targetKey),
    agendas: compile(base.agendas, over.agendas, targetKey),
  };
}

/** What a draft concerns, and by which rule; `targets` null when no rule applies (unmapped). */
export interface DraftTargets {
  readonly targets: readonly Iso3[] | null;
  readonly rule: 'draft' | 'topic' | 'agenda' | null;
}

/**
 * The states a draft concerns: by its symbol, else its topic, else its agenda item.
 * @example targetsOf({ symbol: 'S/2020/797', topic: 'Non-proliferation', agenda: 'Non-proliferation' }, index) // { targets: ['IRN'], rule: 'topic' }
 */
export function targetsOf(d: Pick<CouncilDraft, 'symbol' | 'topic' | 'agenda'>, index: TargetIndex): DraftTargets {
  const bySymbol = d.symbol === null ? undefined : index.drafts.get(d.symbol);
  if (bySymbol !== undefined) return { targets: bySymbol, rule: 'draft' };
  const byTopic = d.topic === '' ? undefined : index.topics.get(targetKey(d.topic));
  if (byTopic !== undefined) return { targets: byTopic, rule: 'topic' };
  const byAgenda = d.agenda === '' ? undefined : index.agendas.get(targetKey(d.agenda));
  if (byAgenda !== undefined) return { targets: byAgenda, rule: 'agenda' };
  return { targets: null, rule: null };
}

/**
 * True when a draft is filed as country-specific (`Country/Region-specific`, `Country-specific`):
 * an unmapped one is listed by `entente validate`.
 * @example isCountrySpecific({ category: 'Country/Region-specific' }) // true
 */
export function isCountrySpecific(d: Pick<CouncilDraft, 'category'>): boolean {
  return /country/i.test(d.category);
}
