/**
 * Acting on a mention is one registry: each action (reply, hand to a team, make a lead, add a
 * contact, and later deals, cases and ideas) registers here with its parameters, so the API, the
 * UI's action menu and the audit trail treat them alike and new ones need no change elsewhere.
 */
import type { Static, TObject } from 'typebox';
import type { Ctx } from '../../platform/context.js';
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
