/**
 * A merged pair as it was when it was merged. The merged contact is shown from the row its merge
 * kept; the survivor lives on and may have taken the merged contact's values (a first name
 * picked from it, say), so shown as it is now both sides would read alike. Its merge kept the
 * values it changed on the survivor, as they were before: those are put back for the review.
 */
import { displayNameOf } from '../../crm/index.js';
import type { ContactSummary, DuplicateCandidate } from './duplicate.schema.js';

/** A pair as read, with what its merge (if merged) kept of the survivor. */
export interface MergedPairRow extends DuplicateCandidate {
  /** The survivor's values the merge changed, before it, by contact field name (see the merge record). */
  survivorBefore: Record<string, unknown> | null;
  /** The name of the company the survivor had before the merge, when the merge changed it. */
  survivorCompanyBefore: string | null;
}

const NAMING_FIELDS = ['firstName', 'lastName', 'emails', 'phones', 'socialHandles'];

const text = (value: unknown, now: string) => (typeof value === 'string' ? value : now);

function listOf<K extends string>(value: unknown, key: K, now: string[]): string[] {
  if (!Array.isArray(value)) return now;
  return value.flatMap((item: Record<K, unknown>) => (typeof item?.[key] === 'string' ? [item[key]] : []));
}

/** The survivor with the values its merge changed set back to what they were before it. */
export function survivorBeforeMerge(now: ContactSummary, before: Record<string, unknown>, companyBefore: string | null): ContactSummary {
  const has = (field: string) => Object.hasOwn(before, field);
  const firstName = text(before.firstName, now.firstName);
  const lastName = text(before.lastName, now.lastName);
  const emails = listOf(before.emails, 'address', now.emails);
  const phones = listOf(before.phones, 'number', now.phones);
  const handles = listOf(before.socialHandles, 'handle', now.handles);
  return {
    ...now,
    // A name is made from these fields; one the merge did not touch stays as it is.
    displayName: NAMING_FIELDS.some(has)
      ? displayNameOf({
          firstName,
          lastName,
          emails: emails.map((address) => ({ address })),
          phones: phones.map((number) => ({ number })),
          socialHandles: handles.map((handle) => ({ handle })),
        })
      : now.displayName,
    firstName,
    lastName,
    title: text(before.title, now.title),
    emails,
    phones,
    handles,
    companyName: has('companyId') ? companyBefore : now.companyName,
    lifecycleStage: text(before.lifecycleStage, now.lifecycleStage),
  };
}

export function asAtMerge({ survivorBefore, survivorCompanyBefore, ...candidate }: MergedPairRow): DuplicateCandidate {
  const { merge, left } = candidate;
  if (!merge || !survivorBefore) return candidate;
  if (left?.id === merge.survivorId) return { ...candidate, left: survivorBeforeMerge(left, survivorBefore, survivorCompanyBefore) };
  if (candidate.right.id === merge.survivorId) {
    return { ...candidate, right: survivorBeforeMerge(candidate.right, survivorBefore, survivorCompanyBefore) };
  }
  return candidate;
}
