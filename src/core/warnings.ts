/**
 * Non-fatal problems (skipped entities, dropped rows, clipped values) are values, collected
 * and counted by kind, never printed by the core.
 */
export interface Warning {
  /** A short stable kind, e.g. `skipped-entity`, `clipped`. */
  readonly kind: string;
  readonly message: string;
  /** File and line when the warning concerns an input row. */
  readonly file?: string;
  readonly line?: number;
}

/** Collects warnings, de-duplicating identical messages and counting them per kind. */
export class WarningCollector {
  private readonly seen = new Map<string, { warning: Warning; count: number }>();

  /** Records a warning. */
  add(w: Warning): void {
    const key = `${w.kind}\u0000${w.message}\u0000${w.file ?? ''}\u0000${w.line ?? ''}`;
    const prev = this.seen.get(key);
    if (prev) prev.count++;
    else this.seen.set(key, { warning: w, count: 1 });
  }

  /** All distinct warnings with their repeat counts, in the order first seen. */
  list(): { warning: Warning; count: number }[] {
    return [...this.seen.values()];
  }

  /** Number of warnings per kind. */
  countsByKind(): Map<string, number> {
    const out = new Map<string, number>();
    for (const { warning, count } of this.seen.values()) out.set(warning.kind, (out.get(warning.kind) ?? 0) + count);
    return out;
  }

  get size(): number {
    return this.seen.size;
  }
}
