/**
 * How many connections a process opens to PostgreSQL: twice the cores plus one by default, or
 * DATABASE_POOL_SIZE. Concurrent work beyond that waits in the pool, not in the server.
 */
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../testing/temp-dirs.js';
import { loadConfig } from '../config/config.js';
import type { Db } from './db.js';
import { openDatabase } from './open.js';
import { defaultPoolSize } from './postgres.js';
import { TEST_DB_KIND } from '../testing/test-db.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Backends that served `work` concurrent statements, each holding its connection for a moment. */
async function backendsUsed(db: Db, work: number): Promise<number> {
  const pids = await Promise.all(
    Array.from({ length: work }, () =>
      db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)').then(({ rows }) => rows[0]!.pid),
    ),
  );
  return new Set(pids).size;
}

afterAll(removeTempDirs);

describe('connection pool size', () => {
  it('defaults to twice the cores plus one', () => {
    expect(defaultPoolSize(1)).toBe(3);
    expect(defaultPoolSize(2)).toBe(5);
    expect(defaultPoolSize(16)).toBe(33);
  });

  it('reads DATABASE_POOL_SIZE, and refuses what cannot work', () => {
    const dataDir = tempDir('rapport-pool-');
    expect(loadConfig({ RAPPORT_DATA_DIR: dataDir }).databasePoolSize).toBeNull();
    expect(loadConfig({ RAPPORT_DATA_DIR: dataDir, DATABASE_POOL_SIZE: '8' }).databasePoolSize).toBe(8);
    expect(() => loadConfig({ RAPPORT_DATA_DIR: dataDir, DATABASE_POOL_SIZE: '1' })).toThrow('DATABASE_POOL_SIZE');
    expect(() => loadConfig({ RAPPORT_DATA_DIR: dataDir, DATABASE_POOL_SIZE: 'lots' })).toThrow('DATABASE_POOL_SIZE');
  });

  it.runIf(TEST_DB_KIND === 'postgres')('opens at most the configured connections, however much work comes at once', async () => {
    const db = await openDatabase({ databaseUrl: url, databasePoolSize: 2, dataDir: tmpdir() });
    try {
      expect(await backendsUsed(db, 8)).toBe(2);
    } finally {
      await db.close();
    }
    const sized = await openDatabase({ databaseUrl: url, databasePoolSize: null, dataDir: tmpdir() });
    try {
      const used = await backendsUsed(sized, defaultPoolSize() + 4);
      expect(used).toBe(defaultPoolSize());
    } finally {
      await sized.close();
    }
  });

  it.runIf(TEST_DB_KIND === 'postgres')('compiles no statement just in time, on every connection', async () => {
    const db = await openDatabase({ databaseUrl: url, databasePoolSize: 3, dataDir: tmpdir() });
    try {
      const settings = await Promise.all(
        Array.from({ length: 3 }, () => db.query<{ jit: string }>("SELECT current_setting('jit') AS jit, pg_sleep(0.05)")),
      );
      expect(settings.map(({ rows }) => rows[0]!.jit)).toEqual(['off', 'off', 'off']);
    } finally {
      await db.close();
    }
  });
});
