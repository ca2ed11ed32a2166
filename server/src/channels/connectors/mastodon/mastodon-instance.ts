/**
 * How long a status may be on a Mastodon-API server, read from its instance document: 500
 * characters is only Mastodon's default, and each instance sets its own (thousands are common;
 * Pleroma and Akkoma start at 5,000). Mastodon 3.x and later say it under
 * `configuration.statuses` (`/api/v2/instance`, and `/api/v1/instance` before Mastodon 4);
 * Pleroma, Akkoma and GoToSocial's v1 documents say `max_toot_chars`.
 */
import type { ServerReplyLength } from '../../connector.js';
import { count, path } from '../../parsing/json.js';

/** The instance documents, newest API first: servers before Mastodon 4 answer only the second. */
export const INSTANCE_PATHS = ['api/v2/instance', 'api/v1/instance'] as const;

/**
 * Larger than any reply the inbox takes (100,000 characters), so no real limit is cut; a number
 * beyond it is a server's mistake or a lie, and the network's usual limit stays.
 */
const MOST = 10_000_000;

const within = (value: number | undefined, least: number) => (value !== undefined && value >= least && value <= MOST ? value : undefined);

/** The server's own reply limit, or null when the document does not give a believable one. */
export function instanceReplyLength(document: unknown): ServerReplyLength | null {
  const statuses = path(document, 'configuration', 'statuses');
  const max = within(count(path(statuses, 'max_characters')), 1) ?? within(count(path(document, 'max_toot_chars')), 1);
  if (max === undefined) return null;
  const urlLength = within(count(path(statuses, 'characters_reserved_per_url')), 0);
  return { max, counting: 'mastodon', ...(urlLength === undefined ? {} : { urlLength }) };
}
