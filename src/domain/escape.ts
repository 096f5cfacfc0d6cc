/**
 * Escaping of text that comes from input files (cells: names, codes, comments) for each place
 * it is shown: the terminal, Markdown (`summary.md`) and SVG (the charts). One helper per
 * target; every writer of such text uses it. Entente writes no HTML page; Markdown is escaped
 * so that no raw HTML gets through either.
 */

/**
 * Characters never shown raw: C0 and C1 control characters and DEL (a terminal runs escape
 * sequences: colours, cursor moves, a fake prompt; a line break would forge a line of its
 * own), and the Unicode format characters that reorder or hide text (bidirectional overrides
 * and isolates, zero-width characters, line and paragraph separators, the BOM).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** An unsafe character as visible text: `\n`, `\t`, `\x1b`, `\u202e`. */
function visible(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text for the terminal: every control or format character shown as a visible escape
 * (`\x1b`, `\n`, `\u202e`), so a cell can neither run a terminal escape sequence nor start a
 * line of its own. Everything else is unchanged.
 * @example terminalText('Iran\u001b[2J') // 'Iran\\x1b[2J'
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Text of several lines that Entente composed for the terminal (an error listing problems):
 * the line breaks are kept, every other control or format character is shown as in
 * {@link terminalText}.
 * @example terminalLines('a\nb\u0007') // 'a\nb\\x07'
 */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}

/**
 * Characters with a meaning in Markdown (CommonMark, GFM tables, strikethrough and math) inside
 * a line: always escaped, except `_` between two letters or digits (it cannot open emphasis
 * there: `un_votes` stays as it is) and `&` when it does not start an entity (`&amp;` does).
 */
const MARKDOWN_SPECIAL = /[\\`*[\]<>|~$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[A-Za-z0-9]+;)/gu;

/**
 * Text for one line of Markdown (a list item or a table cell): line breaks become spaces,
 * other control characters visible escapes ({@link terminalText}); every character that
 * opens a link, an image, raw HTML, code, emphasis, a table cell, an entity or math is
 * backslash-escaped; and bare URLs and e-mail addresses get a zero-width space so that no
 * renderer turns them into links. The page shows the text as it was, inert.
 * @example markdownText('![x](https://evil.example/i.png)') // '!\\[x\\](https\u200b://evil.example/i.png)'
 */
export function markdownText(text: string): string {
  return terminalText(text.replace(/[\r\n]+/g, ' '))
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/:\/\//g, '\u200b://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`)
    .replace(/@/g, '\u200b@');
}

/**
 * Text for a chart (SVG titles, subtitles, legends and axis labels, which Vega writes into
 * the SVG escaping `&`, `<` and `>` itself): line breaks become spaces and every other
 * control or format character a visible escape, so the SVG stays well-formed XML (XML 1.0
 * allows no control character but tab and line ends).
 * @example svgText('RUS\u0000') // 'RUS\\x00'
 */
export function svgText(text: string): string {
  return terminalText(text.replace(/[\r\n]+/g, ' '));
}

/**
 * A Markdown code span of `text` (a file path): Markdown escapes do not work inside code, so
 * the span is fenced with more backticks than the text holds in a row, and control
 * characters are shown as escapes ({@link terminalText}).
 * @example markdownCode('a`b') // '`` a`b ``'
 */
export function markdownCode(text: string): string {
  const t = terminalText(text.replace(/[\r\n]+/g, ' '));
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${t}${fence}` : `${fence} ${t} ${fence}`;
}

/**
 * Text for HTML (element content and quoted attribute values): `&`, `<`, `>`, `"` and `'`
 * become entities, and control characters visible escapes ({@link terminalText}).
 * @example htmlText('<b>&') // '&lt;b&gt;&amp;'
 */
export function htmlText(text: string): string {
  return terminalText(text.replace(/[\r\n]+/g, ' ')).replace(/[&<>"']/g, (c) => HTML_ENTITY[c]!);
}

const HTML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&`, U+2028 and U+2029
 * written as `\u` escapes, so no text inside can close the element or start a comment.
 * @example scriptJson({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
