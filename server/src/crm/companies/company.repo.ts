/** All SQL for companies. Every statement is scoped by workspace, and reads by the actor's record access. */
import { listLimit } from '../../platform/db/limit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { RankedPosition } from '../shared/list-cursor.js';
import { afterRank, rankedPage, rankedSearchPage, type Ranked, type RankedPage } from '../shared/ranked-page.js';
import { recordScope } from '../shared/record-access.js';
import { hasTags } from '../shared/tags.js';
import { inSearchMode, isSearch, searchCondition, searchModeOf, workspaceCondition, type SearchMode } from '../shared/search-text.js';
import type { Company, CompanyListQuery, CompanySort } from './company.schema.js';

export interface CompanyRow {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  size: string;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The select list; the contact count honours the actor's record access like everything else. */
function selectList(actor: Actor, params: unknown[]): string {
  return `co.id, co.name, co.domains, co.industry, co.size, co.owner_id AS "ownerId", co.team_id AS "teamId", co.tags, co.custom,
    (SELECT count(*)::int FROM contacts cc
      WHERE cc.workspace_id = co.workspace_id AND cc.company_id = co.id AND ${recordScope(actor, 'cc', params)}) AS "contactCount",
    co.created_at AS "createdAt", co.updated_at AS "updatedAt"`;
}

const COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'domains',
  'industry',
  'size',
  'owner_id',
  'team_id',
  'tags',
  'custom',
  'search_text',
  'created_at',
  'updated_at',
] as const;

function values(workspaceId: string, row: CompanyRow): unknown[] {
  return [
    workspaceId,
    row.id,
    row.name,
    row.domains,
    row.industry,
    row.size,
    row.ownerId,
    row.teamId,
    row.tags,
    JSON.stringify(row.custom),
    row.searchText,
    row.createdAt,
    row.updatedAt,
  ];
}

export async function insertCompany(db: Queryable, workspaceId: string, row: CompanyRow): Promise<void> {
  const placeholders = COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  await db.query(`INSERT INTO companies (${COLUMNS.join(', ')}) VALUES (${placeholders})`, values(workspaceId, row));
}

export async function updateCompanyRow(db: Queryable, workspaceId: string, row: CompanyRow): Promise<void> {
  // created_at is rewritten with its unchanged value so parameter positions match the insert.
  const sets = COLUMNS.slice(2).map((column, i) => `${column} = $${i + 3}`);
  await db.query(`UPDATE companies SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`, values(workspaceId, row));
}

