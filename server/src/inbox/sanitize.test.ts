import { describe, expect, it } from 'vitest';
import { safeUrl, sanitiseHtml } from './sanitize.js';

const clean = (html: string) => sanitiseHtml(html)!;

describe('message HTML sanitising', () => {
  it('keeps basic formatting, lists and quotes', () => {
    expect(clean('<p>Hi <b>there</b>, <em>see</em>:</p><ul><li>one</li></ul><blockquote>quoted</blockquote>')).toBe(
      '<p>Hi <b>there</b>, <em>see</em>:</p><ul><li>one</li></ul><blockquote>quoted</blockquote>',
    );
  });

  it('makes web and mail links open safely in a new tab', () => {
    expect(clean('<a href="https://example.com/x">x</a>')).toBe(
      '<a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(clean('<a href="mailto:a@example.com">mail</a>')).toContain('href="mailto:a@example.com"');
  });

  it.each([
    ['a script', '<p>ok</p><script>alert(1)</script>', '<p>ok</p>'],
    ['an event handler', '<img src=x onerror="alert(1)"><p onclick="alert(1)">ok</p>', '<p>ok</p>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['an obfuscated javascript: link', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    ['an upper-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', '<a>x</a>'],
    ['a protocol-relative link', '<a href="//evil.example/">x</a>', '<a>x</a>'],
    ['an svg with script', '<svg onload="alert(1)"><script>alert(1)</script><text>hi</text></svg><p>ok</p>', '<p>ok</p>'],
    ['a style sheet', '<style>body{background:url(javascript:alert(1))}</style><p>ok</p>', '<p>ok</p>'],
    ['a CSS expression', '<p style="width: expression(alert(1))">ok</p>', '<p>ok</p>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['a form', '<form action="https://evil.example"><input name="password"><button>go</button></form>', 'go'],
    ['a tracking pixel', '<p>ok</p><img src="https://tracker.example/p.gif" width="1" height="1">', '<p>ok</p>'],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">ok', 'ok'],
    ['an object', '<object data="evil.swf"></object><embed src="evil.swf">ok', 'ok'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">ok', 'ok'],
    [
      'a base href',
      '<base href="https://evil.example/"><a href="https://example.com">x</a>',
      '<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    ],
  ])('removes %s', (_name, hostile, expected) => {
    expect(clean(hostile)).toBe(expected);
  });

  it('escapes text that looks like markup after decoding', () => {
    expect(clean('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps no attribute a link does not need', () => {
    expect(clean('<a href="https://example.com" style="color:red" class="x" id="y" target="_top">x</a>')).toBe(
      '<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });

  it('passes only web addresses as message links', () => {
    expect(safeUrl('https://example.com/post/1')).toBe('https://example.com/post/1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});
