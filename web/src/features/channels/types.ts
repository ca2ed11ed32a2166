/** Channels (a connector with its settings) and their health, as the API returns them. */
import type { Network } from '../../lib/types';

export type ChannelKind = Network;
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
  /** Webhook requests refused as unsigned or wrongly signed; they do not change the state. */
  refusedDeliveries: { count: number; lastAt: string | null; recent: ChannelError[] };
}

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
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
  credentials?: Record<string, string>;
}

export interface ChannelChange {
  name?: string;
  teamId?: string | null;
  purpose?: ChannelPurpose;
  config?: Record<string, unknown>;
  credentials?: Record<string, string>;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  /** Why the test failed (auth_failed, unreachable…); null when it passed. */
  code: string | null;
}
