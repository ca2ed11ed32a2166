/** Hand to a team: the mention becomes a case in the inbox, routed to the team (service unless another is chosen). */
import { Type } from 'typebox';
import { handToTeam, teamNamed } from '../../inbox/index.js';
import { RapportError } from '../../platform/http/errors.js';
import { Uuid } from '../../platform/http/schemas.js';
import { registerMentionAction } from './mention-action.js';

/** Team names taken as "the service team" when none is chosen. */
const SERVICE_TEAMS = ['service', 'support', 'customer service', 'customer support', 'care'];

registerMentionAction({
  name: 'hand-to-team',
  label: 'Hand to a team',
  description: 'Make it a case in the inbox, routed to a team (the service team by default)',
  role: 'agent',
  changesConversation: true,
  params: Type.Object({ teamId: Type.Optional(Uuid) }, { additionalProperties: false }),
  async run(ctx, db, mention, params) {
    const teamId = params.teamId ?? (await teamNamed(db, ctx.workspaceId, SERVICE_TEAMS));
    if (!teamId) throw new RapportError('no_team', 422, 'No team was chosen and the workspace has no team named Service or Support');
    await handToTeam(ctx, db, mention.conversationId, teamId);
    return { conversationId: mention.conversationId, summary: 'The mention is a case in the team’s inbox' };
  },
});
