/** All SQL for contacts. Every statement is scoped by workspace and by the actor's record access. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { hiddenFromPlanner } from '../../platform/db/hidden-from-planner.js';
import { listLimit } from '../../platform/db/limit.js';
import type { WritePartAt } from '../../platform/db/write-part.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { RankedPosition } from '../shared/list-cursor.js';
import { afterRank, rankedPage, rankedSearchPage, type Ranked, type RankedPage } from '../shared/ranked-page.js';
import { recordScope } from '../shared/record-access.js';
import { hasTags } from '../shared/tags.js';
import { inSearchMode, isSearch, searchCondition, searchModeOf, workspaceCondition, type SearchMode } from '../shared/search-text.js';
import type { Contact, ContactListQuery, ContactSort } from './contact.schema.js';

export interface ContactRow {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  title: string;
  emails: Contact['emails'];
  phones: Contact['phones'];
  socialHandles: Contact['socialHandles'];
  companyId: string | null;
  ownerId: string | null;
  teamId: string | null;
  lifecycleStage: string;
  tags: string[];
  custom: Record<string, unknown>;
  importantDates: Contact['importantDates'];
  address: Contact['address'];
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

/** How many health reasons a contact row carries: the strongest ones, so a list row stays small. */
export const LISTED_HEALTH_REASONS = 3;

const SCORE = `s.tier, s.health::int AS health, CASE WHEN s.contact_id IS NULL THEN NULL ELSE (
    SELECT coalesce(jsonb_agg(reason ORDER BY abs((reason->>'effect')::float8) DESC, reason->>'code'), '[]'::jsonb)
      FROM (SELECT reason FROM jsonb_array_elements(s.health_reasons) reason
             ORDER BY abs((reason->>'effect')::float8) DESC, reason->>'code' LIMIT ${LISTED_HEALTH_REASONS}) strongest
  ) END AS "healthReasons"`;

const SELECT = `c.id, c.display_name AS "displayName", c.first_name AS "firstName", c.last_name AS "lastName", c.title,
  c.emails, c.phones, c.social_handles AS "socialHandles", c.company_id AS "companyId", co.name AS "companyName",
  c.owner_id AS "ownerId", c.team_id AS "teamId", c.lifecycle_stage AS "lifecycleStage", c.tags, c.custom,
  c.important_dates AS "importantDates", c.address, c.created_at AS "createdAt", c.updated_at AS "updatedAt", ${SCORE}`;

/**
 * Tier, health and the strongest reasons for it are the relationship domain's scores (its jobs
 * write `contact_scores`); lists show them, at one primary-key lookup per contact on the page.
 * Null until first scored.
 */
const LIST_JOINS = `LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id
  LEFT JOIN contact_scores s ON s.workspace_id = c.workspace_id AND s.contact_id = c.id`;
const FROM = `contacts c ${LIST_JOINS}`;

/** The stored columns of `contacts` in insert order (search_vector is generated). Bulk writers use it too. */
export const CONTACT_COLUMNS = [
  'workspace_id',
  'id',
  'first_name',
  'last_name',
  'display_name',
  'title',
  'emails',
  'phones',
  'social_handles',
  'company_id',
  'owner_id',
  'team_id',
  'lifecycle_stage',
  'tags',
  'custom',
  'important_dates',
  'search_text',
  'created_at',
  'updated_at',
  'address',
] as const;

/** The row by column name, JSON columns as values (so a JSON document of rows keeps them as JSON). */
function columnValues(workspaceId: string, row: ContactRow): Record<(typeof CONTACT_COLUMNS)[number], unknown> {
  return {
    workspace_id: workspaceId,
    id: row.id,
    first_name: row.firstName,
    last_name: row.lastName,
    display_name: row.displayName,
    title: row.title,
    emails: row.emails,
    phones: row.phones,
    social_handles: row.socialHandles,
    company_id: row.companyId,
    owner_id: row.ownerId,
    team_id: row.teamId,
    lifecycle_stage: row.lifecycleStage,
    tags: row.tags,
    custom: row.custom,
    important_dates: row.importantDates,
    search_text: row.searchText,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    address: row.address,
  };
}

const JSON_COLUMNS: ReadonlySet<string> = new Set(['emails', 'phones', 'social_handles', 'custom', 'important_dates', 'address']);

/** The row as statement parameters in CONTACT_COLUMNS order, JSON columns serialised. */
function values(workspaceId: string, row: ContactRow): unknown[] {
  const byColumn = columnValues(workspaceId, row);
  return CONTACT_COLUMNS.map((column) => {
    const value = byColumn[column];
    return JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value;
  });
}

const PLACEHOLDERS = CONTACT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');

