/**
 * The parsed form of a listening query: a tree of Boolean operators over word patterns, entities
 * (hashtags, mentions) and message fields, with the source offsets each node came from so that
 * errors and warnings can point at the text the user typed.
 */
import type { FieldName } from './query-fields.js';

/** One word to find. `text` is folded (lower case, no accents) unless `caseSensitive`. */
export interface WordPattern {
  readonly text: string;
  readonly caseSensitive: boolean;
  /** `text` holds `*` (any characters) or `?` (one character). */
  readonly wildcard: boolean;
}

interface Located {
  /** 0-based offset of the node's first character in the query. */
  readonly start: number;
  readonly end: number;
}

export type QueryNode =
  | (Located & { readonly kind: 'and'; readonly children: readonly QueryNode[] })
  | (Located & { readonly kind: 'or'; readonly children: readonly QueryNode[] })
  | (Located & { readonly kind: 'not'; readonly child: QueryNode })
  | (Located & {
      readonly kind: 'near';
      readonly left: QueryNode;
      readonly right: QueryNode;
      /** Most words allowed between the two sides. */
      readonly distance: number;
      /** The left side must come first. */
      readonly ordered: boolean;
    })
  | (Located & {
      readonly kind: 'words';
      /** One word for a term; several for a phrase (or a term such as `e-mail` that holds several words). */
      readonly words: readonly WordPattern[];
      /** null: the words adjacent and in order; n: all of them within a window with at most n other words. */
      readonly proximity: number | null;
    })
  | (Located & { readonly kind: 'hashtag'; readonly tag: string })
  | (Located & { readonly kind: 'mention'; readonly handle: string })
  | (Located & { readonly kind: 'field'; readonly field: FieldName; readonly value: string; readonly wildcard: boolean });

export interface ParsedQuery {
  readonly source: string;
  readonly root: QueryNode;
}

/** Why a query was refused: a stable code, a plain-language reason and where in the query. */
export interface QueryError {
  readonly code: string;
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

/** A query that parses but probably does not do what was meant. */
export interface QueryWarning {
  readonly code: string;
  readonly message: string;
  readonly position: number;
  readonly length: number;
}
