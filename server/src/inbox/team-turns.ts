/**
 * Teams handing out conversations in turn, for any number of conversations routed in one
 * transaction: the teams' turns and their agents' loads are read (and locked) once, then each pick
 * moves the turn on and each routed conversation counts toward its agent's load, so the picks come
 * out as if every conversation had been routed in a transaction of its own, one after the other.
 */
import type { Queryable } from '../platform/db/db.js';
import { leastLoaded, nextInTurn } from './assignment.js';
import type { ConversationState } from './conversation.repo.js';
import * as repo from './routing.repo.js';
import type { AssignmentMode } from './routing.schema.js';

export interface TeamTurns {
  /** The agent the team's mode picks, taking the turn; null for manual teams or teams without agents. */
  pick(teamId: string): { userId: string; mode: AssignmentMode } | null;
  /** A conversation saved as `after`: the loads the next picks see follow it, as the stored rows would. */
  saved(before: ConversationState, after: ConversationState): void;
  /** Stores whose turn was last in the teams that took turns. */
  record(): Promise<void>;
}

/** Whether the conversation counts toward its assignee's load, as `teamAgentLoads` counts. */
const isLoad = (c: ConversationState) =>
  c.assigneeId !== null && (c.status === 'open' || c.status === 'pending') && !c.isSpam && c.mergedIntoId === null;

export async function takeTurns(tx: Queryable, workspaceId: string, teamIds: readonly string[]): Promise<TeamTurns> {
  const turns = teamIds.length ? await repo.lockTeamTurns(tx, workspaceId, teamIds) : new Map<string, repo.TeamTurn>();
  const taking = [...turns].filter(([, turn]) => turn.assignment !== 'manual').map(([teamId]) => teamId);
  const agents = new Map<string, string[]>();
  const loads = new Map<string, number>();
  for (const { teamId, userId, open } of taking.length ? await repo.teamAgentLoads(tx, workspaceId, taking) : []) {
    agents.set(teamId, [...(agents.get(teamId) ?? []), userId]);
    loads.set(userId, open);
  }
  const taken = new Set<string>();
  const addLoad = (userId: string, by: number) => {
    const load = loads.get(userId);
    if (load !== undefined) loads.set(userId, load + by);
  };
  return {
    pick(teamId) {
      const turn = turns.get(teamId);
      if (!turn || turn.assignment === 'manual') return null;
      const members = agents.get(teamId) ?? [];
      const userId =
        turn.assignment === 'round_robin'
          ? nextInTurn(members, turn.lastAssignedUserId)
          : leastLoaded(
              members.map((id) => ({ userId: id, open: loads.get(id)! })),
              turn.lastAssignedUserId,
            );
      if (!userId) return null;
      turn.lastAssignedUserId = userId;
      taken.add(teamId);
      return { userId, mode: turn.assignment };
    },
    saved(before, after) {
      if (isLoad(before)) addLoad(before.assigneeId!, -1);
      if (isLoad(after)) addLoad(after.assigneeId!, 1);
    },
    async record() {
      for (const teamId of taken) await repo.recordTurn(tx, workspaceId, teamId, turns.get(teamId)!.lastAssignedUserId!);
    },
  };
}