/** Reading back a contact just inserted without a company: nothing to join, no scores yet. */
const READ_BACK_NEW = `SELECT ${SELECT.replace('co.name AS "companyName"', 'NULL::text AS "companyName"').replace(SCORE, 'NULL::text AS tier, NULL::int AS health, NULL::jsonb AS "healthReasons"')} FROM c`;

/**
 * Inserts the contact and its `contact.created` event in one statement: one round trip, and
 * atomic without an explicit transaction (the hot path of API creates and imports).
 */
export async function insertContact(ctx: Ctx, row: ContactRow, companyIdMustExist: boolean): Promise<Contact | null> {
  const params = values(ctx.workspaceId, row);
  params.push(ctx.actor.userId);
  const guardCompany = companyIdMustExist ? `WHERE EXISTS (SELECT 1 FROM companies WHERE workspace_id = $1 AND id = $10)` : '';
  // Without a company there is nothing to join: reading the row back is cheaper without it.
  const readBack = companyIdMustExist ? `SELECT ${SELECT} FROM ${FROM.replace('contacts c', 'c')}` : READ_BACK_NEW;
  const { rows } = await ctx.db.query<Contact>(
    `WITH c AS (
       INSERT INTO contacts (${CONTACT_COLUMNS.join(', ')}) SELECT ${PLACEHOLDERS} ${guardCompany} RETURNING *
     ), e AS (
       INSERT INTO events (workspace_id, type, subject_type, subject_id, actor_id, data)
       SELECT c.workspace_id, 'contact.created', 'contact', c.id::text, $${params.length}::uuid,
              jsonb_build_object('after', to_jsonb(c) - 'search_vector' - 'search_text' - 'workspace_id')
         FROM c
     )
     ${readBack}`,
    params,
  );
  return rows[0] ?? null;
}

/**
 * Inserting rows without a company, each with its `contact.created` event: the rows travel as one
 * JSON array (`$rows`) read back as `contacts` records, the actor as `$actor`. The insert is a
 * common table expression `name AS (…)` returning the rows; the events' insert reads it.
 */
function insertRowsWithEvents(name: string, rows: number, actor: number): { cte: string; events: string } {
  return {
    cte: `${name} AS (
       INSERT INTO contacts (${CONTACT_COLUMNS.join(', ')})
       SELECT ${CONTACT_COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::contacts, $${rows}::jsonb)
       RETURNING *
     )`,
    events: `INSERT INTO events (workspace_id, type, subject_type, subject_id, actor_id, data)
       SELECT c.workspace_id, 'contact.created', 'contact', c.id::text, $${actor}::uuid,
              jsonb_build_object('after', to_jsonb(c) - 'search_vector' - 'search_text' - 'workspace_id')
         FROM ${name} c`,
  };
}

/** Inserts many contacts without a company, each with its event, in one statement. Returns them in no particular order. */
export async function insertContactRows(ctx: Ctx, rows: readonly ContactRow[]): Promise<Contact[]> {
  if (rows.length === 0) return [];
  const insert = insertRowsWithEvents('c', 1, 2);
  const { rows: inserted } = await ctx.db.query<Contact>(`WITH ${insert.cte}, e AS (${insert.events}) ${READ_BACK_NEW}`, [
    JSON.stringify(rows.map((row) => columnValues(ctx.workspaceId, row))),
    ctx.actor.userId,
  ]);
  return inserted;
}

/**
 * `insertContactRows` as a part of a caller's statement, reading nothing back. Other parts see
 * none of these rows (one snapshot) but may refer to them: references are checked when it ends.
 */
export function contactRowsWrite(ctx: Ctx, rows: readonly ContactRow[]): WritePartAt {
  return (first) => {
    if (rows.length === 0) return null;
    const insert = insertRowsWithEvents('new_contacts', first, first + 1);
    return {
      ctes: insert.cte,
      sql: insert.events,
      params: [JSON.stringify(rows.map((row) => columnValues(ctx.workspaceId, row))), ctx.actor.userId],
    };
  };
}

