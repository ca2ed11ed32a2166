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
