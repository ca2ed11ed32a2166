/**
 * What only a signed-in person may do. An API token lives in scripts and integrations, where it leaks:
 * one that could mint credentials or widen anyone's access would turn a leak into a foothold that
 * outlasts its revocation. A token may still take access away (revoke a token, lower a role, remove a
 * member), which a leak cannot turn into more.
 */
import type { Actor } from '../context.js';
import { forbidden } from '../http/errors.js';

/** Refuses an API token with `detail`, which should say what to do instead; people and the system pass. */
export function requireSignedInPerson(actor: Pick<Actor, 'kind'>, detail: string): void {
  if (actor.kind === 'token') throw forbidden(detail);
}
