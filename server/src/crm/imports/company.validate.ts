/**
 * Validates company drafts with the rules of the companies API (the same TypeBox schema as
 * `createCompany`), compiled once and run in memory. What depends on the company a row turns out
 * to be is checked once that is known (company.plan.ts): the name (a row that updates a company
 * may leave it out), custom values (a required one the company already has), owner and team.
 */
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { CompanyInput, type CompanySize } from '../companies/company.schema.js';
import type { CompanyDraft } from './csv.company.js';
import { schemaProblems, type RowProblem } from './import.validate.js';

const { name, domains, industry, size, tags, custom } = CompanyInput.properties;
const validator = Compile(
  Type.Object({ name: Type.Optional(name), domains, industry, size, tags, custom }, { additionalProperties: false }),
);

export interface ValidCompanyRow {
  row: number;
  /** Null when the row has none: it can then only update a company it finds by id or domain. */
  name: string | null;
  /** Lower-case ASCII hostnames, each once. */
  domains: string[];
  industry?: string;
  size?: CompanySize;
  tags?: string[];
  custom?: Record<string, unknown>;
  notes: string[];
  references: CompanyDraft['references'];
  sources: Record<string, string>;
  skipped: CompanyDraft['skipped'];
}

/** Either the row's values, or why the row is rejected. */
export function validateCompanyDraft(draft: CompanyDraft): ValidCompanyRow | RowProblem[] {
  const problems: RowProblem[] = draft.problems.map((p) => ({ row: draft.row, ...p }));
  if (!validator.Check(draft.input)) return [...problems, ...schemaProblems(validator, draft, 'company')];
  if (problems.length) return problems;
  const { input } = draft;
  return {
    row: draft.row,
    name: input.name ?? null,
    domains: input.domains ?? [],
    ...(input.industry !== undefined && { industry: input.industry }),
    ...(input.size !== undefined && { size: input.size as CompanySize }),
    ...(input.tags !== undefined && { tags: input.tags }),
    ...(input.custom !== undefined && { custom: input.custom }),
    notes: draft.notes,
    references: draft.references,
    sources: draft.sources,
    skipped: draft.skipped,
  };
}
