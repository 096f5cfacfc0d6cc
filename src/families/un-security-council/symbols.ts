/**
 * UN document symbols and resolution numbers as the Security Council sources write them,
 * normalised so that drafts can be matched across files: the voting file has `S/2017/1060`
 * followed by a non-breaking space, lower-case `s/2004/25`, `S/2007/14 as orally revised`,
 * `para 4 of S/2002/825`; resolutions are `893 (1994)`, `Resolution 2618 (2022)`,
 * `S/RES/2673 (2023)`, `S/RES/2722(2024)` or `S/RES/2776/2025`. Pure.
 */

/** Non-breaking and other Unicode spaces, folded to a plain space. */
const SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g;

/**
 * Trims a cell and folds its whitespace (non-breaking spaces, runs of spaces, line breaks and
 * Excel's literal `_x000D_`) to single spaces.
 * @example cleanText(' S/2017/1060\u00a0') // 'S/2017/1060'
 */
export function cleanText(cell: string): string {
  return cell.replace(/_x000D_/g, ' ').replace(SPACES, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The first Security Council document symbol in a cell, normalised: `S/<year>/<number>` for
 * documents from 1994 on, `S/<number>` (with `/Rev.n`) for older ones; null when the cell has
 * none (`Oral amendment 2`, `S/PV.23` — a meeting record, not a draft).
 * @example draftSymbol('S/2007/14 as orally revised') // 'S/2007/14'
 * @example draftSymbol('s/2004/25') // 'S/2004/25'
 * @example draftSymbol('S/21742/Rev.1') // 'S/21742/Rev.1'
 * @example draftSymbol('para 4 of S/2002/825') // 'S/2002/825'
 * @example draftSymbol('S/PV.23') // null
 */
export function draftSymbol(cell: string): string | null {
  const m = /\bS\s*\/\s*(\d{4}\s*\/\s*\d+|\d+)(\s*\/\s*Rev\.?\s*\d+)?/i.exec(cleanText(cell));
  if (m === null) return null;
  const body = m[1]!.replace(/\s+/g, '');
  const rev = m[2] ? `/Rev.${m[2].replace(/\D/g, '')}` : '';
  return `S/${body}${rev}`;
}

/**
 * The resolution number in a cell (`893 (1994)`, `Resolution 2618 (2022)`, `S/RES/2722(2024)`,
 * `S/RES/2776/2025`), or null (`Missing`, a draft symbol, empty).
 * @example resolutionNumber('S/RES/2722(2024)') // 2722
 * @example resolutionNumber('2541 (2020') // 2541
 * @example resolutionNumber('S/2025/270') // null
 */
export function resolutionNumber(cell: string): number | null {
  const t = cleanText(cell);
  const m = /^(?:Resolution\s+|S\/RES\/\s*)?(\d{1,4})\s*[(/]\s*\d{4}\)?$/i.exec(t);
  return m === null ? null : Number(m[1]);
}
