/** Throw-away databases for one benchmark run: PostgreSQL databases and PGlite data directories. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface Scratch {
  /** A directory for data dirs and server logs; removed by `cleanup` unless kept. */
  dir: string;
  /** Creates a PostgreSQL database (empty, or a copy of `template`) and returns its URL. */
  createPostgresDatabase(label: string, template?: string): Promise<string>;
  cleanup(): Promise<void>;
}

export function createScratch(adminUrl: string, keep: boolean): Scratch {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  const run = randomBytes(4).toString('hex');
  const created: string[] = [];

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    dir,
    async createPostgresDatabase(label, template) {
      const name = `rapport_bench_${run}_${label.replace(/\W/g, '_')}`;
      const from = template ? ` TEMPLATE ${new URL(template).pathname.slice(1)}` : '';
      await admin((client) => client.query(`CREATE DATABASE ${name}${from}`));
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async cleanup() {
      if (keep) {
        process.stdout.write(`Kept ${dir}${created.length ? ` and databases ${created.join(', ')}` : ''}\n`);
        return;
      }
      if (created.length) {
        await admin(async (client) => {
          for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
