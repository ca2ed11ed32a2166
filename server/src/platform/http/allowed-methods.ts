/**
 * The methods a path answers to, for the 405 (with `Allow`) that a wrong method on an API path gets
 * instead of a 404, which would say the path itself does not exist.
 */
import type { FastifyInstance } from 'fastify';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The methods whose routes match `path`. A catch-all route (the web app's `/*`, which sends API
 * paths on to the 404) is no resource of the path and is left out.
 */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    return route !== null && !('*' in route.params);
  });
}
