import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One attempt of one call to Shopify. The library's OAuth helpers (token exchange, refresh) take
 * no AbortSignal and turn some answers into bare parse errors, so the fetch function they use
 * (`shopify-api.ts`) reads the attempt's signal from here and notes what came back, which is all
 * the retry loop needs to time an attempt out and to classify what went wrong.
 */
export interface UpstreamAttempt {
  signal: AbortSignal;
  /** A request left this process during the attempt (so a TypeError is the network's). */
  requested: boolean;
  /** Status and Retry-After of the last response seen in the attempt. */
  status?: number;
  retryAfter?: string | null;
}

const attempts = new AsyncLocalStorage<UpstreamAttempt>();

export function runUpstreamAttempt<T>(attempt: UpstreamAttempt, run: () => Promise<T>): Promise<T> {
  return attempts.run(attempt, run);
}

/** Fetch that honours the current attempt's signal and records the answer's status. */
export async function fetchInUpstreamAttempt(
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const attempt = attempts.getStore();
  if (!attempt) return globalThis.fetch(input, init);
  const signal = init?.signal ? AbortSignal.any([init.signal, attempt.signal]) : attempt.signal;
  attempt.requested = true;
  const response = await globalThis.fetch(input, { ...init, signal });
  attempt.status = response.status;
  attempt.retryAfter = response.headers.get('Retry-After');
  return response;
}
