import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText, svgText, terminalLines, terminalText } from '../../src/domain/escape.js';

describe('escaping input text for each place it is shown', () => {
  it('terminal: control and format characters become visible escapes, the rest is unchanged', () => {
    expect(terminalText('Iran\u001b[2J\u001b]0;owned\u0007')).toBe('Iran\\x1b[2J\\x1b]0;owned\\x07');
    expect(terminalText('a\nerror: forged\r\tb\u009b\u202eevil\u2066')).toBe('a\\nerror: forged\\r\\tb\\x9b\\u202eevil\\u2066');
    expect(terminalText('Côte d’Ivoire – 💥')).toBe('Côte d’Ivoire – 💥');
    expect(terminalLines('line 1\nline 2 \u001b[31m')).toBe('line 1\nline 2 \\x1b[31m');
  });

  it('Markdown: no live image, link, HTML, autolink, code, emphasis, table cell or entity comes out of a cell', () => {
    expect(markdownText('![x](https://evil.example/t.png)')).toBe('!\\[x\\](https\u200b://evil.example/t.png)');
    expect(markdownText('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(markdownText('<img src=x onerror=alert(1)> <https://a.b>')).toBe('\\<img src=x onerror=alert(1)\\> \\<https\u200b://a.b\\>');
    expect(markdownText('www.evil.example me@evil.example')).toBe('www\u200b.evil.example me\u200b@evil.example');
    expect(markdownText('`code` *em* _em_ a|b ~~s~~ $x$ &lt; \\')).toBe('\\`code\\` \\*em\\* \\_em\\_ a\\|b \\~\\~s\\~\\~ \\$x\\$ \\&lt; \\\\');
    expect(markdownText('two\nlines\u001b[2J')).toBe('two lines\\\\x1b\\[2J');
    expect(markdownText('un_votes Σ_e D’Orazio & Galambos')).toBe('un_votes Σ_e D’Orazio & Galambos'); // inert as they are
  });

  it('Markdown code spans (paths): fenced past any backtick in the text', () => {
    expect(markdownCode('indicators/sample/un_votes.csv')).toBe('`indicators/sample/un_votes.csv`');
    expect(markdownCode('a`b``c')).toBe('``` a`b``c ```');
  });

  it('SVG: text stays well-formed XML (Vega escapes & < > itself)', () => {
    expect(svgText('RUS\u0000–IRN\nx\u001b')).toBe('RUS\\x00–IRN x\\x1b');
  });
});
