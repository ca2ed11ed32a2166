/**
 * Hostile requests made from a route's own schemas (body, query string, path parameters), and what
 * every answer to one must be. Each case attacks one field of an otherwise valid request, so a
 * refusal can be expected to name that field: wrong JSON types, empty and 1 MB strings, a lone
 * surrogate, NUL and RTL override characters, numbers and dates out of range, 10,000-item arrays,
 * 10,000-deep objects, unknown fields; and for the request as a whole a body that is no JSON, of
 * the wrong top-level type or over the size limit, and path ids that are no UUID or name nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { RouteInfo } from '../src/app.js';
import { UUID_PATTERN } from '../src/platform/db/ids.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;
type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export interface HostileCase {
  /** What is attacked with what, for the failure message. */
  what: string;
  method: string;
  url: string;
  body?: string;
  contentType?: string;
  /** The names a validation problem may give the attacked field: itself, or a union that holds it. */
  fields?: string[];
}

/** Ids of real records, by the path segment or the body field that refers to them. */
export interface KnownIds {
  /** Path segment before `:id` (`contacts`, `custom-fields`) → an id of that kind. */
  byKind: Record<string, string>;
  /** Field name (`contactId`, `teamIds`) → an id of what it refers to. */
  byField: Record<string, string>;
}

/**
 * A valid body for a route whose smallest valid body by its schema a use case refuses (a rule
 * across fields, a record it needs). `tag` differs per request, for names that must be unique.
 */
export type ValidBody = (tag: string) => object;

interface Examples extends KnownIds {
  tag: string;
}

const NOTHING = '0190a2b4-7c1d-7e2f-8a3b-4c5d6e7f8a9b';
const BIG = 'x'.repeat(1_000_000);
const DEPTH = 10_000;
const DEEP_MARK = '\u0001deep\u0001';
const DEEP_JSON = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
/** The size limit is 1 MiB: twice that. */
const OVERSIZED = JSON.stringify({ hostile: 'x'.repeat(2 * 1_048_576) });

const asSchema = (value: unknown): Schema | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;
const branchesOf = (schema: Schema): Schema[] => (Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]) : []);
const propertiesOf = (schema: Schema): [string, Schema][] => Object.entries((schema.properties as Record<string, Schema>) ?? {});
const ALL_TYPES: JsonType[] = ['string', 'number', 'boolean', 'object', 'array', 'null'];

/** The JSON types a schema accepts; all of them for a schema that says nothing (`{}`: the use case checks). */
function typesOf(schema: Schema): Set<JsonType> {
  const types = new Set<JsonType>();
  for (const branch of branchesOf(schema)) for (const type of typesOf(branch)) types.add(type);
  for (const type of [schema.type ?? []].flat() as string[]) types.add(type === 'integer' ? 'number' : (type as JsonType));
  for (const value of 'const' in schema ? [schema.const] : ((schema.enum as unknown[]) ?? [])) {
    types.add(value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonType));
  }
  return types.size > 0 ? types : new Set(ALL_TYPES);
}

/** The branch of a union (or the schema itself) that is not just `null`. */
const mainBranch = (schema: Schema): Schema => branchesOf(schema).find((b) => b.type !== 'null') ?? schema;

/** A string a pattern takes: tagged where it allows, for names that must be unique. */
function patternSample(schema: Schema, field: string, examples: Examples): string {
  if (schema.pattern === UUID_PATTERN) return examples.byField[field] ?? NOTHING;
  const pattern = new RegExp(String(schema.pattern), 'u');
  const samples = ['hostile', 'en', 'a', '+1 555 0100', 'https://example.com/hostile', '09:00', 'note', 'a-1'];
  return [`hostile${examples.tag}`, ...samples].find((sample) => pattern.test(sample)) ?? 'hostile';
}

function exampleString(schema: Schema, field: string, examples: Examples): string {
  if (schema.format === 'email') return `hostile${examples.tag}@example.com`;
  if (schema.format === 'date-time') return '2026-03-02T09:00:00Z';
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'uri') return 'https://example.com/hostile';
  if (schema.format === 'uuid') return examples.byField[field] ?? NOTHING;
  if (typeof schema.pattern === 'string') return patternSample(schema, field, examples);
  return `hostile${examples.tag}`.padEnd(Number(schema.minLength ?? 0), 'x').slice(0, Number(schema.maxLength ?? Infinity));
}

