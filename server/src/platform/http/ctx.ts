import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/db.js';
import type { Ctx } from '../context.js';
import { requirePrincipal } from '../auth/auth.service.js';

/** The use-case context of an authenticated request. */
export function ctxOf(request: FastifyRequest, db: Queryable): Ctx {
  const principal = requirePrincipal(request.principal);
  return { workspaceId: principal.workspaceId, actor: principal, db, requestId: request.id };
}
