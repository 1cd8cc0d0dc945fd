import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  ChildAnswer,
  ChildMethod,
  ChildMethods,
  ServerSpec,
  Usage,
} from './child-protocol.js';
import type { RawPlan, RawResult } from './raw-ceiling.js';

const CHILD_ENTRY = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:<port>; empty for the raw kind, which serves nothing. */
  url: string;
  usage(): Promise<Usage>;
  /**
   * Resolves once no request is being handled (every acknowledged write has committed) and, with
   * `drained`, no client connection is open either (no request left unread in a socket).
   */
  idle(options?: { drained?: boolean; timeoutMs?: number }): Promise<void>;
  raw(plan: RawPlan): Promise<RawResult>;
  /** Closes the server and the database, and lets the process exit (writes a --cpu-prof file). */
  stop(): Promise<void>;
  /** SIGKILL: no close, no flush, no goodbye. */
  kill9(): Promise<void>;
}

export interface StartOptions {
  /** Where the server's stdout and stderr (its access log) go. */
  logFile: string;
  /** Writes a V8 CPU profile into this folder when the process exits. */
  cpuProfileDir?: string;
}

/**
 * Starts one server process of the bench (`server-child.ts`) on this Node binary with tsx,
 * as `npm run bench` itself runs, and talks to it over IPC.
 */
export async function startServerProcess(
  spec: ServerSpec,
  options: StartOptions,
): Promise<ServerProcess> {
  const log = openSync(options.logFile, 'a');
  const execArgv = ['--import', 'tsx'];
  if (options.cpuProfileDir) {
    execArgv.push(
      '--cpu-prof',
      `--cpu-prof-dir=${options.cpuProfileDir}`,
      '--cpu-prof-interval=250',
    );
  }
  let child: ChildProcess;
  try {
    child = fork(CHILD_ENTRY, [], { execArgv, stdio: ['ignore', log, log, 'ipc'] });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  child.on('message', (answer: ChildAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ('error' in answer) waiting.reject(new Error(`server process: ${answer.error}`));
    else waiting.resolve(answer.result);
  });
  child.once('exit', (code, signal) => {
    for (const waiting of pending.values()) {
      waiting.reject(
        new Error(`server process exited (${signal ?? code}); see ${options.logFile}`),
      );
    }
    pending.clear();
  });

  function call<M extends ChildMethod>(
    method: M,
    params: ChildMethods[M]['params'],
  ): Promise<ChildMethods[M]['result']> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, method, params }, (error) => {
        if (error) {
          pending.delete(id);
          reject(error);
        }
      });
    });
  }

  let port: number;
  try {
    ({ port } = await call('start', spec));
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid ?? -1,
    url: port ? `http://127.0.0.1:${port}` : '',
    usage: () => call('usage', null),
    async idle({ drained = false, timeoutMs = 60_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      const busy = (u: Usage) => u.inflight > 0 || (drained && u.connections > 0);
      while (busy(await call('usage', null))) {
        if (Date.now() > deadline) throw new Error('server still busy after the load stopped');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    raw: (plan) => call('raw', plan),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await call('stop', null);
      await exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
