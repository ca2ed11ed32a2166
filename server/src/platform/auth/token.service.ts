/** API tokens: shown once on creation, stored as a digest, scoped, revocable. */
import type { Ctx } from '../context.js';
import { newId } from '../db/ids.js';
import { digest, randomToken } from '../crypto/tokens.js';
import { recordEvents } from '../events/event.js';
import { notFound } from '../http/errors.js';
import { requireSignedInPerson } from './signed-in.policy.js';

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: ('read' | 'write')[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_COLUMNS = `id, name, prefix, scopes, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

/** A new credential is a person's to make: a leaked token could otherwise outlive its own revocation through the ones it made. */
export async function createApiToken(ctx: Ctx, input: { name: string; scopes: ('read' | 'write')[] }) {
  requireSignedInPerson(ctx.actor, 'API tokens cannot create API tokens; sign in to create one');
  const secret = randomToken('rpt_');
  const id = newId();
  const scopes = [...new Set(input.scopes)];
  const { rows } = await ctx.db.query<TokenView>(
    `WITH t AS (
       INSERT INTO api_tokens (workspace_id, id, name, token_hash, prefix, scopes, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     SELECT ${TOKEN_COLUMNS} FROM t`,
    [ctx.workspaceId, id, input.name, digest(secret), secret.slice(0, 8), scopes, ctx.actor.userId],
  );
  await recordEvents(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      type: 'api_token.created',
      subjectType: 'api_token',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: { after: { name: input.name, scopes } },
    },
  ]);
  return { ...rows[0]!, token: secret };
}

export async function listApiTokens(ctx: Ctx): Promise<TokenView[]> {
  const { rows } = await ctx.db.query<TokenView>(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE workspace_id = $1 ORDER BY created_at DESC`,
    [ctx.workspaceId],
  );
  return rows;
}

export async function revokeApiToken(ctx: Ctx, id: string) {
  const { rowCount } = await ctx.db.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL',
    [ctx.workspaceId, id],
  );
  if (rowCount === 0) throw notFound('API token');
  await recordEvents(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      type: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: {},
    },
  ]);
}
