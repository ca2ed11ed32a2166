/** Shapes the API returns (mirrors the server's response schemas). */
export interface Session {
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string; slug: string };
  role: 'owner' | 'admin' | 'agent' | 'viewer';
  recordScope: 'all' | 'team' | 'own';
  teamIds: string[];
  csrfToken: string | null;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Contact {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  title: string;
  emails: { address: string; label?: string }[];
  phones: { number: string; label?: string }[];
  socialHandles: { network: string; handle: string; url?: string }[];
  companyId: string | null;
  companyName: string | null;
  ownerId: string | null;
  teamId: string | null;
  lifecycleStage: string;
  tags: string[];
  custom: Record<string, unknown>;
  importantDates: { kind: string; date: string; label?: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
  recordScope: string;
  teamIds: string[];
  createdAt: string;
}

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'advocate', 'churned', 'other'] as const;
