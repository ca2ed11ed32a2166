/**
 * Checks a segment's filters against the list query of its entity, with the API's messages: an
 * unknown key or a wrong value is named as `filters.<key>`.
 */
import { Compile } from 'typebox/compile';
import type { FieldProblem } from '../../platform/http/errors.js';
import { reasonOf } from '../../platform/http/field-problems.js';
import { CompanySegmentFilters, ContactSegmentFilters, type SegmentEntity } from './segment.schema.js';

const schemas = { contact: ContactSegmentFilters, company: CompanySegmentFilters };
const validators = { contact: Compile(ContactSegmentFilters), company: Compile(CompanySegmentFilters) };

interface Issue {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

export function filterProblems(entity: SegmentEntity, filters: Record<string, unknown>): FieldProblem[] {
  const validator = validators[entity];
  if (validator.Check(filters)) return [];
  const problems = new Map<string, string>();
  for (const issue of validator.Errors(filters) as unknown as Issue[]) {
    if (issue.keyword === 'additionalProperties') continue;
    const field = `filters${issue.instancePath.replaceAll('/', '.')}`;
    const reason = issue.keyword === 'boolean' ? `is not a filter of ${entity} lists` : reasonOf(issue, schemas[entity]);
    if (!problems.has(field)) problems.set(field, reason);
  }
  return [...problems].map(([field, reason]) => ({ field, reason }));
}
