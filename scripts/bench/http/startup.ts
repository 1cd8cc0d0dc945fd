import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Start-up of the real server in demo mode on an empty data folder: from spawning the command to
 * the first answer on the port (listening) and to `/health` answering 200 (the app mounted, the
 * database migrated, the demo shop installed); then the server process's RSS after a second of
 * idling. `npm-start` is `npm start` as package.json has it (it builds what is stale first);
 * `entry` is the server's source entry on this Node with tsx, which builds nothing (the smoke
 * test's choice: it must not rewrite dist/).
 */
export interface StartupResult {
  kind: 'npm-start' | 'start-script' | 'entry';
  command: string;
  /** What the run stands for, e.g. "first run" or "up to date". */
  label: string;
  listeningMs: number;
  readyMs: number;
  /** RSS of the server's own process (the deepest one in the tree the command started). */
  idleRssMb: number;
  /** RSS of every process the command started (npm, shells, tsx and the server). */
  treeRssMb: number;
}

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process tree under `pid` (Linux /proc), deepest first. */
function tree(pid: number, depth = 0): { pid: number; depth: number }[] {
  return [...childrenOf(pid).flatMap((child) => tree(child, depth + 1)), { pid, depth }].sort(
    (a, b) => b.depth - a.depth,
  );
}

export async function measureStartup(
  kind: StartupResult['kind'],
  dataDir: string,
  label = '',
): Promise<StartupResult> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  // `start-script` runs what `npm start` runs, without npm: the share npm itself takes.
  const startScript = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start;
  const [command, args]: [string, string[]] =
    kind === 'npm-start'
      ? ['npm', ['start']]
      : kind === 'start-script'
        ? ['sh', ['-c', startScript]]
        : [process.execPath, ['--import', 'tsx', 'server/main.ts']];
  const log = openSync(join(dataDir, 'server.log'), 'a');
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    // Its own process group, so stopping it stops npm, the shell and the server together.
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      // As npm runs a script: the project's binaries first (its pinned Node among them).
      PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${join(dataDir, 'closer.db')}`,
      LOG_LEVEL: 'info',
      // Demo mode: none of the Shopify credentials (an empty value counts as unset).
      SHOPIFY_API_KEY: '',
      SHOPIFY_API_SECRET: '',
      SHOPIFY_APP_URL: '',
    },
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  try {
    let listeningMs = 0;
    let readyMs = 0;
    const deadline = started + 180_000;
    while (!readyMs) {
      if (done)
        throw new Error(
          `${command} ${args.join(' ')} exited before it answered; see ${dataDir}/server.log`,
        );
      if (performance.now() > deadline) throw new Error(`${command} did not start within 180 s`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        await res.arrayBuffer();
        const now = performance.now() - started;
        listeningMs ||= now;
        if (res.status === 200) readyMs = now;
      } catch {
        // Not listening yet.
      }
      if (!readyMs) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const processes = tree(child.pid ?? 0);
    const server = processes[0];
    return {
      kind,
      command:
        kind === 'npm-start'
          ? 'npm start'
          : kind === 'start-script'
            ? startScript
            : 'node --import tsx server/main.ts',
      label,
      listeningMs,
      readyMs,
      idleRssMb: (server ? rssBytes(server.pid) : 0) / 2 ** 20,
      treeRssMb: processes.reduce((sum, p) => sum + rssBytes(p.pid), 0) / 2 ** 20,
    };
  } finally {
    if (!done && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const force = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    }
  }
}
