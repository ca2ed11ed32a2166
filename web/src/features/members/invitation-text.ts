/** The words shown for invitations, to the admin who sent one and to the person who received it. */
import { ROLES, type AddedMember, type ReceivedInvitation } from './types';

const roleLabel = (role: string) => (ROLES.find((r) => r.value === role)?.label ?? role).toLowerCase();

/** Told to the admin once someone is added: an existing account is only invited, and keeps its own name and password. */
export function addedMessage(added: AddedMember): string {
  if (added.status === 'active') return `${added.name} was added as ${roleLabel(added.role)}`;
  return `${added.email} already has an account, so it was invited as ${roleLabel(added.role)}: it joins once its owner accepts, and keeps its own name and password.`;
}

export function invitationText(invitation: ReceivedInvitation): string {
  return `${invitation.workspace.name} invited you as ${roleLabel(invitation.role)}`;
}
