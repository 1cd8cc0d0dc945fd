import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorReason } from '../domain/domain-error.js';
import type { Logger } from '../logger.js';
import { ShopifyCallError, type UpstreamFailureKind } from '../shopify/upstream-errors.js';

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
    if (err instanceof ShopifyCallError) return respondToUpstreamFailure(err, c, logger);
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

/**
 * Shopify failed under a request. Throttling and outages are worth the merchant's retry: 503 with
 * Retry-After (Shopify's own hint when it gave one). A refusal is 502; our own bug is a 500.
 */
const UPSTREAM_ANSWER: Record<
  UpstreamFailureKind,
  { status: ContentfulStatusCode; code: string; message: string; retryAfterSec?: number }
> = {
  throttled: {
    status: 503,
    code: 'shopify_throttled',
    message: 'Shopify is limiting requests right now; try again in a moment.',
    retryAfterSec: 2,
  },
  unavailable: {
    status: 503,
    code: 'shopify_unavailable',
    message: 'Shopify did not answer in time; try again in a moment.',
    retryAfterSec: 5,
  },
  refused: { status: 502, code: 'shopify_refused', message: 'Shopify refused the request.' },
  bug: { status: 500, code: 'internal_error', message: 'Something went wrong on our side.' },
};

function respondToUpstreamFailure(err: ShopifyCallError, c: Context, logger: Logger) {
  const answer = UPSTREAM_ANSWER[err.kind];
  const log = err.kind === 'bug' ? logger.error : logger.warn;
  log('upstream failure', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    errorClass: err.name,
    failure: err.kind,
    operation: err.operation,
  });
  if (answer.retryAfterSec !== undefined) {
    const hinted = err.retryAfterMs !== undefined ? Math.ceil(err.retryAfterMs / 1000) : 0;
    c.header('Retry-After', String(Math.max(1, hinted || answer.retryAfterSec)));
  }
  return c.json(errorBody(c, answer.code, answer.message), answer.status);
}

export function handleNotFound(c: Context) {
  return c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
}

function httpCode(status: number): string {
  if (status === 413) return 'payload_too_large';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  return 'bad_request';
}
