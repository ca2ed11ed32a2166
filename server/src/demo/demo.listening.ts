/**
 * The demo's listening: a brand query, two competitors and a campaign, and a week of public posts
 * about them taken in through the real pipeline (so they carry sentiment, intent and influence and
 * are matched live into mentions), with a spike alert on the brand.
 */
import type { Author, NormalisedMessage } from '../channels/index.js';
import { enricherRegistry, ingestBatch, storedMessagesSteps } from '../ingest/index.js';
import { createAlert } from '../listening/alerts/alert.service.js';
import { createSavedQuery } from '../listening/saved-queries/saved-query.service.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import type { DemoChannels } from './demo.channels.js';

const HOUR = 3_600_000;

const QUERIES = [
  { name: 'Acme', kind: 'brand', query: 'acme OR #acme OR @acme OR "acme rocket*"' },
  { name: 'Globex', kind: 'competitor', query: 'globex OR #globex' },
  { name: 'Initech', kind: 'competitor', query: 'initech OR #initech' },
  { name: 'Spring launch', kind: 'campaign', query: '#acmespring OR ("spring launch" AND acme)' },
] as const;

const author = (id: string, displayName: string, handle: string, followers: number, network: string): Author => ({
  externalId: `${network}-${id}`,
  handle,
  displayName,
  profileUrl: `https://${network}.example/@${handle}`,
  followers,
  following: Math.round(followers / 10) + 50,
  postsCount: 400 + Math.round(followers / 20),
});

type Post = [network: NormalisedMessage['channel'], who: Author, hoursAgo: number, text: string];

const RIVER = author('river', 'River Chen', 'riverchen', 48_200, 'mastodon');
const JO = author('jo', 'Jo Adeyemi', 'joadeyemi', 1_240, 'bluesky');
const MARTA = author('marta', 'Marta Silva', 'martasilva', 310, 'mastodon');
const PAVEL = author('pavel', 'Pavel Novak', 'pnovak', 5_600, 'twitter');
const LENA = author('lena', 'Lena Fischer', 'lenafischer', 92, 'bluesky');
const OMAR = author('omar', 'Omar Haddad', 'omarh', 15_300, 'twitter');
const SUNITA = author('sunita', 'Sunita Rao', 'sunitarao', 780, 'mastodon');
const DEALS = author('deals', 'Best Deals 4U', 'bestdeals4u', 12, 'twitter');

const POSTS: Post[] = [
  ['mastodon', RIVER, 150, 'Three months with the Acme rocket and it still makes me smile every morning. Best purchase this year!'],
  ['bluesky', JO, 140, 'Is there a way to export my Acme reports to CSV? Could not find it in the settings.'],
  ['twitter', PAVEL, 130, 'Comparing Globex and Acme for our team of 40. Globex is cheaper but Acme support has been great so far.'],
  ['mastodon', MARTA, 120, 'Acme app crashed twice today and I lost my draft. Really frustrating.'],
  ['bluesky', LENA, 110, 'Initech printers jam again. Never buying from them again.'],
  ['twitter', OMAR, 100, 'Where can I buy the Acme rocket in Berlin? Need two for the office, happy to pay for express shipping.'],
  ['mastodon', SUNITA, 90, 'It would be great if Acme added a dark mode to the dashboard. Feature request!'],
  ['twitter', DEALS, 85, 'WIN FREE acme rocket!!! click here http://spam.example/win #acme #free #giveaway'],
  ['bluesky', JO, 80, 'Globex just raised prices by 20%. Looking at alternatives.'],
  ['mastodon', RIVER, 70, 'The #acmespring launch event was fun, the new colours look lovely.'],
  ['twitter', PAVEL, 60, 'We signed with Acme. The onboarding call was excellent.'],
  ['bluesky', LENA, 50, 'How do I reset the password on my Acme account? The email never arrives.'],
  ['mastodon', MARTA, 40, 'Not bad: the Acme update fixed the crash I complained about. Thanks!'],
  ['twitter', OMAR, 30, 'Initech support never answered my ticket. Two weeks now.'],
  ['mastodon', SUNITA, 20, 'Loving the #acmespring colours, ordered the green one.'],
  ['bluesky', JO, 12, 'Acme billing charged me twice this month, not happy at all.'],
  ['twitter', PAVEL, 8, 'Globex dashboard is slow but their API is solid.'],
  ['mastodon', RIVER, 5, 'Any Acme users here? Thinking about the enterprise plan, what does it cost for 200 seats?'],
  ['bluesky', LENA, 3, 'Acme is down for me right now, anyone else? Cannot log in.'],
  ['mastodon', MARTA, 2, 'Acme status page says all good but the app will not load. Terrible timing before my demo.'],
  ['twitter', OMAR, 1, 'Acme outage again?? This is the second time this week. Considering switching to Globex.'],
];

function normalised([network, who, hoursAgo, text]: Post, index: number, now: number): NormalisedMessage {
  const sentAt = new Date(now - hoursAgo * HOUR - index * 60_000);
  return {
    channel: network,
    externalId: `demo-listening-${index}`,
    author: who,
    text,
    url: `https://${network}.example/@${who.handle}/${index}`,
    sentAt,
    receivedAt: sentAt,
    direction: 'in',
    isPrivate: false,
    attachments: [],
    metrics: { likes: (index * 7) % 40, shares: (index * 3) % 11, replies: index % 5 },
    raw: { format: 'webhook', index },
  };
}

export async function seedDemoListening(ctx: Ctx, db: Db, channels: DemoChannels): Promise<void> {
  const saved = [];
  for (const query of QUERIES) saved.push(await createSavedQuery(ctx, db, query));
  const now = Date.now();
  for (const network of new Set(POSTS.map(([n]) => n))) {
    const report = await ingestBatch(
      db,
      {
        // Heard in public, not written to us: mentions, kept out of the inbox until someone acts (and
        // then answerable, through the network's sandbox channel).
        source: {
          workspaceId: ctx.workspaceId,
          channelId: await channels.channelFor(network, 'listening'),
          kind: 'file',
          purpose: 'listening',
        },
        messages: POSTS.map((post, i) => [post, i] as const)
          .filter(([post]) => post[0] === network)
          .map(([post, i]) => normalised(post, i, now)),
      },
      { enrichers: enricherRegistry.list(), steps: storedMessagesSteps.list() },
    );
    // A demo that starts with dead letters shows a new user a broken product.
    if (report.rejected) throw new Error(`demo ${network} posts: ${report.rejected} refused; see the dead letters`);
  }
  await createAlert(ctx, db, { name: 'Acme volume spike', queryId: saved[0]!.id, trigger: 'volume' });
  await createAlert(ctx, db, { name: 'Acme outage', queryId: saved[0]!.id, trigger: 'keyword', keyword: 'outage' });
}
