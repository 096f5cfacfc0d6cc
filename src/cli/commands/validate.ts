import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { terminalText } from '../../domain/escape.js';
import { WarningCollector } from '../../core/warnings.js';

/**
 * `entente validate`: checks the config, every input file and the criterion data of its
 * `validation:` block, prints every problem (file:line: what, how to fix) and what each source
 * skipped; exit 0 clean, 2 problems.
 */
export function validateCommand(term: Terminal): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'validate',
    describe: 'check the config and every input file; print every problem and what was skipped',
    builder: (y: Argv<GlobalArgs>) => y.example('$0 validate --config examples/real-data.yaml', 'check the real-data config and its files'),
    handler: async (args) => {
      const bar = progressBar(term);
      const { config, loaded, criteria } = await (await import('../../pipeline/validate.js')).runValidate(args.config, bar.progress).finally(() => bar.stop());
      for (const ind of config.indicators) {
        const d = loaded.data.get(ind.id)!;
        const cov = d.coverage.map((c) => `${c.from}–${c.to}`).join(', ') || 'as in the data';
        term.out(`${pc.green('ok')} ${ind.id} (${ind.family.name}, ${ind.spec.measure}): ${d.values.size} values, coverage ${cov}${d.zeroInsideCoverage ? ' (absent = 0 inside)' : ''}`);
        for (const f of d.inputs) term.out(`   ${f.role}: ${terminalText(f.path)}`);
        for (const note of d.notes) term.out(`   ${terminalText(note)}`);
        for (const line of d.details ?? []) term.out(`   ${terminalText(line)}`);
      }
      // the criterion data of `entente validity` (the `validation:` block; never index inputs)
      for (const c of criteria.values()) {
        const cov = c.years.map((y) => `${y.from}–${y.to}`).join(', ') || 'no years';
        term.out(`${pc.green('ok')} ${c.from} (criterion ${c.key} of \`entente validity\`): ${c.values.size} pair-years, years ${cov}`);
        for (const f of c.files) term.out(`   ${terminalText(f.path)}`);
        for (const note of c.notes) term.out(`   ${terminalText(note)}`);
      }
      // a warning that only points to `entente validate` says what the listing above already shows
      printWarnings(term, listedElsewhere(loaded.warnings), 20);
      const block = criteria.size > 0 ? `, ${criteria.size} criterion data set(s)` : '';
      term.out(`${terminalText(config.file)}: config and ${config.indicators.length} indicator(s)${block} valid`);
    },
  };
}

/**
 * The warnings `validate` prints after its listing: those that point the user to `entente
 * validate` are left out (the listing above them is what they point to).
 * @example listedElsewhere(w).list().some((x) => x.warning.message.includes('entente validate')) // false
 */
export function listedElsewhere(warnings: WarningCollector): WarningCollector {
  const out = new WarningCollector();
  for (const { warning, count } of warnings.list()) {
    if (/\(see `entente validate`\)/.test(warning.message)) continue;
    for (let i = 0; i < count; i++) out.add(warning);
  }
  return out;
}
