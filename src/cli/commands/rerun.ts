import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { NotReproducedError } from '../../domain/errors.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import { pathOption } from '../option-checks.js';
import type { GlobalArgs } from '../global-args.js';
import { displayPath } from './score.js';

interface RerunArgs extends GlobalArgs {
  readonly package: string;
  readonly force?: boolean;
}

/** `entente rerun <report>/datapackage.json`: re-scores a report from its replication record and compares the files. */
export function rerunCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, RerunArgs> = {
    command: 'rerun <package>',
    describe: 're-score a report from its datapackage.json (same config, overrides and data folder), after checking every input\'s SHA-256; compare the files',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .positional('package', pathOption('PACKAGE', 'the datapackage.json of the report (or its folder)') as never)
        // no default here: the config is found by its recorded SHA-256 (where the report's marker says, or the recorded name)
        .option('config', pathOption('--config', 'the config, when it is not where the report says (it must have the recorded SHA-256)', { default: undefined, global: false }))
        .option('force', { type: 'boolean', describe: 'replace a folder holding files Entente did not write' })
        .example('$0 rerun reports/sample/datapackage.json', 're-make the sample report in place and check it is byte-identical')
        .example('$0 rerun archive/datapackage.json --config entente.yaml --out /tmp/check', 're-make a moved report into a new folder') as unknown as Argv<RerunArgs>,
    handler: async (args) => {
      const bar = progressBar(term);
      try {
        const res = await (await import('../../pipeline/rerun.js')).runRerun(args.package, { out: args.out, config: args.config, force: args.force, note: (n) => term.err(pc.yellow(`note: ${n}`)) }, bar.progress);
        bar.stop();
        printWarnings(term, res.run.warnings);
        const c = res.comparison;
        term.out(`inputs: ${res.run.data.size} indicators, every file with the SHA-256 the report lists; config ${displayPath(res.configFile)}`);
        term.out(`wrote ${displayPath(res.outDir)}/ (${res.run.table.keys.length} pair-years)`);
        if (c.missing.length > 0) term.err(pc.yellow(`note: not made again by a rerun (other commands made them): ${c.missing.join(', ')}`));
        if (c.differ.length > 0) {
          throw new NotReproducedError(`not reproduced: ${c.differ.join(', ')} differ from the report's (byte-identical: ${c.same.join(', ') || 'none'}); the report's Entente or Node version may differ — see entente.replication.runtime`);
        }
        term.out(`reproduced: ${c.same.length} files byte-identical (${c.same.join(', ')})`);
      } finally {
        bar.stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
