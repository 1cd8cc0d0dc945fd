import type { Client } from '@libsql/client';
import { type SqlRow, type SqlRunner, type SqlStatement, sqlRunnerFor } from './sql-runner.js';

/** What a group of requests writes, and how each request's answer is read from the result. */
export interface GroupWrite<A> {
  statements: SqlStatement[];
  /** One answer per request, in the order the requests were given, from each statement's rows. */
  answers(rows: SqlRow[][]): A[];
}

export interface GroupCommitOptions {
  /** How long the first request of a group waits for company (0: until the requests already read are handled). */
  windowMs: number;
  /** A group this large is written at once. */
  maxRequests: number;
  /**
   * Runs `flush` after `delayMs` (default: a timer). Tests pass their own to hold a group open and
   * look at it before it is written.
   */
  schedule?: (flush: () => void, delayMs: number) => void;
}

/**
 * No timer by default: a group is written once the requests already read from the sockets have
 * been handled (`setImmediate`), so it holds whatever arrived while the previous group was being
 * written. At checkout peak that is many requests — a transaction's fixed cost (BEGIN, the WAL
 * frames of every page it dirtied, COMMIT) is most of a small group's, so a group of 5 batch-3
 * requests cost ~3× per request what one of 40 did in a micro-benchmark — and when the server is
 * idle nobody waits. Alternating bench runs (30 Nov, batch 3, 50 connections) gave 4,559 req/s on
 * average with no timer, 4,290 with a 5 ms window and 4,136 with 1 ms, at the same CPU per
 * request; a 2 ms window earlier spent 0.27–0.30 ms per request against 0.22–0.25.
 */
export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { windowMs: 0, maxRequests: 200 };

interface Waiting<R, A> {
  request: R;
  resolve(answer: A): void;
  reject(error: unknown): void;
}

/**
 * Group commit: requests that passed validation wait a few milliseconds and are written together,
 * in one transaction of multi-row statements, so a burst costs one COMMIT (and one fsync) instead
 * of one per request. Each request is answered only after the COMMIT that holds its rows. If the
 * group's transaction fails, every request of it is written again on its own, so one bad request
 * fails alone and never its neighbours. One group is written at a time; requests that arrive
 * meanwhile form the next group.
 *
 * `plan` turns requests into statements; it must give the same answers whether a request is
 * written alone or with others (idempotent inserts make that hold: see domain/ingest-events.ts).
 */
export class GroupCommit<R, A> {
  private pending: Waiting<R, A>[] = [];
  private scheduled = false;
  /** Whether the pending flush is an immediate one (not a window's timer). */
  private scheduledNow = false;
  private writing = false;
  private readonly schedule: (flush: () => void, delayMs: number) => void;

  constructor(
    private readonly runner: SqlRunner,
    private readonly plan: (requests: R[]) => GroupWrite<A>,
    private readonly options: GroupCommitOptions = GROUP_COMMIT_DEFAULTS,
  ) {
    this.schedule =
      options.schedule ??
      ((flush, delayMs) => {
        // A process exiting with a group still waiting must not hang on it, nor lose it: the
        // server stops accepting first and awaits its in-flight requests (boot.ts, close).
        // 0: once the requests already read have been handled (not setTimeout's 1 ms later).
        if (delayMs <= 0) setImmediate(flush);
        else setTimeout(flush, delayMs);
      });
  }

  /** Queues the request's writes; resolves with its answer once they are committed. */
  submit(request: R): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (this.writing) return; // the running write takes the next group when it ends
      if (this.pending.length >= this.options.maxRequests) this.kick(0);
      else this.kick(this.options.windowMs);
    });
  }

  /** Requests waiting for their group to be written (tests and metrics). */
  get waiting(): number {
    return this.pending.length;
  }

  private kick(delayMs: number) {
    // One pending flush is enough — except a timer's, once the group is full and must go now.
    if (this.scheduled && (delayMs > 0 || this.scheduledNow)) return;
    this.scheduled = true;
    this.scheduledNow = delayMs <= 0;
    this.schedule(() => {
      this.scheduled = false;
      this.scheduledNow = false;
      void this.drain();
    }, delayMs);
  }

  private async drain() {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, this.options.maxRequests);
        await this.write(group);
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(group: Waiting<R, A>[]) {
    let answers: A[];
    try {
      const write = this.plan(group.map((waiting) => waiting.request));
      answers = write.answers(await this.runner.write(write.statements));
    } catch (error) {
      if (group.length === 1 || isLockTimeout(error)) {
        // A lock held elsewhere past busy_timeout is no request's fault, and retrying each one
        // would wait that long again per request: the group fails together and clients retry.
        for (const waiting of group) waiting.reject(error);
        return;
      }
      // Nothing of the group was committed; write each request alone so only the bad one fails.
      for (const waiting of group) await this.write([waiting]);
      return;
    }
    group.forEach((waiting, i) => {
      waiting.resolve(answers[i] as A);
    });
  }
}

function isLockTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

// biome-ignore lint/suspicious/noExplicitAny: one registry holds writers of every request type.
const writers = new WeakMap<object, Map<string, GroupCommit<any, any>>>();

/**
 * The process's writer for one kind of request (one per app context, so tests stay isolated):
 * created on first use with the context's database and options.
 */
export function groupCommitFor<R, A>(
  ctx: { dbClient: Client; groupCommit?: Partial<GroupCommitOptions> },
  name: string,
  plan: (requests: R[]) => GroupWrite<A>,
): GroupCommit<R, A> {
  let named = writers.get(ctx);
  if (!named) {
    named = new Map();
    writers.set(ctx, named);
  }
  let writer = named.get(name) as GroupCommit<R, A> | undefined;
  if (!writer) {
    writer = new GroupCommit(sqlRunnerFor(ctx.dbClient), plan, {
      ...GROUP_COMMIT_DEFAULTS,
      ...ctx.groupCommit,
    });
    named.set(name, writer);
  }
  return writer;
}
