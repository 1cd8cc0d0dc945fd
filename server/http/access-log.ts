import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { isIngestionPath } from './ingestion-paths.js';

export interface AccessLogOptions {
  /** How often the counted successes are written as one `requests` line per path. */
  summaryEveryMs: number;
}

interface Tally {
  count: number;
  totalMs: number;
  maxMs: number;
}

/**
 * One line per request: method, path (never the query — it can carry tokens), status, time.
 * Except: a 2xx on an ingestion path is only counted, and the counts are written every
 * `summaryEveryMs` as one `requests` line per method and path (count, mean and max time). Every
 * error (status ≥ 400) and every other request still gets its own line.
 */
export function accessLog(
  logger: Logger,
  options: AccessLogOptions = { summaryEveryMs: 10_000 },
): MiddlewareHandler {
  const tallies = new Map<string, Tally>();
  let timer: ReturnType<typeof setInterval> | null = null;

  const writeSummary = () => {
    if (tallies.size === 0 && timer) {
      // Quiet for a whole period: stop until the next counted request.
      clearInterval(timer);
      timer = null;
      summariesAtExit.delete(writeSummary);
      return;
    }
    for (const [route, tally] of tallies) {
      const [method, path] = route.split(' ', 2);
      logger.info('requests', {
        method,
        path,
        status: '2xx',
        count: tally.count,
        meanMs: Math.round(tally.totalMs / tally.count),
        maxMs: Math.round(tally.maxMs),
        periodMs: options.summaryEveryMs,
      });
    }
    tallies.clear();
  };

  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    const path = c.req.path;
    const status = c.res.status;
    // At checkout peak one line per accepted batch would cost more than the batch itself.
    if (status < 300 && isIngestionPath(path)) {
      const route = `${c.req.method} ${path}`;
      const tally = tallies.get(route);
      if (tally) {
        tally.count++;
        tally.totalMs += ms;
        if (ms > tally.maxMs) tally.maxMs = ms;
      } else {
        tallies.set(route, { count: 1, totalMs: ms, maxMs: ms });
      }
      if (!timer) {
        timer = setInterval(writeSummary, options.summaryEveryMs);
        // The summary never keeps a process alive; what is counted at exit is written then.
        timer.unref();
        writeSummariesAtExit(writeSummary);
      }
      return;
    }
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path,
      status,
      ms: Math.round(ms),
    });
  };
}

const summariesAtExit = new Set<() => void>();
let exitHooked = false;

function writeSummariesAtExit(write: () => void) {
  summariesAtExit.add(write);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const pending of summariesAtExit) pending();
  });
}
