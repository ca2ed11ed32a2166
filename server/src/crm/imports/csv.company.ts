/**
 * Companies from a CSV file: the company field each column can fill, the mapping suggested from
 * the headers other CRMs and Rapport's own export write, and each row as a company draft.
 *
 *   id                  the company's id in Rapport, as our export writes it: the company to update
 *   name  industry  size (a size band such as 51-200, or a head count: 120 reads 51-200)
 *   domains             a cell may hold several, split on , or ;; a website URL reads as its host
 *                       without `www.`; more columns may fill it
 *   tags                split on , or ;, with \, \; and \\ kept, as in our exports
 *   ownerId  teamId     ids, as our export writes them; an empty cell is none (see import.ownership.ts)
 *   note                a note on the company's timeline
 *   custom:<key>        a custom field of companies
 *
 * An empty cell gives nothing: a company the row updates keeps what it has.
 */
import type { FieldProblem } from '../../platform/http/errors.js';
import { normaliseDomain } from '../companies/company.domains.js';
import { COMPANY_SIZES, type CompanySize } from '../companies/company.schema.js';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { splitItems } from '../shared/list-items.js';
import { addNote, cleanCell, splitList, websiteHost } from './import.draft.js';
import { mapsSomething, readCsvFile, type ReadFile } from './import.reader.js';
import {
  checkColumns,
  customKeyOf,
  customTargetOf,
  customValue,
  normaliseHeader,
  suggestColumns,
  type ColumnTargets,
  type Mapping,
} from './mapping.rules.js';

export interface CompanyDraft {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  input: { name?: string; domains?: string[]; industry?: string; size?: string; tags?: string[]; custom?: Record<string, unknown> };
  /** Input path (`name`, `custom.plan`) → the column it came from. */
  sources: Record<string, string>;
  problems: FieldProblem[];
  skipped: FieldProblem[];
  /** Notes for the company's timeline. */
  notes: string[];
  /** The company to update, and the owner and team, by their ids in Rapport. */
  references: { id?: string; ownerId?: string | null; teamId?: string | null };
}

const SINGLE = ['id', 'name', 'industry', 'size', 'ownerId', 'teamId'] as const;
const MANY = ['domains', 'tags', 'note'] as const;

export type CompanyTarget =
  { kind: 'ignore' } | { kind: (typeof SINGLE)[number] | (typeof MANY)[number] } | { kind: 'custom'; key: string };

/** Parses a mapping target; null when it is not one. */
export function parseCompanyTarget(raw: string | null): CompanyTarget | null {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'ignore') return { kind: 'ignore' };
  if ((SINGLE as readonly string[]).includes(text) || (MANY as readonly string[]).includes(text)) {
    return { kind: text as (typeof SINGLE)[number] };
  }
  const key = customKeyOf(text);
  return key ? { kind: 'custom', key } : null;
}

const COMPANY_COLUMNS: ColumnTargets = {
  record: 'company',
  slotOf(raw) {
    const target = parseCompanyTarget(raw);
    if (!target) return undefined;
    return (SINGLE as readonly string[]).includes(target.kind) ? target.kind : null;
  },
};

const WORDS: [RegExp, string][] = [
  [/^id$/, 'id'],
  [/^((company|organi[sz]ation|account|business) )?name$|^(company|organi[sz]ation|account|business)$/, 'name'],
  [/^((company )?domains?( names?)?|(company )?web ?site( url)?|url|homepage)$/, 'domains'],
  [/^(industry|sector|vertical)$/, 'industry'],
  [/^((company )?size|employees|(number of|no of) employees|employee count|head ?count)$/, 'size'],
  [/^(tags?|labels?|categories)$/, 'tags'],
  [/^owner id$/, 'ownerId'],
  [/^team id$/, 'teamId'],
  [/^(notes?|comments?|description|about)$/, 'note'],
];

/** Guesses a target from a header such as `Company Name`, `Website URL`, `Number of Employees`. */
export function suggestCompanyTarget(header: string, customFields: readonly CustomField[]): string | null {
  const custom = customTargetOf(header, customFields);
  if (custom) return custom;
  const text = normaliseHeader(header);
  // Pipedrive writes `Organization - Industry`: the record's name before the field's.
  const field = text.replace(/^(company|organi[sz]ation|account) (?!name$)/, '');
  return WORDS.find(([pattern]) => pattern.test(text) || pattern.test(field))?.[1] ?? null;
}

