/** Identity resolution as the API returns it: linked identities, duplicate pairs, merges. */
import type { Contact } from '../contacts/types';

/** One field's part in a match decision: how well it agreed, and the weight that added (log2 odds). */
export interface Evidence {
  field: string;
  level: string;
  weight: number;
}

export type LinkMethod = 'rule' | 'score' | 'manual';

/** The latest decision that tied an identity to its contact. */
export interface IdentityLink {
  method: LinkMethod;
  rule: string | null;
  probability: number | null;
  evidence: Evidence[];
  decidedBy: string | null;
  linkedAt: string;
}

export interface LinkedIdentity extends IdentitySummary {
  followers: number | null;
  link: IdentityLink | null;
}

/** An identity offered by the "link an identity" picker. */
export interface IdentityOption extends IdentitySummary {
  followers: number | null;
  contactId: string | null;
  contactName: string | null;
}

export const DUPLICATE_STATUSES = ['open', 'merged', 'linked', 'dismissed'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];
export type DuplicateKind = 'contact' | 'identity';
export type DuplicateDecision = 'link' | 'review';

export interface ContactSummary {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  title: string;
  emails: string[];
  phones: string[];
  handles: string[];
  companyName: string | null;
  lifecycleStage: string;
  updatedAt: string;
}

/** An identity as every identity view shows it. */
export interface IdentitySummary {
  id: string;
  network: string;
  handle: string | null;
  displayName: string | null;
  profileUrl: string | null;
  avatarUrl: string | null;
  email: string | null;
}

export interface MergeOfPair {
  id: string;
  survivorId: string;
  mergedId: string;
  mergedAt: string;
  /** The survivor's name now; the pair shows both contacts as they were when merged. */
  survivorName: string;
}

/** A pair to review: two contacts, or an identity (left is null) and a contact. */
export interface DuplicateCandidate {
  id: string;
  kind: DuplicateKind;
  status: DuplicateStatus;
  decision: DuplicateDecision;
  probability: number;
  weight: number;
  evidence: Evidence[];
  left: ContactSummary | null;
  right: ContactSummary;
  identity: IdentitySummary | null;
  /** For a merged pair, the merge in place (both sides are shown as they were when merged). */
  merge: MergeOfPair | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export type MergeSide = 'survivor' | 'merged';
export type MergeFieldKind = 'single' | 'list' | 'custom';
export type MergeReason = 'picked' | 'only-one' | 'newer' | 'same' | 'union' | 'further-stage';

export interface MergeField {
  field: string;
  label: string;
  kind: MergeFieldKind;
  survivorValue: unknown;
  mergedValue: unknown;
  pick: MergeSide;
  reason: MergeReason;
}

export interface MergePreview {
  survivor: Contact;
  merged: Contact;
  fields: MergeField[];
  result: Contact;
}

export interface MergeInput {
  survivorId: string;
  mergedId: string;
  picks?: Record<string, MergeSide>;
  duplicateId?: string;
}

export interface ContactMerge {
  id: string;
  survivorId: string;
  mergedId: string;
  mergedName: string;
  picks: Record<string, MergeSide>;
  moved: { activities: number; conversations: number; identities: number };
  mergedBy: string | null;
  mergedAt: string;
  unmergedBy: string | null;
  unmergedAt: string | null;
}

export interface UnmergeResult extends ContactMerge {
  /** Survivor fields edited since the merge, so they kept their current value. */
  notRestored: string[];
}

export interface ResolveSummary {
  contacts: number;
  candidatePairs: number;
  linkPairs: number;
  reviewPairs: number;
  clusters: number;
  identitiesMatched: number;
  identitiesLinked: number;
  durationMs: number;
}

export interface IdentitySettings {
  /** Contact custom fields whose value identifies one person (customer number, membership id). */
  identifierFields: string[];
  createContactsFromEmail: boolean;
  updatedAt: string | null;
}

export type IdentitySettingsInput = Omit<IdentitySettings, 'updatedAt'>;
