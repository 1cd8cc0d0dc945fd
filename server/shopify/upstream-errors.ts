/**
 * What can go wrong when we call Shopify, in four kinds the rest of the app can act on. These
 * are domain errors: they say what happened upstream, and `http/errors.ts` alone decides what
 * the merchant's request answers. Messages are written here, never copied from a response, so
 * no token or shopper data can travel in them.
 */
export type UpstreamFailureKind = 'throttled' | 'unavailable' | 'refused' | 'bug';

export abstract class ShopifyCallError extends Error {
  abstract readonly kind: UpstreamFailureKind;

  constructor(
    /** The GraphQL operation name or OAuth step, e.g. `CloserVariants`, `tokenExchange`. */
    readonly operation: string,
    reason: string,
    /** When Shopify said (or its throttle status implies) a retry can succeed. */
    readonly retryAfterMs?: number,
  ) {
    super(`${operation}: ${reason}`);
  }

  /** Worth another attempt: Shopify was busy or did not answer, the request itself was fine. */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable';
  }
}

/** HTTP 429, or a GraphQL `THROTTLED` error: the app/shop query-cost bucket is empty. */
export class ShopifyThrottledError extends ShopifyCallError {
  readonly kind = 'throttled';
  override readonly name = 'ShopifyThrottledError';
}

/** 5xx, a network error, an answer that is not the API's, or no answer within the timeout. */
export class ShopifyUnavailableError extends ShopifyCallError {
  readonly kind = 'unavailable';
  override readonly name = 'ShopifyUnavailableError';
}

/**
 * Shopify understood the request and said no: a 4xx other than 429 (a revoked token, a missing
 * scope, an uninstalled shop), or user errors from a mutation. Retrying changes nothing.
 */
export class ShopifyRefusedError extends ShopifyCallError {
  readonly kind = 'refused';
  override readonly name: string = 'ShopifyRefusedError';

  constructor(
    operation: string,
    reason: string,
    /** The HTTP status when the refusal was one; absent for GraphQL user errors. */
    readonly status?: number,
  ) {
    super(operation, reason);
  }
}

/** Our side is wrong: a query Shopify calls invalid, or an answer without the data we asked. */
export class ShopifyBugError extends ShopifyCallError {
  readonly kind = 'bug';
  override readonly name = 'ShopifyBugError';
}

/** Shopify no longer accepts the stored access token (revoked, or issued to other credentials). */
export function isAccessTokenRefused(error: unknown): boolean {
  return error instanceof ShopifyRefusedError && error.status === 401;
}
