/** Reading and changing a workspace's identity-resolution settings; changes are audited. */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { changes, recordEvents } from '../../platform/events/event.js';
import { invalid } from '../../platform/http/errors.js';
import { listCustomFields } from '../../crm/index.js';
import * as repo from './identity-settings.repo.js';
import { DEFAULT_IDENTITY_SETTINGS, type IdentitySettings, type IdentitySettingsInput } from './identity-settings.schema.js';

export async function identitySettingsOf(db: Queryable, workspaceId: string): Promise<IdentitySettings> {
  return (await repo.findSettings(db, workspaceId)) ?? DEFAULT_IDENTITY_SETTINGS;
}

export async function putIdentitySettings(ctx: Ctx, db: Db, input: IdentitySettingsInput): Promise<IdentitySettings> {
  const known = new Set((await listCustomFields(ctx.db, ctx.workspaceId, 'contact')).map((field) => field.key));
  const unknown = input.identifierFields.filter((key) => !known.has(key));
  if (unknown.length) throw invalid([{ field: 'identifierFields', reason: `${unknown.join(', ')} is not a contact custom field` }]);
  return db.transaction(async (tx) => {
    const before = await identitySettingsOf(tx, ctx.workspaceId);
    const after: IdentitySettings = { ...input, updatedAt: new Date() };
    await repo.saveSettings(tx, ctx.workspaceId, after);
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'identity_settings.updated',
        subjectType: 'identity_settings',
        subjectId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        data: changes(b, a),
      },
    ]);
    return after;
  });
}
