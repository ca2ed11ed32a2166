/**
 * One process at a time on an embedded database directory. PGlite keeps the database in the
 * process's memory and writes it through to the directory: a second process opening the same
 * directory (`rapport ingest` while `rapport serve` runs) reads a stale copy, and whichever writes
 * last loses the other's changes. The holder's process id is kept in a file beside the directory;
 * a file left by a process that is gone (killed, crashed) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another Rapport process (pid ${holderPid}). ` +
        'Stop that process first, or run Rapport on PostgreSQL (DATABASE_URL) to use several processes at once.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): void;
}

function lockFileOf(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
}

/** Whether the process runs: a zombie (exited, not yet reaped by its parent) does not. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // The state follows the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function holderOf(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const lockFile = lockFileOf(dataDir);
  mkdirSync(path.dirname(lockFile), { recursive: true });
  // Twice at most: a file left by a process that is gone is removed once, then taken.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return {
        release() {
          if (holderOf(lockFile) === process.pid) unlinkSync(lockFile);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(lockFile);
    // This process may open its directory again (tests, a restore into a running runtime).
    if (holder === process.pid) return { release: () => undefined };
    if (holder !== null && running(holder)) throw new DataDirInUseError(dataDir, holder);
    unlinkSync(lockFile);
  }
  // Another process took the directory between the removal and the second attempt.
  throw new DataDirInUseError(dataDir, holderOf(lockFile) ?? 0);
}
