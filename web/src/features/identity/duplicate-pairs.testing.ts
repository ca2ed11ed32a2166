/** For web unit tests: a contact as a duplicate pair holds it, and a pair, with what a test leaves out filled in. */
import type { ContactSummary, DuplicateCandidate } from './types';

export const contactSummary = (over: Partial<ContactSummary>): ContactSummary => ({
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

export const duplicatePair = (over: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  id: 'p',
  kind: 'contact',
  status: 'open',
  decision: 'review',
  probability: 0.9,
  weight: 5,
  evidence: [],
  left: null,
  right: contactSummary({}),
  identity: null,
  merge: null,
  createdAt: '2026-01-01T00:00:00Z',
  decidedAt: null,
  decidedBy: null,
  ...over,
});
