/** Global search over contacts and companies: API schemas. */
import { Type, type Static } from 'typebox';

export const SEARCH_TYPES = ['contact', 'company'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'Words to find; each must match as a prefix or a close (typo) match' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResult = Type.Object({
  type: Type.Union([Type.Literal('contact'), Type.Literal('company')]),
  id: Type.String(),
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number({ description: 'Higher is a better match; comparable across types' }),
});
export interface SearchResult {
  type: SearchType;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

export const SearchResponse = Type.Object({ data: Type.Array(SearchResult) });
