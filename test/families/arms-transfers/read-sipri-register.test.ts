import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dealKey } from '../../../src/families/arms-transfers/deal.js';
import { InputError } from '../../../src/domain/errors.js';
import { decodeAuto, readSipriRegister } from '../../../src/families/arms-transfers/read-sipri-register.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);

describe('readSipriRegister on a tiny raw export', () => {
  it('finds the header below the note lines and detects Latin-1', async () => {
    const reg = await readSipriRegister(fx('register_raw.csv'));
    expect(reg.headerLine).toBe(7);
    expect(reg.encoding).toBe('latin1');
    expect(reg.notes[0]).toMatch(/^Transfers of major conventional arms/);
    expect(reg.generated).toBe('13 Mar 2025 10:02:49 AM');
    expect(reg.deals).toHaveLength(8);
  });

  it('re-joins records broken over two lines by a bare LF or a CR LF', async () => {
    const reg = await readSipriRegister(fx('register_raw.csv'));
    expect(reg.rejoined).toBe(2);
    const syria = reg.deals.find((d) => d.recipient === 'Syria')!;
    expect(syria.comments).toBe('Second-hand');
    expect(syria.tivDelivered).toBe(2.4);
    expect(syria.line).toBe(12);
    const turkey = reg.deals.find((d) => d.recipient === 'Turkiye')!;
    expect(turkey.comments).toBe('For 10 corvettes; from US production line');
    expect(turkey.deliveryYears).toEqual([2019, 2020, 2021]);
    expect(reg.deals.find((d) => d.recipient === 'UAE')!.line).toBe(16);
  });

  it('types every field, addressing the single-space flag columns by position', async () => {
    const reg = await readSipriRegister(fx('register_raw.csv'));
    const tor = reg.deals[0]!;
    expect(tor).toEqual({
      line: 8,
      recipient: 'Iran',
      supplier: 'Russia',
      orderYear: 2005,
      orderYearUncertain: false,
      numberOrdered: 29,
      numberOrderedUncertain: false,
      weaponDesignation: 'Tor-M1',
      weaponDescription: 'mobile SAM system',
      numberDelivered: 29,
      numberDeliveredUncertain: false,
      deliveryYears: [2006, 2007],
      status: 'New',
      comments: '$700 m deal',
      tivPerUnit: 12.5,
      tivTotalOrder: 362.5,
      tivDelivered: 362.5,
    });
    const mig = reg.deals[2]!;
    expect(mig.orderYearUncertain).toBe(true);
    expect(mig.numberOrderedUncertain).toBe(true);
    expect(mig.comments).toBe('Modernisé version ');
    const rafale = reg.deals.find((d) => d.recipient === 'UAE')!;
    expect(rafale.deliveryYears).toEqual([]);
    expect(rafale.tivDelivered).toBe(0);
  });

  it('gives the same records from the raw export and the cleaned UTF-8 copy', async () => {
    const raw = await readSipriRegister(fx('register_raw.csv'));
    const clean = await readSipriRegister(fx('register_clean.csv'));
    expect(clean.encoding).toBe('utf8');
    expect(clean.headerLine).toBe(1);
    expect(clean.rejoined).toBe(0);
    expect(clean.deals.map(dealKey)).toEqual(raw.deals.map(dealKey));
  });

  it('honours an explicit encoding', async () => {
    await expect(readSipriRegister(fx('register_raw.csv'), { encoding: 'utf8' })).rejects.toThrow(/not valid UTF-8.*encoding: latin1/);
    const reg = await readSipriRegister(fx('register_raw.csv'), { encoding: 'latin1' });
    expect(reg.deals).toHaveLength(8);
  });

  it('reports every bad row of a file together, with line and column', async () => {
    const err = await readSipriRegister(fx('register_bad.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => p.line)).toEqual([9, 10, 11, 12]);
    expect(problems[0]!.column).toBe('SIPRI TIV of delivered weapons');
    expect(problems[0]!.message).toMatch(/"lots"/);
    expect(problems[1]!.message).toMatch(/expected 16 fields.*found 15/);
    expect(problems[2]!.message).toMatch(/must be "\?" or empty, got "x"/);
    expect(problems[3]!.column).toBe('Year(s) of delivery');
  });

  it('rejects a file that is not a trade register', async () => {
    await expect(readSipriRegister(fx('importers_raw.csv'))).rejects.toThrow(/no SIPRI trade-register header/);
  });
});

describe('decodeAuto', () => {
  it('reads valid UTF-8 as UTF-8 and anything else as Latin-1', () => {
    expect(decodeAuto(Buffer.from('Bü', 'utf8'), 'x').encoding).toBe('utf8');
    const latin = decodeAuto(Buffer.from([0x42, 0xfc]), 'x');
    expect(latin).toEqual({ text: 'Bü', encoding: 'latin1' });
  });
});