/** A valid value of `schema`: only what is required, ids of real records where the field names one. */
function exampleOf(schema: Schema, field: string, examples: Examples): Json {
  if (schema.default !== undefined) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return (schema.enum.find((v) => v !== null) ?? null) as Json;
  if (branchesOf(schema).length > 0) return exampleOf(mainBranch(schema), field, examples);
  switch ([schema.type ?? 'object'].flat().find((t) => t !== 'null')) {
    case 'object': {
      const required = new Set((schema.required as string[]) ?? []);
      return Object.fromEntries(
        propertiesOf(schema).flatMap(([key, child]) => (required.has(key) ? [[key, exampleOf(child, key, examples)]] : [])),
      );
    }
    case 'array': {
      if (Array.isArray(schema.items)) return (schema.items as Schema[]).map((item) => exampleOf(item, field, examples));
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => exampleOf(asSchema(schema.items) ?? {}, field, examples));
    }
    case 'string':
      return exampleString(schema, field, examples);
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, Number(schema.minimum ?? -Infinity)), Number(schema.maximum ?? Infinity));
    case 'boolean':
      return false;
    default:
      return null;
  }
}

type Path = (string | number)[];

/** A field to attack: where it is, its schema, and the schema of each container on the way. */
interface Target {
  path: Path;
  schema: Schema;
  containers: Schema[];
  /** Lengths of the path at which a union holds the field (its refusal may name the union). */
  unions: number[];
}

const MAX_DEPTH = 6;

const valueAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );

/**
 * Every field under `schema`, each once: properties, array items, and the keys of a free-form
 * object (a record of custom values, a saved view's filters) that the valid body holds, or a sample key.
 */
function targetsIn(schema: Schema, base: unknown, path: Path = [], containers: Schema[] = [], unions: number[] = []): Target[] {
  if (path.length >= MAX_DEPTH) return [];
  const forms = branchesOf(schema).length > 0 ? branchesOf(schema) : [schema];
  const inUnion = forms.length > 1 ? [...unions, path.length] : unions;
  const found: Target[] = [];
  const visit = (form: Schema, key: string | number, child: Schema) => {
    const at = { path: [...path, key], schema: child, containers: [...containers, form], unions: inUnion };
    found.push(at, ...targetsIn(child, base, at.path, at.containers, at.unions));
  };
  for (const form of forms) {
    for (const [key, child] of propertiesOf(form)) visit(form, key, child);
    if (Array.isArray(form.items)) (form.items as Schema[]).forEach((item, i) => visit(form, i, item));
    else if (asSchema(form.items)) visit(form, 0, form.items as Schema);
    const [pattern, child] = Object.entries(asSchema(form.patternProperties) ?? {})[0] ?? [];
    if (pattern === undefined || propertiesOf(form).length > 0) continue;
    const given = Object.keys(asSchema(valueAt(base, path)) ?? {});
    const keys = given.length > 0 ? given : [['tier', 'hostile', 'a'].find((k) => new RegExp(pattern, 'u').test(k)) ?? 'tier'];
    for (const key of keys) visit(form, key, asSchema(child) ?? {});
  }
  const seen = new Set<string>();
  return found.filter((t) => !seen.has(t.path.join('.')) && Boolean(seen.add(t.path.join('.'))));
}

/** `base` with `value` at `path`, each container on the way made valid where the base has none. */
function place(containers: Schema[], path: Path, value: unknown, base: unknown, examples: Examples): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...Path];
  const container = (
    typeof key === 'number'
      ? [...(Array.isArray(base) ? (base as unknown[]) : [])]
      : { ...(asSchema(base) ?? asSchema(exampleOf(containers[0]!, '', examples)) ?? {}) }
  ) as Record<string | number, unknown>;
  const childBase = container[key] ?? (rest.length > 0 ? exampleOf(containers[1] ?? {}, String(key), examples) : undefined);
  container[key] = place(containers.slice(1), rest, value, childBase, examples);
  return container;
}

