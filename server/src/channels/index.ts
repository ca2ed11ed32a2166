/**
 * The channels domain as other domains see it. So far: turning recorded channel payloads into
 * normalised messages (pure functions, no database); connectors, sync state and health follow.
 */
export { FORMATS, detectFormat, isFormatName, parseFile, type FormatDefinition } from './formats.js';
export {
  CHANNEL_KINDS,
  FORMAT_NAMES,
  NormalisedMessage,
  messageProblem,
  type Attachment,
  type Author,
  type ChannelKind,
  type FormatName,
  type Metrics,
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
