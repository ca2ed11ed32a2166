import { describe, expect, it } from 'vitest';
import { pairFields } from './pair-fields';
import { contactSummary as contact, duplicatePair } from './duplicate-pairs.testing';

const pair = (over: Parameters<typeof duplicatePair>[0]) => duplicatePair({ status: 'merged', ...over });

describe('pairFields', () => {
  it('compares two contacts by the names and title that set them apart', () => {
    const rows = pairFields(
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
    const rows = pairFields(pair({ left: contact({ lifecycleStage: 'lead' }), right: contact({ lifecycleStage: 'customer' }) }));
    expect(rows.find((r) => r.label === 'Lifecycle stage')).toEqual({ label: 'Lifecycle stage', left: 'Lead', right: 'Customer' });
  });

  it('compares an identity by its network, address and handle', () => {
    const identity = { id: 'i', network: 'mastodon', handle: '@kj', displayName: 'KJ', profileUrl: null, avatarUrl: null, email: null };
    const rows = pairFields(pair({ kind: 'identity', identity, right: contact({ handles: ['kj'] }) }));
    expect(rows.map((r) => r.label)).toEqual(['Network', 'E-mail', 'Phone', 'Handle', 'Company']);
    expect(rows[3]).toEqual({ label: 'Handle', left: '@kj', right: ['kj'] });
  });
});
