import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Db } from './db.js';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database under the data directory. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(config.databaseUrl, config.databasePoolSize ?? undefined);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(path.join(config.dataDir, 'pglite'));
}
