import { describe, expect, it } from 'vitest';
import { decidedPairRows } from './decided-pair-rows';
import type { ContactSummary, DuplicateCandidate } from './types';

const contact = (over: Partial<ContactSummary>): ContactSummary => ({
  id: 'c',
  displayName: '',
  firstName: '',
  lastName: '',
  title: '',
  emails: [],
  phones: [],
  handles: [],
  companyName: null,
  lifecycleStage: 'lead',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const pair = (over: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  id: 'p',
  kind: 'contact',
  status: 'merged',
  decision: 'review',
  probability: 0.9,
  weight: 5,
  evidence: [],
  left: null,
  right: contact({}),
  identity: null,
  merge: null,
  createdAt: '2026-01-01T00:00:00Z',
  decidedAt: null,
  decidedBy: null,
  ...over,
});

describe('decidedPairRows', () => {
  it('compares two contacts by the names and title that set them apart', () => {
    const rows = decidedPairRows(
      pair({
        left: contact({ id: 'kate', firstName: 'Kate', lastName: 'Johnson', emails: ['kate@nasa.example'] }),
        right: contact({ id: 'katherine', firstName: 'Katherine', lastName: 'Johnson', title: 'Mathematician' }),
      }),
    );
    expect(rows.find((r) => r.label === 'First name')).toEqual({ label: 'First name', left: 'Kate', right: 'Katherine' });
    expect(rows.find((r) => r.label === 'Title')).toEqual({ label: 'Title', left: '', right: 'Mathematician' });
    expect(rows.find((r) => r.label === 'E-mail')).toEqual({ label: 'E-mail', left: ['kate@nasa.example'], right: [] });
    expect(rows.map((r) => r.label)).not.toContain('Network');
  });

  it('names the lifecycle stages as people read them, not as they are stored', () => {
    const rows = decidedPairRows(pair({ left: contact({ lifecycleStage: 'lead' }), right: contact({ lifecycleStage: 'customer' }) }));
    expect(rows.find((r) => r.label === 'Lifecycle stage')).toEqual({ label: 'Lifecycle stage', left: 'Lead', right: 'Customer' });
  });

  it('compares an identity by its network, address and handle', () => {
    const identity = { id: 'i', network: 'mastodon', handle: '@kj', displayName: 'KJ', profileUrl: null, avatarUrl: null, email: null };
    const rows = decidedPairRows(pair({ kind: 'identity', identity, right: contact({ handles: ['kj'] }) }));
    expect(rows.map((r) => r.label)).toEqual(['Network', 'E-mail', 'Phone', 'Handle', 'Company']);
    expect(rows[3]).toEqual({ label: 'Handle', left: '@kj', right: ['kj'] });
  });
});
