/**
 * The reviewer's choices in a merge: which contact's value each single field keeps. Lists are
 * always the union, so only single and custom fields can be picked.
 */
import type { MergeField, MergeSide } from './types';

export type Picks = Record<string, MergeSide>;

export const isPickable = (field: MergeField) => field.kind !== 'list';

/** Fields whose two values differ are the only real choices; the rest need no radio. */
export function isChoice(field: MergeField): boolean {
  return isPickable(field) && field.reason !== 'same' && field.reason !== 'only-one';
}

/**
 * The preview's survivorship defaults, overridden by what the reviewer picked: sent whole, so the
 * merge does exactly what the reviewer saw.
 */
export function effectivePicks(fields: readonly MergeField[], chosen: Picks): Picks {
  return Object.fromEntries(fields.filter(isPickable).map((f) => [f.field, chosen[f.field] ?? f.pick]));
}

export const otherSide = (side: MergeSide): MergeSide => (side === 'survivor' ? 'merged' : 'survivor');

/** Swapping which contact survives keeps each pick on the same contact, so it flips sides. */
export function swapPicks(chosen: Picks): Picks {
  return Object.fromEntries(Object.entries(chosen).map(([field, side]) => [field, otherSide(side)]));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One element of a list field (an e-mail, a phone, a handle, a date) as a short line of text. */
function listEntry(entry: unknown): string {
  if (!isRecord(entry)) return String(entry);
  if (typeof entry.address === 'string') return entry.address;
  if (typeof entry.number === 'string') return entry.number;
  if (typeof entry.handle === 'string') return typeof entry.network === 'string' ? `${entry.handle} (${entry.network})` : entry.handle;
  if (typeof entry.date === 'string') {
    const label = typeof entry.label === 'string' && entry.label ? entry.label : entry.kind;
    return typeof label === 'string' ? `${label}: ${entry.date}` : entry.date;
  }
  // An address or any other small record: its filled-in parts, in order.
  return Object.values(entry)
    .filter((part) => typeof part === 'string' || typeof part === 'number')
    .map(String)
    .filter((part) => part.trim() !== '')
    .join(', ');
}

/** A field value as lines of text; empty values give no lines. */
export function valueLines(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(listEntry);
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No'];
  if (isRecord(value)) {
    const line = listEntry(value);
    return line ? [line] : [];
  }
  return [String(value)];
}

type SurvivorCandidate = { id: string; emails: readonly string[]; phones: readonly string[]; handles: readonly string[] };

/** The richer record survives by default (fewer values to move); on a tie, the first of the pair. */
export function defaultSurvivor(left: SurvivorCandidate, right: SurvivorCandidate): { survivorId: string; mergedId: string } {
  const richness = (c: SurvivorCandidate) => c.emails.length + c.phones.length + c.handles.length;
  return richness(right) > richness(left) ? { survivorId: right.id, mergedId: left.id } : { survivorId: left.id, mergedId: right.id };
}

/** A field neither contact has says nothing about the merge; the compare view leaves it out. */
export function isBlankOnBoth(field: MergeField): boolean {
  return valueLines(field.survivorValue).length === 0 && valueLines(field.mergedValue).length === 0;
}
