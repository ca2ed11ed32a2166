/** Shapes the API returns that every feature shares (mirrors the server's response schemas). */
export type Role = 'owner' | 'admin' | 'agent' | 'viewer';
export type RecordScope = 'all' | 'team' | 'own';

export interface Session {
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string; slug: string };
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
  csrfToken: string | null;
  /** Every workspace the person belongs to, this one included. */
  workspaces: { id: string; name: string; role: Role }[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface List<T> {
  data: T[];
}

/** The sorts every record list offers. */
export const RECORD_SORTS = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'createdAt', label: 'Oldest first' },
  { value: '-updatedAt', label: 'Recently changed' },
];

/** The networks conversations and channels come from. */
export const NETWORKS = ['rss', 'email', 'mastodon', 'bluesky', 'twitter', 'meta', 'reddit', 'webhook'] as const;
export type Network = (typeof NETWORKS)[number];
