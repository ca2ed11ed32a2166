/**
 * Acting on a mention is one registry: each action (reply, hand to a team, make a lead, add a
 * contact, and later deals, cases and ideas) registers here with its parameters, so the API, the
 * UI's action menu and the audit trail treat them alike and new ones need no change elsewhere.
 */
import type { Static, TObject } from 'typebox';
import { ROLE_RANK, type Actor, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import type { Mention } from '../mentions/mention.schema.js';

export interface ActionResult {
  /** Where the UI goes next. */
  conversationId?: string;
  contactId?: string;
  /** What happened, in a sentence for the person who acted. */
  summary: string;
}

export interface MentionAction<P extends TObject = TObject> {
  name: string;
  label: string;
  description: string;
  /** Least role that may run it. */
  role: 'agent' | 'admin';
  /**
   * Whether it changes the mention's conversation, which the inbox shows a member limited to their
   * own or their teams' records only when it is theirs: a heard post's conversation is nobody's
   * until someone brings it into the inbox, so for them it would answer "not found".
   */
  changesConversation?: true;
  params: P;
  run(ctx: Ctx, db: Db, mention: Mention, params: Static<P>): Promise<ActionResult>;
}

const actions = new Map<string, MentionAction>();

export function registerMentionAction<P extends TObject>(action: MentionAction<P>): void {
  if (actions.has(action.name)) throw new Error(`a mention action named "${action.name}" is already registered`);
  actions.set(action.name, action as unknown as MentionAction);
}

export const mentionAction = (name: string): MentionAction | undefined => actions.get(name);
export const mentionActions = (): readonly MentionAction[] => [...actions.values()];

/** Whether `actor` may use the action on the mentions they see: their role, and their record scope for conversation actions. */
export const mayUse = (actor: Actor, action: MentionAction): boolean =>
  ROLE_RANK[actor.role] >= ROLE_RANK[action.role] && (!action.changesConversation || actor.recordScope === 'all');
