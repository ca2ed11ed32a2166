/** Messages and internal notes of a conversation, as the API shows and takes them. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery, Uuid } from '../platform/http/schemas.js';

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const NullableString = Type.Union([Type.String(), Type.Null()]);
const MAX_TEXT = 100_000;

export const Message = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  kind: OneOf(['message', 'note'] as const),
  direction: OneOf(['in', 'out'] as const),
  author: Type.Object({ identityId: NullableString, userId: NullableString, name: NullableString, handle: NullableString }),
  title: NullableString,
  text: Type.String(),
  html: Type.Union([Type.String({ description: 'Sanitised: basic formatting and web links only' }), Type.Null()]),
  url: NullableString,
  attachments: Type.Array(
    Type.Object({
      name: Type.String(),
      contentType: Type.String(),
      size: Type.Optional(Type.Integer()),
      url: Type.Optional(Type.String()),
    }),
  ),
  sentAt: DateTime,
  receivedAt: DateTime,
  deliveryStatus: Type.Union([OneOf(DELIVERY_STATUSES), Type.Null()]),
  deliveryError: NullableString,
  mentions: Type.Array(Type.String()),
  enrichment: Type.Record(Type.String(), Type.Unknown()),
});

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
  attachments: { name: string; contentType: string; size?: number; url?: string }[];
  sentAt: Date;
  receivedAt: Date;
  deliveryStatus: DeliveryStatus | null;
  deliveryError: string | null;
  mentions: string[];
  enrichment: Record<string, unknown>;
}

export const UNDELIVERED_MENTION_REASONS = ['cannot_see_conversation'] as const;

/** A colleague a note named who was not told, and why: the note's author learns it from the answer. */
export const UndeliveredMention = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  reason: OneOf(UNDELIVERED_MENTION_REASONS, { description: 'cannot_see_conversation: their record scope hides it from them' }),
});
export interface UndeliveredMention {
  userId: string;
  name: string;
  reason: (typeof UNDELIVERED_MENTION_REASONS)[number];
}

/** A note as written, with the mentions that notified nobody (a notification would show what they may not see). */
export const NoteResult = Type.Object({ ...Message.properties, undeliveredMentions: Type.Array(UndeliveredMention) });
export interface NoteResult extends Message {
  undeliveredMentions: UndeliveredMention[];
}

export const MessageListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type MessageListQuery = Static<typeof MessageListQuery>;

const Text = Type.String({ minLength: 1, maxLength: MAX_TEXT });

export const ReplyInput = Type.Object(
  {
    text: Text,
    cannedResponseId: Type.Optional(Uuid),
    status: Type.Optional(OneOf(['pending', 'resolved'] as const, { description: 'Left out: the status stays as it is' })),
  },
  { additionalProperties: false },
);
export type ReplyInput = Static<typeof ReplyInput>;

export const NoteInput = Type.Object(
  {
    text: Text,
    mentions: Type.Optional(Type.Array(Uuid, { maxItems: 50, description: 'Members to notify, besides those named as @Name in the text' })),
  },
  { additionalProperties: false },
);
export type NoteInput = Static<typeof NoteInput>;
