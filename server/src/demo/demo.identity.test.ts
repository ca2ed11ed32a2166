import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../platform/testing/test-app.js';
import { listDuplicates } from '../identity/review/duplicate.service.js';
import { listConversations } from '../inbox/conversation.service.js';
import { seededDemo } from './demo.testing.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('demo identity resolution', () => {
  it('has a duplicate contact and a Mastodon author matched to the contact her e-mail made, waiting for review', async () => {
    const ctx = await seededDemo(t.db);
    const { data: items } = await listDuplicates(ctx, {});
    const pairs = items.map((pair) => ({
      kind: pair.kind,
      names: [
        pair.identity ? `${pair.identity.displayName} on ${pair.identity.network}` : pair.left!.displayName,
        pair.right.displayName,
      ].sort(),
    }));
    expect(pairs).toEqual(
      expect.arrayContaining([
        { kind: 'contact', names: ['Kate Johnson', 'Katherine Johnson'] },
        { kind: 'identity', names: ['Noor Haddad', 'Noor Haddad on mastodon'] },
      ]),
    );
    expect(items).toHaveLength(2);

    // The contact the pair proposes is the one her e-mail made, holding that conversation.
    const noor = items.find((pair) => pair.kind === 'identity')!;
    expect(noor.right.emails).toEqual(['noor.haddad@proton.example']);
    const { data } = await listConversations(ctx, { view: 'all', limit: 50 });
    const mail = data.find((c) => c.subject.startsWith('Export times out'))!;
    expect(mail.contact?.id).toBe(noor.right.id);
  });
});
