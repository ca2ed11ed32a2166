/**
 * Ajv's validation issues rewritten for people: each names the field the way the client sent it
 * (`emails.0.address`, `querystring.limit`) and says in plain words what is wanted there.
 */
import { UUID_PATTERN } from '../db/ids.js';
import type { FieldProblem } from './errors.js';

export interface ValidationIssue {
  instancePath?: string;
  schemaPath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

const FORMATS: Record<string, string> = {
  email: 'an e-mail address',
  uri: 'an absolute URL',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z)',
};

/** Beyond this many, a list of allowed values is cut: the API reference has them all. */
const LISTED_VALUES = 12;

function oneOf(values: unknown[]): string {
  const shown = values.slice(0, LISTED_VALUES).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return `must be one of: ${shown.join(', ')}${values.length > LISTED_VALUES ? ', …' : ''}`;
}

function reasonOf(issue: ValidationIssue): string {
  const params = issue.params ?? {};
  switch (issue.keyword) {
    case 'enum':
      return Array.isArray(params.allowedValues) ? oneOf(params.allowedValues) : (issue.message ?? 'is not allowed');
    case 'format': {
      const words = typeof params.format === 'string' ? FORMATS[params.format] : undefined;
      return words ? `must be ${words}` : (issue.message ?? 'is not valid');
    }
    case 'pattern':
      return params.pattern === UUID_PATTERN ? 'must be a UUID' : (issue.message ?? 'is not valid');
    default:
      return issue.message ?? 'is not valid';
  }
}

/**
 * A union's issues come as one per branch ("must be equal to constant" for each literal) and then
 * the union's own ("must match a schema in anyOf"). They become one problem: the values allowed
 * when every branch is a literal, what the other form wants when the value may also be null, else
 * that no accepted form matched.
 */
function withUnionsFolded(issues: ValidationIssue[]): ValidationIssue[] {
  const unions = issues.filter((i) => i.keyword === 'anyOf' && i.schemaPath);
  if (unions.length === 0) return issues;
  const branchOf = (issue: ValidationIssue) => unions.find((u) => issue !== u && issue.schemaPath?.startsWith(`${u.schemaPath}/`));
  return issues.flatMap((issue) => {
    if (branchOf(issue)) return [];
    if (!unions.includes(issue)) return [issue];
    const branches = issues.filter((i) => branchOf(i) === issue);
    const literals = branches.every((b) => b.keyword === 'const' && b.instancePath === issue.instancePath);
    // A value that may also be null (a duration, a date): what the one other form wants is the reason.
    const notNull = branches.filter((b) => !(b.keyword === 'type' && b.params?.type === 'null'));
    const forms = new Set(notNull.map((b) => b.schemaPath!.slice(issue.schemaPath!.length + 1).split('/')[0]));
    if (notNull.length > 0 && notNull.length < branches.length && forms.size === 1) return notNull;
    return [
      literals && branches.length > 0
        ? { ...issue, keyword: 'enum', params: { allowedValues: branches.map((b) => b.params?.allowedValue) } }
        : { ...issue, message: 'does not match any of the accepted forms' },
    ];
  });
}

export function fieldProblems(context: string | undefined, issues: ValidationIssue[]): FieldProblem[] {
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const problems = withUnionsFolded(issues).map((issue) => {
    let field = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    let reason = reasonOf(issue);
    if (issue.keyword === 'additionalProperties' && issue.params?.additionalProperty) {
      field = [field, String(issue.params.additionalProperty)].filter(Boolean).join('.');
      reason = 'is not a known field';
    }
    if (issue.keyword === 'required' && issue.params?.missingProperty) {
      field = [field, String(issue.params.missingProperty)].filter(Boolean).join('.');
      reason = 'is required';
    }
    return { field: prefix + (field || context || 'body'), reason };
  });
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field && q.reason === p.reason) === i);
}
