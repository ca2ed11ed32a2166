/** All SQL for imports: the imports table, the bulk writes of contacts, and notes (company-import.repo.ts has the companies'). */
import type { Actor } from '../../platform/context.js';
import { CONTACT_COLUMNS } from '../contacts/contact.repo.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { UUID_PATTERN } from '../../platform/db/ids.js';
import type { CompanyImportReport, ImportFormat, ImportReport, ImportTarget, ImportView } from './import.schema.js';
import type { Mapping } from './import.mapping.js';

const VIEW = `id, target, status, format, file_name AS "fileName", total, processed, imported, rejected,
  companies_created AS "companiesCreated", updated, errors, skipped, updates, created_at AS "createdAt", started_at AS "startedAt",
  finished_at AS "finishedAt"`;

export interface NewImport {
  id: string;
  target: ImportTarget;
  format: ImportFormat;
  fileName: string;
  content: string;
  columns: string[];
  total: number;
  createdBy: string | null;
}

export async function insertImport(db: Queryable, workspaceId: string, row: NewImport): Promise<ImportView> {
  const { rows } = await db.query<ImportView>(
    `INSERT INTO imports (workspace_id, id, target, format, file_name, status, content, columns, total, created_by)
     VALUES ($1, $2, $3, $4, $5, 'mapping', $6, $7::jsonb, $8, $9) RETURNING ${VIEW}`,
    [workspaceId, row.id, row.target, row.format, row.fileName, row.content, JSON.stringify(row.columns), row.total, row.createdBy],
  );
  return rows[0]!;
}

/** `createdBy` limits the lookup to one member's imports; null finds any. */
export async function findImport(db: Queryable, workspaceId: string, id: string, createdBy: string | null): Promise<ImportView | null> {
  const { rows } = await db.query<ImportView>(
    `SELECT ${VIEW} FROM imports WHERE workspace_id = $1 AND id = $2 AND ($3::uuid IS NULL OR created_by = $3)`,
    [workspaceId, id, createdBy],
  );
  return rows[0] ?? null;
}

export interface ImportWork {
  target: ImportTarget;
  status: string;
  format: ImportFormat;
  content: string | null;
  columns: string[];
  mapping: Mapping | null;
  allowPartial: boolean;
  createdBy: string | null;
}