interface Attack {
  what: string;
  value: unknown;
}

const WRONG_TYPES: Record<JsonType, Attack> = {
  string: { what: 'a string', value: 'hostile' },
  number: { what: 'a number', value: 12 },
  boolean: { what: 'a boolean', value: true },
  object: { what: 'an object', value: { hostile: true } },
  array: { what: 'an array', value: ['hostile'] },
  null: { what: 'null', value: null },
};

const DATES = ['0000-01-01', '99999-01-01', '2026-02-30'];

function stringAttacks(schema: Schema): Attack[] {
  const dates = schema.format === 'date-time' ? DATES.map((d) => `${d}T09:00:00Z`) : DATES;
  return [
    { what: 'an empty string', value: '' },
    { what: 'a 1 MB string', value: BIG },
    { what: 'a lone surrogate', value: 'a\ud800b' },
    { what: 'a NUL character', value: 'a\u0000b' },
    { what: 'an RTL override', value: '\u202eevil' },
    { what: 'NaN as a string', value: 'NaN' },
    ...dates.map((date) => ({ what: `the date ${date}`, value: date })),
  ];
}

const NUMBER_ATTACKS: Attack[] = [
  { what: '-1', value: -1 },
  { what: '1e308', value: 1e308 },
  { what: '2**53+1', value: 2 ** 53 + 1 },
  { what: '1.5', value: 1.5 },
];

/** What a field is attacked with: every JSON type it does not take, and edge values of those it does. */
function attacksOn(schema: Schema, examples: Examples): Attack[] {
  const types = typesOf(schema);
  const form = mainBranch(schema);
  const attacks = ALL_TYPES.filter((type) => !types.has(type)).map((type) => WRONG_TYPES[type]);
  if (types.size === ALL_TYPES.length) attacks.push(...ALL_TYPES.map((type) => WRONG_TYPES[type]));
  if (types.has('string')) attacks.push(...stringAttacks(form));
  if (types.has('number')) attacks.push(...NUMBER_ATTACKS);
  if (types.has('array')) {
    const item = Array.isArray(form.items) ? {} : (asSchema(form.items) ?? {});
    attacks.push({ what: '10,000 items', value: Array.from({ length: 10_000 }, () => exampleOf(item, '', examples)) });
  }
  if (types.has('object')) {
    attacks.push({ what: 'a 10,000-deep object', value: DEEP_MARK });
    attacks.push({ what: 'an unknown field', value: { ...(asSchema(exampleOf(form, '', examples)) ?? {}), hostileExtra: 1 } });
    const [pattern, child] = Object.entries(asSchema(form.patternProperties) ?? {})[0] ?? [];
    if (pattern !== undefined)
      attacks.push({ what: 'a key its pattern refuses', value: { 'Hostile key!': exampleOf(asSchema(child) ?? {}, '', examples) } });
  }
  return attacks;
}

const bodyJson = (value: unknown) => JSON.stringify(value).replace(JSON.stringify(DEEP_MARK), DEEP_JSON);

/** A field's names in problems: dotted (`emails.0.address`), and the unions that hold it. */
const namesOf = (target: Target): string[] =>
  [target.path.length, ...target.unions.filter((length) => length > 0)].map((length) => target.path.slice(0, length).join('.'));

const fillPath = (route: RouteInfo, params: Record<string, string>): string =>
  route.url.replace(/:([a-zA-Z]+)/g, (_m, name: string) => params[name] ?? NOTHING);

/** Real ids for a route's path parameters, by the segment before each. */
function pathParams(route: RouteInfo, known: KnownIds): Record<string, string> {
  const params: Record<string, string> = {};
  const segments = route.url.split('/');
  segments.forEach((segment, i) => {
    if (!segment.startsWith(':')) return;
    const name = segment.slice(1);
    if (name === 'action') params[name] = 'make-lead';
    else if (name === 'identityId') params[name] = known.byKind.identities ?? NOTHING;
    else params[name] = known.byKind[segments[i - 1]!] ?? NOTHING;
  });
  return params;
}

const queryText = (values: Record<string, Json>): string =>
  Object.entries(values)
    .flatMap(([key, value]) =>
      [value].flat().map((v) => `${encodeURIComponent(key)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`),
    )
    .join('&');

