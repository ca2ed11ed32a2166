/**
 * What the generated mentions talk about, read from the recorded corpora: the texts stored as
 * messages (a fixed number of slots per network, filled in turn from that network's messages), and
 * the words, hashtags and names the enrichment of each generated message draws its keywords,
 * hashtags and entities from. Terms are lower-case and distinct, as the rollups count them.
 */
import type { NormalisedMessage } from '../../server/src/channels/index.js';
import type { Templates } from '../ingest/corpus-messages.js';

/** The public networks mentions come from, with their share of the volume and the host of their links. */
export const NETWORKS = [
  { network: 'twitter', share: 0.4, host: 'x.com' },
  { network: 'bluesky', share: 0.2, host: 'bsky.app' },
  { network: 'mastodon', share: 0.15, host: 'mastodon.social' },
  { network: 'rss', share: 0.25, host: 'blog.example.com' },
] as const;

export const SLOTS_PER_NETWORK = 250;
/** Stored texts are cut here: listening reads posts and article openings, and the cut bounds the data's size. */
const MAX_TEXT = 2_000;

export interface TextSlot {
  slot: number;
  network: string;
  host: string;
  title: string | null;
  text: string;
}

export interface MentionVocabulary {
  keywords: string[];
  hashtags: string[];
  entities: { text: string; type: string }[];
}

export function textSlots(templates: Templates): TextSlot[] {
  const all = [...templates.values()].flat();
  return NETWORKS.flatMap(({ network, host }, n) => {
    const own = all.filter((m) => m.channel === network && m.text.trim().length > 0);
    if (own.length === 0) throw new Error(`the corpora hold no ${network} messages to store as mentions`);
    return Array.from({ length: SLOTS_PER_NETWORK }, (_, k) => {
      const message = own[k % own.length]!;
      return { slot: n * SLOTS_PER_NETWORK + k, network, host, title: message.title ?? null, text: message.text.slice(0, MAX_TEXT) };
    });
  });
}

function mostFrequent(found: Iterable<string>, limit: number, fill: (i: number) => string): string[] {
  const counts = new Map<string, number>();
  for (const term of found) counts.set(term, (counts.get(term) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term]) => term);
  for (let i = 0; ranked.length < limit; i++) if (!counts.has(fill(i))) ranked.push(fill(i));
  return ranked.slice(0, limit);
}

export function mentionVocabulary(templates: Templates): MentionVocabulary {
  const texts = [...templates.values()].flat().map((m: NormalisedMessage) => `${m.title ?? ''} ${m.text}`);
  const words = texts.flatMap((t) => t.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
  const tags = texts.flatMap((t) => [...t.matchAll(/#(\p{L}[\p{L}\p{N}_]{2,})/gu)].map((m) => m[1]!.toLowerCase()));
  const names = texts.flatMap((t) => [...t.matchAll(/(?<=\p{Ll}[,;:]? )\p{Lu}\p{Ll}{3,}(?: \p{Lu}\p{Ll}{3,})?/gu)].map((m) => m[0]));
  const entityNames = mostFrequent(
    names.map((n) => n.toLowerCase()),
    600,
    (i) => `brand${i}`,
  );
  const casing = new Map(names.map((n) => [n.toLowerCase(), n]));
  return {
    keywords: mostFrequent(words, 3_000, (i) => `keyword${i}`),
    hashtags: mostFrequent(tags, 800, (i) => `topic${i}`),
    // Two capitalised words are most often a person's name; one, an organisation or a product.
    entities: entityNames.map((name) => ({ text: casing.get(name) ?? name, type: name.includes(' ') ? 'person' : 'organisation' })),
  };
}
