import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { removeTempDirs, tempDir } from '../testing/temp-dirs.js';

const dir = () => tempDir('rapport-config-');
afterAll(removeTempDirs);

describe('configuration', () => {
  it('has working defaults and keeps a generated secret across starts', () => {
    const dataDir = dir();
    const first = loadConfig({ RAPPORT_DATA_DIR: dataDir });
    expect(first.port).toBe(3000);
    expect(first.databaseUrl).toBeNull();
    expect(first.ingestConcurrency).toBeNull();
    expect(loadConfig({ RAPPORT_DATA_DIR: dataDir, RAPPORT_INGEST_CONCURRENCY: '3' }).ingestConcurrency).toBe(3);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim()).toBe(first.secret);
    expect(loadConfig({ RAPPORT_DATA_DIR: dataDir }).secret).toBe(first.secret);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ RAPPORT_SECRET: 'short' }, 'RAPPORT_SECRET'],
    [{ RAPPORT_COOKIE_SECURE: 'maybe' }, 'RAPPORT_COOKIE_SECURE'],
    [{ NATS_URL: 'http://x' }, 'NATS_URL'],
    [{ RAPPORT_INGEST_CONCURRENCY: '0' }, 'RAPPORT_INGEST_CONCURRENCY'],
    [{ RAPPORT_INGEST_CONCURRENCY: 'many' }, 'RAPPORT_INGEST_CONCURRENCY'],
    [{ RAPPORT_TRUST_PROXY: 'maybe' }, 'RAPPORT_TRUST_PROXY'],
    [{ RAPPORT_TRUST_PROXY: '10.0.0.0/33' }, 'RAPPORT_TRUST_PROXY'],
    [{ RAPPORT_TRUST_PROXY: '127.0.0.1, proxy.internal' }, 'RAPPORT_TRUST_PROXY'],
    [{ RAPPORT_TRUST_PROXY: '1' }, 'RAPPORT_TRUST_PROXY'],
  ])('names the bad variable in %o', (env, variable) => {
    expect(() => loadConfig({ RAPPORT_DATA_DIR: dir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ RAPPORT_DATA_DIR: dir(), ...env })).toThrow(variable);
  });

  it('trusts no proxy unless told which: all, or addresses and ranges', () => {
    const trust = (value?: string) =>
      loadConfig({ RAPPORT_DATA_DIR: dir(), ...(value === undefined ? {} : { RAPPORT_TRUST_PROXY: value }) }).trustProxy;
    expect(trust()).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('10.0.0.1, 192.168.0.0/16 ,::1,fd00::/8,loopback')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
    expect(() => trust('10.0.0.1,nginx')).toThrow('"nginx" is none of these');
  });

  it('turns on secure cookies for an https base URL', () => {
    expect(loadConfig({ RAPPORT_DATA_DIR: dir(), RAPPORT_BASE_URL: 'https://crm.example.com' }).cookieSecure).toBe(true);
  });
});
