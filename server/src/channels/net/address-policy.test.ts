import { describe, expect, it } from 'vitest';
import { refusedRange } from './address-policy.js';

const strict = { allowPrivateNetwork: false };

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.9', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedRange(address, strict)).toBe(range);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])('allows the public address %s', (address) => {
    expect(refusedRange(address, strict)).toBeNull();
  });

  it('allows private ranges only when the channel says so', () => {
    expect(refusedRange('127.0.0.1', { allowPrivateNetwork: true })).toBeNull();
    expect(refusedRange('not-an-ip', { allowPrivateNetwork: true })).toBe('invalid');
  });
});
