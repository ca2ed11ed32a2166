import { describe, expect, it } from 'vitest';
import { normaliseDomain, normaliseDomains } from './company.domains.js';

describe('company domains', () => {
  it('lower-cases hostnames and converts international names to punycode', () => {
    expect(normaliseDomain(' Example.COM ')).toBe('example.com');
    expect(normaliseDomain('shop.example.co.uk.')).toBe('shop.example.co.uk');
    expect(normaliseDomain('Bücher.example')).toBe('xn--bcher-kva.example');
  });

  it('rejects what is not a hostname', () => {
    for (const bad of [
      'https://example.com',
      'example.com/about',
      'ada@example.com',
      'localhost',
      '10.0.0.1',
      'exa mple.com',
      '-bad.com',
      'a..b',
    ]) {
      expect(normaliseDomain(bad), bad).toBeNull();
    }
  });

  it('de-duplicates and names each bad entry by position', () => {
    expect(normaliseDomains(['acme.example', 'ACME.example', 'http://x', 'acme.test'])).toEqual({
      domains: ['acme.example', 'acme.test'],
      problems: [{ field: 'domains.2', reason: 'must be a hostname such as example.com' }],
    });
  });
});
