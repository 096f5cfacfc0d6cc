/**
 * One deal of the SIPRI trade register, exactly as SIPRI writes it (names not yet resolved).
 * Columns follow SIPRI's export; the three single-space header cells are the `?` flags.
 */
export interface SipriDeal {
  /** 1-based physical line of the file the record starts on. */
  readonly line: number;
  /** Receiving state or entity, SIPRI spelling (`Iran`, `Hezbollah (Lebanon)*`, `NATO**`). */
  readonly recipient: string;
  /** Supplying state or entity, SIPRI spelling (`Soviet Union`, `unknown supplier(s)`). */
  readonly supplier: string;
  /** Year the deal was ordered; null when SIPRI leaves it empty. */
  readonly orderYear: number | null;
  /** `?` after the order year: the year is uncertain. */
  readonly orderYearUncertain: boolean;
  /** Units ordered; null = not yet known. */
  readonly numberOrdered: number | null;
  /** `?` after the number ordered. */
  readonly numberOrderedUncertain: boolean;
  /** System name, e.g. `S-300PMU2 Favorit`. */
  readonly weaponDesignation: string;
  /** SIPRI category text, e.g. `SAM system`. */
  readonly weaponDescription: string;
  /** Units delivered so far (0 when nothing delivered yet). */
  readonly numberDelivered: number | null;
  /** `?` after the number delivered. */
  readonly numberDeliveredUncertain: boolean;
  /** Delivery years, ascending as SIPRI lists them (`2006; 2007`); empty when nothing was delivered. */
  readonly deliveryYears: readonly number[];
  /** `New`, `Second hand` or `Second hand but modernized` (already reflected in the TIV). */
  readonly status: string;
  /** Free text. */
  readonly comments: string;
  /** TIV (millions) of one unit. */
  readonly tivPerUnit: number | null;
  /** TIV of the whole order; null when unknown. */
  readonly tivTotalOrder: number | null;
  /** TIV of the units delivered so far; SIPRI's `0` means more than 0 but less than 0.5. */
  readonly tivDelivered: number | null;
}

/**
 * True when SIPRI marks the order year or a number (ordered or delivered) of the deal as
 * uncertain (`?`). Used by `exclude_uncertain: true`.
 * @example isUncertainDeal({ ...deal, orderYearUncertain: true }) // true
 */
export function isUncertainDeal(d: SipriDeal): boolean {
  return d.orderYearUncertain || d.numberOrderedUncertain || d.numberDeliveredUncertain;
}

/**
 * The identity of a deal without its line number: every field joined, so that the same deal
 * read from two files (or from the raw and the cleaned export) gives the same key.
 * @example dealKey(deal) // 'Iran|Russia|2005|…'
 */
export function dealKey(d: SipriDeal): string {
  return [
    d.recipient,
    d.supplier,
    d.orderYear ?? '',
    d.orderYearUncertain ? '?' : '',
    d.numberOrdered ?? '',
    d.numberOrderedUncertain ? '?' : '',
    d.weaponDesignation,
    d.weaponDescription,
    d.numberDelivered ?? '',
    d.numberDeliveredUncertain ? '?' : '',
    d.deliveryYears.join(';'),
    d.status,
    d.comments,
    d.tivPerUnit ?? '',
    d.tivTotalOrder ?? '',
    d.tivDelivered ?? '',
  ].join('|');
}
