import type { RecordScope, Role } from '../../lib/types';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
  createdAt: string;
}

export const ROLES: { value: Role; label: string; description: string }[] = [
  { value: 'owner', label: 'Owner', description: 'Everything, including the workspace itself' },
  { value: 'admin', label: 'Admin', description: 'Settings, members and all records' },
  { value: 'agent', label: 'Agent', description: 'Works with records: creates and changes them' },
  { value: 'viewer', label: 'Viewer', description: 'Reads records, changes nothing' },
];

export const RECORD_SCOPES: { value: RecordScope; label: string }[] = [
  { value: 'all', label: 'All records' },
  { value: 'team', label: "Their teams' records" },
  { value: 'own', label: 'Only their own records' },
];

/** What adding someone led to: a member at once (a new address) or an invitation (an existing account). */
export type AddedMember =
  (Member & { status: 'active'; notice: null }) | (Omit<Member, 'name'> & { status: 'invited'; name: null; notice: string });

/** An existing account invited to this workspace, known here only by the address it was invited at. */
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
  status: 'invited';
  createdAt: string;
}

/** An invitation the signed-in person has received from another workspace. */
export interface ReceivedInvitation {
  id: string;
  workspace: { id: string; name: string };
  role: Role;
  createdAt: string;
}