export function suggestCompanyMapping(columns: readonly string[], customFields: readonly CustomField[]): Mapping {
  return suggestColumns(columns, (column) => suggestCompanyTarget(column, customFields));
}

/** What is wrong with a mapping of these columns to company fields. */
export function checkCompanyMapping(columns: readonly string[], mapping: Mapping): FieldProblem[] {
  return [...checkColumns(COMPANY_COLUMNS, columns, mapping), ...mapsSomething(mapping, 'company')];
}

/** The lowest head count of each band, largest first. */
const BANDS: [number, CompanySize][] = [
  [5001, '5000+'],
  [1001, '1001-5000'],
  [201, '201-1000'],
  [51, '51-200'],
  [11, '11-50'],
  [1, '1-10'],
];
const bandOf = (count: number) => BANDS.find(([lowest]) => count >= lowest)?.[1] ?? null;

/**
 * A size cell as a band: a band as Rapport writes it, a head count (`120`, `1,200`), or another
 * CRM's band that lies within one of ours (`201-500`, `10,001+`). Null when it is none of those.
 */
export function sizeOf(text: string): CompanySize | null {
  const compact = text.replace(/[\s,.']|employees?$/gi, '');
  if (!compact) return null;
  if ((COMPANY_SIZES as readonly string[]).includes(compact)) return compact as CompanySize;
  const [, low, high, plus] = /^(\d+)(?:-(\d+)|(\+))?$/.exec(compact) ?? [];
  if (!low) return null;
  const band = bandOf(Number(low));
  if (plus) return band === '5000+' ? band : null;
  return high === undefined || bandOf(Number(high)) === band ? band : null;
}

const SIZES = COMPANY_SIZES.filter(Boolean).join(', ');

/** One CSV row as a company draft. */
function csvRowToCompanyDraft(
  cells: readonly string[],
  row: number,
  mapped: readonly { index: number; column: string; target: CompanyTarget }[],
  fields: ReadonlyMap<string, CustomField>,
): CompanyDraft {
  const draft: CompanyDraft = { row, input: {}, sources: {}, problems: [], skipped: [], notes: [], references: {} };
  const { input } = draft;
  for (const { index, column, target } of mapped) {
    const text = cleanCell(cells[index] ?? '');
    if (target.kind === 'ownerId' || target.kind === 'teamId') {
      // Our export leaves the cell empty for a company nobody owns, or in no team.
      draft.references[target.kind] = text || null;
      draft.sources[target.kind] = column;
      continue;
    }
    if (!text) continue;
    switch (target.kind) {
      case 'id':
        draft.references.id = text;
        break;
      case 'name':
      case 'industry':
        input[target.kind] = text;
        break;
      case 'size': {
        const size = sizeOf(text);
        if (size) input.size = size;
        else draft.problems.push({ field: column, reason: `"${text.slice(0, 40)}" is not a head count or a size band (${SIZES})` });
        break;
      }
      case 'domains':
        for (const item of splitList(text)) {
          const domain = normaliseDomain(websiteHost(item));
          if (domain && !input.domains?.includes(domain)) input.domains = [...(input.domains ?? []), domain];
          else if (!domain) draft.problems.push({ field: column, reason: `"${item.slice(0, 60)}" is not a domain such as example.com` });
        }
        break;
      case 'tags':
        input.tags = [...(input.tags ?? []), ...splitItems(text, ';,')];
        break;
      case 'note':
        addNote(draft, text, column);
        continue;
      case 'custom':
        input.custom = { ...input.custom, [target.key]: customValue(fields.get(target.key), text) };
        draft.sources[`custom.${target.key}`] = column;
        continue;
    }
    draft.sources[target.kind] ??= column;
  }
  // A row without a name is reported against the column that should have held one.
  draft.sources.name ??= mapped.find((m) => m.target.kind === 'name')?.column ?? 'name';
  return draft;
}

/** A CSV file of companies, read for the mapping step and, once mapped, row by row. */
export function readCompanyFile(content: string, customFields: readonly CustomField[]): ReadFile<CompanyDraft> {
  return readCsvFile(
    content,
    (columns) => suggestCompanyMapping(columns, customFields),
    (columns, mapping, fields) => {
      const mapped = columns
        .map((column, index) => ({ index, column, target: parseCompanyTarget(mapping[column] ?? null) ?? { kind: 'ignore' as const } }))
        .filter((m) => m.target.kind !== 'ignore');
      return (cells, row) => csvRowToCompanyDraft(cells, row, mapped, fields);
    },
  );
}
