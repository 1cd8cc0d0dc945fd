import type { AppSecrets } from '../../../server/demo/shopify-signatures.js';
import type { LogLevel } from '../../../server/logger.js';
import type { RawPlan, RawResult } from './raw-ceiling.js';

/**
 * What the bench (parent) and a server process (child, `server-child.ts`) say to each other over
 * the IPC channel: one request, one answer, matched by id.
 */
export type ServerSpec =
  /** A bare Hono app on @hono/node-server: POST JSON → 204. The floor. */
  | { kind: 'floor' }
  /** The floor plus the checkout route's token check (the library's `decodeSessionToken`). */
  | { kind: 'floor-jwt'; secrets: AppSecrets }
  /**
   * The real app (scripts/bench/bench-app.ts) over a libSQL file, rate limits lifted; Shopify
   * emulated (msw) only where the shop is installed, not in the servers under load.
   */
  | {
      kind: 'app';
      secrets: AppSecrets;
      databaseUrl: string;
      logLevel: LogLevel;
      emulateShopify: boolean;
    }
  /** No HTTP: the app's database connection, for the raw-insert ceiling. */
  | { kind: 'raw'; databaseUrl: string };

export interface Usage {
  /** process.cpuUsage() of the server process, in microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  /** Peak resident set size of the process so far. */
  maxRssBytes: number;
  /** Requests the server is still working on (answered when their handler resolved). */
  inflight: number;
  /** Open client connections. */
  connections: number;
  /** process.hrtime in µs: the clock of V8's CPU profile samples, to cut a profile to a run. */
  monotonicUs: number;
}

export interface ChildMethods {
  start: { params: ServerSpec; result: { port: number } };
  usage: { params: null; result: Usage };
  raw: { params: RawPlan; result: RawResult };
  stop: { params: null; result: null };
}

export type ChildMethod = keyof ChildMethods;

export interface ChildRequest<M extends ChildMethod = ChildMethod> {
  id: number;
  method: M;
  params: ChildMethods[M]['params'];
}

export type ChildAnswer =
  | { id: number; result: ChildMethods[ChildMethod]['result'] }
  | { id: number; error: string };
