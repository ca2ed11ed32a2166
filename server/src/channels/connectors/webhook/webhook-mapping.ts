/**
 * Turns a generic webhook delivery into normalised messages, following the channel's field
 * mapping. Each item is validated like any parser's output: a bad item becomes a rejection (a dead
 * letter) naming the field, and the rest of the delivery still goes in.
 */
import { Type, type Static } from 'typebox';
import { messageProblem } from '../../message.schema.js';
import type { NormalisedMessage, Rejection } from '../../index.js';
import { JsonPointer, resolvePointer } from './json-pointer.js';

export const FieldMapping = Type.Object(
  {
    externalId: JsonPointer,
    text: JsonPointer,
    authorId: JsonPointer,
    authorName: Type.Optional(JsonPointer),
    authorEmail: Type.Optional(JsonPointer),
    sentAt: Type.Optional(JsonPointer),
    threadKey: Type.Optional(JsonPointer),
    inReplyTo: Type.Optional(JsonPointer),
    title: Type.Optional(JsonPointer),
    url: Type.Optional(JsonPointer),
  },
  { additionalProperties: false, description: 'Where each field of a message is in an item' },
);
export type FieldMapping = Static<typeof FieldMapping>;

export interface MappingSettings {
  mapping: FieldMapping;
  /** Where the list of messages is; absent: the body is one message, or an array of them. */
  itemsPath?: string;
  isPrivate?: boolean;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** ISO 8601 text, or a Unix time in seconds or milliseconds. */
function instant(value: unknown): Date | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string') {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  return null;
}

const REQUIRED = ['externalId', 'text', 'authorId'] as const;

/** Names the mapped fields an item lacks and where the mapping looked, so the sender or the mapping can be fixed. */
function missingReason(missing: readonly (typeof REQUIRED)[number][], mapping: FieldMapping): string {
  const fields = missing.map((field) => `${field} (at ${mapping[field] === '' ? 'the item itself' : mapping[field]})`);
  return `the item has no ${fields.join(', ')}`;
}

function blankTextReason(mapping: FieldMapping): string {
  return `the item's text (at ${mapping.text === '' ? 'the item itself' : mapping.text}) is empty`;
}

function itemsOf(body: unknown, settings: MappingSettings): unknown[] | null {
  const items = settings.itemsPath === undefined ? body : resolvePointer(body, settings.itemsPath);
  if (Array.isArray(items)) return items;
  return items !== null && typeof items === 'object' ? [items] : null;
}

export function mapDelivery(
  body: unknown,
  settings: MappingSettings,
  receivedAt: Date,
): { messages: NormalisedMessage[]; rejected: Rejection[] } {
  const messages: NormalisedMessage[] = [];
  const rejected: Rejection[] = [];
  const items = itemsOf(body, settings);
  if (!items)
    return {
      messages,
      rejected: [{ index: null, code: 'malformed', reason: `no message object at ${settings.itemsPath ?? 'the top level'}` }],
    };
  const { mapping } = settings;
  items.forEach((item, index) => {
    const at = (pointer: string | undefined) => (pointer === undefined ? undefined : resolvePointer(item, pointer));
    const authorId = text(at(mapping.authorId));
    const authorName = text(at(mapping.authorName)) ?? authorId;
    const sentAt = instant(at(mapping.sentAt));
    if (sentAt === null) return void rejected.push({ index, code: 'invalid', reason: 'sentAt is not a date' });
    const draft = {
      channel: 'webhook',
      externalId: text(at(mapping.externalId)),
      threadKey: text(at(mapping.threadKey)),
      inReplyToExternalId: text(at(mapping.inReplyTo)),
      author: {
        externalId: authorId,
        handle: authorName,
        displayName: authorName,
        ...(text(at(mapping.authorEmail)) ? { email: text(at(mapping.authorEmail)) } : {}),
      },
      text: typeof at(mapping.text) === 'string' ? at(mapping.text) : undefined,
      title: text(at(mapping.title)),
      url: text(at(mapping.url)),
      sentAt: sentAt ?? receivedAt,
      receivedAt,
      direction: 'in',
      isPrivate: settings.isPrivate ?? true,
      attachments: [],
      raw: { format: 'webhook', index },
    };
    const missing = REQUIRED.filter((field) => (field === 'authorId' ? authorId : draft[field]) === undefined);
    if (missing.length) return void rejected.push({ index, code: 'invalid', reason: missingReason(missing, mapping) });
    // A generic webhook maps no attachments, so an item without words would be an empty conversation
    // ("(no subject)", "(no text)") with a response clock running on it: a dead letter says what is wrong.
    if (!(draft.text as string).trim()) return void rejected.push({ index, code: 'invalid', reason: blankTextReason(mapping) });
    const message = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
    const problem = messageProblem(message);
    if (problem) rejected.push({ index, code: 'invalid', reason: problem });
    else messages.push(message as NormalisedMessage);
  });
  return { messages, rejected };
}

/**
 * A delivery's raw body read with the channel's settings: the JSON, then the mapping. What the
 * webhook endpoint does after checking the signature, and what replaying a dead-lettered delivery
 * does with the settings as they are now (a fixed mapping takes what the old one refused).
 */
export function readDelivery(
  payload: string,
  settings: MappingSettings,
  receivedAt: Date,
): { messages: NormalisedMessage[]; rejected: Rejection[] } {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch (error) {
    return {
      messages: [],
      rejected: [
        { index: null, code: 'malformed', reason: `the body is not JSON: ${error instanceof Error ? error.message : String(error)}` },
      ],
    };
  }
  return mapDelivery(body, settings, receivedAt);
}
