/**
 * Bench modules compiled to JavaScript, for child processes that measure the product as users run
 * it (`npm start` runs compiled code). Run through tsx, a process also holds tsx's loader thread and
 * the source maps of every module: the ingest suite's process measured 550-690 MB at peak that way
 * against 408-415 MB compiled (docs/benchmarks.md). bench/ and server/src are compiled together by
 * tsc (type check skipped, `bench/tsconfig.build.json`) into .tmp/bench-build/tooling whenever a
 * source is newer than the last build.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './rapport-server.js';
import { newestSource } from './sources.js';

const OUT = path.join(ROOT, '.tmp/bench-build/tooling');
const STAMP = path.join(OUT, '.built');

async function build(log: (message: string) => void): Promise<void> {
  const newest = Math.max(newestSource(path.join(ROOT, 'bench')), newestSource(path.join(ROOT, 'server/src')));
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newest) return;
  log('compiling bench/ and server/src into .tmp/bench-build/tooling (no type check)');
  rmSync(OUT, { recursive: true, force: true });
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'bench/tsconfig.build.json'], { cwd: ROOT });
  // Modules that find the recorded corpora by their own path (server/src/channels/testing) look
  // for test/ beside the compiled tree; bare imports find node_modules by walking up to ROOT.
  mkdirSync(OUT, { recursive: true });
  symlinkSync(path.join(ROOT, 'test'), path.join(OUT, 'test'));
  writeFileSync(STAMP, '');
}

/** The compiled JavaScript of `tsFile` (a module under bench/ or server/src), built first when stale. */
export async function compiledModule(tsFile: string, log: (message: string) => void): Promise<string> {
  const relative = path.relative(ROOT, tsFile);
  if (relative.startsWith('..') || !relative.endsWith('.ts')) throw new Error(`not a TypeScript module of this tree: ${tsFile}`);
  await build(log);
  return path.join(OUT, relative.replace(/\.ts$/, '.js'));
}
