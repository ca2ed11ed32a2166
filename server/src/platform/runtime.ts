/** Opens what a process needs from configuration: config, logger, migrated database; and applies the heap settings. */
import { loadConfig, type Config } from './config/config.js';
import { openDatabase } from './db/open.js';
import type { Db } from './db/db.js';
import { migrate, type Migration } from './db/migrate.js';
import { applyHeapSettings } from './memory/heap-settings.js';
import { createLogger, type Logger } from './observability/logger.js';

export interface Runtime {
  config: Config;
  log: Logger;
  db: Db;
}

export async function openRuntime(migrations: readonly Migration[], env = process.env): Promise<Runtime> {
  applyHeapSettings();
  const config = loadConfig(env);
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config);
  const applied = await migrate(db, migrations);
  if (applied.length) log.info({ applied }, 'database migrated');
  return { config, log, db };
}
