/**
 * Field-by-field survivorship when two contacts become one. Pure, so every rule is tested without
 * a database: single values take the user's pick, else the only non-empty one, else the newer
 * contact's (the further lifecycle stage for stages); lists are unions without duplicates; custom
 * fields are decided per key like single values.
 */
import { displayNameOf, tagKey, type Contact } from '../../crm/index.js';
import type { FieldProblem } from '../../platform/http/errors.js';
import type { FieldKind, MergeField, MergePicks, MergeSide, PickReason } from './merge.schema.js';

/** The contact fields a merge decides one value for, with the label a reviewer sees. */
export const SINGLE_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['title', 'Title'],
  ['companyId', 'Company'],
  ['ownerId', 'Owner'],
  ['teamId', 'Team'],
  ['lifecycleStage', 'Lifecycle stage'],
  ['address', 'Address'],
] as const;
export type SingleField = (typeof SINGLE_FIELDS)[number][0];

type ListItem = Contact[ListField][number];
type ListField = 'emails' | 'phones' | 'socialHandles' | 'tags' | 'importantDates';

/** Two entries with the same key are one: e-mails by address in any case, phones by their digits, handles per network. */
const LIST_FIELDS: readonly (readonly [ListField, string, (item: never) => string])[] = [
  ['emails', 'E-mail addresses', (e: Contact['emails'][number]) => e.address.trim().toLowerCase()],
  ['phones', 'Phone numbers', (p: Contact['phones'][number]) => p.number.replace(/\D/g, '') || p.number.trim()],
  [
    'socialHandles',
    'Social handles',
    (h: Contact['socialHandles'][number]) => `${h.network.trim().toLowerCase()}:${h.handle.trim().toLowerCase().replace(/^@/, '')}`,
  ],
  // The CRM's own key, so a merge keeps exactly the tags a filter tells apart ("İstanbul" is "istanbul").
  ['tags', 'Tags', (t: string) => tagKey(t.trim())],
  [
    'importantDates',
    'Important dates',
    (d: Contact['importantDates'][number]) => `${d.kind}|${d.date}|${d.kind === 'custom' ? (d.label ?? '').trim().toLowerCase() : ''}`,
  ],
];

/** Every contact field a merge may change on the survivor (custom values are tracked per key). */
export const MERGED_FIELDS: readonly (SingleField | ListField)[] = [
  ...SINGLE_FIELDS.map(([field]) => field),
  ...LIST_FIELDS.map(([field]) => field),
];

/**
 * The funnel a contact moves along; a merge keeps the further stage. Churned and other are off
 * the funnel, so for them the newer contact's stage wins.
 */
const FUNNEL = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'advocate'];

export interface MergePlan {
  fields: MergeField[];
  /** The survivor as it will be: its id, creation time and every decided value. */
  result: Contact;
}

/** Stable JSON: objects that differ only in key order (jsonb reorders keys) are the same value. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function newerSide(survivor: Contact, merged: Contact): MergeSide {
  return new Date(merged.updatedAt).getTime() > new Date(survivor.updatedAt).getTime() ? 'merged' : 'survivor';
}

interface Decision {
  pick: MergeSide;
  reason: PickReason;
}

function decide(
  survivorValue: unknown,
  mergedValue: unknown,
  pick: MergeSide | undefined,
  newer: MergeSide,
  further?: (a: unknown, b: unknown) => MergeSide | null,
): Decision {
  if (sameValue(survivorValue, mergedValue)) return { pick: 'survivor', reason: 'same' };
  if (pick) return { pick, reason: 'picked' };
  if (isEmpty(mergedValue)) return { pick: 'survivor', reason: 'only-one' };
  if (isEmpty(survivorValue)) return { pick: 'merged', reason: 'only-one' };
  const byStage = further?.(survivorValue, mergedValue);
  if (byStage) return { pick: byStage, reason: 'further-stage' };
  return { pick: newer, reason: 'newer' };
}

function furtherStage(survivorStage: unknown, mergedStage: unknown): MergeSide | null {
  const s = FUNNEL.indexOf(String(survivorStage));
  const m = FUNNEL.indexOf(String(mergedStage));
  if (s < 0 || m < 0) return null;
  return m > s ? 'merged' : 'survivor';
}

/** Lists are always united; the side named is the one whose entries come first (the survivor's unless it has none). */
function listDecision(survivorValue: readonly unknown[], mergedValue: readonly unknown[]): Decision {
  if (sameValue(survivorValue, mergedValue)) return { pick: 'survivor', reason: 'same' };
  if (survivorValue.length === 0) return { pick: 'merged', reason: 'only-one' };
  if (mergedValue.length === 0) return { pick: 'survivor', reason: 'only-one' };
  return { pick: 'survivor', reason: 'union' };
}