/** Query values, already encoded: text where numbers are wanted, edge values, repeats and brackets. */
function queryAttacks(name: string, example: Json): { what: string; text: string }[] {
  const key = encodeURIComponent(name);
  const valued = (what: string, raw: string) => ({ what, text: `${key}=${raw}` });
  const one = encodeURIComponent(String([example].flat()[0] ?? 'hostile'));
  return [
    valued('text', 'hostile'),
    valued('an empty value', ''),
    valued('a 1 MB value', BIG),
    valued('a lone surrogate', '%ED%A0%80'),
    valued('invalid UTF-8', '%FF%FE'),
    valued('a NUL character', 'a%00b'),
    valued('an RTL override', '%E2%80%AEevil'),
    ...['-1', '1e308', '9007199254740993', '1.5', 'NaN', 'true', 'null', '%7B%7D', '%5B%5D'].map((raw) =>
      valued(decodeURIComponent(raw), raw),
    ),
    ...[...DATES, ...DATES.map((d) => `${d}T09:00:00Z`)].map((date) => valued(date, encodeURIComponent(date))),
    { what: 'the value 10,000 times', text: Array.from({ length: 10_000 }, () => `${key}=${one}`).join('&') },
    { what: 'a nested key', text: `${key}[a][b]=1` },
  ];
}

const PARAM_ATTACKS = [
  'not-a-uuid',
  '0',
  '%ED%A0%80',
  '%E2%80%AE' + NOTHING,
  NOTHING + '0',
  'x'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  NOTHING,
];

/** The valid request each route's hostile cases are made from (`tag` '' for the request itself). */
export function validRequest(route: RouteInfo, known: KnownIds, validBody?: ValidBody, tag = ''): HostileCase {
  const schema = route.schema ?? {};
  const examples = { ...known, tag };
  const querySchema = asSchema(schema.querystring);
  const query = querySchema ? queryText(exampleOf(querySchema, '', examples) as Record<string, Json>) : '';
  const bodySchema = asSchema(schema.body);
  const body = validBody ? validBody(tag) : bodySchema ? exampleOf(bodySchema, '', examples) : undefined;
  const url = fillPath(route, pathParams(route, known)) + (query ? `?${query}` : '');
  return { what: 'the valid request', method: route.method, url, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

export function hostileCases(route: RouteInfo, known: KnownIds, validBody?: ValidBody): HostileCase[] {
  const { method } = route;
  const schema = route.schema ?? {};
  const params = pathParams(route, known);
  const url = fillPath(route, params);
  const valid = validRequest(route, known, validBody);
  const cases: HostileCase[] = [];
  const add = (c: Omit<HostileCase, 'method'>) => cases.push({ method, ...c });

  for (const [name] of propertiesOf(asSchema(schema.params) ?? {})) {
    for (const raw of PARAM_ATTACKS) {
      const query = valid.url.split('?')[1];
      const path = fillPath(route, { ...params, [name]: raw }) + (query ? `?${query}` : '');
      add({ what: `path ${name} = ${raw.slice(0, 40)}`, url: path, body: valid.body, fields: [`params.${name}`] });
    }
  }

  const querySchema = asSchema(schema.querystring);
  if (querySchema) {
    const baseQuery = exampleOf(querySchema, '', { ...known, tag: '' }) as Record<string, Json>;
    const withQuery = (text: string) => `${url}?${[queryText(baseQuery), text].filter(Boolean).join('&')}`;
    add({ what: 'an unknown query parameter', url: withQuery('hostileExtra=1'), body: valid.body, fields: ['querystring.hostileExtra'] });
    for (const [name, child] of propertiesOf(querySchema)) {
      const { [name]: _attacked, ...rest } = baseQuery;
      for (const attack of queryAttacks(name, exampleOf(child, name, { ...known, tag: '' }))) {
        const text = [queryText(rest), attack.text].filter(Boolean).join('&');
        // A use case that refuses a parameter's value (a cursor, a time zone) names it without the prefix.
        add({ what: `query ${name} = ${attack.what}`, url: `${url}?${text}`, body: valid.body, fields: [`querystring.${name}`, name] });
      }
    }
  }

  if (method === 'GET') return cases;
  add({ what: 'a body that is not JSON', url: valid.url, body: '{"hostile": ' });
  add({ what: 'a body over the size limit', url: valid.url, body: OVERSIZED });
  const bodySchema = asSchema(schema.body);
  if (!bodySchema) return cases;
  add({ what: 'a text/plain body', url: valid.url, body: 'hostile', contentType: 'text/plain' });
  for (const [what, body] of [
    ['an array body', '[]'],
    ['a string body', '"hostile"'],
    ['a null body', 'null'],
    ['a number body', '12'],
  ] as const) {
    add({ what, url: valid.url, body, fields: ['body'] });
  }
  const baseOf = (tag: string) => JSON.parse(validRequest(route, known, validBody, tag).body!) as Json;
  add({
    what: 'an unknown field',
    url: valid.url,
    body: JSON.stringify({ ...(asSchema(baseOf('u')) ?? {}), hostileExtra: 1 }),
    fields: ['hostileExtra'],
  });
  for (const field of targetsIn(bodySchema, baseOf(''))) {
    for (const attack of attacksOn(field.schema, { ...known, tag: '' })) {
      const tag = String(cases.length);
      const body = place(field.containers, field.path, attack.value, baseOf(tag), { ...known, tag });
      add({ what: `${field.path.join('.')} = ${attack.what}`, url: valid.url, body: bodyJson(body), fields: namesOf(field) });
    }
  }
  return cases;
}

/**
 * Cursors shaped like one the list gave out (base64url JSON), each with one of its values swapped
 * for a hostile one: the keyset values reach the list's SQL, where a wrong type was a cast error.
 */
export function forgedCursors(given: string): { what: string; value: string }[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(given, 'base64url').toString('utf8'));
  } catch {
    return [];
  }
  const fields = asSchema(decoded);
  if (!fields) return [];
  const values: unknown[] = [
    'hostile',
    '',
    '1',
    'a\u0000b',
    'a\ud800b',
    '0000-01-01T00:00:00Z',
    1e308,
    -1,
    1.5,
    true,
    null,
    ['hostile'],
    { hostile: 1 },
  ];
  return Object.keys(fields).flatMap((key) =>
    values.map((value) => ({
      what: `a cursor whose ${key} is ${JSON.stringify(value)}`,
      value: Buffer.from(JSON.stringify({ ...fields, [key]: value })).toString('base64url'),
    })),
  );
}

