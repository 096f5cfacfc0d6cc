/**
 * Counterexamples the hostile-input fuzzers found (and their siblings found while fixing
 * them), pinned: each was an uncaught exception, a silent corruption or a hang before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { createCrosswalk, MAX_SUGGESTED_SPELLINGS } from '../../src/domain/crosswalk.js';
import { clipQuotedCells, ConfigError, InputError } from '../../src/domain/errors.js';
import { ProblemList } from '../../src/domain/problem-list.js';
import { MAX_VOTE_ENTITIES } from '../../src/families/un-votes/roll-call-builder.js';
import { parseConfigText } from '../../src/config/read-config.js';
import { readCowTrade } from '../../src/families/trade/read-cow-trade.js';
import { parseNumberCell, readCsvParsed } from '../../src/format/read-csv.js';
import { readDyadYear } from '../../src/families/kit/read-dyad-year.js';
import { readEventList } from '../../src/families/joint-drills/read-event-list.js';
import { readIntervalBands } from '../../src/report/chart/read-interval-bands.js';
import { readJme } from '../../src/families/joint-drills/read-jme.js';
import { readMmeLong } from '../../src/families/joint-drills/read-mme-long.js';
import { readWideEventList, WIDE_EVENT_LIST_DEFAULTS } from '../../src/families/joint-drills/read-wide-event-list.js';
import { readImfDots } from '../../src/families/trade/read-imf-dots.js';
import { readMme } from '../../src/families/joint-drills/read-mme.js';
import { readSipriRegister } from '../../src/families/arms-transfers/read-sipri-register.js';
import { readSipriTivPairs, readSipriTivTotals } from '../../src/families/arms-transfers/read-sipri-tiv.js';
import { readStateYearValues } from '../../src/families/trade/read-state-year-values.js';
import { readUnvotes } from '../../src/families/un-votes/read-unvotes.js';
import type { Iso3 } from '../../src/domain/country.js';
import { ROOT } from '../helpers/cli.js';
import { removeTempFiles, tempFile } from './hostile.js';

afterAll(removeTempFiles);

const cw = createCrosswalk();
const fixture = (rel: string) => readFileSync(path.join(ROOT, 'test', rel), 'utf8');
const file = (text: string, name = 'input.csv') => tempFile(Buffer.from(text, 'utf8'), name);

/** The InputError a read throws (fails the test when it returns or throws anything else). */
async function inputError(read: Promise<unknown>): Promise<InputError> {
  try {
    await read;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, the read succeeded');
}

describe('regressions: years outside 1000–4095 (they landed in another pair\'s packed dyad-year key)', () => {
  it('SIPRI register: a delivery year 9999 and an order year 0000 are row errors', async () => {
    // fuzz counterexample: "rows: duplicate" with "2006; 2007" → "9999" gave RUS→IRO in year 0
    const text = fixture('families/arms-transfers/fixtures/register_clean.csv').replace('2006; 2007', '9999').replace('Iran,Russia,2015', 'Iran,Russia,0000');
    const e = await inputError(readSipriRegister(file(text, 'register.csv'), { encoding: 'utf8' }));
    expect(e.message).toMatch(/register\.csv:2: column "Year\(s\) of delivery": expected years \(1000–4095\) separated by "; "/);
    expect(e.message).toMatch(/register\.csv:3: column "Year of order": expected a 4-digit year \(1000–4095\), got "0000"/);
  });

  it('COW trade: a year 0000 is a row error, on the byte scanner and on the CSV path', async () => {
    // fuzz counterexample: "cells: 0000" gave RUS–USA in year 0 (value 1)
    const plain = fixture('families/trade/fixtures/cow_v4_small.csv').replace('2,365,1990,100', '2,365,0000,100');
    const e = await inputError(readCowTrade(file(plain, 'cow.csv'), cw, { flows: 'raw' }));
    expect(e.problems).toEqual([{ file: expect.stringMatching(/cow\.csv$/), line: 2, column: 'year', message: 'expected a four-digit year (1000–4095), got "0000"' }]);
    const quoted = fixture('families/trade/fixtures/cow_v3_quoted.csv').replace('2,365,1990', '2,365,9999');
    const q = await inputError(readCowTrade(file(quoted, 'cow3.csv'), cw, { flows: 'raw' }));
    expect(q.problems.map((p) => [p.line, p.column])).toEqual([[2, 'year']]);
  });

  it('generic dyad-year and state-year files: years 9999 and 0999 are row errors', async () => {
    const d = await inputError(readDyadYear(file('state_a,state_b,year,value\nRUS,IRN,9999,0.5\n', 'dy.csv'), cw, { codes: 'iso3', directed: false }));
    expect(d.message).toMatch(/dy\.csv:2: column "year": expected a four-digit year \(1000–4095\), got "9999"/);
    const s = await inputError(readStateYearValues(file('state,year,gdp\nUSA,0999,1\n', 'gdp.csv'), cw, { codes: 'iso3', column: 'gdp' }));
    expect(s.message).toMatch(/gdp\.csv:2: column "year": expected a four-digit year \(1000–4095\), got "0999"/);
  });

  it('IMF DOTS and SIPRI TIV tables: a header year 9999 is an error at the header', async () => {
    const dots = await inputError(readImfDots(file('Counterpart Country,2011,9999\nAustralia,1,2\n', 'dots.csv'), cw, { reporter: 'RUS' as Iso3, flow: 'exports' }));
    expect(dots.problems).toEqual([expect.objectContaining({ line: 1, column: 3, message: expect.stringMatching(/four-digit year \(1000–4095\) as column header, got "9999"/) })]);
    const imp = await inputError(readSipriTivTotals(file(fixture('families/arms-transfers/fixtures/importers_raw.csv').replace('Recipient,2019,2020', 'Recipient,2019,9999'), 'imp.csv'), 'importers'));
    expect(imp.message).toMatch(/imp\.csv:8:3: the year column "9999" is outside 1000–4095/);
    const pairs = await inputError(readSipriTivPairs(file(fixture('families/arms-transfers/fixtures/pairs_clean.csv').replace('Recipient,2024,', 'Recipient,0000,'), 'pairs.csv')));
    expect(pairs.message).toMatch(/pairs\.csv:1:3: the year column "0000" is outside 1000–4095/);
  });
});

describe('regressions: hangs', () => {
  it('a 1 MB unknown name fails at once (the crosswalk\'s suggestions compared it with every known name)', async () => {
    // fuzz counterexample: "huge cell" + "missing column" on a DOTS table took ~60 s
    const huge = 'x'.repeat(1 << 20);
    const started = Date.now();
    const e = await inputError(readImfDots(file(`Counterpart Country,2011,2012,2013\n${huge},Australia,1,2\n`, 'dots.csv'), cw, { reporter: 'RUS' as Iso3, flow: 'exports' }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e.problems).toContainEqual(expect.objectContaining({ line: 2, column: 'Counterpart Country', message: expect.stringMatching(/^unknown country name/) }));
    expect(() => cw.resolve('iso3', huge)).toThrow(/unknown country/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an unknown name is quoted in full up to 80 characters, then cut with its length (not a 1 MB message line)', async () => {
    const huge = 'x'.repeat(1 << 20);
    const e = await inputError(readImfDots(file(`Counterpart Country,2011\n${huge},1\nRusia,2\n`, 'dots.csv'), cw, { reporter: 'CHN' as Iso3, flow: 'exports' }));
    const [cut, plain] = e.problems;
    expect(cut!.message).toMatch(new RegExp(`^unknown country name "${'x'.repeat(80)}…" \\(1,048,576 characters\\)`));
    expect(cut!.message.length).toBeLessThan(300);
    expect(plain!.message).toMatch(/^unknown country name "Rusia"; closest known: "Russia"/);
  });

  it('a number cell of 200,000 digits and a letter is rejected at once (the number pattern backtracked: 35 s)', () => {
    // fuzz counterexample: "huge number" on the dyad-year reader; the cell pattern had two
    // ways to match a run of digits (\d+\.?\d*), quadratic on a cell that does not match
    expect(parseNumberCell('9'.repeat(200_000) + 'x')).toBe('invalid');
    expect(parseNumberCell('9'.repeat(200_000))).toBe('invalid'); // 10^200000 overflows to Infinity
    expect(parseNumberCell('12.')).toBe(12);
    expect(parseNumberCell('.5e-3')).toBe(0.0005);
  });

  it('every reader\'s problem quoting a 1 MB cell is one short line that keeps its advice', async () => {
    const huge = '9'.repeat(1 << 20) + 'x';
    const e = await inputError(readDyadYear(file(`state_a,state_b,year,value\nIRN,RUS,2016,${huge}\n`, 'dy.csv'), cw, { codes: 'iso3', directed: false }));
    expect(e.problems[0]!.message).toMatch(/^expected a finite number or an empty cell for missing, got "9{80}…" \(1,048,577 characters\)$/);
    expect(e.message.length).toBeLessThan(500);
  });
});

describe('regressions: cells of 20 MB and more (exit 1 with a stack trace before)', () => {
  it('a problem quoting a 20 MB cell is cut, not a regexp stack overflow', () => {
    // `/"([^"]{81,})"/` overflowed the regexp stack on a 20 MB quoted text: COW trade,
    // un_votes, SIPRI and most readers crashed building their error
    const huge = 'x'.repeat(20 << 20);
    const e = new InputError([{ file: 'cow.csv', line: 2, column: 'ccode1', message: `not a COW code: "${huge}"; and "${huge}" again` }]);
    expect(e.problems[0]!.message).toBe(`not a COW code: "${'x'.repeat(80)}…" (20,971,520 characters); and "${'x'.repeat(80)}…" (20,971,520 characters) again`);
    expect(clipQuotedCells(`a "short" then "${'y'.repeat(100)}" and "open ${huge}`)).toMatch(/^a "short" then "y{80}…" \(100 characters\) and "open x+ … x+$/);
  });

  it('a problem list keeps cut messages (50 problems quoting 8 MB cells do not hold 400 MB)', () => {
    const problems = new ProblemList('dy.csv');
    problems.add(2, 'value', `expected a number, got "${'9'.repeat(8 << 20)}"`);
    expect(problems.problems[0]!.message).toMatch(/^expected a number, got "9{80}…" \(8,388,608 characters\)$/);
  });

  it('a vote file with more than 65,535 distinct countries is a row problem, not a RangeError', async () => {
    const rows = Array.from({ length: MAX_VOTE_ENTITIES + 2 }, (_, i) => `11,Name ${i},,yes`).join('\n');
    const votes = file(`rcid,country,country_code,vote\n${rows}\n`, 'votes.csv');
    const e = await inputError(readUnvotes({ votes, rollcalls: path.join(ROOT, 'test/families/un-votes/fixtures/un_roll_calls.csv') }, cw));
    expect(e.problems.length + e.omitted).toBe(MAX_VOTE_ENTITIES + 2); // two rows over the limit, then every unknown name
    expect(e.problems.some((p) => p.line === MAX_VOTE_ENTITIES + 2 && p.message.startsWith('more than 65,535 distinct countries in the vote file'))).toBe(true);
  });

  it('only the first 1,000 unknown spellings get suggestions (each compares the input with every known name)', () => {
    const fresh = createCrosswalk();
    const messages: string[] = [];
    for (let i = 0; i < MAX_SUGGESTED_SPELLINGS + 2; i++) {
      try {
        fresh.resolve('name', `Russia${i.toString(36).padStart(2, '0')}`);
      } catch (e) {
        messages.push((e as Error).message);
      }
    }
    expect(messages[0]).toMatch(/closest known: "Russia"/);
    expect(messages[MAX_SUGGESTED_SPELLINGS - 1]).toMatch(/closest known/);
    expect(messages[MAX_SUGGESTED_SPELLINGS]).toBe(`unknown country name "Russia${MAX_SUGGESTED_SPELLINGS.toString(36)}"`);
  });
});

describe('regressions: UTF-16 and binary files are refused at once', () => {
  // fuzz counterexample: "body: many rows" + "utf-16" on mme_small.csv (4 MB) took 25 s to list
  // 689 551 problems, one per garbled cell; now every byte path refuses it with one clear error
  const utf16 = (text: string, bom = false) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
  const mme = fixture('families/joint-drills/fixtures/mme_small.csv');

  it('through the streaming CSV reader, plain or gzip, with or without a BOM', async () => {
    for (const [bytes, what] of [
      [utf16(mme.repeat(50)), /mme\.csv:1: the file has NUL bytes: it is UTF-16 or binary, not CSV text; save it as CSV in UTF-8/],
      [utf16(mme, true), /mme\.csv:1: the file is UTF-16 \(it starts with a UTF-16 byte-order mark\)/],
      [gzipSync(utf16(mme)), /mme\.csv:1: the file has NUL bytes/],
    ] as const) {
      const started = Date.now();
      expect((await inputError(readMme(tempFile(bytes, 'mme.csv'), cw))).message).toMatch(what);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('through the whole-file readers (SIPRI, UN votes), naming the line of the first NUL', async () => {
    const reg = await inputError(readSipriRegister(tempFile(Buffer.from('note\nRecipient,Supplier\u0000\n'), 'reg.csv')));
    expect(reg.message).toMatch(/reg\.csv:2: the file has NUL bytes/);
    const votes = tempFile(gzipSync(utf16(fixture('families/un-votes/fixtures/un_votes.csv'))), 'votes.csv.gz');
    const e = await inputError(readUnvotes({ votes, rollcalls: path.join(ROOT, 'test/families/un-votes/fixtures/un_roll_calls.csv') }, cw));
    expect(e.message).toMatch(/votes\.csv\.gz:1: the file has NUL bytes/);
  });
});

describe.runIf(existsSync('/proc/self/fd'))('regressions: open files', () => {
  it('a CSV read stopped early closes its file', async () => {
    const f = tempFile(Buffer.from('a,b\n' + '"x",1\n'.repeat(100_000)), 'quoted.csv');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      for await (const row of readCsvParsed(f)) if (row.line > 1) break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(open()).toBeLessThan(before + 5); // one leaked descriptor per read before
  });

  it('every streaming reader that rejects a file at its header closes the file', async () => {
    // fuzz finding: the header was read with rows.next() and a bad header threw without closing
    const bad = file('this,is,not,the,header\n1,2,3,4,5\n', 'bad-header.csv');
    const empty = file('', 'empty.csv');
    const folder = path.dirname(tempFile(Buffer.from('state_a,state_b,year\nIRN,RUS,2016\n'), 'sensitivity.csv'));
    writeFileSync(path.join(folder, 'datapackage.json'), JSON.stringify({ entente: { config: { sha256: 'sha' } } }));
    const readers: [string, (f: string) => Promise<unknown>][] = [
      ['COW trade', (f) => readCowTrade(f, cw, { flows: 'smoothed' })],
      ['dyad-year', (f) => readDyadYear(f, cw, { codes: 'iso3', directed: false })],
      ['event list', (f) => readEventList(f, cw, { codes: 'iso3' })],
      ['IMF DOTS', (f) => readImfDots(f, cw, { reporter: 'RUS' as Iso3, flow: 'exports' })],
      ['JME', (f) => readJme(f, cw)],
      ['MME long', (f) => readMmeLong(f, cw)],
      ['MME wide', (f) => readMme(f, cw)],
      ['state-year values', (f) => readStateYearValues(f, cw, { codes: 'iso3', column: 'gdp' })],
      ['wide event list', (f) => readWideEventList(f, cw, WIDE_EVENT_LIST_DEFAULTS)],
    ];
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (const [name, read] of readers) {
      for (const f of [bad, empty]) {
        for (let i = 0; i < 5; i++) await expect(read(f), name).rejects.toBeInstanceOf(InputError);
      }
    }
    // the plot's interval reader gives up (null) on a report without interval columns
    for (let i = 0; i < 5; i++) expect(await readIntervalBands(folder, 'sha')).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(open()).toBeLessThan(before + 5); // 45 leaked descriptors before
  });
});

describe('regressions: the config loader', () => {
  const base = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8');
  const configError = (text: string): ConfigError => {
    try {
      parseConfigText(text, 'fuzz.yaml', {});
    } catch (e) {
      if (e instanceof ConfigError) return e;
      throw e;
    }
    throw new Error('expected a ConfigError');
  };

  it('an alias without its anchor is a config error at the alias, not a ReferenceError', () => {
    // fuzz counterexample: [{ at: 4, value: "*a" }] (`name: *a`)
    const e = configError(base.replace('name: sample', 'name: *a'));
    expect(e.problems).toEqual([expect.objectContaining({ file: 'fuzz.yaml', line: 5, column: 7, message: expect.stringMatching(/^not valid YAML\/JSON: Unresolved alias.*define each anchor/) })]);
  });

  it('an alias bomb is a config error', () => {
    const bomb = 'x: &a [1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(configError(bomb).message).toMatch(/fuzz\.yaml:\d+:\d+: not valid YAML\/JSON: Excessive alias count/);
  });

  it('family: __proto__ (or constructor) is an unknown family, not a TypeError', () => {
    // fuzz counterexample: [{ at: 23, value: "__proto__" }] (`family: __proto__`)
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(configError(base.replace('family: arms_transfers', `family: ${name}`)).message).toMatch(/fuzz\.yaml:24:13: indicators\.arms\.family: unknown family/);
    }
  });

  it('a __proto__ key is refused where it stands instead of silently dropping what it holds', () => {
    // an indicator named __proto__ vanished from the run; `succession: { __proto__: RUS }` was ignored
    expect(configError(base.replace('  un:\n', '  __proto__:\n')).message).toMatch(/fuzz\.yaml:13:3: "__proto__" cannot be a key/);
    expect(configError(base.replace('name: sample', 'name: sample\nsuccession: { __proto__: RUS }')).message).toMatch(/fuzz\.yaml:6:15: "__proto__" cannot be a key/);
    expect(configError('{ "name": "x", "__proto__": { "years": 1 }, "indicators": {} }').message).toMatch(/fuzz\.yaml:1:16: "__proto__" cannot be a key/);
  });

  it('a list or a mapping as a key is a config error at the key, not a process warning', () => {
    // fuzz: `{ x: maybe }: 1` printed "Keys with collection values will be stringified" on stderr
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      expect(configError(base.replace('name: sample', 'name: sample\n? [a, b]\n: 1')).message).toMatch(/fuzz\.yaml:6:3: a key must be plain text, not a list or a mapping/);
      expect(configError(base.replace('  un:\n', '  { x: 1 }: 2\n  un:\n')).message).toMatch(/fuzz\.yaml:13:3: a key must be plain text/);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
