import autocannon from 'autocannon';

/**
 * One load run with autocannon: `connections` keep-alive connections on 127.0.0.1, one request
 * in flight on each (no pipelining, as browsers and Shopify send), for a bounded time. Each
 * request is built when its connection is free (`next`), and its answer is handed back with the
 * token `next` returned, so the caller can tell which request an answer is for.
 */
export interface LoadPlan<T> {
  url: string;
  path: string;
  connections: number;
  durationSec: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  rate?: number;
  /** Headers every request carries. */
  headers: Record<string, string>;
  /**
   * The next request, built when a connection is free. A plan without it sends `body` every time,
   * prebuilt: autocannon's cheapest path, for the floor, so the load generator takes as little of
   * the shared CPU as it can there.
   */
  next?(): { token: T; body: string; headers?: Record<string, string> };
  body?: string;
  answered?(token: T, status: number, body: string): void;
  /** Runs once, this many ms into the run, and ends the run there (the kill -9 run). */
  interrupt?: { afterMs: number; action(): void };
}

export interface LoadResult {
  /** Seconds the run actually lasted. */
  seconds: number;
  /** Answers with any status; `ok` of them 2xx. */
  answers: number;
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts (a killed server makes many). */
  errors: number;
  latencyMs: { p50: number; p99: number; max: number };
}

export async function runLoad<T>(plan: LoadPlan<T>): Promise<LoadResult> {
  const baseHeaders = { 'content-type': 'application/json', ...plan.headers };
  let interrupted = false;
  const next = plan.next;
  let last: ReturnType<NonNullable<LoadPlan<T>['next']>> | null = null;
  let finish: (error: unknown, result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: plan.url,
      connections: plan.connections,
      pipelining: 1,
      duration: plan.durationSec,
      ...(plan.rate ? { overallRate: plan.rate } : {}),
      // Requests are answered or timed out well within this; a hung server shows as timeouts.
      timeout: 30,
      ...(next
        ? {
            requests: [
              {
                method: 'POST' as const,
                path: plan.path,
                setupRequest(request: autocannon.Request, context: object) {
                  // After the interrupt autocannon keeps reconnecting until its next 1 s tick:
                  // re-send the request already in hand (never delivered), mint no new ones.
                  const upcoming = interrupted && last ? last : next();
                  last = upcoming;
                  (context as { token?: T }).token = upcoming.token;
                  return {
                    ...request,
                    headers: upcoming.headers
                      ? { ...baseHeaders, ...upcoming.headers }
                      : baseHeaders,
                    body: upcoming.body,
                  };
                },
                ...(plan.answered
                  ? {
                      onResponse(status: number, body: string, context: object) {
                        plan.answered?.((context as { token: T }).token, status, body);
                      },
                    }
                  : {}),
              },
            ],
          }
        : {
            // autocannon takes a static request's path from the URL.
            url: `${plan.url}${plan.path}`,
            method: 'POST' as const,
            headers: baseHeaders,
            body: plan.body ?? '',
          }),
    },
    (error, result) => finish(error, result),
  );
  let timer: NodeJS.Timeout | undefined;
  if (plan.interrupt) {
    const { afterMs, action } = plan.interrupt;
    timer = setTimeout(() => {
      interrupted = true;
      action();
      instance.stop();
    }, afterMs);
  }
  const result = await done.finally(() => clearTimeout(timer));
  const ok = result['2xx'];
  return {
    seconds: result.duration,
    answers: ok + result.non2xx,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}
