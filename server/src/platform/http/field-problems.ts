/**
 * Ajv's validation issues rewritten for people: each names the field the way the client sent it
 * (`emails.0.address`, `querystring.limit`) and says in plain words what is wanted there.
 */
import type { FieldProblem } from './errors.js';
import { YEARS } from './date-formats.js';

export interface ValidationIssue {
  instancePath?: string;
  schemaPath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  /** The schema holding the keyword that failed: Ajv gives it with its `verbose` option. */
  parentSchema?: unknown;
}

const FORMATS: Record<string, string> = {
  email: 'an e-mail address',
  uri: 'an absolute URL',
  date: `a date (YYYY-MM-DD) ${YEARS}`,
  'date-time': `a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z) ${YEARS}`,
};

/** Beyond this many, a list of allowed values is cut: the API reference has them all. */
const LISTED_VALUES = 12;

function oneOf(values: unknown[]): string {
  const shown = values.slice(0, LISTED_VALUES).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return `must be one of: ${shown.join(', ')}${values.length > LISTED_VALUES ? ', …' : ''}`;
}

/** What Ajv's types are called in words (its own message names the JSON type: `must be integer`). */
const TYPES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const counted = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A limit in words and grouped digits, where Ajv writes `must be <= 10080` or `must NOT have fewer than 1 characters`. */
function limitReason(keyword: string | undefined, limit: number): string | undefined {
  const number = limit.toLocaleString('en-US');
  switch (keyword) {
    case 'maximum':
      return `must be at most ${number}`;
    case 'minimum':
      return `must be at least ${number}`;
    case 'exclusiveMaximum':
      return `must be less than ${number}`;
    case 'exclusiveMinimum':
      return `must be more than ${number}`;
    case 'maxLength':
      return `must be at most ${counted(limit, 'character')}`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${counted(limit, 'character')}`;
    case 'maxItems':
      return `must have at most ${counted(limit, 'entry', 'entries')}`;
    case 'minItems':
      return `must have at least ${counted(limit, 'entry', 'entries')}`;
    default:
      return undefined;
  }
}

/** What a value failing a `pattern` is told when its schema declares no `patternReason`. */
export const PATTERN_FALLBACK = 'is not in the expected form';

/** The sub-schema at a TypeBox issue's `schemaPath` (`#/properties/phones/items`), which names the schema, not the keyword. */
function schemaAt(root: unknown, schemaPath: string | undefined): unknown {
  let node = root;
  for (const token of (schemaPath ?? '').replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  }
  return node;
}

/**
 * A regular expression is no reason for a person filling in a form: each schema with a `pattern`
 * says in words what it wants, as `patternReason` beside it. Without one, a plain fallback.
 */
function patternReason(issue: ValidationIssue, root: unknown): string {
  const schema = issue.parentSchema ?? (root === undefined ? undefined : schemaAt(root, issue.schemaPath));
  const reason = schema !== null && typeof schema === 'object' ? (schema as { patternReason?: unknown }).patternReason : undefined;
  return typeof reason === 'string' ? reason : PATTERN_FALLBACK;
}

/**
 * An issue's reason in plain words. Also for TypeBox's issues (segment filters, import rows),
 * which share Ajv's shape but carry no `parentSchema`: pass the schema they came from.
 */
export function reasonOf(issue: ValidationIssue, root?: unknown): string {
  const params = issue.params ?? {};
  if (typeof params.limit === 'number') {
    const words = limitReason(issue.keyword, params.limit);
    if (words) return words;
  }
  switch (issue.keyword) {
    case 'type': {
      const words = typeof params.type === 'string' ? TYPES[params.type] : undefined;
      return words ? `must be ${words}` : (issue.message ?? 'is not valid');
    }
    case 'uniqueItems':
      return 'must not repeat';
    case 'enum':
      return Array.isArray(params.allowedValues) ? oneOf(params.allowedValues) : (issue.message ?? 'is not allowed');
    case 'format': {
      const words = typeof params.format === 'string' ? FORMATS[params.format] : undefined;
      return words ? `must be ${words}` : (issue.message ?? 'is not valid');
    }
    case 'pattern':
      return patternReason(issue, root);
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
