import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../src/domain/errors.js';
import { checkConfigInputs, configInputs } from '../../src/config/config-inputs.js';
import { parseConfigText, readConfig } from '../../src/config/read-config.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { snapshotFolder, sameSnapshot } from '../helpers/folder-snapshot.js';
import { removeTempFiles, tempDir } from '../fuzz/hostile.js';
import { readFileSync } from 'node:fs';

afterAll(removeTempFiles);

async function inputError(run: Promise<unknown>): Promise<InputError> {
  try {
    await run;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** examples/real-data.yaml copied into a fresh folder, without the ../shared data beside it. */
function realDataWithoutShared(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'examples'));
  cpSync(path.join(ROOT, 'examples/real-data.yaml'), path.join(dir, 'examples/real-data.yaml'));
  return path.join(dir, 'examples/real-data.yaml');
}

const REAL_DATA_FILES = [
  'unga/unvotes_un_votes.csv.gz',
  'unga/unvotes_un_roll_calls.csv.gz',
  'unga/unvotes_un_roll_call_issues.csv.gz',
  'arms/raw/sipri_trade_register_2025-03-13_raw.csv.gz',
  'drills/mme_v7.csv.gz',
  'trade/cow_dyadic_trade_v4.0_rounded_peacesciencer.csv.gz',
  'unga/voeten_idealpointestimates_All_apr2020.csv.gz',
  'alliances/atop5.1_ddyr_peacesciencer.csv.gz',
  'igo/cow_igo_ndy.csv.gz',
  'events/gdelt_graph_daily_edges_2018-2024.csv.gz',
];
const REAL_DATA_KEYS = ['un.source.votes', 'un.source.rollcalls', 'un.source.issues', 'arms.source.path', 'drills.source.path', 'trade.source.path', 'ideal.source.path', 'alliance.source.path', 'igo.source.path', 'events.source.path'];

describe('a missing data folder is one message listing every missing file', () => {
  it('lists the input files a config names, with the key that names each', async () => {
    const config = await readConfig(path.join(ROOT, 'entente.yaml'));
    expect(configInputs(config).map((i) => `${i.key}=${i.written}`)).toEqual([
      'indicators.un.source.votes=indicators/sample/un_votes.csv',
      'indicators.un.source.rollcalls=indicators/sample/un_roll_calls.csv',
      'indicators.un.source.issues=indicators/sample/un_roll_call_issues.csv',
      'indicators.arms.source.path=indicators/sample/sipri_trade_register.csv',
      'indicators.drills.source.path=indicators/sample/mme_exercises.csv',
      'indicators.trade.source.path=indicators/sample/cow_trade.csv',
      'indicators.unsc.source.path=indicators/sample/unsc_votes.csv',
      'indicators.unsc.source.corrections=indicators/sample/unsc_corrections.csv',
      'indicators.alliance.source.path=indicators/sample/atop_alliances.csv',
    ]);
    await checkConfigInputs(config); // all there
  });

  it('examples/real-data.yaml without ../shared: all ten files, data_dir and ENTENTE_DATA_DIR named', async () => {
    const file = realDataWithoutShared();
    const e = await inputError(checkConfigInputs(await readConfig(file, {})));
    const shared = path.resolve(path.dirname(file), '../../shared/data');
    expect(e.problems.map((p) => [p.file, p.path, p.message])).toEqual(
      REAL_DATA_FILES.map((f, i) => [path.join(shared, f), `indicators.${REAL_DATA_KEYS[i]}`, `does not exist (the config says \`${f}\`)`]),
    );
    expect(e.message.split('\n').slice(0, 2)).toEqual([
      `10 of the 10 input file(s) named by ${file} cannot be read; nothing was read or written`,
      `Relative source paths are resolved against ${shared} (from \`data_dir: ../../shared/data\` of the config, a folder that does not exist); put the data there, or point ENTENTE_DATA_DIR (it overrides \`data_dir:\`) at the folder that holds it.`,
    ]);
  });

  it('a wrong ENTENTE_DATA_DIR is named as the origin of the paths', async () => {
    const file = realDataWithoutShared();
    const e = await inputError(checkConfigInputs(await readConfig(file, { ENTENTE_DATA_DIR: '/nonexistent/data' })));
    expect(e.problems).toHaveLength(REAL_DATA_FILES.length);
    expect(e.message).toContain('resolved against /nonexistent/data (from ENTENTE_DATA_DIR, a folder that does not exist)');
  });

  it('without data_dir, missing files are resolved against the config folder, and a folder among the inputs is named', async () => {
    const dir = tempDir();
    const text = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8');
    cpSync(path.join(ROOT, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
    rmSync(path.join(dir, 'indicators/sample/cow_trade.csv'));
    rmSync(path.join(dir, 'indicators/sample/un_votes.csv'));
    mkdirSync(path.join(dir, 'indicators/sample/un_votes.csv'));
    const e = await inputError(checkConfigInputs(parseConfigText(text, path.join(dir, 'entente.yaml'), {})));
    expect(e.problems.map((p) => [p.path, p.message.slice(0, 40)])).toEqual([
      ['indicators.un.source.votes', 'this is a folder, not a regular file; a '],
      ['indicators.trade.source.path', 'does not exist (the config says `indicat'],
    ]);
    expect(e.message).toContain(`Relative source paths are resolved against the config file's folder (${dir})`);
  });

  it('entente score: exit 2 with every missing file, and the existing report untouched', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'entente.yaml'), path.join(dir, 'entente.yaml'));
    cpSync(path.join(ROOT, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
    const config = path.join(dir, 'entente.yaml');
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    const before = snapshotFolder(path.join(dir, 'reports'));
    rmSync(path.join(dir, 'indicators/sample/mme_exercises.csv'));
    writeFileSync(config, readFileSync(config, 'utf8').replace('indicators/sample/cow_trade.csv', 'indicators/sample/cow_trade_v9.csv'));
    const r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: 2 of the 9 input file\(s\) named by .*entente\.yaml cannot be read/);
    expect(r.err).toMatch(/mme_exercises\.csv: indicators\.drills\.source\.path: does not exist/);
    expect(r.err).toMatch(/cow_trade_v9\.csv: indicators\.trade\.source\.path: does not exist/);
    expect(sameSnapshot(snapshotFolder(path.join(dir, 'reports')), before)).toBe(true);
  });
});
