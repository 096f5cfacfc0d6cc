import { afterAll, describe, expect, it } from 'vitest';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { InputError } from '../../src/domain/errors.js';
import { readCowTrade } from '../../src/families/trade/read-cow-trade.js';
import { readCsv, readCsvParsed } from '../../src/format/read-csv.js';
import { readCsvRecords } from '../../src/format/read-csv-records.js';
import { readDyadYear } from '../../src/families/kit/read-dyad-year.js';
import { readSipriRegister } from '../../src/families/arms-transfers/read-sipri-register.js';
import { readSipriTivTotals } from '../../src/families/arms-transfers/read-sipri-tiv.js';
import { readUnvotes } from '../../src/families/un-votes/read-unvotes.js';
import { checkLineLengths, MAX_FIELDS, MAX_RECORD_BYTES, RecordLimits } from '../../src/format/record-size.js';
import { scanUnquotedCsv } from '../../src/format/scan-unquoted-csv.js';
import { ROOT } from '../helpers/cli.js';
import { removeTempFiles, tempFile } from '../fuzz/hostile.js';
import { readFileSync } from 'node:fs';

afterAll(removeTempFiles);

const cw = createCrosswalk();
const MB = 1 << 20;
const fixture = (rel: string) => readFileSync(path.join(ROOT, 'test', rel), 'latin1');
const file = (text: string, name: string) => tempFile(Buffer.from(text, 'latin1'), name);

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

/** Every row of a CSV generator (drained), or the error it threw. */
async function drain(rows: AsyncGenerator<{ line: number }>): Promise<number[]> {
  const lines: number[] = [];
  for await (const r of rows) lines.push(r.line);
  return lines;
}

/** The problem is the record-length one, at `line`, in one short line. */
function expectTooLong(e: InputError, line: number): void {
  expect(e.problems[0]).toMatchObject({ line, message: expect.stringMatching(/^the record is longer than 8 MB \(8,388,608 bytes\)/) });
  expect(e.message.length).toBeLessThan(600);
}

