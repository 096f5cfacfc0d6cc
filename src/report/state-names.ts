import { createCrosswalk } from '../domain/crosswalk.js';
import type { Iso3 } from '../domain/country.js';

/**
 * English short names of states from the crosswalk (with the config's succession rules);
 * an unknown code gives `fallback(code)` (default: `''`).
 * @example stateNames({})('RUS' as Iso3) // 'Russia'
 */
export function stateNames(succession: Readonly<Record<string, string>>, fallback: (code: Iso3) => string = () => ''): (code: Iso3) => string {
  let crosswalk: ReturnType<typeof createCrosswalk> | null;
  try {
    crosswalk = createCrosswalk({ succession });
  } catch {
    crosswalk = null;
  }
  return (code) => {
    if (crosswalk === null) return fallback(code);
    try {
      return crosswalk.name(code);
    } catch {
      return fallback(code);
    }
  };
}
