import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import {
  signAdminIdToken,
  signCheckoutSessionToken,
} from '../../../server/demo/shopify-signatures.js';
import { BENCH_SHOP, createBenchSecrets } from '../bench-app.js';
import { createActiveOffer, installShop } from '../setup-offer.js';
import type { ServerSpec } from './child-protocol.js';
import { type ProfileSummary, summarizeProfileDir } from './cpu-profile.js';
import { type BenchOffer, createEventStream, type UnitKeys, unitId } from './event-stream.js';
import { Ledger } from './ledger.js';
import { type LoadPlan, type LoadResult, runLoad } from './load.js';
import { createOrderStream, orderIdBase } from './order-stream.js';
import { type ServerProcess, startServerProcess } from './server-process.js';
import { measureStartup, type StartupResult } from './startup.js';
import { type StoredItems, storedEvents, storedOrders } from './stored.js';
import { committedAmong, lostAmong, type Tally, tally } from './tally.js';
import {
  checkoutTraffic,
  retryUnacknowledged,
  type Traffic,
  trafficPlan,
  webhookTraffic,
} from './traffic.js';

/**
 * The ingestion path side by side, in one run, over real HTTP (autocannon, 127.0.0.1): the
 * bare-Hono floor, floor + JWT, the checkout events endpoint at batch 3 and 50 (and with
 * replays), signed orders/create webhooks, a kill -9 in the middle of events and of webhooks,
 * and the raw-insert ceiling. Every server runs in its own process, started fresh for its
 * scenario, all on one libSQL file.
 */
export const SCENARIOS = [
  'floor',
  'floor-jwt',
  'events-3',
  'events-50',
  'events-3-replays',
  'webhooks',
  'events-3-kill9',
  'webhooks-kill9',
  'raw-3-tx1',
  'raw-3-tx100',
  'raw-50-tx1',
  'raw-50-tx10',
  // The floor again at the end: on a shared machine one measurement can land in someone else's
  // busy minute; the ratios take the better of the two.
  'floor-end',
] as const;
export type ScenarioKey = (typeof SCENARIOS)[number];

export interface HttpBenchOptions {
  /** Seconds of measured load per scenario (the raw ceiling runs as long). */
  durationSec: number;
  /** Seconds of unmeasured load first, on the same server process (JIT, caches, page cache). */
  warmupSec: number;
  connections: number;
  /**
   * Requests per second over all connections; unset (the bench) loads each server as fast as it
   * answers. The smoke test sets a low rate: it checks the harness, not the speed.
   */
  rate?: number;
  /** The kill -9 runs kill the server this far into their load. */
  killAfterSec: number;
  /** One more batch-3 run with `node --cpu-prof` on the server, summarised. */
  profile: boolean;
  /** Time to listening and idle RSS of `npm start` (twice), or of the tsx source entry. */
  startup: 'npm-start' | 'entry' | 'none';
  scenarios: readonly ScenarioKey[];
  /**
   * A fresh server process per scenario (the full bench: each scenario's CPU and RSS alone), or
   * one per kind reused across scenarios (the smoke test: fewer start-ups; the kept app server
   * is then the profiled one). Kill runs always start their own victim.
   */
  freshServers: boolean;
  /** Unit keys in order (as every earlier run) or scattered as checkout tokens are (event-stream.ts). */
  unitKeys: UnitKeys;
  /** A folder for the database, the server logs and the profiles. */
  dir: string;
  log(line: string): void;
}

export type ScenarioGroup = 'floor' | 'events' | 'webhooks' | 'kill9' | 'raw';

export interface ScenarioResult {
  key: ScenarioKey;
  label: string;
  group: ScenarioGroup;
  /** Events per request; null for requests that carry no events (floor, webhooks). */
  batch: number | null;
  seconds: number;
  /** 2xx answers (raw: simulated requests) per second in the measured run. */
  requestsPerSecond: number;
  eventsPerSecond: number | null;
  latencyMs: { p50: number; p99: number; max: number } | null;
  /** Server process CPU (user + system) per answered request. */
  cpuMsPerRequest: number;
  /** Peak RSS of the server process. */
  rssMb: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  tally: Tally | null;
}

