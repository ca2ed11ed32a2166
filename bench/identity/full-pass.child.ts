/**
 * One full identity-resolution pass in a process of its own, so its peak RSS is the pass's (and,
 * on PGlite, the embedded database's) alone. Reads `{ location, workspaceId, ownerId }` as JSON
 * from argv, runs the product's `resolveWorkspace`, prints one JSON line of measurements.
 */
import { resolveWorkspace } from '../../server/src/identity/index.js';
import { applyHeapSettings } from '../../server/src/platform/memory/heap-settings.js';
import { openDb, ownerCtx, type DbLocation } from '../crm/rapport-db.js';
import { watchBackendCpu } from '../lib/backend-cpu.js';

export interface FullPassInput {
  location: DbLocation;
  workspaceId: string;
  ownerId: string;
}

export interface FullPassMeasurement {
  seconds: number;
  cpuSeconds: number;
  /** PostgreSQL: CPU of the server backends that served the pass (a pool connection closed while idle is missed, so at least this). */
  databaseCpuSeconds: number | null;
  rssBeforeMb: number;
  peakRssMb: number;
  summary: Awaited<ReturnType<typeof resolveWorkspace>>;
}

const input = JSON.parse(process.argv[2] ?? '{}') as FullPassInput;
// As `rapport identity resolve` runs it (openRuntime).
applyHeapSettings();
const db = await openDb(input.location);
const rssBeforeMb = process.memoryUsage().rss / 1e6;
const cpuBefore = process.cpuUsage();
// The pass's backends are this process's: all their work is the pass's, including any that end before it does.
const databaseCpu = await watchBackendCpu(db);
const started = performance.now();
const summary = await resolveWorkspace(ownerCtx(db, input), db);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const databaseCpuSeconds = await databaseCpu.stop();
const measurement: FullPassMeasurement = {
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  databaseCpuSeconds,
  rssBeforeMb,
  peakRssMb: process.resourceUsage().maxRSS / 1000,
  summary,
};
await db.close();
process.stdout.write(`${JSON.stringify(measurement)}\n`);
