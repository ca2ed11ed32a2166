/** Use cases for configured channels: create, change, pause, test and remove them. */
import { isDeepStrictEqual } from 'node:util';
import { ROLE_RANK, type Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { newId } from '../platform/db/ids.js';
import { changes, recordEvents, type NewEvent } from '../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId } from '../platform/http/cursor.js';
import { blank, type FieldProblem, invalid, notFound } from '../platform/http/errors.js';
import { asConnectorError, type Connector, type ConnectorChannel } from './connector.js';
import { connectorFor } from './registry.js';
import { openCredentials, sealCredentials } from './channel.credentials.js';
import { schemaProblems } from './channel.validation.js';
import { healthOf } from './health.js';
import { askServerReplyLength } from './server-reply-length.js';
import * as repo from './channel.repo.js';
import type { ChannelRow } from './channel.repo.js';
import type { Channel, ChannelInput, ChannelListQuery, ChannelPatch } from './channel.schema.js';

/** What channel use cases need beyond the request: the server secret that seals credentials. */
export interface ChannelDeps {
  db: Db;
  secret: string;
}

/** How a channel is shown: to admins, with the stored values that are not secret (user names), for the edit form. */
interface Viewer {
  secret: string;
  isAdmin: boolean;
}

export function toChannel(row: ChannelRow, viewer: Viewer, now = new Date()): Channel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    config: row.config,
    hasCredentials: row.credentials !== null,
    storedCredentials: storedCredentials(row, viewer),
    status: row.status,
    teamId: row.team_id,
    purpose: row.purpose,
    health: healthOf(row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Which secrets a channel holds (their names only), whether they can still be opened, and the
 * values its connector calls not secret. The names are sealed with the values, so reading them
 * opens the box; one that no longer opens shows the channel needs its secrets entered again
 * before any delivery or poll fails on it.
 */
function storedCredentials(row: ChannelRow, viewer: Viewer): Channel['storedCredentials'] {
  let credentials: Record<string, unknown> | null;
  try {
    credentials = openCredentials(viewer.secret, row.id, row.credentials);
  } catch {
    return { readable: false, names: [], shown: {} };
  }
  const shownNames = viewer.isAdmin ? (connectorFor(row.kind)?.shownCredentials ?? []) : [];
  const shown: Record<string, string> = {};
  for (const name of shownNames) {
    const value = credentials?.[name];
    if (typeof value === 'string') shown[name] = value;
  }
  return { readable: true, names: Object.keys(credentials ?? {}).sort(), shown };
}

const viewerOf = (ctx: Ctx, deps: ChannelDeps): Viewer => ({ secret: deps.secret, isAdmin: ROLE_RANK[ctx.actor.role] >= ROLE_RANK.admin });

/** The channel as its connector sees it, with credentials opened. */
export function connectorChannel(row: ChannelRow, secret: string): ConnectorChannel<Record<string, unknown>, Record<string, unknown>> {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    name: row.name,
    config: row.config,
    credentials: openCredentials(secret, row.id, row.credentials),
    net: { allowPrivateNetwork: row.config.allowPrivateNetwork === true },
  };
}

function requireConnector(kind: ChannelRow['kind']): Connector {
  const connector = connectorFor(kind);
  if (!connector) throw invalid([{ field: 'kind', reason: `${kind} channels cannot be configured on this server yet` }]);
  return connector;
}

async function checkSettings(
  ctx: Ctx,
  db: Queryable,
  connector: Connector,
  settings: {
    name: string | undefined;
    config: Record<string, unknown>;
    credentials: Record<string, unknown> | undefined;
    teamId: string | null | undefined;
  },
): Promise<void> {
  const problems: FieldProblem[] = [];
  // The schema counts characters; a name of spaces only is stored trimmed, so it is empty.
  if (settings.name !== undefined && !settings.name.trim()) problems.push(blank('name'));
  problems.push(...schemaProblems('config', connector.configSchema, settings.config));
  if (!problems.some((p) => p.field.startsWith('config'))) problems.push(...(connector.checkConfig?.(settings.config) ?? []));
  if (settings.credentials !== undefined)
    problems.push(...schemaProblems('credentials', connector.credentialsSchema, settings.credentials));
  if (settings.teamId && !(await repo.teamExists(db, ctx.workspaceId, settings.teamId))) {
    problems.push({ field: 'teamId', reason: 'is not a team of this workspace' });
  }
  if (problems.length) throw invalid(problems);
}

/** What the audit trail keeps of a channel: its settings, never its secrets. */
function audited(channel: Channel) {
  return {
    kind: channel.kind,
    name: channel.name,
    config: channel.config,
    status: channel.status,
    teamId: channel.teamId,
    hasCredentials: channel.hasCredentials,
  };
}

function event(ctx: Ctx, type: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'channel', subjectId: id, actorId: ctx.actor.userId, data };
}

