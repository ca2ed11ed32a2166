/**
 * Starts Rapport as users run it: compiled JavaScript in its own process (`rapport serve`).
 * `bin/rapport.mjs` when dist/ is up to date with the sources; otherwise the sources are compiled
 * (type-checking skipped) into .tmp/bench-build whenever they changed, because running them through tsx
 * would add its loader thread to the memory figures. BENCH_RAPPORT_MAIN=<main.js> runs another
 * build instead, e.g. a patched copy, to measure a proposed change before it is made.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { newestSource } from './sources.js';
import { freePort, startServer, type ServerProcess } from './processes.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where Rapport's database is: a PostgreSQL URL, or a PGlite directory (under the data dir). */
export type RapportDb = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

export interface RapportStart {
  where: RapportDb;
  /** RAPPORT_DATA_DIR; on PGlite the database must be `<dataDir>/pglite`. */
  dataDir: string;
  cwd: string;
  logFile: string;
  /** Writes a V8 CPU profile of the server here when it stops. */
  profileDir?: string | null;
}

export interface RapportLauncher {
  description: string;
  start(options: RapportStart): Promise<ServerProcess>;
  profiles(dir: string): string[];
}

/** The compiled `rapport` command (node arguments) and how it was found; other commands than `serve` run it too. */
export async function entryPoint(log: (message: string) => void): Promise<{ args: string[]; description: string }> {
  // Measures a patched copy of the server (an experiment) instead of this tree's.
  const override = process.env.BENCH_RAPPORT_MAIN;
  if (override) return { args: [path.resolve(override)], description: `${override} (BENCH_RAPPORT_MAIN)` };
  const dist = path.join(ROOT, 'dist/server/main.js');
  const newest = newestSource(path.join(ROOT, 'server/src'));
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest) {
    return { args: [path.join(ROOT, 'bin/rapport.mjs')], description: 'bin/rapport.mjs (dist/ build)' };
  }
  const out = path.join(ROOT, '.tmp/bench-build/server');
  const built = path.join(out, 'main.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newest) {
    log('dist/ is missing or older than server/src: compiling the sources into .tmp/bench-build (no type check)');
    rmSync(out, { recursive: true, force: true });
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    await promisify(execFile)(
      process.execPath,
      [tsc, '-p', 'server/tsconfig.build.json', '--outDir', out, '--noCheck', '--sourceMap', 'false'],
      {
        cwd: ROOT,
      },
    );
  }
  return { args: [path.join(out, 'main.js')], description: 'server/src compiled by tsc into .tmp/bench-build' };
}

export async function rapportLauncher(log: (message: string) => void): Promise<RapportLauncher> {
  const { args, description } = await entryPoint(log);
  return {
    description,
    async start(options) {
      const port = await freePort();
      const env: Record<string, string | undefined> = { ...process.env };
      // Only what we set here configures the server (a .env in the cwd or the shell must not).
      for (const key of Object.keys(env))
        if (key.startsWith('RAPPORT_') || key === 'DATABASE_URL' || key === 'NODE_OPTIONS') delete env[key];
      Object.assign(env, {
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RAPPORT_DATA_DIR: options.dataDir,
        RAPPORT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
        ...(options.where.kind === 'postgres' ? { DATABASE_URL: options.where.url } : {}),
      });
      const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
      return startServer({
        command: process.execPath,
        args: [...profile, ...args, 'serve', '--no-demo'],
        env,
        cwd: options.cwd,
        port,
        readyPath: '/readyz',
        logFile: options.logFile,
      });
    },
    profiles(dir) {
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.cpuprofile'))
            .map((f) => path.join(dir, f))
        : [];
    },
  };
}
