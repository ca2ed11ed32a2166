/**
 * Headers that tell browsers how carefully to treat what Rapport serves. No answer is read as
 * another type than it says: a JSON answer holding a contact's text is never run as a script or
 * shown as a page. The web app's pages (and the API reference) are never shown inside another
 * site's frame, where a click meant for that site could land on a Rapport button, and tell other
 * sites only where a link came from, not the page's full address with its record ids and searches.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

const HTML = /^text\/html\b/i;

/** Also called by whatever answers without the hooks: the router's own refusals (`frameworkErrors`). */
export function refuseSniffing(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
}

/** Register before any plugin whose routes should carry them: a scope keeps the hooks it was made with. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    refuseSniffing(reply);
    if (HTML.test(String(reply.getHeader('content-type') ?? ''))) {
      reply.header('referrer-policy', 'strict-origin-when-cross-origin');
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy', "frame-ancestors 'none'");
    }
    return payload;
  });
}
