/**
 * What every import target's column mapping shares: checking a mapping against the file's columns,
 * suggesting one from the headers, and reading a cell for a custom field. Each target (contacts in
 * import.mapping.ts, companies in csv.company.ts) says which targets it has and which of them one
 * column alone may fill.
 */
import type { FieldProblem } from '../../platform/http/errors.js';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { splitItems } from '../shared/list-items.js';
import { parseDate } from './import.draft.js';

export type Mapping = Record<string, string | null>;

export interface ColumnTargets {
  /** The record the columns fill, as messages name it: "contact", "company". */
  record: string;
  /**
   * The slot a target fills when only one column may fill it (`firstName`, `address:street`), null
   * when any number of columns may (`email`, `tags`), undefined when `raw` is no target at all.
   */
  slotOf(raw: string | null): string | null | undefined;
}

/** Checks a mapping against the file's columns; problems name `mapping.<column>`. */
export function checkColumns(targets: ColumnTargets, columns: readonly string[], mapping: Mapping): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const slots = new Map<string, string>();
  for (const [column, raw] of Object.entries(mapping)) {
    const field = `mapping.${column}`;
    if (!columns.includes(column)) {
      problems.push({ field, reason: 'is not a column of the file' });
      continue;
    }
    const slot = targets.slotOf(raw);
    if (slot === undefined) {
      problems.push({ field, reason: `"${raw}" is not a ${targets.record} field one can import into` });
      continue;
    }
    if (slot) {
      const other = slots.get(slot);
      if (other) problems.push({ field, reason: `${slot} is already filled from column "${other}"` });
      slots.set(slot, column);
    }
  }
  return problems;
}

/** A header in plain lower-case words: `First Name`, `first_name` and `firstName` all read `first name`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The custom field a header names (by key, `custom:<key>` as our exports write it, or label), as a target. */
export function customTargetOf(header: string, customFields: readonly CustomField[]): string | null {
  const text = normaliseHeader(header);
  const key = /^custom[:.](.+)$/.exec(header.trim())?.[1];
  const custom = customFields.find((f) => f.key === key || normaliseHeader(f.key) === text || normaliseHeader(f.label) === text);
  return custom ? `custom:${custom.key}` : null;
}

/** `custom:<key>` (or `custom.<key>`) as a target: the key, or null. */
export function customKeyOf(text: string): string | null {
  return /^custom[:.]([a-z][a-z0-9_]{0,62})$/.exec(text)?.[1] ?? null;
}

/**
 * A suggested target per column, from `suggest`; a target suggested twice is kept for its first
 * column only, except the `numbered` ones, which take a number for each further column (email2…).
 */
export function suggestColumns(
  columns: readonly string[],
  suggest: (column: string) => string | null,
  numbered: readonly string[] = [],
): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  const counts = new Map<string, number>();
  for (const column of columns) {
    let target = suggest(column);
    if (target && numbered.includes(target)) {
      const count = (counts.get(target) ?? 0) + 1;
      counts.set(target, count);
      target = count === 1 ? target : `${target}${count}`;
    } else if (target && used.has(target)) target = null;
    if (target) used.add(target);
    mapping[column] = target;
  }
  return mapping;
}

/** A cell for a custom field, converted to the field's type where the text allows it. */
export function customValue(field: CustomField | undefined, text: string): unknown {
  switch (field?.type) {
    case 'number': {
      const number = Number(text.replace(/[\s,](?=\d{3}\b)/g, ''));
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', 'yes', 'y', '1', 'x'].includes(lower)) return true;
      if (['false', 'no', 'n', '0'].includes(lower)) return false;
      return text;
    }
    case 'multi_select':
      return splitItems(text, ';,');
    case 'date':
      return parseDate(text) ?? text;
    default:
      return text;
  }
}
