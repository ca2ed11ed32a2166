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

/** Seconds of CPU used so far by the backends connected to `db`'s database; null for PGlite, whose work is this process's own. */
export async function backendCpuSeconds(db: Db): Promise<number | null> {
  if (db.kind !== 'postgres') return null;
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.reduce((sum, row) => sum + processCpuSeconds(row.pid), 0);
}
