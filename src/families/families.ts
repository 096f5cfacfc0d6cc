/**
 * The indicator families by `family:` name — the strategy table the config and the pipeline
 * look families up in — built from the registry's entries, in the order of their names.
 */
import type { Family } from './family.js';
import * as registry from './registry.js';

/** Every family Entente knows, by its `family:` name (alphabetical). */
export const families: Readonly<Record<string, Family>> = Object.fromEntries(
  Object.values<Family>(registry)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => [f.name, f]),
);
