/**
 * The owner and team an imported row names by id, as Rapport's exports write them. They are kept
 * when they are this workspace's member and team. A file from another workspace names members and
 * teams that are not here, and a member limited to their own records may only import records they
 * own: then the record goes without them, and the report lists the owner or team left out. An
 * owner or team given as none (an empty cell) is none.
 */
import type { Ctx } from '../../platform/context.js';

export interface Owners {
  members: ReadonlySet<string>;
  teams: ReadonlySet<string>;
}

/** How the report words what happens to the record without the owner or team the row named. */
export interface OwnershipWords {
  /** The records, plural: "contacts". */
  records: string;
  /** When the owner is left out: "the contact is the importer's". */
  withoutOwner: string;
  /** When the team is left out: "the contact has no team". */
  withoutTeam: string;
}

/** What a report quotes of a file's id: cut short if it is long (a file may hold anything there). */
export const quoted = (value: string) => `"${value.slice(0, 40)}"`;

/**
 * The owner and team to give the record: undefined leaves the record's own (the importer, no team
 * for a new one). `skip` hears of each one left out, with why.
 */
export function ownershipOf(
  ctx: Ctx,
  references: { ownerId?: string | null; teamId?: string | null },
  owners: Owners,
  words: OwnershipWords,
  skip: (field: 'ownerId' | 'teamId', reason: string) => void,
): { ownerId?: string | null; teamId?: string | null } {
  const { ownerId, teamId } = references;
  const chosen: { ownerId?: string | null; teamId?: string | null } = {};
  const restricted = ctx.actor.recordScope !== 'all' && ctx.actor.kind !== 'system';
  if (ownerId === null && !restricted) chosen.ownerId = null;
  else if (ownerId && ownerId.toLowerCase() === ctx.actor.userId) chosen.ownerId = ctx.actor.userId;
  else if (ownerId) {
    if (restricted) skip('ownerId', `${quoted(ownerId)} is not you; you can only import ${words.records} you own`);
    else if (owners.members.has(ownerId.toLowerCase())) chosen.ownerId = ownerId.toLowerCase();
    else skip('ownerId', `${quoted(ownerId)} is not a member of this workspace; ${words.withoutOwner}`);
  }
  if (teamId === null) chosen.teamId = null;
  else if (teamId && owners.teams.has(teamId.toLowerCase())) chosen.teamId = teamId.toLowerCase();
  else if (teamId) skip('teamId', `${quoted(teamId)} is not a team of this workspace; ${words.withoutTeam}`);
  return chosen;
}
