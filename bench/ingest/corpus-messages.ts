/**
 * Benchmark messages shaped like real channel traffic: every recorded payload under
 * test/fixtures/corpora is parsed once (by Rapport's own parsers) into templates, and messages are
 * then made from them lazily, one at a time, so a million of them never sit in memory. Each has a
 * unique external id, an author from a skewed pool, and a place in a thread: roots, and replies to
 * a recent open thread of the same format (to its root or its latest reply).
 */
import { detectFormat, parseFile, messageProblem, type FormatName, type NormalisedMessage } from '../../server/src/channels/index.js';
import { CORPUS_FOLDERS, corpusFile, corpusFiles } from '../../server/src/channels/testing/corpora.js';

/** The formats the issue names; the corpora may hold none of some (reported, not faked). */
export const WANTED_FORMATS: readonly FormatName[] = [
  'rss',
  'atom',
  'jsonfeed',
  'eml',
  'mbox',
  'mastodon',
  'jetstream',
  'twitter-v2',
  'meta-webhook',
];

const AUTHORS_PER_FORMAT = 20_000;
const ROOT_SHARE = 0.35;
const OPEN_THREADS = 64;
const MAX_REPLIES = 12;
/** Sent times start here and advance 10 ms per message, so thread order is generation order. */
const FIRST_SENT_AT = Date.UTC(2026, 0, 1);

export type Templates = ReadonlyMap<FormatName, readonly NormalisedMessage[]>;

export async function loadTemplates(): Promise<Templates> {
  const found = new Map<FormatName, NormalisedMessage[]>();
  for (const folder of CORPUS_FOLDERS) {
    for (const name of corpusFiles(folder)) {
      const content = corpusFile(folder, name);
      const format = detectFormat(name, content);
      if (!format || !WANTED_FORMATS.includes(format)) continue;
      const parsed = await parseFile(format, content, { receivedAt: new Date(FIRST_SENT_AT) });
      const valid = parsed.messages.filter((m) => messageProblem(m) === null);
      if (valid.length) found.set(format, [...(found.get(format) ?? []), ...valid]);
    }
  }
  if (found.size === 0) throw new Error('no message templates found in test/fixtures/corpora');
  return found;
}

export function describeTemplates(templates: Templates): Record<string, number> {
  return Object.fromEntries(WANTED_FORMATS.map((format) => [format, templates.get(format)?.length ?? 0]));
}

/** A fast deterministic PRNG (mulberry32): the same seed makes the same messages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface OpenThread {
  root: string;
  last: string;
  replies: number;
  limit: number;
  keyed: boolean;
}

export interface MessageSource {
  /** The next message (generation never ends). */
  next(): NormalisedMessage;
  /** A reply to a stored thread (`threadKey` is its conversation's thread key), stamped now. */
  replyTo(network: string, threadKey: string, url: string): NormalisedMessage;
  readonly made: number;
}

/** Copies a template without its threading, under a fresh id, author and time. */
function fromTemplate(template: NormalisedMessage, externalId: string, author: number, sentAt: Date): NormalisedMessage {
  const { threadKey: _threadKey, inReplyToExternalId: _inReplyTo, rootExternalId: _root, ...rest } = template;
  const a = template.author;
  return {
    ...rest,
    externalId,
    author: {
      ...a,
      externalId: `${a.externalId}~a${author}`,
      handle: `${a.handle}~${author}`.slice(0, 512),
      displayName: `${a.displayName} ${author}`.slice(0, 512),
      ...(a.email ? { email: `a${author}.${a.email}`.slice(0, 320) } : {}),
    },
    sentAt,
  };
}

/** `tag` keeps the external ids of separate sources in one database apart. */
export function messageSource(templates: Templates, tag: string, seed = 1): MessageSource {
  const formats = [...templates.keys()];
  const rand = random(seed);
  const open = new Map<FormatName, OpenThread[]>(formats.map((f) => [f, []]));
  let made = 0;

  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Squaring skews the pool: a few authors write much, most write little, as on real channels.
  const author = () => Math.floor(rand() * rand() * AUTHORS_PER_FORMAT);

  return {
    get made() {
      return made;
    },
    next() {
      const i = made++;
      const format = formats[i % formats.length]!;
      const template = pick(templates.get(format)!);
      const message = fromTemplate(template, `${template.externalId}~${tag}${i}`, author(), new Date(FIRST_SENT_AT + i * 10));
      const threads = open.get(format)!;
      if (threads.length === 0 || rand() < ROOT_SHARE) {
        threads.push({
          root: message.externalId,
          last: message.externalId,
          replies: 0,
          limit: 1 + Math.floor(rand() * MAX_REPLIES),
          keyed: template.threadKey !== undefined,
        });
        if (threads.length > OPEN_THREADS) threads.shift();
        return message;
      }
      const index = Math.floor(rand() * threads.length);
      const thread = threads[index]!;
      const parent = rand() < 0.5 ? thread.root : thread.last;
      thread.last = message.externalId;
      if (++thread.replies >= thread.limit) threads.splice(index, 1);
      return {
        ...message,
        inReplyToExternalId: parent,
        rootExternalId: thread.root,
        ...(thread.keyed ? { threadKey: thread.root } : {}),
      };
    },
    replyTo(network, threadKey, url) {
      const i = made++;
      const format = formats.find((f) => templates.get(f)![0]!.channel === network) ?? formats[0]!;
      const template = pick(templates.get(format)!);
      const message = fromTemplate(template, `${template.externalId}~${tag}${i}`, author(), new Date());
      return { ...message, url, inReplyToExternalId: threadKey, rootExternalId: threadKey };
    },
  };
}
