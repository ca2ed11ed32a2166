/**
 * V8 allocates an object or array literal straight in the old generation ("pretenures" it) once
 * most of what that literal made survived young collections. Bulk work does that to shared
 * literals (the database driver's result rows array, after a pass or an import held thousands of
 * results), and from then on every small result lands in the old generation too, where it holds
 * its young rows and strings: each young collection must copy them as if alive, until a full
 * collection frees both. On the arrival bench that doubled what every young collection copied
 * (1.7 against 0.7 MB) and their pauses (5.2-5.5 against 3.4-3.5 ms, docs/benchmarks.md). Every
 * Rapport process turns it off at start; an operator's own setting wins. (Node 22's V8 reads the
 * flag only from the command line, so there this changes nothing: see the test.)
 */
import { setFlagsFromString } from 'node:v8';

export const NO_PRETENURING = '--no-allocation-site-pretenuring';

export function stopPretenuring(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if (/allocation[-_]site[-_]pretenuring/.test([...execArgv, nodeOptions].join(' '))) return false;
  setFlagsFromString(NO_PRETENURING);
  return true;
}
