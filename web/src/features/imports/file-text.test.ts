import { describe, expect, it } from 'vitest';
import { decodeFileText } from './file-text';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p))).buffer;

describe('reading an uploaded file', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode('Name\nJosé Núñez\n');
    expect(decodeFileText(utf8.buffer)).toBe('Name\nJosé Núñez\n');
    expect(decodeFileText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]).buffer)).toBe('Name\nJosé Núñez\n');
  });

  it('reads a Windows-1252 file (Excel on Windows) without losing its accents', () => {
    // é is 0xE9, ñ 0xF1, € 0x80 in Windows-1252: none of them is valid UTF-8 on its own.
    expect(decodeFileText(bytes('Name,Price\nJos', [0xe9], ' N', [0xfa, 0xf1], 'ez,5 ', [0x80], '\n'))).toBe(
      'Name,Price\nJosé Núñez,5 €\n',
    );
    expect(decodeFileText(bytes([0x93], 'Quoted', [0x94], ' ', [0x96], ' Ma', [0xdf], 'e'))).toBe('“Quoted” – Maße');
  });

  it('reads UTF-16 files marked by their byte-order mark', () => {
    const text = 'Name\tE-mail\nSøren\ts@example.com\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeFileText(new Uint8Array([0xff, 0xfe, ...le]).buffer)).toBe(text);
    const be = Buffer.from(le).swap16();
    expect(decodeFileText(new Uint8Array([0xfe, 0xff, ...be]).buffer)).toBe(text);
  });
});
