/** The Fastify instance type every domain registers routes on, and the request decorations. */
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Role } from '../context.js';
import type { Principal, TokenScope } from '../auth/principal.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Who may call a route: anyone, or a signed-in member with at least this role. */
export type RouteGuard = 'public' | 'authenticated' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: RouteGuard;
    /**
     * The API token scopes the route needs, when its method says otherwise: a POST that only
     * reads (a preview, a rendering) needs `read`, one that also answers with what it read needs both.
     * By default a GET needs `read` and any other method `write`.
     */
    scopes?: readonly TokenScope[];
    /** Creates honour an Idempotency-Key header. */
    idempotent?: boolean;
    /**
     * The body field carrying a file's text, which the route judges itself: a binary file holds NUL
     * characters, and "the file looks binary" helps more than the NUL every other field refuses.
     */
    fileText?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