export async function findContact(
  ctx: Ctx,
  id: string,
  db: Queryable = ctx.db,
  forUpdate = false,
): Promise<(Contact & { searchText?: string }) | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = recordScope(ctx.actor, 'c', params);
  const { rows } = await db.query<Contact>(
    `SELECT ${SELECT} FROM ${FROM} WHERE c.workspace_id = $1 AND c.id = $2 AND ${scope}${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

export async function updateContactRow(db: Queryable, workspaceId: string, row: ContactRow) {
  const params = values(workspaceId, row);
  // created_at is rewritten with its unchanged value so parameter positions match the insert.
  const sets = CONTACT_COLUMNS.slice(2).map((column) => `${column} = $${CONTACT_COLUMNS.indexOf(column) + 1}`);
  await db.query(`UPDATE contacts SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`, params);
}

/** The stored row as it is, by column name (all but the generated search vector), to be kept whole elsewhere. */
export async function contactRowSnapshot(db: Queryable, workspaceId: string, id: string): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(c) - 'search_vector' AS row FROM contacts c WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, id],
  );
  return rows[0]?.row ?? null;
}

/** Puts back a row kept by `contactRowSnapshot`, same id and values; false when the id is taken again. */
export async function restoreContactRow(db: Queryable, workspaceId: string, snapshot: Record<string, unknown>): Promise<boolean> {
  // Columns added after the snapshot was taken are left to their defaults.
  const columns = CONTACT_COLUMNS.filter((column) => column === 'workspace_id' || column in snapshot);
  const { rowCount } = await db.query(
    `INSERT INTO contacts (${columns.join(', ')})
     SELECT ${columns.map((column) => (column === 'workspace_id' ? '$1::uuid' : `r.${column}`)).join(', ')}
       FROM jsonb_populate_record(NULL::contacts, $2::jsonb) r
     ON CONFLICT DO NOTHING`,
    [workspaceId, JSON.stringify(snapshot)],
  );
  return rowCount > 0;
}

export async function deleteContactRow(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM contacts WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rowCount > 0;
}

const SORT_COLUMNS: Record<string, { expr: string; cast: string }> = {
  name: { expr: nameKey('c.display_name'), cast: 'text' },
  createdAt: { expr: 'c.created_at', cast: 'timestamptz' },
  updatedAt: { expr: 'c.updated_at', cast: 'timestamptz' },
};

/** The same orders read from `contact_tags`, whose index walks one tag's contacts in them (`name_key` is `nameKey`'s, collated alike). */
const TAG_SORT_COLUMNS: Record<string, { expr: string; cast: string }> = {
  name: { expr: 't.name_key', cast: 'text' },
  createdAt: { expr: 't.created_at', cast: 'timestamptz' },
};

/**
 * A tagged list read from the first tag's entries in `contact_tags`, each joined to its contact;
 * further tags and every other filter are tested on the contact. The filters are the list's own
 * without the tag: a containment test on contacts would tempt the planner back to its GIN index.
 */
function taggedSource(ctx: Ctx, query: ContactListQuery, params: unknown[], mode: SearchMode | null): { from: string; where: string[] } {
  const [first, ...rest] = query.tag!;
  // The tag's size and the workspace's change the estimates, not the best plan (the next entries of
  // one index), so the planner is not shown them. Shown them, it compares the plans for each tag's
  // estimates with the generic one, and where those look cheaper it plans every page: with other
  // statistics for contact_tags it did, at 1.3 ms of the embedded database's time against 0.4 to run.
  const { where } = contactFilters(ctx, { ...query, tag: undefined }, params, mode, { workspaceHidden: true });
  params.push(first);
  where.push(`t.tag = ${hiddenFromPlanner(`tag_key($${params.length}::text)`)}`);
  if (rest.length) where.push(hasTags('c', rest, params));
  return { from: `contact_tags t JOIN contacts c ON c.workspace_id = t.workspace_id AND c.id = t.contact_id ${LIST_JOINS}`, where };
}

export interface ListResult {
  rows: Contact[];
  hasMore: boolean;
  cursorValue: (row: Contact) => string | number | null;
}

/** How a statement with the filters is planned (see hiddenFromPlanner). */
interface FilterPlan {
  /** A ranked search's: by prefix, planned once whatever its words and workspace (see prefixSearchWorkspace). */
  ranked?: boolean;
  /** The workspace hidden from the planner in any mode (a tagged page's, planned once). */
  workspaceHidden?: boolean;
}

/**
 * Filters shared by listing, counting and exporting; `rank` orders search results when there is a
 * query. `mode` is how `q` selects, as searchWithFallback decides it; null for a read without one.
 */
export function contactFilters(
  ctx: Ctx,
  query: ContactListQuery,
  params: unknown[],
  mode: SearchMode | null,
  plan: FilterPlan = {},
): { where: string[]; rank: string | null } {
  const where = [workspaceCondition('c', '$1', Boolean(plan.workspaceHidden || (plan.ranked && mode === 'prefix')))];
  params.push(ctx.workspaceId);
  where.push(recordScope(ctx.actor, 'c', params));
  if (query.stage?.length) {
    params.push(query.stage);
    where.push(`c.lifecycle_stage = ANY($${params.length}::text[])`);
  }
  if (query.tag?.length) where.push(hasTags('c', query.tag, params));
  for (const [key, column] of [
    ['ownerId', 'owner_id'],
    ['teamId', 'team_id'],
    ['companyId', 'company_id'],
  ] as const) {
    const value = query[key];
    if (value) {
      params.push(value);
      where.push(`c.${column} = $${params.length}`);
    }
  }
  if (query.createdAfter) {
    params.push(query.createdAfter);
    where.push(`c.created_at >= $${params.length}`);
  }
  if (query.createdBefore) {
    params.push(query.createdBefore);
    where.push(`c.created_at < $${params.length}`);
  }
  if (!isSearch(query.q)) return { where, rank: null };
  if (!mode) throw new Error('A search is applied in the mode searchWithFallback decides for it');
  const search = searchCondition('c', query.q, params, mode, plan.ranked)!;
  where.push(search.where);
  return { where, rank: search.rank };
}

/**
 * How `q` selects among the contacts the other filters leave (see searchWithFallback), for a read in
 * parts that must keep to one mode: by prefix if any contact matches so; null without a search.
 */
export async function contactSearchMode(ctx: Ctx, query: ContactListQuery): Promise<SearchMode | null> {
  if (!isSearch(query.q)) return null;
  const params: unknown[] = [];
  const { where } = contactFilters(ctx, query, params, 'prefix');
  return searchModeOf(ctx.db, 'contacts c', where, params);
}

/** A page of a search ranked by relevance, the best matches first and ties by id, after the cursor's row. */
export async function searchContacts(
  ctx: Ctx,
  query: ContactListQuery,
  after: RankedPosition | null,
  limit: number,
): Promise<RankedPage<Contact>> {
  const read = async (mode: SearchMode, db: Queryable) => {
    const params: unknown[] = [];
    const { where, rank } = contactFilters(ctx, query, params, mode, { ranked: true });
    if (after) where.push(afterRank(rank!, 'c.id', after, params));
    const { rows } = await db.query<Contact & Ranked>(
      `SELECT ${SELECT}, ${rank} AS "searchRank" FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY "searchRank" DESC, c.id ${listLimit(limit + 1, params, mode === 'fuzzy')}`,
      params,
    );
    return rankedPage(rows, limit, mode);
  };
  return rankedSearchPage(ctx.db, after, read);
}

/** A page of the list in its sort order (by name unless the query says), `q` selecting as one mode for every page. */
export async function listContacts(
  ctx: Ctx,
  query: ContactListQuery,
  after: { v: string | number | null; id: string } | null,
  limit: number,
): Promise<ListResult> {
  // Every page of a sorted search keeps to the mode of the whole search, whatever its own rows hold.
  const mode = await contactSearchMode(ctx, query);
  return inSearchMode(ctx.db, mode, (db) => sortedPage({ ...ctx, db }, query, after, limit, mode));
}

/** A page of the list in its sort order, after the cursor's row. */
async function sortedPage(
  ctx: Ctx,
  query: ContactListQuery,
  after: { v: string | number | null; id: string } | null,
  limit: number,
  mode: SearchMode | null,
): Promise<ListResult> {
  const sort: ContactSort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const key = sort.replace('-', '');
  const params: unknown[] = [];
  const byTag = query.tag?.length && key in TAG_SORT_COLUMNS ? taggedSource(ctx, query, params, mode) : null;
  const where = byTag?.where ?? contactFilters(ctx, query, params, mode).where;
  const column = byTag ? TAG_SORT_COLUMNS[key]! : SORT_COLUMNS[key]!;
  const idColumn = byTag ? 't.contact_id' : 'c.id';
  if (after) {
    params.push(after.v, after.id);
    const op = descending ? '<' : '>';
    where.push(`(${column.expr}, ${idColumn}) ${op} ($${params.length - 1}::${column.cast}, $${params.length}::uuid)`);
  }
  const direction = descending ? 'DESC' : 'ASC';
  // Through contact_tags the order is its index's whatever the tag, so one cached plan serves; on
  // contacts a tag filter's best plan depends on how common the tag is.
  const take = listLimit(limit + 1, params, !byTag && Boolean(query.tag?.length));
  // The sort key comes from SQL so the cursor compares exactly what the database sorted by.
  const { rows } = await ctx.db.query<Contact & { sortKey: string | Date }>(
    `SELECT ${SELECT}, ${column.expr} AS "sortKey" FROM ${byTag?.from ?? FROM} WHERE ${where.join(' AND ')}
      ORDER BY ${column.expr} ${direction}, ${idColumn} ${direction} ${take}`,
    params,
  );
  return {
    rows: rows.slice(0, limit),
    hasMore: rows.length > limit,
    cursorValue: (row) => {
      const key = (row as Contact & { sortKey: string | Date }).sortKey;
      return key instanceof Date ? key.toISOString() : key;
    },
  };
}

export async function companyExists(db: Queryable, workspaceId: string, companyId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM companies WHERE workspace_id = $1 AND id = $2', [workspaceId, companyId]);
  return rows.length > 0;
}

export async function memberExists(db: Queryable, workspaceId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  return rows.length > 0;
}

export async function teamExists(db: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2', [workspaceId, teamId]);
  return rows.length > 0;
}
