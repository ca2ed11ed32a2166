/**
 * The SQL that generates the listening data set in the database, one slice of messages at a time.
 * Every value is a pure function of the message's number `i` (hashed with `hashint8`), so
 * conversations, messages and mentions made by separate statements agree without looking each
 * other up, and the same size always makes the same data. Ids are valid UUIDv7 shapes that grow
 * with `i`, so each slice is one range of every primary key.
 */
import { NETWORKS, SLOTS_PER_NETWORK } from './mention-vocabulary.js';

export interface DataShape {
  messages: number;
  identities: number;
  queries: number;
  /** The newest message is sent just before this; the oldest `days` earlier. */
  endsAt: Date;
  days: number;
}

/** Id spaces: the first eight hex digits of an id say what it names. */
const IDS = { identity: 2, message: 3, conversation: 4, mention: 5 } as const;

export const idOf = (space: keyof typeof IDS, n: string) =>
  `(lpad(to_hex(${IDS[space]}), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** A uniform number in [0, 1) for `n` and a salt; salts keep the variables independent. */
const unit = (n: string, salt: number) => `((hashint8((${n})::bigint * 64 + ${salt}) & 2147483647)::float8 / 2147483648)`;

/** Picks a value by cumulative shares of a uniform number. */
function weighted(u: string, choices: readonly (readonly [string, number])[]): string {
  let cumulative = 0;
  const cases = choices.slice(0, -1).map(([value, share]) => {
    cumulative += share;
    return `WHEN ${u} < ${cumulative.toFixed(4)} THEN ${value}`;
  });
  return `CASE ${cases.join(' ')} ELSE ${choices.at(-1)![0]} END`;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const networkIndexOf = (conversation: string) =>
  weighted(
    unit(conversation, 1),
    NETWORKS.map(({ share }, n) => [String(n), share] as const),
  );

const networkNames = `ARRAY[${NETWORKS.map((n) => literal(n.network)).join(', ')}]`;

function sentAt(shape: DataShape, i: string): string {
  const stepMs = (shape.days * 86_400_000) / shape.messages;
  const first = shape.endsAt.getTime() - shape.days * 86_400_000;
  return `to_timestamp((${first} + (${i} + 0.5) * ${stepMs}) / 1000.0)`;
}

/** Authors are skewed (a few write much) and live on the conversation's network. */
const authorOf = (shape: DataShape, i: string, network: string) =>
  `(4 * floor(${unit(i, 3)} ^ 2 * ${shape.identities / NETWORKS.length})::bigint + ${network})`;

const LANGUAGES = [
  ['en', 0.55],
  ['es', 0.1],
  ['pt', 0.06],
  ['fr', 0.06],
  ['de', 0.05],
  ['ja', 0.05],
  ['it', 0.03],
  ['nl', 0.02],
  ['tr', 0.02],
  ['ru', 0.02],
  ['ar', 0.02],
  ['und', 0.02],
] as const;
const INTENTS = [
  ['other', 0.4],
  ['question', 0.15],
  ['complaint', 0.15],
  ['praise', 0.15],
  ['purchase', 0.05],
  ['idea', 0.05],
  ['spam', 0.05],
] as const;
const quoted = (choices: readonly (readonly [string, number])[]) => choices.map(([v, s]) => [literal(v), s] as const);

/** $1 workspace. */
export function identitiesSql(shape: DataShape): string {
  return `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, profile_url, followers, following,
      posts_count, first_seen_at, last_seen_at)
    SELECT $1, ${idOf('identity', 'g')}, (${networkNames})[g % ${NETWORKS.length} + 1], 'bench-user-' || g, 'user' || g, 'User ' || g,
      'https://example.social/@user' || g, floor(10 ^ (6 * ${unit('g', 9)} ^ 2))::int, floor(10 ^ (3 * ${unit('g', 10)}))::int,
      floor(10 ^ (4 * ${unit('g', 11)}))::int, ${sentAt(shape, '0')}, ${sentAt(shape, String(shape.messages - 1))}
    FROM generate_series(0, ${shape.identities - 1}) g`;
}

/** $1 workspace, $2..$3 the slice of message numbers (even bounds): a conversation per two messages. */
export function conversationsSql(shape: DataShape): string {
  const last = `least(2 * c + 1, ${shape.messages - 1})`;
  return `INSERT INTO conversations (workspace_id, id, network, thread_key, identity_id, message_count, last_message_at, last_inbound_at,
      created_at, updated_at)
    SELECT $1, ${idOf('conversation', 'c')}, (${networkNames})[n + 1], 'bench-' || (2 * c), ${idOf('identity', authorOf(shape, '2 * c', 'n'))},
      ${last} - 2 * c + 1, ${sentAt(shape, last)}, ${sentAt(shape, last)}, ${sentAt(shape, '2 * c')}, ${sentAt(shape, last)}
    FROM (SELECT c, ${networkIndexOf('c')} AS n FROM generate_series($2::bigint / 2, ($3::bigint - 1) / 2) c) s`;
}

/**
 * $1 workspace, $2..$3 the slice, $4 keywords, $5 hashtags, $6 entity names, $7 entity types.
 * Messages are public inbound posts; their `enrichment` has the shape the NLP enricher stores.
 */
export function messagesSql(shape: DataShape, vocabulary: { keywords: number; hashtags: number; entities: number }): string {
  const entity = (at: string) => `jsonb_build_object('text', ($6::text[])[${at}], 'type', ($7::text[])[${at}])`;
  return `INSERT INTO messages (workspace_id, id, conversation_id, network, external_id, direction, author_identity_id,
      in_reply_to_external_id, title, text, url, language, enrichment, sent_at, received_at)
    SELECT $1, ${idOf('message', 's.i')}, ${idOf('conversation', 's.i / 2')}, t.network, 'bench-' || s.i, 'in',
      ${idOf('identity', authorOf(shape, 's.i', 's.n'))}, CASE WHEN s.i % 2 = 1 THEN 'bench-' || (s.i - 1) END, t.title, t.text,
      'https://' || t.host || '/p/' || s.i,
      CASE WHEN t.network IN ('twitter', 'bluesky') AND s.language <> 'und' THEN s.language END,
      jsonb_build_object('nlp', jsonb_build_object(
        'sentiment', jsonb_build_object('score', s.score, 'label', s.label),
        'language', jsonb_build_object('code', s.language, 'confidence', CASE WHEN s.language = 'und' THEN 0 ELSE round((0.5 + s.u1 / 2)::numeric, 3) END),
        'intent', jsonb_build_object('label', s.intent, 'confidence', round((0.3 + s.u2 * 0.7)::numeric, 3)),
        'hashtags', to_jsonb(($5::text[])[s.hashtag:s.hashtag + s.hashtags - 1]),
        'mentions', CASE WHEN s.u3 < 0.2 THEN jsonb_build_array('user' || floor(s.u2 * ${shape.identities})) ELSE '[]'::jsonb END,
        'urls', CASE WHEN s.u3 > 0.75 THEN jsonb_build_array('https://example.com/a/' || s.i) ELSE '[]'::jsonb END,
        'keywords', to_jsonb(($4::text[])[s.keyword:s.keyword + 4]),
        'entities', CASE s.entities WHEN 0 THEN '[]'::jsonb WHEN 1 THEN jsonb_build_array(${entity('s.entity')})
          ELSE jsonb_build_array(${entity('s.entity')}, ${entity('s.entity + 1')}) END)),
      s.sent_at, s.sent_at + interval '1 second'
    FROM (
      SELECT r.*,
        round((CASE r.label WHEN 'positive' THEN 0.05 + 0.95 * r.u4 WHEN 'negative' THEN -0.05 - 0.95 * r.u4
          ELSE 0.1 * r.u4 - 0.05 END)::numeric, 3) AS score
      FROM (
        SELECT i, ${networkIndexOf('i / 2')} AS n, ${sentAt(shape, 'i')} AS sent_at,
          ${weighted(unit('i', 4), quoted(LANGUAGES))} AS language,
          ${weighted(unit('i', 5), quoted(INTENTS))} AS intent,
          ${weighted(
            unit('i', 6),
            quoted([
              ['positive', 0.3],
              ['negative', 0.2],
              ['neutral', 0.5],
            ]),
          )} AS label,
          ${weighted(unit('i', 7), [
            ['0', 0.45],
            ['1', 0.35],
            ['2', 0.15],
            ['3', 0.05],
          ])} AS hashtags,
          1 + floor(${unit('i', 8)} ^ 3 * ${vocabulary.hashtags - 3})::int AS hashtag,
          1 + floor(${unit('i', 12)} ^ 3 * ${vocabulary.keywords - 5})::int AS keyword,
          ${weighted(unit('i', 13), [
            ['0', 0.5],
            ['1', 0.35],
            ['2', 0.15],
          ])} AS entities,
          1 + floor(${unit('i', 14)} ^ 2 * ${vocabulary.entities - 2})::int AS entity,
          ${unit('i', 15)} AS u1, ${unit('i', 16)} AS u2, ${unit('i', 17)} AS u3, ${unit('i', 18)} AS u4,
          floor(${unit('i', 2)} * ${SLOTS_PER_NETWORK})::int AS text_slot
        FROM generate_series($2::bigint, $3::bigint - 1) i
      ) r
    ) s
    JOIN bench_texts t ON t.slot = s.n * ${SLOTS_PER_NETWORK} + s.text_slot
    ORDER BY s.i`;
}

const sliceOf = (space: 'message' | 'mention', alias: string) =>
  `${alias}.workspace_id = $1 AND ${alias}.id BETWEEN ${idOf(space, '$2::bigint')} AND ${idOf(space, '$3::bigint - 1')}`;

/**
 * $1 workspace, $2..$3 the slice, $4 the query ids, most mentioned first: one mention per message,
 * with the columns mention-facts.ts copies from the message, its enrichment and its author.
 */
export function mentionsSql(shape: DataShape): string {
  return `INSERT INTO mentions (workspace_id, id, query_id, message_id, conversation_id, author_identity_id, network, language, sentiment,
      sentiment_score, intent, influence, sent_at, matched_at)
    SELECT m.workspace_id, ${idOf('mention', 'x.i')}, ($4::uuid[])[1 + floor(${unit('x.i', 20)} ^ 1.6 * ${shape.queries})::int], m.id,
      m.conversation_id, m.author_identity_id, m.network, coalesce(m.language, nullif(x.nlp->'language'->>'code', 'und')),
      x.nlp->'sentiment'->>'label', (x.nlp->'sentiment'->>'score')::real, x.nlp->'intent'->>'label',
      least(100, round(ln(coalesce(a.followers, 0) + 1) * 7))::smallint, m.sent_at, m.sent_at + interval '2 seconds'
    FROM messages m
    CROSS JOIN LATERAL (SELECT substr(m.external_id, 7)::bigint AS i, m.enrichment->'nlp' AS nlp) x
    LEFT JOIN social_identities a ON a.workspace_id = m.workspace_id AND a.id = m.author_identity_id
    WHERE ${sliceOf('message', 'm')}
    ORDER BY m.id`;
}

/** $1 workspace, $2..$3 the slice: the per-query daily volume, bumped as mention.repo.ts bumps it. */
export const dailyVolumeSql = `INSERT INTO mention_daily_volume (workspace_id, query_id, day, mentions, positive, negative, neutral, sentiment_sum)
  SELECT $1, mn.query_id, (mn.sent_at AT TIME ZONE 'UTC')::date, count(*),
    count(*) FILTER (WHERE mn.sentiment = 'positive'), count(*) FILTER (WHERE mn.sentiment = 'negative'),
    count(*) FILTER (WHERE mn.sentiment = 'neutral'), sum(coalesce(mn.sentiment_score, 0)::float8)
  FROM mentions mn WHERE ${sliceOf('mention', 'mn')} AND mn.relevance <> 'irrelevant'
  GROUP BY 2, 3 ORDER BY 2, 3
  ON CONFLICT (workspace_id, query_id, day) DO UPDATE SET
    mentions = mention_daily_volume.mentions + excluded.mentions, positive = mention_daily_volume.positive + excluded.positive,
    negative = mention_daily_volume.negative + excluded.negative, neutral = mention_daily_volume.neutral + excluded.neutral,
    sentiment_sum = mention_daily_volume.sentiment_sum + excluded.sentiment_sum`;

/** $1 workspace, $2..$3 the slice: the daily network × language breakdowns, bumped as mention.repo.ts bumps them. */
export const dailyRollupsSql = `INSERT INTO mention_daily (workspace_id, query_id, day, network, language, mentions, positive, negative,
    neutral, sentiment_sum)
  SELECT $1, mn.query_id, (mn.sent_at AT TIME ZONE 'UTC')::date, mn.network, coalesce(mn.language, ''), count(*),
    count(*) FILTER (WHERE mn.sentiment = 'positive'), count(*) FILTER (WHERE mn.sentiment = 'negative'),
    count(*) FILTER (WHERE mn.sentiment = 'neutral'), sum(coalesce(mn.sentiment_score, 0)::float8)
  FROM mentions mn WHERE ${sliceOf('mention', 'mn')} AND mn.relevance <> 'irrelevant'
  GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
  ON CONFLICT (workspace_id, query_id, day, network, language) DO UPDATE SET
    mentions = mention_daily.mentions + excluded.mentions, positive = mention_daily.positive + excluded.positive,
    negative = mention_daily.negative + excluded.negative, neutral = mention_daily.neutral + excluded.neutral,
    sentiment_sum = mention_daily.sentiment_sum + excluded.sentiment_sum`;

/** $1 workspace, $2..$3 the slice: the per-query hourly volume, bumped as mention.repo.ts bumps it. */
export const hourlyVolumeSql = `INSERT INTO mention_hourly (workspace_id, query_id, bucket, mentions, positive, negative, neutral, sentiment_sum)
  SELECT $1, mn.query_id, date_trunc('hour', mn.sent_at, 'UTC'), count(*),
    count(*) FILTER (WHERE mn.sentiment = 'positive'), count(*) FILTER (WHERE mn.sentiment = 'negative'),
    count(*) FILTER (WHERE mn.sentiment = 'neutral'), sum(coalesce(mn.sentiment_score, 0)::float8)
  FROM mentions mn WHERE ${sliceOf('mention', 'mn')} AND mn.relevance <> 'irrelevant'
  GROUP BY 2, 3 ORDER BY 2, 3
  ON CONFLICT (workspace_id, query_id, bucket) DO UPDATE SET
    mentions = mention_hourly.mentions + excluded.mentions, positive = mention_hourly.positive + excluded.positive,
    negative = mention_hourly.negative + excluded.negative, neutral = mention_hourly.neutral + excluded.neutral,
    sentiment_sum = mention_hourly.sentiment_sum + excluded.sentiment_sum`;

/** $1 workspace, $2..$3 the slice: the hourly network × language breakdowns, bumped as mention.repo.ts bumps them. */
export const hourlyBreakdownsSql = `INSERT INTO mention_hourly_breakdowns (workspace_id, query_id, bucket, network, language, mentions, positive,
    negative, neutral, sentiment_sum)
  SELECT $1, mn.query_id, date_trunc('hour', mn.sent_at, 'UTC'), mn.network, coalesce(mn.language, ''), count(*),
    count(*) FILTER (WHERE mn.sentiment = 'positive'), count(*) FILTER (WHERE mn.sentiment = 'negative'),
    count(*) FILTER (WHERE mn.sentiment = 'neutral'), sum(coalesce(mn.sentiment_score, 0)::float8)
  FROM mentions mn WHERE ${sliceOf('mention', 'mn')} AND mn.relevance <> 'irrelevant'
  GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
  ON CONFLICT (workspace_id, query_id, bucket, network, language) DO UPDATE SET
    mentions = mention_hourly_breakdowns.mentions + excluded.mentions, positive = mention_hourly_breakdowns.positive + excluded.positive,
    negative = mention_hourly_breakdowns.negative + excluded.negative, neutral = mention_hourly_breakdowns.neutral + excluded.neutral,
    sentiment_sum = mention_hourly_breakdowns.sentiment_sum + excluded.sentiment_sum`;

/**
 * $1 workspace, $2..$3 the slice: the term rollups, with the terms termsOf() takes from a mention
 * (hashtags without '#', entities, the first five keywords, the author), lower-cased — per query and
 * hour, per query and day, and per month for the query and for every query (query_id NULL), as
 * bumpRollups adds them.
 */
export const termRollupsSql = `WITH counted AS (
    SELECT mn.query_id, date_trunc('hour', mn.sent_at, 'UTC') AS bucket, t.kind, t.term, count(*)::int AS mentions
    FROM mentions mn
    JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
    CROSS JOIN LATERAL (
      SELECT 'hashtag' AS kind, left(lower(btrim(regexp_replace(h, '^#', ''))), 200) AS term
        FROM jsonb_array_elements_text(m.enrichment->'nlp'->'hashtags') h
      UNION ALL SELECT 'entity', left(lower(btrim(e->>'text')), 200) FROM jsonb_array_elements(m.enrichment->'nlp'->'entities') e
      UNION ALL SELECT 'keyword', left(lower(btrim(k.word)), 200)
        FROM jsonb_array_elements_text(m.enrichment->'nlp'->'keywords') WITH ORDINALITY AS k(word, n) WHERE k.n <= 5
      UNION ALL SELECT 'author', mn.author_identity_id::text WHERE mn.author_identity_id IS NOT NULL
    ) t
    WHERE ${sliceOf('mention', 'mn')} AND mn.relevance <> 'irrelevant' AND t.term <> ''
    GROUP BY 1, 2, 3, 4
  ), hourly AS (
    INSERT INTO mention_term_hours (workspace_id, query_id, bucket, kind, term, mentions)
    SELECT $1, query_id, bucket, kind, term, mentions FROM counted ORDER BY 2, 3, 4, 5
    ON CONFLICT (workspace_id, query_id, bucket, kind, term) DO UPDATE SET mentions = mention_term_hours.mentions + excluded.mentions
  ), daily AS (
    INSERT INTO mention_term_rollups (workspace_id, query_id, day, kind, term, mentions)
    SELECT $1, query_id, (bucket AT TIME ZONE 'UTC')::date, kind, term, sum(mentions) FROM counted GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
    ON CONFLICT (workspace_id, query_id, day, kind, term) DO UPDATE SET mentions = mention_term_rollups.mentions + excluded.mentions
  )
  INSERT INTO mention_term_months (workspace_id, query_id, month, kind, term, mentions)
  SELECT $1, q.query_id, date_trunc('month', c.bucket AT TIME ZONE 'UTC')::date, c.kind, c.term, sum(c.mentions)
  FROM counted c CROSS JOIN LATERAL (VALUES (c.query_id), (NULL::uuid)) q(query_id)
  GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
  ON CONFLICT (workspace_id, query_id, month, kind, term) DO UPDATE SET mentions = mention_term_months.mentions + excluded.mentions`;
