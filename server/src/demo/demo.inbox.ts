/**
 * The demo inbox: conversations from e-mail, Mastodon, X, Messenger and a blog, taken in through
 * the real ingest pipeline (identities, threading, routing events) by a sandbox channel per network
 * so each can be answered, a few already answered, assigned and labelled, and the canned responses
 * a service team starts with.
 */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import type { Author, NormalisedMessage } from '../channels/index.js';
import { enricherRegistry, ingestBatch, storedMessagesSteps } from '../ingest/index.js';
import { createCannedResponse } from '../inbox/canned-response.service.js';
import { listConversations, updateConversation } from '../inbox/conversation.service.js';
import type { DemoChannels } from './demo.channels.js';

const MINUTE = 60_000;

interface DemoMessage {
  network: NormalisedMessage['channel'];
  id: string;
  author: Author;
  text: string;
  minutesAgo: number;
  title?: string;
  replyTo?: string;
  threadKey?: string;
  direction?: 'in' | 'out';
  isPrivate?: boolean;
  html?: string;
}

const person = (externalId: string, displayName: string, handle = externalId, extra: Partial<Author> = {}): Author => ({
  externalId,
  handle,
  displayName,
  ...extra,
});

const ADA = person('ada@analytical.example', 'Ada Lovelace', 'ada@analytical.example', { email: 'ada@analytical.example' });
const KATHERINE = person('katherine@orbit.example', 'Katherine Johnson', 'katherine@orbit.example', { email: 'katherine@orbit.example' });
const ACME_MAIL = person('support@acme.example', 'Acme Support', 'support@acme.example', { email: 'support@acme.example' });
const NOOR = person('109872', 'Noor Haddad', 'noor@fosstodon.example', { profileUrl: 'https://fosstodon.example/@noor', followers: 2_340 });
// Writes on Mastodon too (NOOR): her e-mail makes a contact, which her Mastodon identity is matched against.
const NOOR_MAIL = person('noor.haddad@proton.example', 'Noor Haddad', 'noor.haddad@proton.example', {
  email: 'noor.haddad@proton.example',
});
const ACME_TOOT = person('100001', 'Acme', 'acme@mastodon.example', { profileUrl: 'https://mastodon.example/@acme', followers: 12_800 });
const LEO = person('2244994945', 'Leo Park', 'leopark', { profileUrl: 'https://x.com/leopark', followers: 860 });
const MIA = person('6512345678901234', 'Mia Rossi');
const READER = person('blog-commenter-17', 'Sam Reader');
const BLOG = person('https://blog.acme.example/', 'Acme blog', 'blog.acme.example', { profileUrl: 'https://blog.acme.example/' });

const MESSAGES: DemoMessage[] = [
  {
    network: 'email',
    id: 'invoice-7781@analytical.example',
    author: ADA,
    title: 'Invoice 7781 charged twice',
    text: 'Hello, our card was charged twice for invoice 7781 this month. Could you refund the second charge? Thanks, Ada',
    minutesAgo: 95,
    isPrivate: true,
  },
  {
    network: 'email',
    id: 'login-0412@analytical.example',
    author: ADA,
    title: 'Cannot sign in after the password reset',
    text: 'Hi, since resetting my password this morning the sign-in page says my link has expired. Could you help?',
    minutesAgo: 60 * 24 * 9,
    isPrivate: true,
  },
  {
    network: 'email',
    id: 'seats-2026@orbit.example',
    author: KATHERINE,
    title: 'Pricing for 40 more seats',
    text: 'Hi team, we are rolling Rapport out to the flight dynamics group and need 40 more seats before January. What would the annual price be?',
    minutesAgo: 30,
    isPrivate: true,
  },
  {
    network: 'email',
    id: 'seats-2026-reply@acme.example',
    author: ACME_MAIL,
    title: 'Re: Pricing for 40 more seats',
    text: 'Hi Katherine, thanks for growing with us! I am preparing a quote and will send it today.',
    minutesAgo: 20,
    replyTo: 'seats-2026@orbit.example',
    threadKey: 'seats-2026@orbit.example',
    direction: 'out',
    isPrivate: true,
  },
  {
    network: 'mastodon',
    id: '111000000000000001',
    author: NOOR,
    text: '@acme the new export keeps timing out on large workspaces since yesterday 😕 anyone else?',
    minutesAgo: 240,
  },
  {
    network: 'mastodon',
    id: '111000000000000002',
    author: ACME_TOOT,
    text: '@noor sorry about that! We are looking into it, could you DM us your workspace name?',
    minutesAgo: 200,
    replyTo: '111000000000000001',
    direction: 'out',
  },
  {
    network: 'mastodon',
    id: '111000000000000003',
    author: NOOR,
    text: '@acme sent! Thanks for the quick answer.',
    minutesAgo: 15,
    replyTo: '111000000000000002',
  },
  {
    network: 'email',
    id: 'export-timeout@proton.example',
    author: NOOR_MAIL,
    title: 'Export times out on our workspace',
    text: 'Hi, as promised on Mastodon: our workspace is haddad-studio. Exporting all 80,000 contacts stops after about 30 seconds with a timeout.',
    minutesAgo: 12,
    isPrivate: true,
  },
  {
    network: 'twitter',
    id: '1861000000000000001',
    author: LEO,
    text: 'Thinking about switching our support team to @acme — does it handle Instagram DMs too?',
    minutesAgo: 55,
  },
  {
    network: 'meta',
    id: 'm_demo_0001',
    author: MIA,
    text: 'Ciao! Is there a discount for non-profits? We are a small volunteer association.',
    minutesAgo: 8,
    threadKey: 'messenger:6512345678901234',
    isPrivate: true,
  },
  {
    network: 'rss',
    id: 'https://blog.acme.example/2026/11/winter-release',
    author: BLOG,
    title: 'The winter release is here',
    text: 'Shared inboxes, SLA timers and a faster search: everything in the winter release.',
    minutesAgo: 60 * 26,
  },
  {
    network: 'rss',
    id: 'https://blog.acme.example/2026/11/winter-release#comment-17',
    author: READER,
    text: 'Great release! Would love to see a dark mode for the mobile app next.',
    minutesAgo: 60 * 5,
    replyTo: 'https://blog.acme.example/2026/11/winter-release',
  },
];

