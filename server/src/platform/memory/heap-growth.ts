/**
 * How far V8 lets its heap grow past what survived the last full collection before it collects
 * again. Left alone, V8 raises that factor with the allocation rate, to about four times: under an
 * ingest burst a process holding ~70 MB of live objects let its heap fill to 300 MB with garbage
 * (resident 505 MB). A fixed 30 % keeps the heap near its live size, at the cost of more frequent
 * full collections (measured: a few percent more of the process's CPU under ingest). Every Rapport
 * process applies it at start; an operator's own `--heap-growing-percent` wins.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if (/heap[-_]growing[-_]percent/.test([...execArgv, nodeOptions].join(' '))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
