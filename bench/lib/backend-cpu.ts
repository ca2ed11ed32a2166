/**
 * CPU time PostgreSQL spent for this process: the user + system time of the server backends, read
 * from /proc (the server runs on this machine). On a loaded machine it tells the work done from the
 * time spent waiting for a core.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../server/src/platform/db/db.js';

const TICKS_PER_SECOND = 100;

/** Seconds of CPU a process has used so far; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Seconds of CPU used so far by the backends connected to `db`'s database; null for PGlite, whose
 * work is this process's own. Read at both ends of a measurement it loses the work of a backend that
 * ends in between (`watchBackendCpu` does not); the arrival bench reads it so, as sampling beside the
 * arrivals would land in their measured times, and its one connection stays open.
 */
export async function backendCpuSeconds(db: Db): Promise<number | null> {
  if (db.kind !== 'postgres') return null;
  return (await backendPids(db)).reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
}

async function backendPids(db: Db): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.map((row) => row.pid);
}

/**
 * Watches the CPU the backends connected to `db`'s database use from now until `stop`, sampling
 * every `everyMs`: a backend that ends in between (a pool closes idle connections) is counted up to
 * its last sample, where reading the backends only at both ends lost all its work. A backend that
 * starts in between is counted whole. `stop` gives null for PGlite, whose work is this process's own.
 */
export async function watchBackendCpu(db: Db, everyMs = 500): Promise<{ stop(): Promise<number | null> }> {
  if (db.kind !== 'postgres') return { stop: () => Promise.resolve(null) };
  const startedWith = new Map<number, number>();
  const lastSeen = new Map<number, number>();
  for (const pid of await backendPids(db)) {
    const cpu = processCpuSeconds(pid);
    startedWith.set(pid, cpu);
    lastSeen.set(pid, cpu);
  }
  const sample = async () => {
    for (const pid of await backendPids(db)) {
      const cpu = processCpuSeconds(pid);
      // 0 once the backend is gone: keep what was last read.
      if (cpu > 0) lastSeen.set(pid, cpu);
    }
  };
  let sampling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch(() => undefined);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      await sample();
      let total = 0;
      for (const [pid, cpu] of lastSeen) total += cpu - (startedWith.get(pid) ?? 0);
      return total;
    },
  };
}
