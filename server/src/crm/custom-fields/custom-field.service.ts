/** Defining custom fields, and the cached definitions record validation reads on every write. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { blank, conflict, invalid, notFound } from '../../platform/http/errors.js';
import type { CustomField, CustomFieldInput, CustomFieldPatch, FieldEntity } from './custom-field.schema.js';

const COLUMNS = `id, entity, key, label, type, options, required, position, created_at AS "createdAt"`;
const CACHE_TTL_MS = 5_000;
const cache = new Map<string, { fields: CustomField[]; until: number }>();

export async function listCustomFields(db: Queryable, workspaceId: string, entity?: FieldEntity): Promise<CustomField[]> {
  const { rows } = await db.query<CustomField>(
    `SELECT ${COLUMNS} FROM custom_fields WHERE workspace_id = $1 AND ($2::text IS NULL OR entity = $2) ORDER BY entity, position, label`,
    [workspaceId, entity ?? null],
  );
  return rows;
}

/** Definitions for validation; cached briefly because every create and update reads them. */
export async function fieldsFor(db: Queryable, workspaceId: string, entity: FieldEntity): Promise<CustomField[]> {
  const key = `${workspaceId}:${entity}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.fields;
  const fields = await listCustomFields(db, workspaceId, entity);
  cache.set(key, { fields, until: Date.now() + CACHE_TTL_MS });
  return fields;
}

function forget(workspaceId: string) {
  for (const entity of ['contact', 'company']) cache.delete(`${workspaceId}:${entity}`);
}

/** The label as shown on forms and columns; one that trims to nothing is refused. */
function cleanLabel(label: string): string {
  const trimmed = label.trim();
  if (!trimmed) throw invalid([blank('label')]);
  return trimmed;
}

/**
 * Options trimmed, as a value is picked from them by its text: ` Pro` and `Pro` would be two
 * options that look the same, and an option of spaces an empty entry in the picker.
 */
function checkOptions(type: string, raw: string[] | undefined): string[] | undefined {
  const options = raw?.map((option) => option.trim());
  const empty = options?.findIndex((option) => !option) ?? -1;
  if (empty >= 0) throw invalid([blank(`options.${empty}`)]);
  if ((type === 'select' || type === 'multi_select') && (!options || options.length === 0)) {
    throw invalid([{ field: 'options', reason: `a ${type} field needs at least one option` }]);
  }
  if (options && new Set(options).size !== options.length) throw invalid([{ field: 'options', reason: 'must not repeat' }]);
  return options;
}

export async function createCustomField(ctx: Ctx, input: CustomFieldInput): Promise<CustomField> {
  const label = cleanLabel(input.label);
  const options = checkOptions(input.type, input.options);
  const id = newId();
  const { rows } = await ctx.db.query<CustomField>(
    `INSERT INTO custom_fields (workspace_id, id, entity, key, label, type, options, required, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [ctx.workspaceId, id, input.entity, input.key, label, input.type, options ?? [], input.required ?? false, input.position ?? 0],
  );
  if (!rows[0]) throw conflict('custom_field_exists', `A ${input.entity} field with key ${input.key} exists`);
  await recordEvents(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      type: 'custom_field.created',
      subjectType: 'custom_field',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: { after: { ...input, label, ...(options ? { options } : {}) } },
    },
  ]);
  forget(ctx.workspaceId);
  return rows[0];
}

export async function changeCustomField(ctx: Ctx, id: string, patch: CustomFieldPatch): Promise<CustomField> {
  const { rows: found } = await ctx.db.query<CustomField>(`SELECT ${COLUMNS} FROM custom_fields WHERE workspace_id = $1 AND id = $2`, [
    ctx.workspaceId,
    id,
  ]);
  const before = found[0];
  if (!before) throw notFound('Custom field');
  const label = patch.label === undefined ? before.label : cleanLabel(patch.label);
  const options = patch.options ? checkOptions(before.type, patch.options)! : before.options;
  const { rows } = await ctx.db.query<CustomField>(
    `UPDATE custom_fields SET label = $3, options = $4, required = $5, position = $6
      WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [ctx.workspaceId, id, label, options, patch.required ?? before.required, patch.position ?? before.position],
  );
  await recordEvents(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      type: 'custom_field.changed',
      subjectType: 'custom_field',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: { before, after: rows[0] },
    },
  ]);
  forget(ctx.workspaceId);
  return rows[0]!;
}

export async function deleteCustomField(ctx: Ctx, id: string): Promise<void> {
  const { rowCount } = await ctx.db.query('DELETE FROM custom_fields WHERE workspace_id = $1 AND id = $2', [ctx.workspaceId, id]);
  if (rowCount === 0) throw notFound('Custom field');
  await recordEvents(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      type: 'custom_field.deleted',
      subjectType: 'custom_field',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: {},
    },
  ]);
  forget(ctx.workspaceId);
}
