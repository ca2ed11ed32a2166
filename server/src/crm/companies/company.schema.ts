/** Companies: the organisations contacts work for. API schemas and types (the table is in company.migrations.ts). */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, OneOf, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { CustomValues } from '../contacts/contact.schema.js';
import { SingleLine } from '../shared/single-line.js';

/** Head-count bands; '' means not known. */
export const COMPANY_SIZES = ['', '1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

const Name = SingleLine({ minLength: 1, maxLength: 200 });
const Domains = Type.Array(Type.String({ minLength: 1, maxLength: 253 }), {
  maxItems: 20,
  description: 'Hostnames such as example.com; stored lower-cased (international names as punycode)',
});
const Industry = SingleLine({ maxLength: 100 });
const Size = OneOf(COMPANY_SIZES, { description: "Head count band, or '' when not known" });
const Tags = Type.Array(SingleLine({ minLength: 1, maxLength: 60 }), { maxItems: 100 });
const NullableId = Type.Union([Uuid, Type.Null()]);

export const CompanyInput = Type.Object(
  {
    name: Name,
    domains: Type.Optional(Domains),
    industry: Type.Optional(Industry),
    size: Type.Optional(Size),
    ownerId: Type.Optional(NullableId),
    teamId: Type.Optional(NullableId),
    tags: Type.Optional(Tags),
    custom: Type.Optional(CustomValues),
  },
  { additionalProperties: false },
);
export type CompanyInput = Static<typeof CompanyInput>;

export const CompanyPatch = Type.Object(
  {
    name: Type.Optional(Name),
    domains: Type.Optional(Domains),
    industry: Type.Optional(Industry),
    size: Type.Optional(Size),
    ownerId: Type.Optional(NullableId),
    teamId: Type.Optional(NullableId),
    tags: Type.Optional(Tags),
    custom: Type.Optional(CustomValues),
  },
  { additionalProperties: false },
);
export type CompanyPatch = Static<typeof CompanyPatch>;

export const Company = Type.Object({
  id: Type.String(),
  name: Type.String(),
  domains: Type.Array(Type.String()),
  industry: Type.String(),
  size: Type.String(),
  ownerId: Nullable(Type.String()),
  teamId: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  custom: Type.Record(Type.String(), Type.Unknown()),
  contactCount: Type.Integer({ description: 'Contacts of this company the caller may see' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface Company {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  size: CompanySize;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  contactCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const COMPANY_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export const CompanyListQuery = Type.Object(
  {
    ...PageQuery,
    sort: Type.Optional(OneOf(COMPANY_SORTS)),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text and typo-tolerant search over name, domains and industry' })),
    tag: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
    industry: Type.Optional(Type.String({ maxLength: 100, description: 'Exact industry, ignoring case' })),
    ownerId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CompanyListQuery = Static<typeof CompanyListQuery>;