function normalised(message: DemoMessage, now: number, index: number): NormalisedMessage {
  const sentAt = new Date(now - message.minutesAgo * MINUTE);
  return {
    channel: message.network,
    externalId: message.id,
    ...(message.threadKey ? { threadKey: message.threadKey } : {}),
    ...(message.replyTo ? { inReplyToExternalId: message.replyTo } : {}),
    author: message.author,
    text: message.text,
    ...(message.title ? { title: message.title } : {}),
    sentAt,
    receivedAt: sentAt,
    direction: message.direction ?? 'in',
    isPrivate: message.isPrivate ?? false,
    attachments: [],
    raw: { format: 'webhook', index },
  };
}

const CANNED = [
  {
    name: 'Thanks, looking into it',
    shortcut: 'thanks',
    body: 'Hi {{contact.firstName}}, thanks for writing! I am looking into it now and will get back to you shortly.\n\n{{agent.name}}',
  },
  {
    name: 'Refund on its way',
    shortcut: 'refund',
    body: 'Hi {{contact.firstName}}, the refund is on its way and should show within 5 business days.\n\n{{agent.name}}',
  },
  {
    name: 'Ask for details',
    shortcut: 'details',
    body: 'Could you tell us a bit more (workspace name, what you clicked, what you saw)? That helps us fix it fast.',
  },
];

export async function seedDemoInbox(ctx: Ctx, db: Db, channels: DemoChannels, people: { sales: string; service: string }): Promise<void> {
  const now = Date.now();
  for (const network of new Set(MESSAGES.map((m) => m.network))) {
    const messages = MESSAGES.map((m, i) => [m, i] as const).filter(([m]) => m.network === network);
    await ingestBatch(
      db,
      {
        source: { workspaceId: ctx.workspaceId, channelId: await channels.channelFor(network, 'inbox'), kind: 'file' },
        messages: messages.map(([m, i]) => normalised(m, now, i)),
      },
      { enrichers: enricherRegistry.list(), steps: storedMessagesSteps.list() },
    );
  }
  for (const canned of CANNED) await createCannedResponse(ctx, db, canned);

  const { data } = await listConversations(ctx, { view: 'all', limit: 50 });
  const bySubject = (start: string) => data.find((c) => c.subject.startsWith(start));
  const refund = bySubject('Invoice 7781');
  if (refund) await updateConversation(ctx, db, refund.id, { assigneeId: people.service, priority: 'high', labels: ['billing'] });
  const seats = bySubject('Pricing for 40');
  if (seats) await updateConversation(ctx, db, seats.id, { assigneeId: people.sales, labels: ['sales', 'upsell'], status: 'pending' });
  for (const done of ['The winter release', 'Cannot sign in']) {
    const conversation = bySubject(done);
    if (conversation) await updateConversation(ctx, db, conversation.id, { status: 'resolved' });
  }
}
