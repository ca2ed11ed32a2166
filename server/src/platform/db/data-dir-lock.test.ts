/** One process at a time on an embedded database directory; a directory left by a killed process opens again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../testing/temp-dirs.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';
import { openPglite } from './pglite.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(removeTempDirs);

function freshDir(): string {
  return path.join(tempDir('rapport-lock-'), 'pglite');
}

/** Another process with the embedded database open in `dataDir`, as `rapport serve` holds it. */
async function holdInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const script = `
    const { openPglite } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'pglite.ts'))});
    await openPglite(${JSON.stringify(dataDir)});
    console.log('open');
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
    child.on('exit', (code) => reject(new Error(`the holding process exited with ${code}`)));
  });
  return child;
}

describe('embedded database directory lock', () => {
  it('refuses a directory another process has open, and opens it once that process is killed', async () => {
    const dataDir = freshDir();
    const holder = await holdInAnotherProcess(dataDir);
    const refused = await openPglite(dataDir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as DataDirInUseError).holderPid).toBe(holder.pid);
    expect((refused as Error).message).toMatch(/another Rapport process.*DATABASE_URL/);

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const db = await openPglite(dataDir);
    try {
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('lets the process holding a directory open it again, and frees it on release', () => {
    const dataDir = freshDir();
    const first = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir).release()).not.toThrow();
    first.release();
    const again = lockDataDir(dataDir);
    again.release();
  });

  it('takes over a lock whose process is gone, and one that holds no process id', () => {
    const dataDir = freshDir();
    // Process ids stay below 2^22 on Linux: this one runs nowhere.
    writeFileSync(`${dataDir}.lock`, '4194303\n');
    lockDataDir(dataDir).release();
    writeFileSync(`${dataDir}.lock`, 'garbage');
    lockDataDir(dataDir).release();
  });
});
