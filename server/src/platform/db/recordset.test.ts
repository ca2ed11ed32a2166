import { beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDb } from '../testing/test-db.js';
import type { Db } from './db.js';
import { recordset, rowsJson } from './recordset.js';

let db: Db;
beforeAll(async () => {
  db = await sharedTestDb();
});

interface Row {
  label: string | null;
  at: Date;
  count: number | null;
  flag: boolean;
  details: Record<string, unknown> | null;
}

const COLUMNS = [
  ['label', 'text', 'label'],
  ['happened_at', 'timestamptz', 'at'],
  ['count', 'int', 'count'],
  ['flag', 'boolean', 'flag'],
  ['details', 'jsonb', 'details'],
] as const satisfies readonly (readonly [string, string, keyof Row])[];

async function readBack(rows: Row[]) {
  const u = recordset(COLUMNS, 1);
  const result = await db.query<{ label: string | null; happened_at: Date; count: number | null; flag: boolean; details: unknown }>(
    `SELECT ${u.names} FROM ${u.from}`,
    [rowsJson(rows)],
  );
  return result.rows;
}

describe('recordset', () => {
  it('reads every column back as the row held it, under the table’s column names', async () => {
    const at = new Date('2026-03-01T10:00:00.123Z');
    const rows: Row[] = [
      {
        label: 'quotes " and \\ backslashes, 😀, ünïcødé',
        at,
        count: 3,
        flag: true,
        details: { nested: ['a', 1, null], text: 'say "hi"' },
      },
      { label: null, at, count: null, flag: false, details: null },
    ];
    expect(await readBack(rows)).toEqual([
      { label: rows[0]!.label, happened_at: at, count: 3, flag: true, details: rows[0]!.details },
      { label: null, happened_at: at, count: null, flag: false, details: null },
    ]);
  });

  it('turns a lone surrogate, which jsonb refuses, into U+FFFD as the text protocol would, wherever it is', async () => {
    const at = new Date();
    const cut = '😀'.slice(0, 1);
    const rows: Row[] = [
      { label: `half an emoji ${cut}`, at, count: 1, flag: true, details: { keyword: `low ${'😀'.slice(1)} half` } },
      // Only resembles one in the JSON text: a backslash, then "ud83d".
      { label: 'a path C:\\ud83d', at, count: 2, flag: true, details: null },
    ];
    expect((await readBack(rows)).map((r) => [r.label, r.details])).toEqual([
      ['half an emoji \ufffd', { keyword: 'low \ufffd half' }],
      ['a path C:\\ud83d', null],
    ]);
  });
});
