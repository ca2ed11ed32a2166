/** `rapport serve`: migrate, create the demo workspace on first start, listen. */
import { buildApp } from '../app.js';
import { modules, allMigrations } from '../modules.js';
import { openRuntime } from '../platform/runtime.js';
import { countWorkspaces } from '../platform/workspaces/workspace.service.js';
import { DEMO_OWNER, seedDemo } from '../demo/demo.seed.js';

export async function serve(options: { demo: boolean }) {
  const { config, log, db } = await openRuntime(allMigrations());
  let seeded = false;
  if (options.demo && (await countWorkspaces(db)) === 0) {
    await seedDemo(db, config);
    seeded = true;
  }
  const built = await buildApp({ config, db, log, modules });
  await built.startBackground();
  await built.app.listen({ host: config.host, port: config.port });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  process.stdout.write(
    `\nRapport is running at ${config.baseUrl} (${where}).\n` +
      (seeded ? `Demo workspace created. Sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}\n` : '') +
      `API reference: ${config.baseUrl}/api/docs\n\n`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    // Ctrl-C reaches this process from the terminal and again from whatever started it and passes
    // signals on (npm, bin/rapport.mjs): one shutdown, and no default exit halfway through it.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await built.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
