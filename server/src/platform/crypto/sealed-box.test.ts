import { describe, expect, it } from 'vitest';
import { sealedBox } from './sealed-box.js';

describe('sealedBox', () => {
  const box = sealedBox('a-server-secret-of-enough-length-000', 'channel-credentials');

  it('opens what it sealed, and never stores the plain text', () => {
    const sealed = box.seal('imap-password', 'channel-1');
    expect(sealed).not.toContain('imap-password');
    expect(box.open(sealed, 'channel-1')).toBe('imap-password');
    expect(box.seal('imap-password', 'channel-1')).not.toBe(sealed);
  });

  it('refuses a value moved to another row, tampered with, or sealed under another secret', () => {
    const sealed = box.seal('token', 'channel-1');
    expect(() => box.open(sealed, 'channel-2')).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'), 'channel-1')).toThrow();
    expect(() => sealedBox('another-secret-of-enough-length-0000', 'channel-credentials').open(sealed, 'channel-1')).toThrow();
    expect(() => box.open('garbage', 'channel-1')).toThrow('not a sealed value');
  });
});
