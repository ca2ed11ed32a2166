import { describe, expect, it } from 'vitest';
import { privateHostProblems, urlProblems } from './shared.js';

describe('private-address refusals', () => {
  it.each([
    ['169.254.169.254', '169.254.169.254 is a link-local address'],
    ['100.64.0.1', '100.64.0.1 is a carrier-grade NAT address'],
    ['fd00::1', 'fd00::1 is a unique local (private IPv6) address'],
    ['0.0.0.0', '0.0.0.0 is an unspecified address'],
    ['64:ff9b::1', '64:ff9b::1 is an IPv4-embedded (NAT64) address'],
    ['10.0.0.5', '10.0.0.5 is a private address'],
    ['localhost', 'localhost is this server'],
  ])('names the range of %s in words, with its article', (host, words) => {
    const [problem] = privateHostProblems('config.smtp.host', host, false);
    expect(problem?.reason).toContain(`(${words})`);
    expect(problem?.reason).not.toMatch(/linkLocal|carrierGradeNat|uniqueLocal|rfc6052|a unspecified/);
  });

  it('words a URL setting the same way', () => {
    expect(urlProblems('config.outboundUrl', 'http://169.254.169.254/latest', undefined)[0]?.reason).toMatch(
      /^is on the private network \(169\.254\.169\.254 is a link-local address\)/,
    );
  });
});
