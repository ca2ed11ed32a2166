/** The facts a benchmark result needs to be read correctly: machine, runtimes, code version. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  ramGiB: number;
  loadAverage: number[];
  os: string;
  node: string;
  postgres: string | null;
  pglite: string;
  commit: string | null;
  uncommittedChanges: boolean | null;
}

export function packageVersion(name: string): string {
  const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function postgresVersion(url: string | null): Promise<string | null> {
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function machineInfo(postgresUrl: string | null): Promise<MachineInfo> {
  const status = git(['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: await postgresVersion(postgresUrl),
    pglite: `@electric-sql/pglite ${packageVersion('@electric-sql/pglite')}`,
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: status === null ? null : status.length > 0,
  };
}

export function describeMachine(info: MachineInfo): string {
  return [
    `${info.cpuModel}, ${info.cores} cores, ${info.ramGiB} GiB RAM, ${info.os}`,
    `Node ${info.node}, PostgreSQL ${info.postgres ?? 'n/a'}, ${info.pglite}`,
    `commit ${info.commit ?? '?'}${info.uncommittedChanges ? ' + uncommitted changes' : ''}, ${info.date}, load average ${info.loadAverage.join(' ')}`,
  ].join('\n');
}
