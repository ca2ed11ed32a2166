/**
 * The channels domain as other domains see it: turning recorded channel payloads into normalised
 * messages, whether a kind of channel can carry replies and which network a channel's messages are
 * of (pure functions, no database).
 * Configured channels, their connectors, polling, webhooks and reply delivery are the domain's own
 * business, reached over HTTP and jobs only.
 */
export { FORMATS, detectFormat, isFormatName, parseFile, type FormatDefinition } from './formats.js';
export {
  CHANNEL_KINDS,
  FORMAT_NAMES,
  NETWORKS,
  NormalisedMessage,
  messageProblem,
  type Attachment,
  type Author,
  type ChannelKind,
  type FormatName,
  type Metrics,
  type Network,
  type RawRef,
} from './message.schema.js';
export type {
  Deletion,
  ParseOptions,
  ParseResult,
  Parser,
  ParserInput,
  ProfileRecord,
  Rejection,
  RejectionCode,
} from './parsing/parse-result.js';
export {
  readDelivery as readWebhookDelivery,
  type MappingSettings as WebhookMappingSettings,
} from './connectors/webhook/webhook-mapping.js';
export { safeFetch, type SafeResponse } from './net/safe-fetch.js';
export { PUBLIC_ONLY, type NetPolicy } from './net/address-policy.js';
export { urlProblems } from './connectors/shared.js';
export { replyCapability, replyLengthOn, type ReplyCapability } from './reply-capability.js';
export { replyLength, REPLY_COUNTINGS, type ReplyCounting, type ReplyLength } from './connectors/reply-length.js';
export { channelNetwork } from './channel-network.js';
export { networkName } from './connectors/sandbox/network-names.js';
