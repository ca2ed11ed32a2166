/** Scratch directories for tests, removed by `removeTempDirs` (each file calls it after all its tests). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function tempDir(prefix: string): string {
  const created = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(created);
  return created;
}

export function removeTempDirs(): void {
  for (const created of made.splice(0)) rmSync(created, { recursive: true, force: true });
}
