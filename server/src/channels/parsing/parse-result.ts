/**
 * What every format parser returns, and the collector parsers fill it through. The collector is
 * the one place where a draft message is checked against the schema, so no parser can hand the
 * pipeline a message that would fail later.
 */
import {
  MAX_HTML,
  authorProblem,
  messageProblem,
  type Author,
  type ChannelKind,
  type FormatName,
  type NormalisedMessage,
  type RawRef,
} from '../message.schema.js';

/**
 * Why an item did not become a message. `not-a-message` is a valid item of another kind (a like,
 * a follow, a tweet count) that is skipped rather than dead-lettered; the others are errors.
 */
export type RejectionCode = 'malformed' | 'invalid' | 'not-a-message' | 'too-large' | 'empty';

export interface Rejection {
  /** The item's position (as in `RawRef.index`); null when the file or a whole line is at fault. */
  index: number | null;
  /** 1-based line of a JSON Lines file. */
  line?: number;
  code: RejectionCode;
  reason: string;
}

/** A person's profile met outside a message (a Mastodon account, a Jetstream profile update). */
export interface ProfileRecord {
  channel: ChannelKind;
  author: Author;
  raw: RawRef;
}

/** The source says a message is gone (a Mastodon `delete`, a Jetstream delete commit). */
export interface Deletion {
  channel: ChannelKind;
  externalId: string;
  deletedAt?: Date;
  raw: RawRef;
}

export interface ParseResult {
  format: FormatName;
  messages: NormalisedMessage[];
  profiles: ProfileRecord[];
  deletions: Deletion[];
  rejected: Rejection[];
}

export interface ParseOptions {
  /**
   * When the file was fetched or received. Becomes `receivedAt` where the source gives none, and the
   * `sentAt` of a feed entry that carries no date (what feed readers do); parsers never read the clock.
   */
  receivedAt?: Date;
  /** The channel's own identities (account ids, handles, addresses): their messages go 'out'. */
  self?: readonly string[];
  /** Largest input accepted, in bytes (default 64 MiB). */
  maxInputBytes?: number;
}

/**
 * What parsers accept: text, bytes (decoded by the parser, which knows its format's charset rules)
 * or, for the JSON formats, an already-parsed value. Anything else is rejected, never trusted.
 */
export type ParserInput = unknown;

export type Parser = (input: ParserInput, options?: ParseOptions) => ParseResult | Promise<ParseResult>;

/** A message before validation: optional fields may be undefined and are dropped. */
export type MessageDraft = Omit<NormalisedMessage, 'raw' | 'direction' | 'receivedAt'> & {
  direction?: NormalisedMessage['direction'];
  receivedAt?: Date;
};

export class ResultCollector {
  readonly result: ParseResult;
  private readonly self: Set<string>;
  private nextItem = 0;

  constructor(
    format: FormatName,
    private readonly options: ParseOptions = {},
  ) {
    this.result = { format, messages: [], profiles: [], deletions: [], rejected: [] };
    this.self = new Set((options.self ?? []).map((id) => id.toLowerCase()));
  }

  get format(): FormatName {
    return this.result.format;
  }

  get receivedAt(): Date | undefined {
    return this.options.receivedAt;
  }

  /** Items are numbered in file order across pages and lines, so an index finds the item again. */
  nextIndex(): number {
    return this.nextItem++;
  }

  ref(index: number, line?: number): RawRef {
    return line === undefined ? { format: this.result.format, index } : { format: this.result.format, index, line };
  }

  /** Validates the draft; a message that fails the schema is rejected with the field at fault. */
  message(draft: MessageDraft, index: number, line?: number): void {
    const message = compact({
      ...draft,
      // Cut HTML is broken HTML: over the limit it is dropped, and the (capped) text remains.
      html: draft.html !== undefined && draft.html.length <= MAX_HTML ? draft.html : undefined,
      author: compact(draft.author),
      attachments: draft.attachments.map((a) => compact(a)),
      direction: draft.direction ?? (this.isSelf(draft.author) ? 'out' : 'in'),
      receivedAt: draft.receivedAt ?? this.options.receivedAt,
      raw: this.ref(index, line),
    }) as NormalisedMessage;
    const problem = messageProblem(message);
    if (problem) this.reject(index, 'invalid', problem, line);
    else this.result.messages.push(message);
  }

  profile(channel: ChannelKind, author: Author, index: number, line?: number): void {
    const clean = compact(author);
    const problem = authorProblem(clean);
    if (problem) this.reject(index, 'invalid', `profile: ${problem}`, line);
    else this.result.profiles.push({ channel, author: clean, raw: this.ref(index, line) });
  }

  deletion(channel: ChannelKind, externalId: string, index: number, deletedAt?: Date, line?: number): void {
    this.result.deletions.push(compact({ channel, externalId, deletedAt, raw: this.ref(index, line) }));
  }

  reject(index: number | null, code: RejectionCode, reason: string, line?: number): void {
    this.result.rejected.push(line === undefined ? { index, code, reason } : { index, line, code, reason });
  }

  isSelf(author: Pick<Author, 'externalId' | 'handle' | 'email'>): boolean {
    if (this.self.size === 0) return false;
    return [author.externalId, author.handle, author.email].some((id) => id !== undefined && this.self.has(id.toLowerCase()));
  }
}

/** Drops undefined properties, so optional fields are absent rather than present-but-undefined. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}
