/**
 * Makes a text cell safe to write to CSV and to open in a spreadsheet: cells starting with
 * `=`, `+`, `-`, `@`, tab or CR are prefixed with a single quote (OWASP CSV-injection
 * advice) and cells with a comma, quote or line break are quoted with inner quotes doubled.
 * Numbers written by Entente never pass through here.
 * @example csvText('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 * @example csvText('RUS') // 'RUS'
 */
export function csvText(s: string): string {
  let t = s;
  if (t.length > 0 && FORMULA_START.has(t[0]!)) t = `'${t}`;
  if (/[",\r\n]/.test(t)) t = `"${t.replace(/"/g, '""')}"`;
  return t;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
