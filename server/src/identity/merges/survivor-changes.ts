/**
 * The survivor's values a merge changed, by field, and back into a contact patch: what a merge
 * record keeps so an unmerge can restore exactly those fields, and tell which were edited since.
 */
import type { Contact, ContactInput } from '../../crm/index.js';
import { MERGED_FIELDS, sameValue } from './survivorship.js';

/** Field name → value; custom values are `custom.<key>`, an absent one is null. */
export type FieldValues = Record<string, unknown>;

export function fieldValue(contact: Contact, field: string): unknown {
  if (field.startsWith('custom.')) return contact.custom[field.slice('custom.'.length)] ?? null;
  return (contact as Record<string, unknown>)[field] ?? null;
}

/** The fields whose value differs between two versions of a contact. */
export function changedFields(before: Contact, after: Contact): { before: FieldValues; after: FieldValues } {
  const customKeys = new Set([...Object.keys(before.custom), ...Object.keys(after.custom)]);
  const fields = [...MERGED_FIELDS, ...[...customKeys].sort().map((key) => `custom.${key}`)];
  const changed = { before: {} as FieldValues, after: {} as FieldValues };
  for (const field of fields) {
    const b = fieldValue(before, field);
    const a = fieldValue(after, field);
    if (sameValue(a, b)) continue;
    changed.before[field] = b;
    changed.after[field] = a;
  }
  return changed;
}

/** A patch for the crm's update that sets these fields (a null custom value clears the key). */
export function toPatch(values: FieldValues): ContactInput {
  const patch: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field.startsWith('custom.')) custom[field.slice('custom.'.length)] = value;
    else patch[field] = value;
  }
  if (Object.keys(custom).length) patch.custom = custom;
  return patch as ContactInput;
}
