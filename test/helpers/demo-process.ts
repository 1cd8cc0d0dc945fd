import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The real demo server as its own process (`node --import tsx server/main.ts`, what `npm start`
 * runs after building), on loopback, over a data folder the caller keeps between starts, so a
 * test can SIGKILL it and start it again on the same database and port.
 */
export interface DemoProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | string | null>;
}

export async function startDemoProcess(
  dataDir: string,
  port = 0,
  timeoutMs = 90_000,
): Promise<DemoProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${resolve(dataDir, 'closer.db')}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`demo server did not start in ${timeoutMs} ms:\n${output.slice(-2_000)}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // main.ts prints the demo banner once the server listens and the demo shop is installed.
      const match = /Demo home\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        ready(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((how) => {
      clearTimeout(timer);
      fail(new Error(`demo server exited (${how}) before it was ready:\n${output.slice(-2_000)}`));
    });
  });
  // Keep draining the pipes so a chatty server never blocks on a full pipe.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return { url, port: Number(new URL(url).port), child, exited };
}

export interface PlainAnswer {
  status: number;
  body: string;
}

/**
 * One request on its own connection (no keep-alive pool: pooled sockets would outlive a killed
 * server). Rejects when the connection fails or is cut before the answer is complete.
 */
export function postOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs = 30_000,
): Promise<PlainAnswer> {
  return new Promise((answer, fail) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, connection: 'close' }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          res.complete
            ? answer({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() })
            : fail(new Error('answer cut short')),
        );
        res.on('error', fail);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', fail);
    req.end(body);
  });
}
