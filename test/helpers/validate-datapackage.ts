/**
 * Checks a report folder's `datapackage.json` against the CSV files in it, the way a
 * Frictionless validator would for what Entente promises: every CSV listed, every listed
 * file present, header = field names in order, every value parses as its declared type
 * (`integer`, `number`, `string`), empty (the missing value) only where the field is not
 * `required`, `pattern`/`minimum`/`maximum` honoured, primary keys unique, SHA-256 equal
 * (for charts and other non-CSV resources: listed file present and SHA-256 equal).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number';
  constraints?: { required?: boolean; pattern?: string; minimum?: number; maximum?: number };
}
interface Resource {
  name: string;
  path: string;
  hash: string;
  format?: string;
  schema: { fields: Field[]; missingValues: string[]; primaryKey?: string[] };
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Every problem found (empty when the package describes the folder exactly). */
export function validateDataPackage(folder: string): string[] {
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(path.join(folder, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
  const listed = new Map(pkg.resources.map((r) => [r.path, r]));
  for (const f of readdirSync(folder).filter((f) => f.endsWith('.csv')).sort()) {
    if (!listed.has(f)) problems.push(`${f}: in the folder but not listed in datapackage.json`);
  }
  for (const r of pkg.resources) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(folder, r.path));
    } catch {
      problems.push(`${r.path}: listed but missing`);
      continue;
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (r.hash !== `sha256:${sha}`) problems.push(`${r.path}: hash ${r.hash} but the file is sha256:${sha}`);
    if (r.format !== 'csv') continue; // a chart: listed with its hash, no table schema
    if (JSON.stringify(r.schema.missingValues) !== '[""]') problems.push(`${r.path}: missingValues should be [""]`);
    const rows = parse(bytes, { relax_column_count: true }) as string[][];
    const header = rows[0] ?? [];
    const names = r.schema.fields.map((f) => f.name);
    if (header.join(',') !== names.join(',')) problems.push(`${r.path}: header ${header.join(',')} ≠ fields ${names.join(',')}`);
    const keys = new Set<string>();
    const pk = (r.schema.primaryKey ?? []).map((k) => names.indexOf(k));
    rows.slice(1).forEach((cells, i) => {
      const line = i + 2;
      if (cells.length !== names.length) problems.push(`${r.path}:${line}: ${cells.length} cells, expected ${names.length}`);
      r.schema.fields.forEach((f, j) => {
        const v = cells[j] ?? '';
        const c = f.constraints ?? {};
        if (v === '') {
          if (c.required) problems.push(`${r.path}:${line}: ${f.name} is required but empty`);
          return;
        }
        if (f.type === 'integer' && !INTEGER.test(v)) problems.push(`${r.path}:${line}: ${f.name}="${v}" is not an integer`);
        if (f.type === 'number' && !NUMBER.test(v)) problems.push(`${r.path}:${line}: ${f.name}="${v}" is not a number`);
        if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`).test(v)) problems.push(`${r.path}:${line}: ${f.name}="${v}" does not match ${c.pattern}`);
        if (c.minimum !== undefined && Number(v) < c.minimum - 1e-9) problems.push(`${r.path}:${line}: ${f.name}=${v} < minimum ${c.minimum}`);
        if (c.maximum !== undefined && Number(v) > c.maximum + 1e-9) problems.push(`${r.path}:${line}: ${f.name}=${v} > maximum ${c.maximum}`);
      });
      if (pk.length > 0) {
        const k = pk.map((p) => cells[p]).join('\u0000');
        if (keys.has(k)) problems.push(`${r.path}:${line}: primary key ${pk.map((p) => cells[p]).join(',')} repeated`);
        keys.add(k);
      }
    });
  }
  return problems;
}