export async function findImportWork(db: Queryable, workspaceId: string, id: string): Promise<ImportWork | null> {
  const { rows } = await db.query<ImportWork>(
    `SELECT target, status, format, content, columns, mapping, allow_partial AS "allowPartial", created_by AS "createdBy"
       FROM imports WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

/** Newest first, after `after` (the last import of the page before); one more than `limit`, to tell whether a page follows. */
export async function listImports(
  db: Queryable,
  workspaceId: string,
  createdBy: string | null,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<ImportView[]> {
  const { rows } = await db.query<ImportView>(
    `SELECT ${VIEW} FROM imports WHERE workspace_id = $1 AND ($2::uuid IS NULL OR created_by = $2)
        AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
      ORDER BY created_at DESC, id DESC LIMIT $5`,
    [workspaceId, createdBy, after?.at ?? null, after?.id ?? null, limit + 1],
  );
  return rows;
}

/** Moves an import from mapping to running; false when it had already been started. */
export async function markStarted(db: Queryable, workspaceId: string, id: string, mapping: Mapping, allowPartial: boolean) {
  const { rowCount } = await db.query(
    `UPDATE imports SET status = 'running', mapping = $3::jsonb, allow_partial = $4, started_at = now()
      WHERE workspace_id = $1 AND id = $2 AND status = 'mapping'`,
    [workspaceId, id, JSON.stringify(mapping), allowPartial],
  );
  return rowCount > 0;
}

export async function updateProgress(db: Queryable, workspaceId: string, id: string, processed: number, total: number) {
  await db.query(`UPDATE imports SET processed = $3, total = $4 WHERE workspace_id = $1 AND id = $2 AND status = 'running'`, [
    workspaceId,
    id,
    processed,
    total,
  ]);
}

/** Records the outcome and drops the file, which is no longer needed. */
export async function finishImport(db: Queryable, workspaceId: string, id: string, report: ImportReport | CompanyImportReport) {
  const updates = 'updates' in report ? report : { updated: 0, updates: [] };
  await db.query(
    `UPDATE imports SET status = $3, total = $4, processed = $5, imported = $6, rejected = $7, companies_created = $8,
            errors = $9::jsonb, skipped = $10::jsonb, updated = $11, updates = $12::jsonb, content = NULL, finished_at = now()
      WHERE workspace_id = $1 AND id = $2`,
    [
      workspaceId,
      id,
      report.status,
      report.total,
      report.processed,
      report.imported,
      report.rejected,
      report.companiesCreated,
      JSON.stringify(report.errors),
      JSON.stringify(report.skipped),
      updates.updated,
      JSON.stringify(updates.updates),
    ],
  );
}

/** The member who started an import, as the actor its job writes for. */
export async function memberActor(db: Queryable, workspaceId: string, userId: string): Promise<Actor | null> {
  const { rows } = await db.query<{ role: Actor['role']; recordScope: Actor['recordScope']; teamIds: string[] }>(
    `SELECT m.role, m.record_scope AS "recordScope",
            COALESCE((SELECT array_agg(t.team_id) FROM team_members t WHERE t.workspace_id = m.workspace_id AND t.user_id = m.user_id), '{}') AS "teamIds"
       FROM memberships m WHERE m.workspace_id = $1 AND m.user_id = $2`,
    [workspaceId, userId],
  );
  const member = rows[0];
  return member ? { kind: 'user', userId, role: member.role, recordScope: member.recordScope, teamIds: member.teamIds } : null;
}

/** The ids of the workspace's members and teams, which a JSON import's owners and teams must be. */
export async function ownerIds(db: Queryable, workspaceId: string): Promise<{ members: Set<string>; teams: Set<string> }> {
  const { rows } = await db.query<{ id: string; kind: 'member' | 'team' }>(
    `SELECT user_id AS id, 'member' AS kind FROM memberships WHERE workspace_id = $1
     UNION ALL SELECT id, 'team' FROM teams WHERE workspace_id = $1`,
    [workspaceId],
  );
  return {
    members: new Set(rows.filter((r) => r.kind === 'member').map((r) => r.id)),
    teams: new Set(rows.filter((r) => r.kind === 'team').map((r) => r.id)),
  };
}

const UUID = new RegExp(UUID_PATTERN);

/** The names of those of `ids` that are this workspace's companies; what is no UUID finds nothing. */
export async function companyNamesById(db: Queryable, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (uuids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM companies WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, uuids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface ImportedContact {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  title: string;
  emails: string;
  phones: string;
  socialHandles: string;
  companyId: string | null;
  ownerId: string | null;
  teamId: string | null;
  lifecycleStage: string;
  /** A PostgreSQL array literal, since unnest cannot take an array of arrays of different lengths. */
  tags: string;
  custom: string;
  importantDates: string;
  /** JSON, or null for no address. */
  address: string | null;
  searchText: string;
}

/** Writes a batch of contacts with one statement: one array parameter per column, unnested. */
export async function insertContacts(db: Queryable, workspaceId: string, batch: readonly ImportedContact[]): Promise<void> {
  const column = <K extends keyof ImportedContact>(key: K) => batch.map((c) => c[key]);
  await db.query(
    `INSERT INTO contacts (workspace_id, id, first_name, last_name, display_name, title, emails, phones, social_handles,
                           company_id, owner_id, team_id, lifecycle_stage, tags, custom, important_dates, search_text, address)
     SELECT $1, u.id, u.first_name, u.last_name, u.display_name, u.title, u.emails::jsonb, u.phones::jsonb, u.social_handles::jsonb,
            u.company_id, u.owner_id, u.team_id, u.lifecycle_stage, u.tags::text[], u.custom::jsonb, u.important_dates::jsonb, u.search_text,
            u.address::jsonb
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::uuid[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
         AS u(id, first_name, last_name, display_name, title, emails, phones, social_handles,
              company_id, owner_id, team_id, lifecycle_stage, tags, custom, important_dates, search_text, address)`,
    [
      workspaceId,
      column('id'),
      column('firstName'),
      column('lastName'),
      column('displayName'),
      column('title'),
      column('emails'),
      column('phones'),
      column('socialHandles'),
      column('companyId'),
      column('ownerId'),
      column('teamId'),
      column('lifecycleStage'),
      column('tags'),
      column('custom'),
      column('importantDates'),
      column('searchText'),
      column('address'),
    ],
  );
}

/** A note an imported file holds about a contact or a company (a vCard NOTE, a CSV note column), for its timeline. */
export interface ImportedNote {
  id: string;
  contactId: string | null;
  companyId: string | null;
  body: string;
}

/** An instant as JSON writes a JS Date (`2024-05-01T09:30:00.000Z`), so events read alike whoever wrote them. */
const jsonInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Writes a batch's notes to their contacts' or companies' timelines, as the importer's, at the time of the
 * import, each with the `activity.created` event a note logged through the API has (crm/activities:
 * the entry as the API shows it, less the author's name), in one statement.
 */
export async function insertNotes(
  db: Queryable,
  workspaceId: string,
  authorId: string | null,
  notes: readonly ImportedNote[],
): Promise<void> {
  if (notes.length === 0) return;
  await db.query(
    `WITH a AS (
       INSERT INTO activities (workspace_id, id, type, contact_id, company_id, body, occurred_at, author_id, created_at, updated_at)
       SELECT $1, u.id, 'note', u.contact_id, u.company_id, u.body, now(), $2, now(), now()
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) AS u(id, contact_id, company_id, body)
       RETURNING *
     )
     INSERT INTO events (workspace_id, type, subject_type, subject_id, actor_id, data)
     SELECT a.workspace_id, 'activity.created', 'activity', a.id::text, $2::uuid,
            jsonb_build_object('after', jsonb_build_object(
              'id', a.id, 'type', a.type, 'contactId', a.contact_id, 'companyId', a.company_id, 'subject', a.subject,
              'body', a.body, 'occurredAt', ${jsonInstant('a.occurred_at')}, 'durationMinutes', a.duration_minutes,
              'direction', a.direction, 'authorId', a.author_id, 'dueAt', a.due_at, 'assigneeId', a.assignee_id,
              'doneAt', a.done_at, 'systemEvent', a.system_event, 'data', a.data,
              'createdAt', ${jsonInstant('a.created_at')}, 'updatedAt', ${jsonInstant('a.updated_at')}))
       FROM a`,
    [workspaceId, authorId, notes.map((n) => n.id), notes.map((n) => n.contactId), notes.map((n) => n.companyId), notes.map((n) => n.body)],
  );
}

/** Imported rows take their timestamps from the column defaults. */
const COPY_COLUMNS = CONTACT_COLUMNS.filter((column) => column !== 'created_at' && column !== 'updated_at');

/** A CSV field for COPY: quoted text, or nothing at all for NULL. */
function copyField(value: string | null): string {
  return value === null ? '' : `"${value.replace(/"/g, '""')}"`;
}

/** Writes a batch of contacts with COPY inside the caller's transaction (PostgreSQL). */
export async function copyContacts(db: Db, tx: Queryable, workspaceId: string, batch: readonly ImportedContact[]): Promise<void> {
  let csv = '';
  for (const c of batch) {
    csv +=
      [
        workspaceId,
        c.id,
        c.firstName,
        c.lastName,
        c.displayName,
        c.title,
        c.emails,
        c.phones,
        c.socialHandles,
        c.companyId,
        c.ownerId,
        c.teamId,
        c.lifecycleStage,
        c.tags,
        c.custom,
        c.importantDates,
        c.searchText,
        c.address,
      ]
        .map(copyField)
        .join(',') + '\n';
  }
  await db.copyCsv('contacts', COPY_COLUMNS, csv, tx);
}
