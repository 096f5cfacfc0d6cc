/** Options every command takes. */
export interface GlobalArgs {
  /** The config file (default `entente.yaml`). */
  readonly config: string;
  /** The report folder (default `reports/<name>/`). */
  readonly out?: string;
}
