/**
 * The embedded database on a thread of its own: the server's thread keeps serving while PostgreSQL
 * works, transactions and COPY behave as on PostgreSQL, and an open database does not keep a
 * finished command alive.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundDb, type Db } from './db.js';
import { openPglite } from './pglite.js';

let db: Db;
beforeAll(async () => {
  db = await openPglite(null);
  await db.exec('CREATE TABLE copied (id int PRIMARY KEY, label text)');
});
afterAll(async () => {
  await db.close();
});

describe('the one session', () => {
  it('serves foreground statements before background transactions that queued earlier', async () => {
    const background = backgroundDb(db);
    expect(background).not.toBe(db);
    const order: string[] = [];
    const holding = background.transaction(async (tx) => {
      await tx.query('SELECT pg_sleep(0.1)');
      order.push('relay batch 1');
    });
    const queued = [
      background.transaction(async (tx) => {
        await tx.query('SELECT 1');
        order.push('relay batch 2');
      }),
      db.query('SELECT 1').then(() => order.push('request')),
    ];
    await Promise.all([holding, ...queued]);
    expect(order).toEqual(['relay batch 1', 'request', 'relay batch 2']);
  });
});

describe('embedded database thread', () => {
  it('keeps the server thread free while a statement runs', async () => {
    const started = performance.now();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now() - started), 20);
    await db.query('SELECT pg_sleep(0.4)');
    clearInterval(timer);
    // On the server's thread the 400 ms statement would have held every timer until it ended.
    expect(ticks.length).toBeGreaterThanOrEqual(10);
    expect(ticks[0]).toBeLessThan(200);
  });

  it('runs COPY inside the caller transaction, undone with it', async () => {
    const failed = db.transaction(async (tx) => {
      const copied = await db.copyCsv('copied', ['id', 'label'], '1,one\n2,"two, too"\n', tx);
      expect(copied).toBe(2);
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM copied');
      expect(rows[0]!.n).toBe(2);
      throw new Error('undo');
    });
    await expect(failed).rejects.toThrow('undo');
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM copied')).rows[0]!.n).toBe(0);

    await expect(db.copyCsv('copied', ['id', 'label'], '3,three\n')).resolves.toBe(1);
    await expect(db.copyCsv('copied', ['id', 'label'], '4,four\n3,again\n')).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ label: string }>('SELECT label FROM copied ORDER BY id')).rows).toEqual([{ label: 'three' }]);
  });

  it('refuses to report as committed a transaction a failed statement aborted', async () => {
    const swallowed = db.transaction(async (tx) => {
      await tx.query('INSERT INTO copied VALUES ($1, $2)', [10, 'kept?']);
      await tx.query('INSERT INTO copied VALUES ($1, $2)', [10, 'duplicate']).catch(() => undefined);
    });
    await expect(swallowed).rejects.toMatchObject({ code: '25P02' });
    expect((await db.query('SELECT 1 FROM copied WHERE id = $1', [10])).rows).toEqual([]);
  });

  it('runs concurrent statements of one transaction one at a time, and queries wait for the transaction', async () => {
    const order: string[] = [];
    const inside = db.transaction(async (tx) => {
      await Promise.all([
        tx.query('INSERT INTO copied VALUES ($1, $2)', [20, 'a']).then(() => order.push('tx a')),
        tx.query('INSERT INTO copied VALUES ($1, $2)', [21, 'b']).then(() => order.push('tx b')),
      ]);
    });
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM copied WHERE id >= 20').then((result) => {
      order.push('outside');
      return result.rows[0]!.n;
    });
    await inside;
    expect(await outside).toBe(2);
    expect(order).toEqual(['tx a', 'tx b', 'outside']);
  });

  it('refuses statements once closed', async () => {
    const closing = await openPglite(null);
    await closing.close();
    await expect(closing.query('SELECT 1')).rejects.toThrow('PGlite is closed');
    await expect(closing.transaction(async () => undefined)).rejects.toThrow('PGlite is closed');
    await expect(closing.close()).resolves.toBeUndefined();
  });

  it('lets a command exit once its work is done, with the database still open', async () => {
    const script = `
      const { openPglite } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'pglite.ts'))});
      const db = await openPglite(null);
      const { rows } = await db.query('SELECT $1::int + 1 AS n', [41]);
      console.log(rows[0].n);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output.trim()).toBe('42');
    expect(code).toBe(0);
  });
});