export async function deleteCompanyRow(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('DELETE FROM companies WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

/** The company if the actor may see it; `forUpdate` locks the row for the rest of the transaction. */
export async function findCompany(ctx: Ctx, id: string, db: Queryable = ctx.db, forUpdate = false): Promise<Company | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const select = selectList(ctx.actor, params);
  const scope = recordScope(ctx.actor, 'co', params);
  const { rows } = await db.query<Company>(
    `SELECT ${select} FROM companies co WHERE co.workspace_id = $1 AND co.id = $2 AND ${scope}${forUpdate ? ' FOR UPDATE OF co' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

const SORT_COLUMNS: Record<string, { expr: string; cast: string }> = {
  name: { expr: nameKey('co.name'), cast: 'text' },
  createdAt: { expr: 'co.created_at', cast: 'timestamptz' },
  updatedAt: { expr: 'co.updated_at', cast: 'timestamptz' },
};

/** The last row's sort key, for the next page's cursor; a name's as `nameKey` makes it (see there). */
export function cursorValueOf(sort: CompanySort, company: Company): string {
  const field = sort.replace('-', '');
  if (field === 'name') return company.name.toLowerCase();
  const value = field === 'createdAt' ? company.createdAt : company.updatedAt;
  return new Date(value).toISOString();
}

/**
 * The list's filters; `mode` is how `q` selects, as searchWithFallback decides it; null for a read
 * without one. A ranked search's statement is planned once by prefix (see prefixSearchWorkspace).
 */
function filters(
  ctx: Ctx,
  query: CompanyListQuery,
  params: unknown[],
  mode: SearchMode | null,
  ranked = false,
): { where: string[]; rank: string | null } {
  params.push(ctx.workspaceId);
  const where = [workspaceCondition('co', '$1', ranked && mode === 'prefix'), recordScope(ctx.actor, 'co', params)];
  if (query.tag?.length) where.push(hasTags('co', query.tag, params));
  if (query.industry !== undefined) {
    params.push(query.industry.trim());
    where.push(`lower(co.industry) = lower($${params.length})`);
  }
  if (query.ownerId) {
    params.push(query.ownerId);
    where.push(`co.owner_id = $${params.length}`);
  }
  if (query.teamId) {
    params.push(query.teamId);
    where.push(`co.team_id = $${params.length}`);
  }
  if (!isSearch(query.q)) return { where, rank: null };
  if (!mode) throw new Error('A search is applied in the mode searchWithFallback decides for it');
  const search = searchCondition('co', query.q, params, mode, ranked)!;
  where.push(search.where);
  return { where, rank: search.rank };
}

/**
 * How `q` selects among the companies the other filters leave (see searchWithFallback), for a read in
 * parts that must keep to one mode: by prefix if any company matches so; null without a search.
 */
async function listSearchMode(ctx: Ctx, query: CompanyListQuery): Promise<SearchMode | null> {
  if (!isSearch(query.q)) return null;
  const params: unknown[] = [];
  const { where } = filters(ctx, query, params, 'prefix');
  return searchModeOf(ctx.db, 'companies co', where, params);
}

/** A page of a search ranked by relevance, the best matches first and ties by id, after the cursor's row. */
export async function searchCompanies(
  ctx: Ctx,
  query: CompanyListQuery,
  after: RankedPosition | null,
  limit: number,
): Promise<RankedPage<Company>> {
  const read = async (mode: SearchMode, db: Queryable) => {
    const params: unknown[] = [];
    const { where, rank } = filters(ctx, query, params, mode, true);
    if (after) where.push(afterRank(rank!, 'co.id', after, params));
    const select = selectList(ctx.actor, params);
    const { rows } = await db.query<Company & Ranked>(
      `SELECT ${select}, ${rank} AS "searchRank" FROM companies co WHERE ${where.join(' AND ')}
        ORDER BY "searchRank" DESC, co.id ${listLimit(limit + 1, params, mode === 'fuzzy')}`,
      params,
    );
    return rankedPage(rows, limit, mode);
  };
  return rankedSearchPage(ctx.db, after, read);
}

/** A page of the list in its sort order (by name unless the query says), `q` selecting as one mode for every page. */
export async function listCompanies(
  ctx: Ctx,
  query: CompanyListQuery,
  after: { v: string | number | null; id: string } | null,
  limit: number,
): Promise<{ rows: Company[]; hasMore: boolean }> {
  // Every page of a sorted search keeps to the mode of the whole search, whatever its own rows hold.
  const mode = await listSearchMode(ctx, query);
  return inSearchMode(ctx.db, mode, (db) => sortedPage({ ...ctx, db }, query, after, limit, mode));
}

/** A page of the list in its sort order, after the cursor's row. */
async function sortedPage(
  ctx: Ctx,
  query: CompanyListQuery,
  after: { v: string | number | null; id: string } | null,
  limit: number,
  mode: SearchMode | null,
): Promise<{ rows: Company[]; hasMore: boolean }> {
  const params: unknown[] = [];
  const { where } = filters(ctx, query, params, mode);
  const select = selectList(ctx.actor, params);
  const sort: CompanySort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '')]!;
  if (after) {
    params.push(after.v, after.id);
    where.push(`(${column.expr}, co.id) ${descending ? '<' : '>'} ($${params.length - 1}::${column.cast}, $${params.length}::uuid)`);
  }
  const direction = descending ? 'DESC' : 'ASC';
  // A tag filter's best plan depends on how common the tag is.
  const take = listLimit(limit + 1, params, Boolean(query.tag?.length));
  const { rows } = await ctx.db.query<Company>(
    `SELECT ${select} FROM companies co WHERE ${where.join(' AND ')}
      ORDER BY ${column.expr} ${direction}, co.id ${direction} ${take}`,
    params,
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** What a contact's search text is built from (see contactSearchText). */
export interface CompanyContact {
  id: string;
  firstName: string;
  lastName: string;
  title: string;
  emails: { address: string }[];
  phones: { number: string }[];
  socialHandles: { handle: string }[];
}

/** Every contact of the company, whoever owns it: renames and deletes must reach them all. */
export async function contactsOfCompany(db: Queryable, workspaceId: string, companyId: string): Promise<CompanyContact[]> {
  const { rows } = await db.query<CompanyContact>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName", title, emails, phones, social_handles AS "socialHandles"
       FROM contacts WHERE workspace_id = $1 AND company_id = $2 FOR UPDATE`,
    [workspaceId, companyId],
  );
  return rows;
}

/** Rewrites contacts' search text in one statement (a company may have thousands of contacts). */
export async function setContactsSearchText(db: Queryable, workspaceId: string, ids: string[], texts: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE contacts c SET search_text = u.text
       FROM unnest($2::uuid[], $3::text[]) AS u(id, text)
      WHERE c.workspace_id = $1 AND c.id = u.id`,
    [workspaceId, ids, texts],
  );
}

/** Takes the contacts out of the company, with their search text rebuilt without its name. */
export async function detachContacts(db: Queryable, workspaceId: string, ids: string[], texts: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE contacts c SET company_id = NULL, search_text = u.text, updated_at = $4
       FROM unnest($2::uuid[], $3::text[]) AS u(id, text)
      WHERE c.workspace_id = $1 AND c.id = u.id`,
    [workspaceId, ids, texts, at],
  );
}
