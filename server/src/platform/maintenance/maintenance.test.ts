import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { testApp, type TestApp } from '../testing/test-app.js';
import { hasAutovacuum } from './maintenance.repo.js';
import { runMaintenance } from './maintenance.service.js';
import { mostGrownTable } from './table-growth.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.db.exec('DROP TABLE IF EXISTS maintenance_probe');
});

const log = createLogger('silent');
const DAY_MS = 86_400_000;

describe('choosing the table to vacuum', () => {
  it('takes the table that grew most past a fifth, never a small one', () => {
    expect(
      mostGrownTable([
        { table: 'contacts', pagesThen: 1_000, pagesNow: 1_150 },
        { table: 'messages', pagesThen: 1_000, pagesNow: 1_400 },
        { table: 'jobs', pagesThen: 100, pagesNow: 450 },
        { table: 'tiny', pagesThen: 0, pagesNow: 15 },
      ]),
    ).toBe('messages');
    expect(mostGrownTable([{ table: 'new', pagesThen: 0, pagesNow: 16 }])).toBe('new');
    expect(mostGrownTable([{ table: 'steady', pagesThen: 500, pagesNow: 600 }])).toBeNull();
    expect(mostGrownTable([])).toBeNull();
  });
});

describe('database maintenance', () => {
  it('prunes done jobs after a week and failed ones after a month, and keeps the rest', async () => {
    const name = `test.prune.${Math.random()}`;
    const now = Date.now();
    const ages = { 'done 8 days': 8, 'done 1 day': 1, 'failed 31 days': 31, 'failed 10 days': 10, 'queued 40 days': 40 };
    for (const [label, days] of Object.entries(ages)) {
      await t.db.query(`INSERT INTO jobs (name, payload, status, created_at) VALUES ($1, $2, $3, $4)`, [
        name,
        JSON.stringify({ label }),
        label.split(' ')[0],
        new Date(now - days * DAY_MS),
      ]);
    }
    const report = await runMaintenance(t.db, new Date(now), log);
    expect(report.jobsPruned).toBeGreaterThanOrEqual(2);
    const { rows } = await t.db.query<{ label: string }>(`SELECT payload->>'label' AS label FROM jobs WHERE name = $1 ORDER BY 1`, [name]);
    expect(rows.map((row) => row.label)).toEqual(['done 1 day', 'failed 10 days', 'queued 40 days']);
  });

  it('vacuums and analyses a grown table where nothing else would', async () => {
    await t.db.exec('CREATE TABLE maintenance_probe (id int PRIMARY KEY, note text NOT NULL)');
    await t.db.exec(`INSERT INTO maintenance_probe SELECT g, repeat('n', 40) || g FROM generate_series(1, 60000) g`);
    const pages = async () =>
      (
        await t.db.query<{ then: number; now: number }>(
          `SELECT relpages AS then, (pg_relation_size(oid) / current_setting('block_size')::int)::int AS now
             FROM pg_class WHERE relname = 'maintenance_probe'`,
        )
      ).rows[0]!;
    expect((await pages()).then).toBe(0);
    const autovacuum = await hasAutovacuum(t.db);
    const vacuumed: (string | null)[] = [];
    // One table per run: other tables of the shared test database may have grown more.
    for (let run = 0; run < 40 && !vacuumed.includes('maintenance_probe'); run++) {
      const report = await runMaintenance(t.db, new Date(), log);
      vacuumed.push(report.vacuumed);
      if (!report.vacuumed) break;
    }
    if (autovacuum) {
      expect(vacuumed).toEqual([null]);
      return;
    }
    expect(vacuumed).toContain('maintenance_probe');
    const after = await pages();
    expect(after.then).toBe(after.now);
    expect(after.now).toBeGreaterThan(100);
    const { rows } = await t.db.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'maintenance_probe'`);
    expect(rows[0]!.reltuples).toBe(60_000);
  });
});
