import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sharedTestDb } from '../testing/test-db.js';
import { timestamptzParser } from './timestamps.js';

// The pg driver's own parser, the reference: every value must read as it reads it.
const reference = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (text: string) => Date | number;
const parse = timestamptzParser(reference);

const time = (value: Date | number) => (value instanceof Date ? value.getTime() : value);

function randomTimestamps(count: number): string[] {
  let seed = 7;
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const two = (n: number) => String(n).padStart(2, '0');
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = `${String(1 + next(9999)).padStart(4, '0')}-${two(1 + next(12))}-${two(1 + next(28))}`;
    const clock = `${two(next(24))}:${two(next(60))}:${two(next(60))}`;
    const fraction = [
      '',
      `.${next(10)}`,
      `.${two(next(100))}`,
      `.${String(next(1000)).padStart(3, '0')}`,
      `.${String(next(1e6)).padStart(6, '0')}`,
    ][next(5)];
    const sign = next(2) ? '+' : '-';
    const offset = [
      `${two(next(15))}`,
      `${two(next(15))}:${two([0, 30, 45][next(3)]!)}`,
      `${two(next(15))}:${two(next(60))}:${two(next(60))}`,
    ][next(3)];
    values.push(`${date} ${clock}${fraction}${sign}${offset}`);
  }
  return values;
}

describe('timestamptz text', () => {
  it('reads what PostgreSQL writes exactly as the driver does', () => {
    for (const text of [
      '2024-10-14 01:38:53.332+00',
      '2024-10-14 01:38:53+00',
      '2024-02-29 23:59:59.999-08',
      '2026-12-05 04:36:33.12+05:30',
      '1970-01-01 00:00:00+00',
      '1892-03-01 10:00:00+00:09:21',
      '0026-01-01 00:00:00+00',
      '0004-02-29 12:00:00.5+00',
      '0099-12-31 23:30:00-05',
      '0001-01-01 00:00:00+00',
      ...randomTimestamps(20_000),
    ]) {
      expect(time(parse(text)), text).toBe(time(reference(text)));
    }
  });

  it('leaves what it does not read by position to the fallback', () => {
    for (const text of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '12024-01-01 00:00:00+00', '2024-10-14T01:38:53Z']) {
      expect(time(parse(text)), text).toEqual(time(reference(text)));
    }
    const fallback = (text: string) => `fallback: ${text}`;
    expect(timestamptzParser(fallback)('2024-10-14 01:38:53+0x')).toBe('fallback: 2024-10-14 01:38:53+0x');
    expect(timestamptzParser(fallback)('2024-10-14 01:38:53+05:3x')).toBe('fallback: 2024-10-14 01:38:53+05:3x');
    expect(timestamptzParser(fallback)('2024-10-14 01:38:53 BC')).toBe('fallback: 2024-10-14 01:38:53 BC');
  });
});

describe('timestamptz from the database', () => {
  it('reads the first century back as written, on this engine', async () => {
    const db = await sharedTestDb();
    const written = ['0026-01-01T00:00:00.000Z', '0004-02-29T12:00:00.500Z', '0099-12-31T23:59:59.999Z', '2026-12-06T19:00:00.000Z'];
    const { rows } = await db.query<{ at: Date }>('SELECT unnest($1::timestamptz[]) AS at', [written]);
    expect(rows.map((row) => row.at.toISOString())).toEqual(written);
  });
});
