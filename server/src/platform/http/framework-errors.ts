/**
 * Fastify's own client errors (its body parsing, its router, the rate limiter) in Rapport's terms:
 * a stable code and a detail that says what to send instead. Fastify's codes (`FST_ERR_…`) and
 * messages name its internals and may change with its versions; clients should not have to know them.
 */
import type { FastifyError, FastifyRequest } from 'fastify';

interface FrameworkProblem {
  code: string;
  detail: string;
}

/** Codes for client errors Fastify or a plugin raises without one we know, by status. */
const CODES_BY_STATUS: Record<number, string> = {
  403: 'forbidden',
  404: 'not_found',
  412: 'precondition_failed',
  413: 'body_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  429: 'rate_limited',
};

const bytes = (count: number) => `${count.toLocaleString('en')} bytes`;

/** The media type a request named, without its parameters, as far as it is worth repeating. */
function sentType(request: FastifyRequest): string | null {
  const type = request.headers['content-type']?.split(';')[0]?.trim();
  return type ? type.slice(0, 100) : null;
}

export function frameworkProblem(error: FastifyError, request: FastifyRequest): FrameworkProblem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const sent = sentType(request);
      return {
        code: 'unsupported_media_type',
        detail: `The body must be JSON sent as application/json, ${sent ? `not ${sent}` : 'and this request named no Content-Type'}`,
      };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'body_too_large', detail: `The body is larger than the ${bytes(request.routeOptions.bodyLimit)} this route takes` };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'content_length_mismatch', detail: 'The body is not as long as its Content-Length header says' };
    case 'FST_ERR_BAD_URL':
      return { code: 'bad_url', detail: 'The path holds a percent-encoded sequence that is not UTF-8 text' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        code: 'uri_too_long',
        detail: `A part of the path is longer than the ${request.server.initialConfig.maxParamLength ?? 100} characters an id or name may have`,
      };
    default:
      return { code: CODES_BY_STATUS[error.statusCode ?? 400] ?? 'bad_request', detail: error.message };
  }
}
