/** Channels (a connector with its settings) and their health, as the API returns them. */
import type { Network } from '../../lib/types';

/** A network's own connector, or a sandbox that stands in for a network and sends nothing anywhere. */
export type ChannelKind = Network | 'sandbox';
export type HealthState = 'ok' | 'failing' | 'paused' | 'new';

export interface ChannelError {
  at: string;
  code: string;
  message: string;
}

export interface ChannelHealth {
  state: HealthState;
  lastSuccessAt: string | null;
  lastItemAt: string | null;
  lastErrorAt: string | null;
  lagSeconds: number | null;
  errorCount: number;
  recentErrors: ChannelError[];
  itemsIn: number;
  itemsOut: number;
  nextPollAt: string | null;
  /** Webhook requests refused as unsigned or wrongly signed, or held back while paused; they do not change the state. */
  refusedDeliveries: { count: number; lastAt: string | null; recent: ChannelError[] };
}

/** What the server says of a channel's secrets: which are stored (never their values), the user names, and whether they still open. */
export interface StoredCredentials {
  /** False once the server secret changed: the secrets must be entered again. */
  readable: boolean;
  names: string[];
  /** Stored values that are not secret (e-mail user names); for admins only. */
  shown: Record<string, string>;
}

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  storedCredentials: StoredCredentials;
  status: 'active' | 'paused';
  teamId: string | null;
  purpose: ChannelPurpose;
  health: ChannelHealth;
  createdAt: string;
  updatedAt: string;
}

export type ChannelPurpose = 'inbox' | 'listening';

export interface NewChannel {
  kind: ChannelKind;
  name: string;
  teamId?: string | null;
  purpose?: ChannelPurpose;
  config: Record<string, unknown>;
  credentials?: Record<string, string | null>;
}

export interface ChannelChange {
  name?: string;
  teamId?: string | null;
  purpose?: ChannelPurpose;
  config?: Record<string, unknown>;
  /** Each one sent replaces the stored one, null removes it; the others are kept. */
  credentials?: Record<string, string | null>;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  /** Why the test failed (auth_failed, unreachable…); null when it passed. */
  code: string | null;
}
