import { describe, expect, it } from 'vitest';
import { privateHost } from './private-host.js';

describe('private hosts', () => {
  it.each([
    ['localhost', 'localhost'],
    ['LOCALHOST.', 'localhost'],
    ['intranet.localhost', 'localhost'],
    ['127.0.0.1', 'loopback'],
    ['10.0.0.7', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['[::1]', 'loopback'],
    ['[fd00::1]', 'uniqueLocal'],
    ['[::ffff:192.168.1.1]', 'private'],
  ])('judges %s private (%s)', (host, range) => {
    expect(privateHost(host)).toBe(range);
  });

  it.each(['example.org', 'feeds.localhost.example', '93.184.216.34', '[2606:2800:220:1:248:1893:25c8:1946]'])(
    'leaves %s to be judged when dialled',
    (host) => {
      expect(privateHost(host)).toBeNull();
    },
  );
});
