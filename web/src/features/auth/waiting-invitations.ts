/**
 * The invitations a refused sign-in offers: an account that belongs to no workspace (its last one
 * removed it) is refused with `no_workspace`, listing the invitations it can sign in by accepting.
 */
import { ApiError } from '../../lib/api';

export interface WaitingInvitation {
  id: string;
  workspace: { id: string; name: string };
  role: string;
}

const isInvitation = (value: unknown): value is WaitingInvitation => {
  if (typeof value !== 'object' || value === null) return false;
  const { id, workspace, role } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof role === 'string' &&
    typeof workspace === 'object' &&
    workspace !== null &&
    typeof (workspace as Record<string, unknown>).name === 'string'
  );
};

export function waitingInvitations(error: unknown): WaitingInvitation[] {
  if (!(error instanceof ApiError) || error.code !== 'no_workspace') return [];
  const listed = error.problem.invitations;
  return Array.isArray(listed) ? listed.filter(isInvitation) : [];
}