/** The survivor's entries first, then the merged contact's new ones; a duplicate fills what its twin lacks (a label, a URL). */
function union<T>(first: readonly T[], second: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of [...first, ...second]) {
    const k = key(item);
    const seen = byKey.get(k);
    if (seen === undefined) byKey.set(k, item);
    else if (typeof seen === 'object' && seen !== null) byKey.set(k, { ...(item as object), ...(seen as object) } as T);
  }
  return [...byKey.values()];
}

/** Picks naming no decidable field are refused: a typo must not silently fall back to the defaults. */
export function checkPicks(picks: MergePicks, survivor: Contact, merged: Contact, customKeys: ReadonlySet<string>): FieldProblem[] {
  const single = new Set<string>(SINGLE_FIELDS.map(([field]) => field));
  const lists = new Set<string>(LIST_FIELDS.map(([field]) => field));
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(picks)) {
    if (single.has(field)) continue;
    if (lists.has(field)) {
      problems.push({ field: `picks.${field}`, reason: 'is a list: the entries of both contacts are kept' });
      continue;
    }
    const key = field.startsWith('custom.') ? field.slice('custom.'.length) : null;
    if (key && customKeys.has(key) && (key in survivor.custom || key in merged.custom)) continue;
    problems.push({ field: `picks.${field}`, reason: 'is not a field either contact has' });
  }
  return problems;
}

/**
 * Decides every field. `customLabels` holds the workspace's custom contact fields: a value under
 * a key the workspace no longer defines is not carried over (it stays in the merge record).
 */
export function planMerge(survivor: Contact, merged: Contact, picks: MergePicks, customLabels: ReadonlyMap<string, string>): MergePlan {
  const newer = newerSide(survivor, merged);
  const fields: MergeField[] = [];
  const result: Contact = { ...survivor, custom: { ...survivor.custom } };
  const push = (field: string, label: string, kind: FieldKind, survivorValue: unknown, mergedValue: unknown, decision: Decision) =>
    fields.push({ field, label, kind, survivorValue, mergedValue, ...decision });

  for (const [field, label] of SINGLE_FIELDS) {
    const decision = decide(survivor[field], merged[field], picks[field], newer, field === 'lifecycleStage' ? furtherStage : undefined);
    push(field, label, 'single', survivor[field], merged[field], decision);
    if (decision.pick === 'merged') {
      (result as Record<string, unknown>)[field] = merged[field];
      if (field === 'companyId') result.companyName = merged.companyName;
    }
  }

  for (const [field, label, key] of LIST_FIELDS) {
    const survivorValue = survivor[field] as readonly ListItem[];
    const mergedValue = merged[field] as readonly ListItem[];
    push(field, label, 'list', survivorValue, mergedValue, listDecision(survivorValue, mergedValue));
    (result as Record<string, unknown>)[field] = union(survivorValue, mergedValue, key as (item: ListItem) => string);
  }

  const customKeys = [...new Set([...Object.keys(survivor.custom), ...Object.keys(merged.custom)])]
    .filter((key) => customLabels.has(key))
    .sort();
  for (const key of customKeys) {
    const field = `custom.${key}`;
    const survivorValue = survivor.custom[key] ?? null;
    const mergedValue = merged.custom[key] ?? null;
    const decision = decide(survivorValue, mergedValue, picks[field], newer);
    push(field, customLabels.get(key)!, 'custom', survivorValue, mergedValue, decision);
    if (decision.pick === 'merged') {
      if (mergedValue === null) delete result.custom[key];
      else result.custom[key] = mergedValue;
    }
  }

  result.displayName = displayNameOf(result) || survivor.displayName;
  return { fields, result };
}
