/** When the sources last changed, to tell whether a build of them is stale. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of a `.ts` file (tests aside) under `dir`. */
export function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}
