/** Which API token scopes a route needs: what the guard enforces and the OpenAPI document shows. */
import type { FastifyContextConfig } from 'fastify';
import type { TokenScope } from './principal.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafe = (method: string) => !SAFE_METHODS.has(method);

/** Those the route declares, else `read` to read and `write` for any other method. */
export function neededScopes(method: string, config: Pick<FastifyContextConfig, 'scopes'> | undefined): readonly TokenScope[] {
  return config?.scopes ?? [isUnsafe(method) ? 'write' : 'read'];
}