async function lockChannel(ctx: Ctx, tx: Queryable, id: string): Promise<ChannelRow> {
  const row = await repo.findChannelRow(tx, ctx.workspaceId, id, true);
  if (!row) throw notFound('Channel');
  return row;
}

export async function createChannel(ctx: Ctx, deps: ChannelDeps, input: ChannelInput): Promise<Channel> {
  const connector = requireConnector(input.kind);
  const config = input.config ?? {};
  // A connector whose schema needs secrets refuses a channel without them.
  const credentials = input.credentials ?? {};
  return deps.db.transaction(async (tx) => {
    await checkSettings(ctx, tx, connector, { name: input.name, config, credentials, teamId: input.teamId });
    const now = new Date();
    const id = newId();
    const row = {
      workspace_id: ctx.workspaceId,
      id,
      kind: input.kind,
      name: input.name.trim(),
      config,
      credentials: Object.keys(credentials).length ? sealCredentials(deps.secret, id, credentials) : null,
      status: input.status ?? 'active',
      team_id: input.teamId ?? null,
      purpose: input.purpose ?? 'inbox',
      // Pulling channels are due at once, so a new feed shows its entries within seconds.
      next_poll_at: connector.capabilities.pull ? now : null,
      created_by: ctx.actor.userId,
      created_at: now,
    } as ChannelRow;
    await repo.insertChannel(tx, row);
    const created = toChannel((await repo.findChannelRow(tx, ctx.workspaceId, id))!, viewerOf(ctx, deps), now);
    await recordEvents(tx, [event(ctx, 'channel.created', id, { after: audited(created) })]);
    return created;
  });
}

export async function getChannel(ctx: Ctx, deps: ChannelDeps, id: string): Promise<Channel> {
  const row = await repo.findChannelRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('Channel');
  return toChannel(row, viewerOf(ctx, deps));
}

export async function listChannels(ctx: Ctx, deps: ChannelDeps, query: ChannelListQuery) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  if (after && !isCursorId(after.id)) throw cursorNotGivenOut();
  const rows = await repo.listChannelRows(
    ctx.db,
    ctx.workspaceId,
    { kind: query.kind, status: query.status, afterId: after?.id ?? null },
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const now = new Date();
  return {
    data: page.map((row) => toChannel(row, viewerOf(ctx, deps), now)),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: null, id: last.id }) : null,
  };
}

export async function updateChannel(ctx: Ctx, deps: ChannelDeps, id: string, patch: ChannelPatch): Promise<Channel> {
  return deps.db.transaction(async (tx) => {
    const current = await lockChannel(ctx, tx, id);
    const connector = requireConnector(current.kind);
    const config = patch.config ?? current.config;
    const credentials =
      patch.credentials === undefined
        ? undefined
        : patch.credentials === null
          ? {}
          : changedSecrets(storedSecrets(deps.secret, current), patch.credentials);
    await checkSettings(ctx, tx, connector, { name: patch.name, config, credentials, teamId: patch.teamId });
    const now = new Date();
    // Compared as values: the database keeps a JSON object's keys in its own order, and a form sending
    // them back in another has changed nothing (a change starts the channel over from scratch).
    const configChanged = patch.config !== undefined && !isDeepStrictEqual(patch.config, current.config);
    const next = {
      ...current,
      name: patch.name?.trim() ?? current.name,
      config,
      credentials:
        credentials === undefined
          ? current.credentials
          : Object.keys(credentials).length
            ? sealCredentials(deps.secret, id, credentials)
            : null,
      team_id: patch.teamId === undefined ? current.team_id : patch.teamId,
      purpose: patch.purpose ?? current.purpose,
      // New settings (another feed URL) start from scratch: the old ETag means nothing there, and the next poll is now.
      cursor: configChanged ? {} : current.cursor,
      // New secrets are tried at once too, rather than after the backoff the old ones earned (up to hours).
      next_poll_at: (configChanged || patch.credentials !== undefined) && connector.capabilities.pull ? now : current.next_poll_at,
      // Another server (a new instance URL) has a limit of its own, asked at that poll.
      reply_length: configChanged ? null : current.reply_length,
      reply_length_checked_at: configChanged ? null : current.reply_length_checked_at,
      updated_at: now,
    };
    await repo.updateChannelSettings(tx, next);
    const before = audited(toChannel(current, viewerOf(ctx, deps), now));
    const after = toChannel((await repo.findChannelRow(tx, ctx.workspaceId, id))!, viewerOf(ctx, deps), now);
    const data: Record<string, unknown> = changes(before, audited(after));
    if (patch.credentials !== undefined) data.credentialsChanged = true;
    await recordEvents(tx, [event(ctx, 'channel.updated', id, data)]);
    return after;
  });
}

