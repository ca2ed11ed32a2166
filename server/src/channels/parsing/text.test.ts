import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../message.schema.js';
import { anyToText, htmlToText, normaliseText, repairMojibake } from './text.js';

describe('text', () => {
  it('normalises whitespace, line ends and control characters', () => {
    expect(normaliseText('  a\r\n\r\n\r\n\r\nb \t c\u00a0\u00a0d  \n e\u0000\u0007f\u2028g  ')).toBe('a\n\nb c d\nef\ng');
    expect(normaliseText('e\u0301')).toBe('\u00e9');
  });

  it('turns HTML into readable text and never keeps script, style or markup', () => {
    const html =
      '<style>p{color:red}</style><p>Hello <b>world</b> &amp; <a href="https://x.test">friends</a></p><script>alert(1)</script><ul><li>one</li><li>two</li></ul><img src=x onerror=alert(1)>';
    expect(htmlToText(html)).toBe('Hello world & friends\n\n* one\n* two');
    expect(htmlToText('<p>a<SCRIPT type="text/javascript">document.cookie</SCRIPT>b</p>')).toBe('ab');
  });

  it('survives 10,000 nested elements and caps the text length', () => {
    const deep = '<div>'.repeat(10_000) + 'deep' + '</div>'.repeat(10_000);
    expect(() => htmlToText(deep)).not.toThrow();
    expect(normaliseText('x'.repeat(MAX_TEXT + 10))).toHaveLength(MAX_TEXT);
    expect(normaliseText('😀'.repeat(MAX_TEXT))).toHaveLength(MAX_TEXT);
    expect(normaliseText('😀'.repeat(MAX_TEXT)).endsWith('\uD83D')).toBe(false);
  });

  it('tells HTML from plain text that merely mentions brackets', () => {
    expect(anyToText('a < b and c > d')).toBe('a < b and c > d');
    expect(anyToText('Tom <tom@example.com> wrote')).toBe('Tom <tom@example.com> wrote');
    expect(anyToText('<p>para</p>')).toBe('para');
  });

  it('repairs UTF-8 read as Latin-1 or Windows-1252, and leaves real Latin-1 text alone', () => {
    expect(repairMojibake('cafÃ©')).toBe('café');
    expect(repairMojibake('donâ€™t')).toBe('don’t');
    expect(repairMojibake('caf\u00c3\u00a9 \u00e2\u0080\u0093')).toBe('café –');
    expect(repairMojibake('Ångström à la carte')).toBe('Ångström à la carte');
    expect(repairMojibake('Ã€ ✓')).toBe('Ã€ ✓');
  });
});
