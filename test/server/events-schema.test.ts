import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../drizzle/schema.js';
import type { AppContext } from '../../server/app-context.js';
import { openDatabase } from '../../server/db/client.js';
import { loadOfferFunnel } from '../../server/domain/dashboard-offer-funnel.js';
import { loadSetup } from '../../server/domain/dashboard-setup.js';
import { handleCustomersRedact } from '../../server/domain/webhooks/compliance.js';

/*
 * Migration 0009 (issue 9, item 6): `events` keeps two secondary indexes, each one a reader
 * needs — (shop, type, occurred_at) for Home's funnel and "live" check, (shop, unit) for
 * redaction — instead of the six-column index the report once read. The rows a database holds
 * stay, and every reader of `events` is still an index search, never a scan of the shop's rows.
 */
const MIGRATIONS = resolve(import.meta.dirname, '../../drizzle/migrations');
const TAG = '0009_narrow_event_indexes';
const dir = mkdtempSync(join(tmpdir(), 'closer-migration-0009-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The committed migrations before `tag`. */
function migrationsBefore(tag: string) {
  const folder = join(dir, 'before');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const SHOP = 'a.myshopify.com';

async function eventIndexes(client: Client): Promise<string[]> {
  const rows = await client.execute(
    `select name from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null
     order by name`,
  );
  return rows.rows.map((r) => String(r.name));
}

async function planOf(client: Client, sql: string, args: unknown[]): Promise<string> {
  const plan = await client.execute({
    sql: `explain query plan ${sql}`,
    args: args as never[],
  });
  return plan.rows.map((r) => String(r.detail)).join('\n');
}

describe(`migration ${TAG}`, () => {
  test('applies to a database holding events and keeps every row', async () => {
    const client = createClient({ url: `file:${join(dir, 'closer.db')}` });
    await migrate(drizzle(client), { migrationsFolder: migrationsBefore(TAG) });
    expect(await eventIndexes(client)).toEqual([
      'events_shop_offer_type_idx',
      'events_shop_unit_idx',
    ]);
    const rows = Array.from({ length: 40 }, (_, i) => [
      i % 2 === 0 ? SHOP : 'b.myshopify.com',
      `evt-${i}`,
      `ct_${i % 7}`,
      'off_1',
      'exp_1',
      i % 3 === 0 ? 'holdout' : 'treatment',
      ['exposure', 'impression', 'click', 'add'][i % 4] ?? 'exposure',
      i % 4 === 3 ? 1500 : null,
      1_000 + i,
      2_000 + i,
    ]);
    for (const row of rows) {
      await client.execute({
        sql: `insert into events (shop, event_id, unit, offer_id, experiment_key, arm, type, value,
                occurred_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: row as never[],
      });
    }
    const all = `select shop, event_id, unit, offer_id, experiment_key, arm, type, value,
                   occurred_at, received_at from events order by shop, event_id`;
    const before = (await client.execute(all)).rows.map((r) => ({ ...r }));
    expect(before).toHaveLength(40);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    expect((await client.execute(all)).rows.map((r) => ({ ...r }))).toEqual(before);
    expect(await eventIndexes(client)).toEqual([
      'events_shop_type_time_idx',
      'events_shop_unit_idx',
    ]);
    // The key still makes a replayed event id a no-op.
    const replay = await client.execute({
      sql: `insert into events (shop, event_id, unit, offer_id, experiment_key, arm, type, value,
              occurred_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing returning event_id`,
      args: rows[0] as never[],
    });
    expect(replay.rows).toHaveLength(0);
    expect(await client.execute('pragma integrity_check')).toMatchObject({
      rows: [{ integrity_check: 'ok' }],
    });
    client.close();
  });
});

describe('readers of events use an index', () => {
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  /** SQL the dashboard loaders ran, recorded through drizzle's logger on the same connection. */
  const ran: { sql: string; params: unknown[] }[] = [];
  let ctx: AppContext;

  beforeAll(async () => {
    handle = await openDatabase(':memory:');
    const logged = drizzle(handle.client, {
      schema,
      logger: { logQuery: (sql, params) => ran.push({ sql, params }) },
    });
    ctx = { db: logged, dbClient: handle.client } as unknown as AppContext;
  });
  afterAll(() => handle.close());

  const readsOfEvents = () => ran.filter((q) => /\bfrom events\b/i.test(q.sql));

  test("Home's funnel reads a range of events_shop_type_time_idx", async () => {
    ran.length = 0;
    await loadOfferFunnel(ctx, SHOP, 0, 86_400_000);
    const [query, ...more] = readsOfEvents();
    expect(more).toHaveLength(0);
    expect(query).toBeDefined();
    const plan = await planOf(handle.client, query?.sql ?? '', query?.params ?? []);
    expect(plan).toMatch(
      /SEARCH events USING INDEX events_shop_type_time_idx \(shop=\? AND type=\? AND occurred_at>\? AND occurred_at<\?\)/,
    );
    expect(plan).not.toMatch(/SCAN events/);
  });

  test('the "live" check reads only events_shop_type_time_idx', async () => {
    ran.length = 0;
    await loadSetup(ctx, SHOP, null, Date.now());
    const [query, ...more] = readsOfEvents();
    expect(more).toHaveLength(0);
    const plan = await planOf(handle.client, query?.sql ?? '', query?.params ?? []);
    expect(plan).toMatch(
      /SEARCH events USING COVERING INDEX events_shop_type_time_idx \(shop=\? AND type=\? AND occurred_at>\?\)/,
    );
    expect(plan).not.toMatch(/SCAN events/);
  });

  test("customers/redact deletes a customer's events through events_shop_unit_idx", async () => {
    const writes = await handleCustomersRedact(ctx, {
      shop: SHOP,
      topic: 'customers/redact',
      webhookId: 'wh_1',
      eventId: null,
      payload: {
        shop_id: 1,
        shop_domain: SHOP,
        customer: { id: 42, email: 'c@example.com', phone: null },
        orders_to_redact: [],
      },
    });
    const deletes = writes.map((w) => w.toSQL()).filter((q) => /delete from "events"/i.test(q.sql));
    expect(deletes).toHaveLength(1);
    const [del] = deletes;
    const plan = await planOf(handle.client, del?.sql ?? '', del?.params ?? []);
    expect(plan).toMatch(/SEARCH events USING INDEX events_shop_unit_idx \(shop=\? AND unit=\?\)/);
  });
});