/**
 * The secrets a channel holds, for an edit to change some of them. Sealed under an earlier server
 * secret they no longer open and are worth nothing: the edit then replaces them, as it is the way
 * to repair the channel.
 */
function storedSecrets(serverSecret: string, row: ChannelRow): Record<string, unknown> {
  try {
    return openCredentials(serverSecret, row.id, row.credentials) ?? {};
  } catch {
    return {};
  }
}

/**
 * The secrets after an edit: those sent replace the stored ones of the same name, a null removes
 * one, and the others stay. Nobody can read the stored secrets back, so changing one password
 * must not mean typing all the others again, nor lose them.
 */
function changedSecrets(stored: Record<string, unknown>, sent: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...stored, ...sent };
  for (const [name, value] of Object.entries(sent)) if (value === null) delete next[name];
  return next;
}

export async function setChannelStatus(ctx: Ctx, deps: ChannelDeps, id: string, status: Channel['status']): Promise<Channel> {
  return deps.db.transaction(async (tx) => {
    const current = await lockChannel(ctx, tx, id);
    if (current.status === status) return toChannel(current, viewerOf(ctx, deps));
    const connector = requireConnector(current.kind);
    const now = new Date();
    await repo.updateChannelSettings(tx, {
      ...current,
      status,
      // Resuming polls at once rather than after a backoff earned before the pause.
      next_poll_at: status === 'active' && connector.capabilities.pull ? now : current.next_poll_at,
      updated_at: now,
    });
    const after = toChannel((await repo.findChannelRow(tx, ctx.workspaceId, id))!, viewerOf(ctx, deps), now);
    await recordEvents(tx, [
      event(ctx, 'channel.updated', id, changes(audited(toChannel(current, viewerOf(ctx, deps), now)), audited(after))),
    ]);
    return after;
  });
}

export async function deleteChannel(ctx: Ctx, deps: ChannelDeps, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await lockChannel(ctx, tx, id);
    await repo.deleteChannelRow(tx, ctx.workspaceId, id);
    await recordEvents(tx, [event(ctx, 'channel.deleted', id, { before: audited(toChannel(current, viewerOf(ctx, deps))) })]);
  });
}

/**
 * "Test connection": asks the connector to reach the source with the stored settings. It changes
 * nothing, not even the health, but what the source says of itself: a Mastodon instance's own
 * reply limit, kept for the channel's conversations and told in the answer.
 */
export async function testChannel(ctx: Ctx, deps: ChannelDeps, id: string) {
  const row = await repo.findChannelRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('Channel');
  const connector = requireConnector(row.kind);
  try {
    const channel = connectorChannel(row, deps.secret);
    const result = await connector.test(channel);
    if (!result.ok) return { ...result, code: null };
    // The connection works; a server that cannot say its limit now keeps the one it said before.
    const replyLength = await askServerReplyLength(ctx.db, connector, row, channel, new Date()).catch(() => null);
    const told = replyLength ? ` Replies may be up to ${replyLength.max.toLocaleString('en')} characters long here.` : '';
    return { ...result, message: result.message + told, code: null };
  } catch (error) {
    const failure = asConnectorError(error);
    return { ok: false, message: failure.message, code: failure.code };
  }
}
