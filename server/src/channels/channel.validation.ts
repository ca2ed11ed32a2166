/** Checks a channel's settings and secrets against its connector's schemas, naming each bad field. */
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import type { FieldProblem } from '../platform/http/errors.js';
import { reasonOf } from '../platform/http/field-problems.js';

interface SchemaIssue {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  message: string;
  params: { requiredProperties?: string[]; additionalProperties?: string[] };
}

/**
 * What a failed `pattern` means in words: the sub-schema's `patternReason` (a regular expression
 * is no message for an admin filling in a form), or a plain fallback.
 */
function patternReason(schema: TSchema, schemaPath: string): string {
  let node: unknown = schema;
  for (const token of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  }
  const reason = node !== null && typeof node === 'object' ? (node as { patternReason?: unknown }).patternReason : undefined;
  return typeof reason === 'string' ? reason : 'is not in the expected form';
}

export function schemaProblems(prefix: string, schema: TSchema, value: unknown): FieldProblem[] {
  if (Value.Check(schema, value)) return [];
  const problems: FieldProblem[] = [];
  for (const issue of Value.Errors(schema, value) as unknown as SchemaIssue[]) {
    const base = [prefix, ...issue.instancePath.split('/').filter(Boolean)].join('.');
    if (issue.keyword === 'required') {
      for (const name of issue.params.requiredProperties ?? []) problems.push({ field: `${base}.${name}`, reason: 'is required' });
    } else if (issue.keyword === 'additionalProperties') {
      for (const name of issue.params.additionalProperties ?? [])
        problems.push({ field: `${base}.${name}`, reason: 'is not a known setting' });
    } else if (issue.keyword === 'pattern') {
      problems.push({ field: base, reason: patternReason(schema, issue.schemaPath) });
    } else if (issue.keyword !== 'boolean') {
      problems.push({ field: base, reason: reasonOf(issue) });
    }
  }
  return problems;
}
