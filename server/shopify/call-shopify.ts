import type { Logger } from '../logger.js';
import { AttemptTimeoutError, classifyFailure } from './classify-failure.js';
import type { ShopifyCallError } from './upstream-errors.js';
import { runUpstreamAttempt, type UpstreamAttempt } from './upstream-scope.js';

/**
 * How hard one call to Shopify tries. The defaults keep an admin request under ~15 s in the
 * worst case (a stall, then a shorter second try); background work can pass a longer budget.
 * `sleep`, `random`, `now` and `startTimeout` are injectable so tests run the real loop without
 * waiting, and can time an attempt out exactly when it stalls rather than by the wall clock.
 */
export interface ShopifyCallPolicy {
  /** Abort one attempt after this long. */
  attemptTimeoutMs: number;
  /** No attempt starts, and no wait is scheduled, past this much time since the first try. */
  deadlineMs: number;
  maxAttempts: number;
  /** Backoff before attempt n+1 is uniform in [0, min(maxDelayMs, baseDelayMs·2^(n-1))]. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A wait Shopify asks for (Retry-After, throttle status) longer than this ends the call. */
  maxWaitMs: number;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
  /** Calls `fire` after `ms` unless the returned cancel function runs first. */
  startTimeout(ms: number, fire: () => void): () => void;
}

export const DEFAULT_SHOPIFY_CALL_POLICY: ShopifyCallPolicy = {
  attemptTimeoutMs: 8_000,
  deadlineMs: 15_000,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxWaitMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => performance.now(),
  startTimeout: (ms, fire) => {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
};

export function resolveCallPolicy(overrides?: Partial<ShopifyCallPolicy>): ShopifyCallPolicy {
  return { ...DEFAULT_SHOPIFY_CALL_POLICY, ...overrides };
}

export interface ShopifyCall {
  operation: string;
  shop: string;
  logger: Logger;
  policy: ShopifyCallPolicy;
}

/**
 * Runs `attempt` until it succeeds, fails in a way a retry cannot fix (refused, bug), or the
 * attempt/time budget is spent; throws the last failure, classified. Throttling and outages
 * are retried with jittered exponential backoff, never sooner than Shopify asked.
 */
export async function callShopify<T>(
  call: ShopifyCall,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { policy } = call;
  const startedAt = policy.now();
  for (let n = 1; ; n++) {
    const remaining = policy.deadlineMs - (policy.now() - startedAt);
    const result = await runAttempt(
      call.operation,
      Math.min(policy.attemptTimeoutMs, remaining),
      policy,
      attempt,
    );
    if (result.ok) return result.value;
    const error = result.error;
    const waitMs = nextWaitMs(policy, n, error);
    const elapsed = policy.now() - startedAt;
    const fields = {
      shop: call.shop,
      operation: call.operation,
      errorClass: error.name,
      failure: error.kind,
      attempt: n,
    };
    if (
      waitMs === undefined ||
      waitMs > policy.maxWaitMs ||
      elapsed + waitMs >= policy.deadlineMs
    ) {
      call.logger.warn('shopify call failed', fields);
      throw error;
    }
    call.logger.info('shopify call retrying', { ...fields, waitMs });
    await policy.sleep(waitMs);
  }
}

type AttemptResult<T> = { ok: true; value: T } | { ok: false; error: ShopifyCallError };

async function runAttempt<T>(
  operation: string,
  timeoutMs: number,
  policy: ShopifyCallPolicy,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<AttemptResult<T>> {
  const controller = new AbortController();
  const scope: UpstreamAttempt = { signal: controller.signal, requested: false };
  let cancelTimeout = () => {};
  // Racing the abort as well as passing the signal: a stalled body read or a library that
  // ignores the signal still cannot hold the caller past the timeout.
  const timedOut = new Promise<never>((_, reject) => {
    cancelTimeout = policy.startTimeout(Math.max(0, timeoutMs), () => {
      const reason = new AttemptTimeoutError(timeoutMs);
      controller.abort(reason);
      reject(reason);
    });
  });
  try {
    const value = await Promise.race([
      runUpstreamAttempt(scope, () => attempt(controller.signal)),
      timedOut,
    ]);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: classifyFailure(error, operation, scope) };
  } finally {
    cancelTimeout();
  }
}

/** Undefined: do not retry. */
function nextWaitMs(
  policy: ShopifyCallPolicy,
  attemptsMade: number,
  error: ShopifyCallError,
): number | undefined {
  if (!error.retryable || attemptsMade >= policy.maxAttempts) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
  const backoff = policy.random() * ceiling;
  // Shopify's own hint is a floor; the jitter on top keeps many waiting callers from
  // arriving in the same instant when the bucket refills.
  if (error.retryAfterMs !== undefined) {
    return Math.ceil(error.retryAfterMs + policy.random() * policy.baseDelayMs);
  }
  return Math.ceil(backoff);
}