describe('records longer than 8 MB are a located input error in every reader', () => {
  const huge = 'x'.repeat(20 * MB);

  it('the streaming CSV reader: unquoted (byte scanner) and quoted (csv-parse), plain and gzip', async () => {
    const plain = `a,b\n1,2\n3,${huge}\n5,6\n`;
    expectTooLong(await inputError(drain(readCsv(file(plain, 'plain.csv')))), 3);
    expectTooLong(await inputError(drain(readCsv(tempFile(gzipSync(Buffer.from(plain)), 'plain.csv.gz')))), 3);
    const quoted = `a,b\n1,2\n3,"${huge}"\n5,6\n`;
    expectTooLong(await inputError(drain(readCsvParsed(file(quoted, 'quoted.csv')))), 3);
  });

  it('the streaming byte scanner delivers the lines before a too-long line, and stops at it without holding it', async () => {
    // 64 MB without a line break: every piece was copied onto the carried line before (quadratic)
    const f = tempFile(Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.alloc(64 * MB, 0x78)]), 'one-line.csv');
    const seen: number[] = [];
    const e = await inputError(
      (async () => {
        for await (const r of scanUnquotedCsv(createReadStream(f), 'utf8', 0, 0x2c, f)) seen.push(r.line);
      })(),
    );
    expect(seen).toEqual([1, 2]);
    expectTooLong(e, 3);
  });

  it('the whole-file CSV reader (UN roll calls) says the record is too long, not "malformed quoting"', async () => {
    const e = await inputError(readCsvRecords(file(`rcid,descr\n1,"${huge}"\n`, 'rollcalls.csv')));
    expectTooLong(e, 2);
  });

  it('the UN vote scanner, on its fast path and on its quoted path', async () => {
    const rollcalls = path.join(ROOT, 'test/families/un-votes/fixtures/un_roll_calls.csv');
    for (const cell of [huge, `"${huge}"`]) {
      const votes = file(`rcid,country,country_code,vote\n11,Brazil,BR,yes\n11,${cell},CN,no\n`, 'votes.csv');
      expectTooLong(await inputError(readUnvotes({ votes, rollcalls }, cw)), 3);
    }
  });

  it('the COW trade scanner, in the header and in a row', async () => {
    const cow = fixture('families/trade/fixtures/cow_v4_small.csv').split('\n');
    const row = file([cow[0], `${huge}${cow[1]}`, ...cow.slice(2)].join('\n'), 'cow.csv');
    expectTooLong(await inputError(readCowTrade(row, cw, { flows: 'raw' })), 2);
    const header = file([`${cow[0]}${huge}`, ...cow.slice(1)].join('\n'), 'cow-header.csv');
    expectTooLong(await inputError(readCowTrade(header, cw, { flows: 'raw' })), 1);
  });

  it('the SIPRI register and TIV readers (whole text, split in lines)', async () => {
    const reg = fixture('families/arms-transfers/fixtures/register_clean.csv').split('\n');
    expectTooLong(await inputError(readSipriRegister(file([reg[0], huge + reg[1], ...reg.slice(2)].join('\n'), 'reg.csv'))), 2);
    const imp = fixture('families/arms-transfers/fixtures/importers_raw.csv').split('\n');
    expectTooLong(await inputError(readSipriTivTotals(file([...imp.slice(0, 9), huge, ...imp.slice(9)].join('\n'), 'imp.csv'), 'importers')), 10);
  });

  it('a cell under the limit is read like any other (a 7 MB name in an unused column)', async () => {
    const big = 'y'.repeat(7 * MB);
    const f = file(`state_a,state_b,year,value,comment\nIRN,RUS,2016,0.5,${big}\n`, 'dy.csv');
    const t = await readDyadYear(f, cw, { codes: 'iso3', directed: false });
    expect(t.values.size).toBe(1);
  });

  it('a record with more than 100,000 fields is refused before csv-parse builds it (a 16 MB line of commas took 10 s and 700 MB)', async () => {
    const commas = ','.repeat(MAX_FIELDS);
    const fieldsProblem = { line: 3, message: expect.stringMatching(/^the record has more than 100,000 fields/) };
    for (const [name, text] of [
      ['quoted (csv-parse)', `a,b\n1,2\n"x"${commas}\n`],
      ['unquoted (byte scanner)', `a,b\n1,2\nx${commas}\n`],
    ] as const) {
      expect((await inputError(drain(readCsv(file(text, 'wide.csv'))))).problems[0], name).toMatchObject(fieldsProblem);
      expect((await inputError(readCsvRecords(file(text, 'wide.csv')))).problems[0], name).toMatchObject(fieldsProblem);
    }
    const rollcalls = path.join(ROOT, 'test/families/un-votes/fixtures/un_roll_calls.csv');
    for (const row of [`11,Brazil,BR,yes${commas}`, `11,"Brazil",BR,yes${commas}`]) {
      const votes = file(`rcid,country,country_code,vote\n11,China,CN,no\n${row}\n`, 'votes.csv');
      expect((await inputError(readUnvotes({ votes, rollcalls }, cw))).problems[0]).toMatchObject(fieldsProblem);
    }
    const limits = new RecordLimits('f.csv');
    limits.scan(Buffer.from(`a\n"${','.repeat(MAX_FIELDS + 5)}"\n`)); // commas inside quotes are text
    expect(() => limits.scan(Buffer.from(`1${','.repeat(MAX_FIELDS / 2)}`))).not.toThrow();
    expect(() => limits.scan(Buffer.from(','.repeat(MAX_FIELDS / 2)))).toThrow(/f\.csv:3: the record has more than 100,000 fields/); // across chunks
  });

  it('checkLineLengths names the first line over the limit, counted from the given line', () => {
    expect(() => checkLineLengths(['a', 'b'], 'f.csv')).not.toThrow();
    const lines = ['a', 'x'.repeat(MAX_RECORD_BYTES + 1)];
    expect(() => checkLineLengths(lines, 'f.csv', 10)).toThrow(/f\.csv:11: the record is longer than 8 MB/);
  });
});
