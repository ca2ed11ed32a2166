/**
 * FEBRL records through the product itself: a fresh embedded database, the records imported as
 * contacts by the CSV importer (address, birthday, the record id in a custom field), the workspace's
 * full identity-resolution pass, and the duplicate pairs it stored read back by record id.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { importContacts } from '../../server/src/crm/imports/import.service.js';
import { createCustomField } from '../../server/src/crm/custom-fields/custom-field.service.js';
import { resolveWorkspace } from '../../server/src/identity/index.js';
import { putIdentitySettings } from '../../server/src/identity/settings/identity-settings.service.js';
import { allMigrations } from '../../server/src/modules.js';
import { systemActor, type Ctx } from '../../server/src/platform/context.js';
import { openRuntime } from '../../server/src/platform/runtime.js';
import { createWorkspace } from '../../server/src/platform/workspaces/workspace.service.js';
import type { FebrlFile } from './febrl.js';

export interface ProductRun {
  imported: number;
  /** Birth dates that are no calendar date (a corrupted 31 February): a contact cannot hold them. */
  impossibleDates: number;
  /** Pairs the full pass stored with the decision link, as record-id pairs. */
  linkedPairs: [string, string][];
  reviewPairs: number;
  seconds: number;
}

const MAPPING = {
  'First name': 'firstName',
  'Last name': 'lastName',
  'Street number': 'address:streetNumber',
  Street: 'address:street',
  'Address 2': 'address:line2',
  City: 'address:locality',
  Postcode: 'address:postcode',
  State: 'address:region',
  Birthday: 'importantDate:birthday',
  'FEBRL record': 'custom:febrl_id',
  'National id': 'custom:national_id',
};

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10).replaceAll('-', '') === value;
}

function febrlCsv(file: FebrlFile): { csv: string; impossibleDates: number } {
  let impossibleDates = 0;
  const rows: string[][] = [Object.keys(MAPPING)];
  for (const record of file.records) {
    const birth = record.birthDate ?? '';
    const keepBirth = birth !== '' && isCalendarDate(birth);
    if (birth !== '' && !keepBirth) impossibleDates++;
    const a = record.address ?? {};
    rows.push([
      record.givenName ?? '',
      record.familyName ?? '',
      a.streetNumber ?? '',
      a.street ?? '',
      a.line2 ?? '',
      a.locality ?? '',
      a.postcode ?? '',
      a.region ?? '',
      keepBirth ? birth : '',
      record.id,
      record.nationalId ?? '',
    ]);
  }
  return { csv: stringify(rows), impossibleDates };
}

export async function throughProduct(file: FebrlFile, withNationalId: boolean): Promise<ProductRun> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-eval-'));
  const env: NodeJS.ProcessEnv = { ...process.env, RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const { db } = await openRuntime(allMigrations(), env);
  try {
    const { workspaceId } = await createWorkspace(db, {
      name: `FEBRL ${file.name}`,
      owner: { email: 'eval@example.test', name: 'Eval', password: 'correct-horse-battery', role: 'owner' },
    });
    const ctx: Ctx = { workspaceId, actor: systemActor(), db, requestId: 'eval' };
    await createCustomField(ctx, { entity: 'contact', key: 'febrl_id', label: 'FEBRL record', type: 'text' });
    await createCustomField(ctx, { entity: 'contact', key: 'national_id', label: 'National id', type: 'text' });
    if (withNationalId) await putIdentitySettings(ctx, db, { identifierFields: ['national_id'], createContactsFromEmail: true });
    const { csv, impossibleDates } = febrlCsv(file);
    const report = await importContacts(ctx, db, { format: 'csv', content: csv, mapping: MAPPING, allowPartial: true });
    if (report.status !== 'done') throw new Error(`${file.name}: the import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);

    const started = performance.now();
    await resolveWorkspace(ctx, db);
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await db.query<{ left: string; right: string; decision: string }>(
      `SELECT l.custom->>'febrl_id' AS left, r.custom->>'febrl_id' AS right, d.decision
         FROM duplicate_candidates d
         JOIN contacts l ON l.workspace_id = d.workspace_id AND l.id = d.left_id
         JOIN contacts r ON r.workspace_id = d.workspace_id AND r.id = d.right_id
        WHERE d.workspace_id = $1 AND d.kind = 'contact'`,
      [workspaceId],
    );
    return {
      imported: report.imported,
      impossibleDates,
      linkedPairs: rows.filter((row) => row.decision === 'link').map((row) => [row.left, row.right]),
      reviewPairs: rows.filter((row) => row.decision === 'review').length,
      seconds,
    };
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
