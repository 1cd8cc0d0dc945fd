import {
  GraphqlQueryError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
  InvalidJwtError,
} from '@shopify/shopify-api';
import {
  ShopifyBugError,
  ShopifyCallError,
  ShopifyRefusedError,
  ShopifyThrottledError,
  ShopifyUnavailableError,
} from './upstream-errors.js';
import type { UpstreamAttempt } from './upstream-scope.js';

/** Thrown into an attempt when it outlives its time budget. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'AttemptTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * Turns whatever one attempt threw — a library error, a network TypeError, a parse error on an
 * error page, our own timeout — into one of the four upstream kinds.
 */
export function classifyFailure(
  error: unknown,
  operation: string,
  attempt: UpstreamAttempt,
): ShopifyCallError {
  if (error instanceof ShopifyCallError) return error;
  if (error instanceof AttemptTimeoutError || attempt.signal.aborted) {
    const ms = error instanceof AttemptTimeoutError ? error.timeoutMs : undefined;
    return new ShopifyUnavailableError(operation, ms ? `no answer within ${ms} ms` : 'aborted');
  }
  if (error instanceof GraphqlQueryError) return fromGraphqlErrors(operation, error.body);
  if (error instanceof HttpResponseError) {
    const retryAfter =
      error instanceof HttpThrottlingError && typeof error.response.retryAfter === 'number'
        ? error.response.retryAfter * 1000
        : parseRetryAfter(headerValue(error.response.headers, 'Retry-After'));
    return fromStatus(operation, error.response.code, retryAfter);
  }
  if (error instanceof HttpRequestError || error instanceof HttpMaxRetriesError) {
    return new ShopifyUnavailableError(operation, 'no response');
  }
  if (error instanceof InvalidJwtError) {
    return new ShopifyRefusedError(operation, 'session token refused before the call');
  }
  // The OAuth helpers read an error answer as JSON before classifying it; an HTML error page
  // therefore surfaces as a SyntaxError. The status the fetch saw says what really happened.
  if (attempt.status !== undefined && (attempt.status < 200 || attempt.status >= 300)) {
    return fromStatus(operation, attempt.status, parseRetryAfter(attempt.retryAfter));
  }
  if (attempt.requested && attempt.status === undefined && error instanceof TypeError) {
    return new ShopifyUnavailableError(operation, 'network error');
  }
  if (attempt.requested && error instanceof SyntaxError) {
    return new ShopifyUnavailableError(operation, 'answer was not JSON');
  }
  return new ShopifyBugError(operation, `unexpected ${errorClassOf(error)}`);
}

function fromStatus(operation: string, status: number, retryAfterMs?: number): ShopifyCallError {
  if (status === 429) return new ShopifyThrottledError(operation, 'HTTP 429', retryAfterMs);
  if (status >= 500) return new ShopifyUnavailableError(operation, `HTTP ${status}`, retryAfterMs);
  if (status >= 400) return new ShopifyRefusedError(operation, `HTTP ${status}`, status);
  // A 2xx/3xx the library could not use (e.g. a maintenance page served as 200).
  return new ShopifyUnavailableError(operation, `unusable HTTP ${status} answer`);
}

interface GraphqlErrorBody {
  errors?: { graphQLErrors?: { extensions?: { code?: string } }[] };
  extensions?: {
    cost?: {
      requestedQueryCost?: number;
      throttleStatus?: { currentlyAvailable?: number; restoreRate?: number };
    };
  };
}

function fromGraphqlErrors(operation: string, body: unknown): ShopifyCallError {
  const typed = (body ?? {}) as GraphqlErrorBody;
  const codes = (typed.errors?.graphQLErrors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('THROTTLED')) {
    return new ShopifyThrottledError(operation, 'THROTTLED', throttleWaitMs(typed));
  }
  if (codes.includes('INTERNAL_SERVER_ERROR')) {
    return new ShopifyUnavailableError(operation, 'INTERNAL_SERVER_ERROR');
  }
  if (codes.includes('ACCESS_DENIED')) return new ShopifyRefusedError(operation, 'ACCESS_DENIED');
  return new ShopifyBugError(operation, `GraphQL errors ${codes.filter(Boolean).join(',')}`);
}

/**
 * The bucket refills at `restoreRate` points per second; the query runs once the bucket holds
 * its requested cost. Without a cost extension, the caller falls back to plain backoff.
 */
function throttleWaitMs(body: GraphqlErrorBody): number | undefined {
  const cost = body.extensions?.cost;
  const requested = cost?.requestedQueryCost;
  const available = cost?.throttleStatus?.currentlyAvailable;
  const rate = cost?.throttleStatus?.restoreRate;
  if (requested === undefined || available === undefined || !rate || rate <= 0) return undefined;
  return Math.ceil((Math.max(0, requested - available) / rate) * 1000);
}

function headerValue(
  headers: Record<string, string | string[]> | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key ? headers[key] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** `Retry-After` is either delta-seconds (Shopify sends e.g. "2.0") or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function errorClassOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
