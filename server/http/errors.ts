import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorReason } from '../domain/domain-error.js';
import type { Logger } from '../logger.js';

/**
 * The one error type handlers throw. `code` is a stable machine-readable string the UI and
 * API clients can branch on; `message` is safe to show to a merchant.
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

export function errorBody(c: Context, code: string, message: string): ErrorBody {
  return { error: { code, message, requestId: c.get('requestId') ?? 'unknown' } };
}

/** Maps every thrown error to `{error:{code,message,requestId}}`; 5xx bodies stay generic. */
export function createErrorHandler(logger: Logger) {
  return function handleError(err: Error, c: Context) {
    if (err instanceof ApiError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(errorBody(c, err.code, err.message), err.status);
    }
    if (err instanceof DomainError) {
      return c.json(errorBody(c, err.code, err.message), DOMAIN_STATUS[err.reason]);
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own 4xx (e.g. body-limit); its message is already generic.
      return c.json(errorBody(c, httpCode(err.status), err.message || 'Bad request'), err.status);
    }
    // Only the error's class goes to the log: messages from libraries can embed tokens.
    logger.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      errorClass: err.name,
    });
    return c.json(errorBody(c, 'internal_error', 'Something went wrong on our side.'), 500);
  };
}

const DOMAIN_STATUS: Record<DomainErrorReason, ContentfulStatusCode> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

export function handleNotFound(c: Context) {
  return c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
}

function httpCode(status: number): string {
  if (status === 413) return 'payload_too_large';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  return 'bad_request';
}
