import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ChildAnswer, ChildRequest, ServerSpec, Usage } from './child-protocol.js';
import type { RawPlan } from './raw-ceiling.js';

/**
 * A server process of the HTTP bench (`node --import tsx server-child.ts`, IPC channel open).
 * It runs in its own process so the load generator never shares its event loop, and so
 * process.cpuUsage() and the RSS are the server's alone. The parent says what to serve
 * (`child-protocol.ts`); stdout and stderr go to a log file, as a production log would. Each
 * kind loads only its own modules, so the floor's RSS is a bare Hono server's.
 */
type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

let server: Server | null = null;
let closeDatabase: () => void = () => {};
let runRaw: ((plan: RawPlan) => Promise<unknown>) | null = null;
let inflight = 0;
let connections = 0;

function floorApp(check?: (authorization: string | undefined) => Promise<unknown>): Fetch {
  const app = new Hono();
  app.post('/floor', async (c) => {
    if (check) {
      try {
        await check(c.req.header('Authorization'));
      } catch {
        return c.json({ error: 'invalid token' }, 401);
      }
    }
    await c.req.json();
    return c.body(null, 204);
  });
  return app.fetch;
}

async function listen(fetch: Fetch): Promise<number> {
  // Counts requests until their handler resolves: "idle" means every accepted write committed.
  const counted: Fetch = async (request, env) => {
    inflight += 1;
    try {
      return await fetch(request, env);
    } finally {
      inflight -= 1;
    }
  };
  const listening = serve({ fetch: counted, port: 0, hostname: '127.0.0.1' }) as Server;
  // Open sockets too: a request can still sit unread in a socket the load generator closed, and
  // "idle" must wait for it.
  listening.on('connection', (socket) => {
    connections += 1;
    socket.once('close', () => {
      connections -= 1;
    });
  });
  await new Promise<void>((resolve, reject) => {
    listening.once('listening', resolve);
    listening.once('error', reject);
  });
  server = listening;
  return (listening.address() as AddressInfo).port;
}

async function start(spec: ServerSpec): Promise<{ port: number }> {
  switch (spec.kind) {
    case 'floor':
      return { port: await listen(floorApp()) };
    case 'floor-jwt': {
      const { createLogger } = await import('../../../server/logger.js');
      const { createShopifyApi } = await import('../../../server/shopify/shopify-api.js');
      const shopify = createShopifyApi(
        { ...spec.secrets, appUrl: 'https://closer.bench', scopes: ['read_products'] },
        createLogger('silent'),
      );
      const check = (authorization: string | undefined) =>
        shopify.session.decodeSessionToken(authorization?.replace(/^Bearer /, '') ?? '', {
          checkAudience: true,
        });
      return { port: await listen(floorApp(check)) };
    }
    case 'app': {
      const { createLogger } = await import('../../../server/logger.js');
      const { createBenchApp } = await import('../bench-app.js');
      const bench = await createBenchApp(spec.databaseUrl, {
        secrets: spec.secrets,
        logger: createLogger(spec.logLevel),
        emulateShopify: spec.emulateShopify,
      });
      closeDatabase = () => bench.close();
      return { port: await listen((request, env) => bench.app.fetch(request, env)) };
    }
    case 'raw': {
      const { openDatabase } = await import('../../../server/db/client.js');
      const { runRawCeiling } = await import('./raw-ceiling.js');
      const database = await openDatabase(spec.databaseUrl);
      closeDatabase = () => database.close();
      runRaw = (plan) => runRawCeiling(database.client, plan);
      return { port: 0 };
    }
  }
}

function usage(): Usage {
  const cpu = process.cpuUsage();
  return {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rssBytes: process.memoryUsage.rss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    inflight,
    connections,
    monotonicUs: Number(process.hrtime.bigint() / 1000n),
  };
}

async function stop(): Promise<null> {
  const open = server;
  if (open) {
    open.closeAllConnections();
    await new Promise<void>((resolve) => open.close(() => resolve()));
  }
  closeDatabase();
  return null;
}

async function handle(request: ChildRequest): Promise<unknown> {
  switch (request.method) {
    case 'start':
      return start(request.params as ServerSpec);
    case 'usage':
      return usage();
    case 'raw':
      if (!runRaw) throw new Error('raw needs a server started with kind "raw"');
      return runRaw(request.params as RawPlan);
    case 'stop':
      return stop();
  }
}

process.on('message', (message: ChildRequest) => {
  handle(message).then(
    (result) => {
      // Exit only once the answer is out; a --cpu-prof profile is written on this exit.
      process.send?.({ id: message.id, result } as ChildAnswer, undefined, {}, () => {
        if (message.method === 'stop') process.disconnect();
      });
    },
    (error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send?.({ id: message.id, error: text } as ChildAnswer);
    },
  );
});
// The parent gone (or done) means this process is done too.
process.on('disconnect', () => process.exit(0));
