/** The listening query language: parse, check, compile and match queries against messages. */
export { lexQuery, type QueryToken, type QueryTokenKind } from './query.lexer.js';
export { parseQuery, type ParseResult } from './query.parser.js';
export type { ParsedQuery, QueryError, QueryNode, QueryWarning, WordPattern } from './query.ast.js';
export { compileQuery, type CompiledQuery } from './query.compiler.js';
export { prepareMessage, type MessageToMatch, type PreparedMessage } from './prepared-message.js';
export { createQueryIndex, type QueryIndex } from './query.index.js';
export { checkQueries, MAX_LINE_LENGTH, type QueryCheckSummary, type QueryVerdict } from './query-check.js';
export { QUERY_LIMITS, MESSAGE_LIMITS } from './query-limits.js';
export { CHANNELS, FIELD_NAMES, INTENTS, SENTIMENTS, type FieldName } from './query-fields.js';
