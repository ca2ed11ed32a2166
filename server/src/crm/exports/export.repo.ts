/**
 * The reads behind exports: the filtered list walked in the list's sort order (id order when
 * none is given), one batch at a time with a keyset on (sort value, id), so the millionth row
 * costs what the first does. Filters, search and record access are the lists' own: every batch
 * reads in the search mode decided once for the whole export (see searchWithFallback).
 */
import type { Ctx } from '../../platform/context.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { Contact, ContactListQuery } from '../contacts/contact.schema.js';
import { contactFilters } from '../contacts/contact.repo.js';
import { companyFilters } from '../segments/company-filters.repo.js';
import type { CompanySegmentFilters } from '../segments/segment.schema.js';
import { inSearchMode, type SearchMode } from '../shared/search-text.js';

export const EXPORT_BATCH = 1000;

export interface ExportedCompany {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  size: string;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/** Where the previous batch ended: its last row's sort value (as text) and id. */
export interface Position {
  key: string | null;
  id: string;
}

export interface Batch<Row> {
  rows: Row[];
  last: Position | null;
}

const SORT_KEYS: Record<string, { column: (alias: string) => string; cast: string }> = {
  name: { column: (a) => nameKey(a === 'c' ? 'c.display_name' : 'co.name'), cast: 'text' },
  createdAt: { column: (a) => `${a}.created_at`, cast: 'timestamptz' },
  updatedAt: { column: (a) => `${a}.updated_at`, cast: 'timestamptz' },
};

/** ORDER BY, keyset condition and sort-key column for `sort` (e.g. `-createdAt`) on `alias`. */
function keyset(alias: string, sort: string | undefined, after: Position | null, where: string[], params: unknown[]) {
  const key = sort ? SORT_KEYS[sort.replace('-', '')] : undefined;
  const direction = sort?.startsWith('-') ? 'DESC' : 'ASC';
  const expr = key ? key.column(alias) : null;
  if (after) {
    const op = direction === 'DESC' ? '<' : '>';
    params.push(after.id);
    const id = `$${params.length}::uuid`;
    if (expr && key) {
      params.push(after.key);
      where.push(`(${expr}, ${alias}.id) ${op} ($${params.length}::${key.cast}, ${id})`);
    } else where.push(`${alias}.id ${op} ${id}`);
  }
  params.push(EXPORT_BATCH);
  return {
    select: expr ? `${expr}::text AS "sortKey"` : `NULL::text AS "sortKey"`,
    order: expr ? `${expr} ${direction}, ${alias}.id ${direction}` : `${alias}.id ${direction}`,
    limit: `$${params.length}`,
  };
}

function toBatch<Row extends { id: string }>(rows: (Row & { sortKey: string | null })[]): Batch<Row> {
  const tail = rows[rows.length - 1];
  return {
    rows: rows.map(({ sortKey: _key, ...row }) => row as unknown as Row),
    last: tail ? { key: tail.sortKey, id: tail.id } : null,
  };
}

export async function contactBatch(
  ctx: Ctx,
  query: ContactListQuery,
  mode: SearchMode | null,
  after: Position | null,
): Promise<Batch<Contact>> {
  const params: unknown[] = [];
  const { where } = contactFilters(ctx, query, params, mode);
  const order = keyset('c', query.sort, after, where, params);
  const { rows } = await inSearchMode(ctx.db, mode, (db) =>
    db.query<Contact & { sortKey: string | null }>(
      `SELECT c.id, c.display_name AS "displayName", c.first_name AS "firstName", c.last_name AS "lastName", c.title,
              c.emails, c.phones, c.social_handles AS "socialHandles", c.company_id AS "companyId", co.name AS "companyName",
              c.owner_id AS "ownerId", c.team_id AS "teamId", c.lifecycle_stage AS "lifecycleStage", c.tags, c.custom,
              c.important_dates AS "importantDates", c.address, c.created_at AS "createdAt", c.updated_at AS "updatedAt", ${order.select}
         FROM contacts c LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id
        WHERE ${where.join(' AND ')} ORDER BY ${order.order} LIMIT ${order.limit}`,
      params,
    ),
  );
  return toBatch(rows);
}

export async function companyBatch(
  ctx: Ctx,
  query: CompanySegmentFilters & { sort?: string },
  mode: SearchMode | null,
  after: Position | null,
): Promise<Batch<ExportedCompany>> {
  const params: unknown[] = [];
  const { where } = companyFilters(ctx, query, params, mode);
  const order = keyset('co', query.sort, after, where, params);
  const { rows } = await inSearchMode(ctx.db, mode, (db) =>
    db.query<ExportedCompany & { sortKey: string | null }>(
      `SELECT co.id, co.name, co.domains, co.industry, co.size, co.owner_id AS "ownerId", co.team_id AS "teamId", co.tags, co.custom,
              co.created_at AS "createdAt", co.updated_at AS "updatedAt", ${order.select}
         FROM companies co WHERE ${where.join(' AND ')} ORDER BY ${order.order} LIMIT ${order.limit}`,
      params,
    ),
  );
  return toBatch(rows);
}
