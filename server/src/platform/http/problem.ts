/** Maps every error to RFC 9457 problem+json; unknown errors become a generic 500. */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allowedMethods } from './allowed-methods.js';
import { RapportError, type FieldProblem } from './errors.js';
import { fieldProblems, type ValidationIssue } from './field-problems.js';
import { frameworkProblem } from './framework-errors.js';
import { refuseSniffing } from './security-headers.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every problem's `type` is a page of ours named by its code, so `type` and `code` never disagree. */
const problemType = (code: string) => `https://rapport.dev/problems/${code}`;

/**
 * A 401 names the scheme to authenticate with (RFC 9110 §11.6.1); a Bearer token that was sent and
 * refused is flagged as such (RFC 6750 §3.1), so a client knows to get a new one rather than retry.
 */
function challengeFor(request: FastifyRequest): string {
  const sentBearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
  return sentBearer ? 'Bearer realm="Rapport", error="invalid_token"' : 'Bearer realm="Rapport"';
}

function send(reply: FastifyReply, problem: Problem) {
  refuseSniffing(reply);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Only API paths: any other path belongs to the web app, whose pages answer GET alone.
    const allowed = path.startsWith('/api/') ? allowedMethods(app, path) : [];
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return send(reply, {
        type: problemType('method_not_allowed'),
        title: 'Method Not Allowed',
        status: 405,
        detail: `${path} does not take ${request.method}, only ${allowed.join(', ')}`,
        code: 'method_not_allowed',
        requestId: request.id,
      });
    }
    return send(reply, {
      type: problemType('route_not_found'),
      title: 'Not Found',
      status: 404,
      detail: `No route for ${request.method} ${path}`,
      code: 'route_not_found',
      requestId: request.id,
    });
  });

  app.setErrorHandler(sendProblemFor);
}

/**
 * Any error as a problem. Also given to Fastify as `frameworkErrors`: its router answers a path
 * that is no valid URL component (`%ED%A0%80`) or a path parameter over the length limit before
 * any hook or error handler runs, and would otherwise answer plain JSON of its own.
 */
export function sendProblemFor(error: FastifyError | RapportError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RapportError) {
    if (error.status === 401) reply.header('www-authenticate', challengeFor(request));
    return send(reply, {
      ...error.extensions,
      type: problemType(error.code),
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      requestId: request.id,
      ...(error.fields.length ? { errors: error.fields } : {}),
    });
  }
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    const errors = fieldProblems(fastifyError.validationContext, fastifyError.validation as ValidationIssue[]);
    return send(reply, {
      type: problemType('validation_failed'),
      title: 'Bad Request',
      status: 400,
      detail: errors.map((e) => `${e.field} ${e.reason}`).join('; '),
      code: 'validation_failed',
      requestId: request.id,
      errors,
    });
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const { code, detail } = frameworkProblem(fastifyError, request);
    return send(reply, {
      type: problemType(code),
      title: TITLES[status] ?? STATUS_CODES[status] ?? 'Bad Request',
      status,
      detail,
      code,
      requestId: request.id,
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, {
    type: problemType('internal'),
    title: 'Internal Server Error',
    status: 500,
    detail: 'Something went wrong on our side. Quote the request id when reporting it.',
    code: 'internal',
    requestId: request.id,
  });
}
