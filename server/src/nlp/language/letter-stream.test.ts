import { describe, expect, it } from 'vitest';
import { LetterReader, scriptLetters } from './letter-stream.js';
import { SCRIPTS } from './script.js';

const LATIN = SCRIPTS.indexOf('latin');

function letters(out: Uint16Array, length: number): string {
  return String.fromCharCode(...out.subarray(0, length));
}

describe('LetterReader', () => {
  it.each([
    'The parcel never arrived, see https://t.co/abc and ask @support',
    'Über 9000 Gründe: lies https://example.com/x',
    'ok https://a.b/c',
    'Привет, world of mixed scripts',
    'a'.repeat(50) + ' tail',
  ])('reading a few words at a time gives what scriptLetters writes: %s', (text) => {
    const whole = new Uint16Array(24);
    const length = scriptLetters(text, LATIN, whole);
    for (const step of [1, 3, 8]) {
      const out = new Uint16Array(24);
      const reader = new LetterReader();
      reader.begin(text, LATIN, out);
      let final = reader.readTo(step);
      while (!reader.done) {
        // Every code before `final` is already what the whole read gives, and ends a word.
        expect(letters(out, final)).toBe(letters(whole, final));
        expect(out[final - 1]).toBe(0x20);
        final = reader.readTo(final + step);
      }
      expect(final).toBe(length);
      expect(letters(out, final)).toBe(letters(whole, length));
    }
  });
});
