/**
 * Person records through the product itself: a fresh embedded database, the records imported as
 * contacts by the CSV importer (name, e-mail, phone, company, address, birthday, the record id in a
 * custom field), the workspace's full identity-resolution pass, and the duplicate pairs it stored
 * read back by record id.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importContacts } from '../../server/src/crm/imports/import.service.js';
import { createCustomField } from '../../server/src/crm/custom-fields/custom-field.service.js';
import { resolveWorkspace } from '../../server/src/identity/index.js';
import { IDENTIFIER_MAPPING, PERSON_MAPPING, peopleCsv } from '../../server/src/identity/testing/people-csv.js';
import { putIdentitySettings } from '../../server/src/identity/settings/identity-settings.service.js';
import { allMigrations } from '../../server/src/modules.js';
import { systemActor, type Ctx } from '../../server/src/platform/context.js';
import { openRuntime } from '../../server/src/platform/runtime.js';
import { createWorkspace } from '../../server/src/platform/workspaces/workspace.service.js';
import type { FebrlFile } from './febrl.js';

/** What is imported: a FEBRL file or a generated workspace, named for the report. */
export type PeopleFile = Pick<FebrlFile, 'name' | 'records'>;

export interface ProductRun {
  imported: number;
  /** Birth dates that are no calendar date (a corrupted 31 February): a contact cannot hold them. */
  impossibleDates: number;
  /** Pairs the full pass stored with the decision link, as record-id pairs. */
  linkedPairs: [string, string][];
  reviewPairs: number;
  seconds: number;
}

export async function throughProduct(file: PeopleFile, withNationalId: boolean): Promise<ProductRun> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-eval-'));
  const env: NodeJS.ProcessEnv = { ...process.env, RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const { db } = await openRuntime(allMigrations(), env);
  try {
    const { workspaceId } = await createWorkspace(db, {
      name: `Eval ${file.name}`,
      owner: { email: 'eval@example.test', name: 'Eval', password: 'correct-horse-battery', role: 'owner' },
    });
    const ctx: Ctx = { workspaceId, actor: systemActor(), db, requestId: 'eval' };
    await createCustomField(ctx, { entity: 'contact', key: 'record_id', label: 'Record', type: 'text' });
    await createCustomField(ctx, { entity: 'contact', key: 'national_id', label: 'National id', type: 'text' });
    if (withNationalId) await putIdentitySettings(ctx, db, { identifierFields: ['national_id'], createContactsFromEmail: true });
    const { csv, impossibleDates } = peopleCsv(file.records);
    const mapping = { ...PERSON_MAPPING, ...IDENTIFIER_MAPPING };
    const report = await importContacts(ctx, db, { format: 'csv', content: csv, mapping, allowPartial: true });
    if (report.status !== 'done') throw new Error(`${file.name}: the import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);

    const started = performance.now();
    await resolveWorkspace(ctx, db);
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await db.query<{ left: string; right: string; decision: string }>(
      `SELECT l.custom->>'record_id' AS left, r.custom->>'record_id' AS right, d.decision
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
