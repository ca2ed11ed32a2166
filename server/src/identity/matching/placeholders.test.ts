import { describe, expect, it } from 'vitest';
import { canonicalEmail } from './normalise-person.js';
import { isPlaceholder, isPlaceholderName, isSharedMailbox } from './placeholders.js';

describe('placeholder addresses', () => {
  it('keeps personal addresses on the documentation domains: demo and test data use them as people’s', () => {
    for (const domain of ['example.com', 'example.org', 'example.net']) {
      expect(isSharedMailbox('maria.rossi', domain), domain).toBe(false);
      expect(canonicalEmail(`Maria.Rossi@${domain}`), domain).toBe(`maria.rossi@${domain}`);
    }
  });

  it('drops addresses typed to fill a form, on any domain', () => {
    for (const address of [
      'test@test.com',
      'anna@test.com',
      'someone@localhost',
      'x@mail.invalid',
      'noreply@example.com',
      'no-reply@acme.io',
      'test@example.org',
      'none@example.net',
      'n/a',
      'na@na',
      'jane.doe@example.com',
    ]) {
      expect(canonicalEmail(address), address).toBeNull();
    }
  });

  it('knows placeholder words and runs of one character', () => {
    expect(isPlaceholder('n a')).toBe(true);
    expect(isPlaceholder('unknown')).toBe(true);
    expect(isPlaceholder('aaaa')).toBe(true);
    expect(isPlaceholder('anna')).toBe(false);
  });

  it('judges a given and a family name as their joined "given family"', () => {
    const words = ['john', 'doe', 'jane', 'n', 'a', 'no', 'name', 'not', 'known', 'first', 'x', 'xx', 'x x', 'ab', 'b', 'anna'];
    for (const given of words) {
      for (const family of words) expect(isPlaceholderName(given, family), `${given} ${family}`).toBe(isPlaceholder(`${given} ${family}`));
    }
    expect(isPlaceholderName('john', 'doe')).toBe(true);
    expect(isPlaceholderName('xx', 'x')).toBe(true);
    expect(isPlaceholderName('john', 'dorian')).toBe(false);
  });
});