interface Problem {
  status?: unknown;
  code?: unknown;
  errors?: { field?: unknown; reason?: unknown }[];
}

const names = (field: string, expected: string) =>
  field === expected || field.startsWith(`${expected}.`) || field.startsWith(`${expected}[`);

/**
 * What is wrong with the answer to a hostile case: a server error; a client error that is not
 * problem+json with its status; a validation problem that names no field, or not the field attacked.
 */
export function answerFailures(c: HostileCase, response: LightMyRequestResponse): string[] {
  const status = response.statusCode;
  if (status >= 500) return [`answered ${status}: ${response.body.slice(0, 300)}`];
  if (status < 400) return [];
  const failures: string[] = [];
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) failures.push(`answered ${status} as ${type || 'no content type'}`);
  let problem: Problem;
  try {
    problem = JSON.parse(response.body) as Problem;
  } catch {
    return [...failures, `answered ${status} with a body that is not JSON`];
  }
  if (problem.status !== status) failures.push(`answered ${status} with a problem of status ${String(problem.status)}`);
  if (problem.code !== 'validation_failed') return failures;
  const errors = problem.errors ?? [];
  const named = errors.map((e) => String(e.field ?? ''));
  if (errors.length === 0 || errors.some((e) => !e.field || !e.reason)) {
    failures.push(`a validation problem without field and reason: ${response.body.slice(0, 300)}`);
  } else if (c.fields && !named.some((f) => c.fields!.some((expected) => names(f, expected)))) {
    failures.push(`names ${named.join(', ')} instead of ${c.fields[0]}: ${response.body.slice(0, 300)}`);
  }
  return failures;
}