export interface HttpBenchResults {
  options: Omit<HttpBenchOptions, 'log' | 'dir'>;
  scenarios: ScenarioResult[];
  profile: ProfileSummary | null;
  startup: StartupResult[];
}

const OFFER_PRICE = 1900;
const mb = (bytes: number) => bytes / 2 ** 20;

export async function runHttpBench(options: HttpBenchOptions): Promise<HttpBenchResults> {
  const { dir, log } = options;
  const tag = `hb${randomBytes(2).toString('hex')}`;
  const databaseUrl = `file:${join(dir, 'ingest.db')}`;
  const secrets = createBenchSecrets();
  const appSpec: ServerSpec = {
    kind: 'app',
    secrets,
    databaseUrl,
    logLevel: 'info',
    emulateShopify: false,
  };
  let logNo = 0;
  const start = (spec: ServerSpec, extra: { cpuProfileDir?: string } = {}) =>
    startServerProcess(spec, {
      logFile: join(dir, `server-${String(++logNo).padStart(2, '0')}-${spec.kind}.log`),
      ...extra,
    });

  const profileDir = join(dir, 'cpu-profile');
  const reused = new Map<ServerSpec['kind'], Promise<ServerProcess>>();
  /** The scenario's server: fresh, or the one of its kind kept from an earlier scenario. */
  function serverFor(spec: ServerSpec): Promise<ServerProcess> {
    if (options.freshServers) return start(spec);
    let server = reused.get(spec.kind);
    if (!server) {
      // The kept app server is the profiled one too: its profile is cut to the profile run.
      server = start(
        spec,
        spec.kind === 'app' && options.profile ? { cpuProfileDir: profileDir } : {},
      );
      reused.set(spec.kind, server);
    }
    return server;
  }
  const release = (server: ServerProcess) =>
    options.freshServers ? server.stop() : Promise.resolve();

  // Installing the shop goes through the token exchange: the one server with Shopify emulated
  // (the smoke test keeps it as its app server).
  const installer = { ...appSpec, emulateShopify: true };
  const offer = options.freshServers
    ? await setUpShop(await start(installer), secrets, true)
    : await setUpShop(await serverFor(installer), secrets, false);
  // Reusing servers (the smoke test), the kill runs' victims and the raw server start now, side
  // by side with the first scenarios, once the database is migrated: fewer seconds of start-up.
  const victims = new Map<ScenarioKey, Promise<ServerProcess>>();
  if (!options.freshServers) {
    for (const key of options.scenarios) {
      if (key.endsWith('-kill9')) victims.set(key, start(appSpec));
    }
    if (options.scenarios.some((key) => key.startsWith('raw-'))) {
      serverFor({ kind: 'raw', databaseUrl });
    }
    // A failed start is reported where it is awaited, not as an unhandled rejection before.
    for (const server of [...victims.values(), ...reused.values()]) server.catch(() => {});
  }
  const reader = createClient({ url: databaseUrl });
  const results: ScenarioResult[] = [];
  /** Units the batch-3 run exposed: the webhook runs' orders check out with them. */
  let exposedUnits: { prefix: string; count: number } | null = null;

  async function timed<T>(
    server: ServerProcess,
    plan: (durationSec: number) => Promise<LoadPlan<T>>,
  ) {
    if (options.warmupSec > 0) await runLoad(await plan(options.warmupSec));
    const before = await server.usage();
    const load = await runLoad(await plan(options.durationSec));
    const after = await server.usage();
    const cpuMs =
      (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
    return {
      load,
      cpuMsPerRequest: cpuMs / Math.max(1, load.answers),
      rssMb: mb(after.maxRssBytes),
      window: { fromUs: before.monotonicUs, toUs: after.monotonicUs },
    };
  }

  function row(
    key: ScenarioKey,
    label: string,
    group: ScenarioGroup,
    batch: number | null,
    measured: { load: LoadResult; cpuMsPerRequest: number; rssMb: number },
    extra: { statuses?: Record<string, number>; tally?: Tally | null } = {},
  ): ScenarioResult {
    const { load } = measured;
    const requestsPerSecond = load.ok / load.seconds;
    return {
      key,
      label,
      group,
      batch,
      seconds: load.seconds,
      requestsPerSecond,
      eventsPerSecond: batch === null ? null : requestsPerSecond * batch,
      latencyMs: load.latencyMs,
      cpuMsPerRequest: measured.cpuMsPerRequest,
      rssMb: measured.rssMb,
      non2xx: load.non2xx,
      errors: load.errors,
      statuses: extra.statuses ?? { '2xx': load.ok },
      tally: extra.tally ?? null,
    };
  }

  /** The stream, ledger and traffic of one ingestion scenario. */
  function ingestion(kind: 'events' | 'webhooks', prefix: string, batch: number, index: number) {
    const ledger = new Ledger();
    if (kind === 'events') {
      const stream = createEventStream(offer, prefix, options.unitKeys);
      const traffic = checkoutTraffic(secrets, offer, stream, ledger, batch);
      return {
        ledger,
        traffic,
        units: () => ({ prefix, count: stream.units }),
        read: () => storedEvents(reader, offer.shop, offer.experiment.key, prefix),
      };
    }
    const base = orderIdBase(index);
    const units = exposedUnits;
    const stream = createOrderStream(offer, secrets.apiSecret, {
      prefix,
      base,
      // Orders check out exposed units where there are some, so the rollup triggers join them.
      unit: (n) =>
        units && units.count > 0
          ? unitId(units.prefix, n % units.count, options.unitKeys)
          : unitId(prefix, n, options.unitKeys),
    });
    return {
      ledger,
      traffic: webhookTraffic(stream, ledger),
      units: () => null,
      read: () => storedOrders(reader, offer.shop, offer.experiment.key, base, prefix),
    };
  }

  /** After the load: what was acknowledged and lost, then the client's retries, then the rows. */
  async function settle(
    server: ServerProcess,
    ledger: Ledger,
    traffic: Traffic,
    read: () => Promise<StoredItems>,
  ): Promise<Tally> {
    // Every connection the load generator opened has closed: nothing is left to be read.
    await server.idle({ drained: true });
    const stored = await read();
    const before = {
      acknowledged: ledger.ackedItems(),
      lost: lostAmong(ledger, stored),
      unanswered: ledger.unacknowledged().length,
      committedUnanswered: committedAmong(ledger, stored),
    };
    const left = await retryUnacknowledged(server.url, traffic, ledger);
    if (left > 0) log(`  ${left} requests still unanswered after 3 retries`);
    await server.idle();
    return tally(ledger, before, await read());
  }

  for (const key of options.scenarios) {
    log(`http bench: ${key} …`);
    switch (key) {
      case 'floor':
      case 'floor-end':
      case 'floor-jwt': {
        const bare = key !== 'floor-jwt';
        const spec: ServerSpec = bare ? { kind: 'floor' } : { kind: 'floor-jwt', secrets };
        const server = await serverFor(spec);
        const sample = createEventStream(offer, `${tag}-fl`).take(3);
        const body = JSON.stringify({ events: sample.events });
        const headers: Record<string, string> = bare
          ? {}
          : {
              authorization: `Bearer ${await signCheckoutSessionToken(secrets, BENCH_SHOP, { expiresIn: 300 })}`,
            };
        const measured = await timed<undefined>(server, async (durationSec) => ({
          url: server.url,
          path: '/floor',
          connections: options.connections,
          ...(options.rate ? { rate: options.rate } : {}),
          durationSec,
          headers,
          body,
        }));
        await release(server);
        results.push(
          row(
            key,
            {
              floor: 'bare Hono on node-server, POST JSON → 204 (the floor)',
              'floor-end': 'the floor again, at the end of the run',
              'floor-jwt': 'floor + `decodeSessionToken` (HS256)',
            }[key],
            'floor',
            null,
            measured,
          ),
        );
        break;
      }
      case 'events-3':
      case 'events-50':
      case 'events-3-replays':
      case 'webhooks': {
        const isEvents = key !== 'webhooks';
        const batch = key === 'events-50' ? 50 : 3;
        const prefix = `${tag}-${{ 'events-3': 'e3', 'events-50': 'e50', 'events-3-replays': 'e3r', webhooks: 'wh' }[key]}`;
        const flow = ingestion(isEvents ? 'events' : 'webhooks', prefix, batch, 1);
        const server = await serverFor(appSpec);
        const replayEvery = key === 'events-3-replays' ? 5 : 0;
        const measured = await timed(server, (durationSec) =>
          trafficPlan(
            flow.traffic,
            flow.ledger,
            {
              url: server.url,
              connections: options.connections,
              ...(options.rate ? { rate: options.rate } : {}),
              durationSec,
            },
            replayEvery,
          ),
        );
        const result = await settle(server, flow.ledger, flow.traffic, flow.read);
        await release(server);
        if (key === 'events-3') exposedUnits = flow.units();
        results.push(
          row(
            key,
            {
              'events-3': '`/api/checkout/events`, batch of 3',
              'events-50': '`/api/checkout/events`, batch of 50',
              'events-3-replays': '`/api/checkout/events`, batch of 3, every 5th request a replay',
              webhooks: 'signed `orders/create` webhooks',
            }[key],
            isEvents ? 'events' : 'webhooks',
            isEvents ? batch : null,
            measured,
            { statuses: flow.ledger.statuses, tally: result },
          ),
        );
        break;
      }
      case 'events-3-kill9':
      case 'webhooks-kill9': {
        const isEvents = key === 'events-3-kill9';
        const prefix = `${tag}-${isEvents ? 'k3' : 'kw'}`;
        const flow = ingestion(isEvents ? 'events' : 'webhooks', prefix, 3, 2);
        const victim = await (victims.get(key) ?? start(appSpec));
        const before = await victim.usage();
        const load = await runLoad(
          await trafficPlan(flow.traffic, flow.ledger, {
            url: victim.url,
            connections: options.connections,
            // Long enough that the kill, not the clock, ends the run; at full speed whatever
            // the rate, so that the kill lands among requests in flight.
            durationSec: options.killAfterSec * 2 + 5,
            interrupt: { afterMs: options.killAfterSec * 1000, action: () => void victim.kill9() },
          }),
        );
        await victim.kill9();
        // A new process on the same file: SQLite recovers the WAL, the client retries.
        const server = await serverFor(appSpec);
        const result = await settle(server, flow.ledger, flow.traffic, flow.read);
        await release(server);
        results.push(
          row(
            key,
            isEvents
              ? 'kill -9 during `/api/checkout/events` (batch 3), restart, client retries'
              : 'kill -9 during signed `orders/create`, restart, Shopify retries',
            'kill9',
            isEvents ? 3 : null,
            // CPU up to the kill is not comparable (no end sample); the tally is the point.
            { load, cpuMsPerRequest: Number.NaN, rssMb: mb(before.maxRssBytes) },
            { statuses: flow.ledger.statuses, tally: result },
          ),
        );
        break;
      }
      case 'raw-3-tx1':
      case 'raw-3-tx100':
      case 'raw-50-tx1':
      case 'raw-50-tx10': {
        const [, batchText, txText] = key.split('-') as [string, string, string];
        const batch = Number(batchText);
        const requestsPerTx = Number(txText.slice(2));
        const prefix = `${tag}-r${batch}t${requestsPerTx}`;
        const server = await serverFor({ kind: 'raw', databaseUrl });
        const before = await server.usage();
        const raw = await server.raw({
          offer,
          prefix,
          batch,
          requestsPerTx,
          durationMs: options.durationSec * 1000,
          unitKeys: options.unitKeys,
        });
        const after = await server.usage();
        await release(server);
        const stored = await storedEvents(reader, offer.shop, offer.experiment.key, prefix);
        const seconds = raw.ms / 1000;
        const cpuMs =
          (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
        results.push({
          key,
          label:
            requestsPerTx === 1
              ? `raw libSQL insert, batch ${batch}, 1 tx per request`
              : `raw, batch ${batch}, 1 tx per ${requestsPerTx} requests, multi-row INSERTs`,
          group: 'raw',
          batch,
          seconds,
          requestsPerSecond: raw.requests / seconds,
          eventsPerSecond: raw.events / seconds,
          latencyMs: null,
          cpuMsPerRequest: cpuMs / Math.max(1, raw.requests),
          rssMb: mb(after.maxRssBytes),
          non2xx: 0,
          errors: 0,
          statuses: {},
          tally: {
            sent: raw.events,
            acknowledged: raw.events,
            lost: raw.events - stored.numbers.size,
            unanswered: 0,
            committedUnanswered: 0,
            replays: 0,
            stored: stored.numbers.size,
            accepted: raw.events,
            countedTwice: stored.rows - stored.numbers.size,
            uncounted: 0,
            duplicatesReported: 0,
            checks: stored.consistent,
            ok: stored.numbers.size === raw.events && stored.consistent.every((c) => c.ok),
          },
        });
        break;
      }
    }
  }

  let profile: ProfileSummary | null = null;
  if (options.profile) {
    log('http bench: CPU profile of the batch-3 run …');
    const server = options.freshServers
      ? await start(appSpec, { cpuProfileDir: profileDir })
      : await serverFor(appSpec);
    const flow = ingestion('events', `${tag}-pf`, 3, 3);
    const { load, window } = await timed(server, (durationSec) =>
      trafficPlan(flow.traffic, flow.ledger, {
        url: server.url,
        connections: options.connections,
        ...(options.rate ? { rate: options.rate } : {}),
        durationSec,
      }),
    );
    // The profile is written when the process exits; only the measured run's samples count.
    await server.stop();
    profile = summarizeProfileDir(profileDir, window, load.answers);
  }
  for (const server of reused.values()) await (await server).stop();
  reader.close();

  const startup: StartupResult[] = [];
  if (options.startup !== 'none') {
    log('http bench: start-up …');
    if (options.startup === 'npm-start') {
      // The first run builds whatever is stale; the second finds the build up to date, which
      // is the start the goal is about. Each on an empty data folder.
      startup.push(await measureStartup('npm-start', join(dir, 'startup-npm-1'), 'first run'));
      startup.push(
        await measureStartup(
          'start-script',
          join(dir, 'startup-script'),
          'without npm, up to date',
        ),
      );
      startup.push(await measureStartup('npm-start', join(dir, 'startup-npm-2'), 'up to date'));
    } else {
      startup.push(await measureStartup('entry', join(dir, 'startup-entry'), 'source entry'));
    }
  }

  const { log: _log, dir: _dir, ...recorded } = options;
  return { options: recorded, scenarios: results, profile, startup };
}

/** Installs the bench shop and creates an active offer through the admin API, over HTTP. */
async function setUpShop(
  server: ServerProcess,
  secrets: { apiKey: string; apiSecret: string },
  stopAfter: boolean,
): Promise<BenchOffer> {
  const client = {
    async admin(method: string, path: string, body?: unknown): Promise<unknown> {
      const res = await fetch(`${server.url}/api/admin${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await signAdminIdToken(secrets, BENCH_SHOP)}`,
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answer: unknown = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    },
  };
  try {
    await installShop(client);
    const { offerId, experiment } = await createActiveOffer(client, 'HTTP bench cross-sell', 0.2);
    return { shop: BENCH_SHOP, offerId, experiment, price: OFFER_PRICE };
  } finally {
    if (stopAfter) await server.stop();
  }
}
