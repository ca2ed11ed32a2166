/**
 * All SQL an import runs on companies: finding the companies a file names (by id, domain or name),
 * and writing those it creates or changes in bulk, each with the event the companies API records.
 * (crm/companies writes one company at a time; these write the same columns for many.)
 */
import type { Queryable } from '../../platform/db/db.js';
import { UUID_PATTERN } from '../../platform/db/ids.js';
import { recordset, rowsJson } from '../../platform/db/recordset.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { KnownCompany } from './company.match.js';
import type { CompanyRow } from '../companies/company.repo.js';

const UUID = new RegExp(UUID_PATTERN);

/**
 * The workspace's companies with one of these ids or domains, or one of these lower-cased names (as
 * `nameKey` lower-cases them, through the index on it), oldest first (the oldest is the one found
 * when several match). What is no UUID finds nothing.
 * `lock` keeps them as read until the transaction ends, for an import that updates them.
 */
export async function companiesToMatch(
  db: Queryable,
  workspaceId: string,
  wanted: { ids?: readonly string[]; domains: readonly string[]; lowerNames: readonly string[]; lock?: boolean },
): Promise<KnownCompany[]> {
  const ids = [...new Set((wanted.ids ?? []).filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const domains = [...new Set(wanted.domains)];
  const names = [...new Set(wanted.lowerNames)];
  if (ids.length + domains.length + names.length === 0) return [];
  const { rows } = await db.query<KnownCompany>(
    `SELECT id, name, domains, industry, size, owner_id AS "ownerId", team_id AS "teamId", tags, custom,
            created_at AS "createdAt", updated_at AS "updatedAt"
       FROM companies
      WHERE workspace_id = $1 AND (id = ANY($2::uuid[]) OR domains && $3::text[] OR ${nameKey('name')} = ANY($4::text[]))
      ORDER BY created_at, id${wanted.lock ? ' FOR UPDATE' : ''}`,
    [workspaceId, ids, domains, names],
  );
  return rows;
}

/** A company as an import writes it: every stored column, and the search text built from them. */
export type ImportedCompany = CompanyRow;

const COLUMNS = [
  ['id', 'uuid', 'id'],
  ['name', 'text', 'name'],
  ['domains', 'text[]', 'domains'],
  ['industry', 'text', 'industry'],
  ['size', 'text', 'size'],
  ['owner_id', 'uuid', 'ownerId'],
  ['team_id', 'uuid', 'teamId'],
  ['tags', 'text[]', 'tags'],
  ['custom', 'jsonb', 'custom'],
  ['search_text', 'text', 'searchText'],
  ['created_at', 'timestamptz', 'createdAt'],
  ['updated_at', 'timestamptz', 'updatedAt'],
] as const satisfies readonly (readonly [string, string, keyof ImportedCompany])[];

const ROWS = recordset(COLUMNS, 2);

/** Creates companies in one statement. */
export async function insertCompanies(db: Queryable, workspaceId: string, companies: readonly ImportedCompany[]): Promise<void> {
  if (companies.length === 0) return;
  await db.query(`INSERT INTO companies (workspace_id, ${ROWS.names}) SELECT $1, ${ROWS.names} FROM ${ROWS.from}`, [
    workspaceId,
    rowsJson(companies),
  ]);
}

/** Rewrites companies in one statement; `created_at` is kept. */
export async function updateCompanies(db: Queryable, workspaceId: string, companies: readonly ImportedCompany[]): Promise<void> {
  if (companies.length === 0) return;
  const sets = COLUMNS.filter(([column]) => column !== 'id' && column !== 'created_at').map(([column]) => `${column} = u.${column}`);
  await db.query(`UPDATE companies c SET ${sets.join(', ')} FROM ${ROWS.from} WHERE c.workspace_id = $1 AND c.id = u.id`, [
    workspaceId,
    rowsJson(companies),
  ]);
}
