/**
 * Servers under test run in their own child processes, so the load generator never shares their
 * event loop and their memory can be read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess {
  pid: number;
  url: string;
  logFile: string;
  /** Stops the server with SIGTERM (SIGKILL after 15 s); resolves when it has exited. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartOptions {
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  port: number;
  /** Path that answers 200 once the server is ready. */
  readyPath: string;
  logFile: string;
  timeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) env[key] = value;
  const child = spawn(options.command, options.args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with status ${child.exitCode} before it was ready; see ${options.logFile}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${options.timeoutMs ?? 120_000} ms; see ${options.logFile}`);
    }
    try {
      const response = await fetch(url + options.readyPath);
      ready = response.ok;
      await response.body?.cancel();
    } catch {
      // Not listening yet.
    }
    if (!ready) await sleep(100);
  }
  const pid = child.pid!;
  let stopped = false;
  return {
    pid,
    url,
    logFile: options.logFile,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited(child);
        clearTimeout(killer);
      }
      log.end();
    },
  };
}

/** A size field of a process's `/proc/<pid>/status` in bytes, or null once it is gone (or off Linux). */
function statusBytes(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number | null {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(file, 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}

/** Resident set size of a process in bytes (VmRSS), or null once it is gone. */
export function readRss(pid: number): number | null {
  return statusBytes(pid, 'VmRSS');
}

/** This process's peak resident set size in bytes (VmHWM) since it started or `resetPeakRss`, or null off Linux. */
export function readPeakRss(): number | null {
  return statusBytes('self', 'VmHWM');
}

/** Starts this process's peak RSS over from its current RSS (Linux: `clear_refs` 5); elsewhere nothing happens. */
export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak stays the lifetime peak.
  }
}

/** The process itself and every descendant (a launcher may start the real server as a child). */
export function processTree(pid: number): number[] {
  const all = [pid];
  const taskDir = `/proc/${pid}/task`;
  if (!existsSync(taskDir)) return all;
  for (const task of readdirSync(taskDir)) {
    const file = `${taskDir}/${task}/children`;
    if (!existsSync(file)) continue;
    for (const child of readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean)) all.push(...processTree(Number(child)));
  }
  return all;
}

export interface RssSummary {
  samples: number;
  meanBytes: number;
  peakBytes: number;
}

/** Samples the summed RSS of a process tree every `intervalMs` until stopped. */
export function sampleRss(pid: number, intervalMs = 200) {
  const values: number[] = [];
  const take = () => {
    const total = processTree(pid).reduce((sum, p) => sum + (readRss(p) ?? 0), 0);
    if (total > 0) values.push(total);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop(): RssSummary {
      clearInterval(timer);
      take();
      return {
        samples: values.length,
        meanBytes: values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1),
        peakBytes: Math.max(0, ...values),
      };
    },
  };
}
