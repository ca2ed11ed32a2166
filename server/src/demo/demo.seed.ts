/**
 * The demo workspace created on first start: a small, realistic company with a sales, marketing
 * and service team, customers at every lifecycle stage, and the sign-in printed to the console.
 */
import type { Db } from '../platform/db/db.js';
import type { Ctx } from '../platform/context.js';
import { createWorkspace, createTeam, addMember } from '../platform/workspaces/workspace.service.js';
import { createContact } from '../crm/contacts/contact.service.js';
import type { ContactInput } from '../crm/contacts/contact.schema.js';
import { demoChannels } from './demo.channels.js';
import { seedDemoCrm } from './demo.crm.js';
import { seedDemoInbox } from './demo.inbox.js';
import { seedDemoListening } from './demo.listening.js';
import { recomputeWorkspaceScores } from '../relationship/index.js';
import { syncContacts } from '../identity/index.js';

export const DEMO_OWNER = { email: 'demo@rapport.local', password: 'rapport-demo', name: 'Dana Demo' };

const PEOPLE: ContactInput[] = [
  {
    firstName: 'Ada',
    lastName: 'Lovelace',
    title: 'Head of Engineering',
    emails: [{ address: 'ada@analytical.example', label: 'work' }],
    lifecycleStage: 'customer',
    tags: ['vip', 'engineering'],
    socialHandles: [{ network: 'mastodon', handle: '@ada@mathstodon.xyz', url: 'https://mathstodon.xyz/@ada' }],
    importantDates: [{ kind: 'birthday', date: '1815-12-10' }],
  },
  {
    firstName: 'Grace',
    lastName: 'Hopper',
    title: 'CTO',
    emails: [{ address: 'grace@cobol.example', label: 'work' }],
    phones: [{ number: '+1 202 555 0143', label: 'mobile' }],
    lifecycleStage: 'advocate',
    tags: ['vip'],
    importantDates: [{ kind: 'renewal', date: '2027-03-01', label: 'Enterprise plan renewal' }],
  },
  {
    firstName: 'Alan',
    lastName: 'Turing',
    title: 'Research Lead',
    emails: [{ address: 'alan@bletchley.example' }],
    lifecycleStage: 'opportunity',
    tags: ['research'],
  },
  {
    firstName: 'Katherine',
    lastName: 'Johnson',
    title: 'Flight Dynamics',
    emails: [{ address: 'katherine@orbit.example' }],
    lifecycleStage: 'lead',
    tags: ['inbound'],
  },
  {
    firstName: 'Tim',
    lastName: 'Berners-Lee',
    title: 'Director',
    emails: [{ address: 'tim@w3.example' }],
    lifecycleStage: 'qualified',
    socialHandles: [{ network: 'bluesky', handle: '@timbl.example.social' }],
  },
  {
    firstName: 'Margaret',
    lastName: 'Hamilton',
    title: 'Software Lead',
    emails: [{ address: 'margaret@apollo.example' }],
    lifecycleStage: 'customer',
    tags: ['enterprise'],
  },
  {
    firstName: 'Linus',
    lastName: 'Torvalds',
    title: 'Maintainer',
    emails: [{ address: 'linus@kernel.example' }],
    lifecycleStage: 'subscriber',
    tags: ['newsletter'],
  },
  {
    firstName: 'Hedy',
    lastName: 'Lamarr',
    title: 'Inventor',
    emails: [{ address: 'hedy@spread.example' }],
    lifecycleStage: 'lead',
    tags: ['event-2026'],
  },
  {
    firstName: 'Radia',
    lastName: 'Perlman',
    title: 'Network Architect',
    emails: [{ address: 'radia@stp.example' }],
    lifecycleStage: 'customer',
    tags: ['enterprise', 'networking'],
  },
  {
    firstName: 'José',
    lastName: 'Núñez',
    title: 'Operations Manager',
    emails: [{ address: 'jose.nunez@logistica.example' }],
    phones: [{ number: '+34 600 123 456' }],
    lifecycleStage: 'churned',
    tags: ['win-back'],
  },
  {
    firstName: 'Søren',
    lastName: 'Kierkegaard',
    title: 'Consultant',
    emails: [{ address: 'soren@either-or.example' }],
    lifecycleStage: 'other',
  },
  // The same person as Katherine Johnson, from an event's sign-up list: the duplicate review queue's first pair.
  {
    firstName: 'Kate',
    lastName: 'Johnson',
    title: 'Flight Dynamics Lead',
    emails: [{ address: 'kate.johnson@orbit.example' }],
    phones: [{ number: '+1 757 555 0198', label: 'work' }],
    lifecycleStage: 'lead',
    tags: ['event-2026'],
  },
  {
    firstName: 'Yuki',
    lastName: 'Tanaka',
    title: 'Marketing Director',
    emails: [{ address: 'yuki@sakura.example' }],
    lifecycleStage: 'opportunity',
    tags: ['apac'],
  },
];

/** `secret`: the server secret, which channels are created under (the demo's sandbox channels hold no secrets). */
export async function seedDemo(db: Db, { secret }: { secret: string }): Promise<{ workspaceId: string; ownerId: string }> {
  const { workspaceId, ownerId } = await createWorkspace(db, { name: 'Acme Demo', owner: { ...DEMO_OWNER, role: 'owner' } });
  const ctx: Ctx = {
    workspaceId,
    db,
    requestId: 'seed',
    actor: { kind: 'user', userId: ownerId, role: 'owner', recordScope: 'all', teamIds: [] },
  };
  const sam = await addMember(ctx, db, { email: 'sam@rapport.local', name: 'Sam Sales', password: 'rapport-demo', role: 'agent' });
  const sky = await addMember(ctx, db, { email: 'sky@rapport.local', name: 'Sky Service', password: 'rapport-demo', role: 'agent' });
  await createTeam(ctx, db, { name: 'Sales', memberIds: [ownerId, sam.id] });
  await createTeam(ctx, db, { name: 'Marketing', memberIds: [ownerId] });
  await createTeam(ctx, db, { name: 'Service', memberIds: [sky.id] });
  const contacts = [];
  for (const person of PEOPLE)
    contacts.push(await createContact(ctx, { ...person, ownerId: person.lifecycleStage === 'customer' ? sky.id : ownerId }));
  // Matched now, as the background job would after the first start: the duplicate queue is not empty on first sign-in.
  await syncContacts(
    db,
    workspaceId,
    contacts.map((contact) => contact.id),
  );
  await seedDemoCrm(ctx, db, contacts);
  const channels = demoChannels(ctx, { db, secret });
  await seedDemoInbox(ctx, db, channels, { sales: sam.id, service: sky.id });
  await seedDemoListening(ctx, db, channels);
  // Scores would otherwise wait for the nightly run: the demo shows tiers and health from the start.
  await recomputeWorkspaceScores(db, workspaceId);
  return { workspaceId, ownerId };
}
