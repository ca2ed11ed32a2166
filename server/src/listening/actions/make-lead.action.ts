/**
 * Make a lead: the author becomes a contact at lifecycle stage lead, owned by the sales team, with
 * the mention on their timeline saying what listening heard (a buying signal, a question, a
 * complaint…), so what is said in public reaches sales. A member who may keep only their own
 * records (or their teams') keeps the lead themselves, still for the sales team to see, rather than
 * being refused: the CRM would not let them make a contact nobody owns.
 */
import { Type } from 'typebox';
import { teamNamed } from '../../inbox/index.js';
import type { Actor } from '../../platform/context.js';
import { Uuid } from '../../platform/http/schemas.js';
import { contactForAuthor } from './author-contact.js';
import { registerMentionAction } from './mention-action.js';
import { heardAs, logMention } from './timeline.js';

const SALES_TEAMS = ['sales', 'business development', 'sales team'];

/** Whether the member may make a contact owned by the team alone: the CRM's record scope rule. */
const mayLeaveToTeam = (actor: Actor, teamId: string) =>
  actor.recordScope === 'all' || actor.kind === 'system' || (actor.recordScope === 'team' && actor.teamIds.includes(teamId));

registerMentionAction({
  name: 'make-lead',
  label: 'Make a lead',
  description: 'Make the author a lead for the sales team, with this mention on their timeline',
  role: 'agent',
  params: Type.Object({ teamId: Type.Optional(Uuid) }, { additionalProperties: false }),
  async run(ctx, db, mention, params) {
    const teamId = params.teamId ?? (await teamNamed(db, ctx.workspaceId, SALES_TEAMS));
    const { contact, created } = await contactForAuthor(ctx, db, mention, {
      lifecycleStage: 'lead',
      ...(teamId ? { teamId, ownerId: mayLeaveToTeam(ctx.actor, teamId) ? null : ctx.actor.userId } : {}),
      tags: ['from-listening'],
    });
    await logMention(ctx, db, { contactId: contact.id, mention, action: 'make-lead', why: heardAs(mention) });
    return {
      contactId: contact.id,
      summary: created ? `${contact.displayName} is a new lead` : `${contact.displayName} is now a lead`,
    };
  },
});
