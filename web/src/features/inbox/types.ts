/** Conversations and messages as the inbox API returns them. */
import type { Network } from '../../lib/types';
import type { ReplyLength } from '../../../../server/src/channels/connectors/reply-length';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const INBOX_VIEWS = ['mine', 'unassigned', 'my_teams', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export type PresenceActivity = 'viewing' | 'replying' | 'left';

export interface Identity {
  id: string;
  network: Network;
  handle: string | null;
  displayName: string | null;
  profileUrl: string | null;
  avatarUrl: string | null;
  email: string | null;
  followers: number | null;
}

export interface Sla {
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  breached: string[];
}

export interface Viewer {
  userId: string;
  name: string;
  activity: PresenceActivity;
}

/** Why replies cannot be sent on a conversation (notes still can). */
export type ReplyUnavailable = 'no_channel' | 'channel_removed' | 'channel_cannot_reply' | 'reply_not_set_up';

/** The longest reply the conversation's network takes, counted its way (the server's own rule, which the composer counts by). */
export type ReplyLimit = ReplyLength;

export interface Conversation {
  id: string;
  network: Network;
  channelId: string | null;
  replyUnavailable: ReplyUnavailable | null;
  /** Null: replies have no length limit (e-mail). */
  replyLimit: ReplyLimit | null;
  subject: string;
  status: ConversationStatus;
  snoozedUntil: string | null;
  priority: Priority;
  assigneeId: string | null;
  teamId: string | null;
  labels: string[];
  isPrivate: boolean;
  isSpam: boolean;
  mergedIntoId: string | null;
  preview: string;
  messageCount: number;
  lastMessageAt: string;
  lastInboundAt: string | null;
  identity: Identity | null;
  contactId: string | null;
  contact: { id: string; displayName: string; tier: string | null } | null;
  sla: Sla;
  viewers?: Viewer[];
  createdAt: string;
  updatedAt: string;
}

export interface ConversationChange {
  status?: ConversationStatus;
  snoozedUntil?: string | null;
  priority?: Priority;
  assigneeId?: string | null;
  teamId?: string | null;
  labels?: string[];
  isSpam?: boolean;
}

/** A view's count is at the asked status, a status's in the asked view (spam left out); spam is the spam folder. */
export interface ConversationCounts {
  views: Record<InboxView, number>;
  statuses: Record<ConversationStatus, number>;
  spam: number;
}

/** The list filters, as kept in the URL and sent to the API. */
export interface ConversationFilters {
  view?: InboxView;
  status?: ConversationStatus;
  network?: Network;
  channelId?: string;
  assigneeId?: string;
  teamId?: string;
  label?: string;
  priority?: Priority;
  q?: string;
  spam?: 'true';
}

export interface Attachment {
  name: string;
  contentType: string;
  size?: number;
  url?: string;
}

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** A colleague a note named who was not notified, as the server reports it. */
export interface UndeliveredMention {
  userId: string;
  name: string;
  reason: 'cannot_see_conversation';
}

export interface Message {
  id: string;
  conversationId: string;
  kind: 'message' | 'note';
  direction: 'in' | 'out';
  author: { identityId: string | null; userId: string | null; name: string | null; handle: string | null };
  title: string | null;
  text: string;
  html: string | null;
  url: string | null;
  attachments: Attachment[];
  sentAt: string;
  receivedAt: string;
  deliveryStatus: DeliveryStatus | null;
  deliveryError: string | null;
  mentions: string[];
  enrichment: Record<string, unknown>;
}

/** The statuses many conversations can be set to at once: snoozing takes a time for each. */
export const BULK_STATUSES = ['open', 'pending', 'resolved'] as const;

/** One change applied to many conversations at once. */
export type BulkAction =
  | { assigneeId: string | null }
  | { status: (typeof BULK_STATUSES)[number] }
  | { addLabels: string[] }
  | { removeLabels: string[] }
  | { isSpam: boolean }
  | { teamId: string | null }
  | { priority: Priority };

export interface LabelSuggestion {
  label: string;
  count: number;
}
