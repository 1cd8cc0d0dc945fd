import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, test } from 'vitest';

/*
 * Migration 0005 rebuilds webhook_deliveries with the key (shop, webhook id). A database that
 * already holds deliveries, orders and exposures keeps them, and the arm_daily triggers of 0001
 * keep firing afterwards.
 */
const MIGRATIONS = resolve(import.meta.dirname, '../../drizzle/migrations');
const TAG = '0005_webhook_hardening';
const dir = mkdtempSync(join(tmpdir(), 'closer-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The committed migrations as they were before 0005 (and anything after it). */
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

describe(`migration ${TAG}`, () => {
  test('keeps existing deliveries, keys them per shop, and the rollup triggers still fire', async () => {
    const client = createClient({ url: `file:${join(dir, 'closer.db')}` });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsBefore(TAG) });
    await client.execute(
      `insert into webhook_deliveries (webhook_id, shop, topic, event_id, received_at)
       values ('wh-1', 'a.myshopify.com', 'orders/create', 'ev-1', 1)`,
    );

    await migrate(db, { migrationsFolder: MIGRATIONS });

    const kept = await client.execute('select shop, webhook_id, event_id from webhook_deliveries');
    expect(kept.rows.map((r) => ({ ...r }))).toEqual([
      { shop: 'a.myshopify.com', webhook_id: 'wh-1', event_id: 'ev-1' },
    ]);
    // The same webhook id in another shop is a different delivery now…
    await client.execute(
      `insert into webhook_deliveries (webhook_id, shop, topic, received_at)
       values ('wh-1', 'b.myshopify.com', 'orders/create', 2)`,
    );
    // …and within one shop it is still unique.
    await expect(
      client.execute(
        `insert into webhook_deliveries (webhook_id, shop, topic, received_at)
         values ('wh-1', 'a.myshopify.com', 'orders/create', 3)`,
      ),
    ).rejects.toThrow(/UNIQUE/);

    // The arm_daily triggers (0001, replaced by 0006's, which read the order's unit link) still
    // maintain the rollup after the rebuild.
    await client.execute(
      `insert into experiments (shop, key, offer_id, seed, coverage, arms, started_at)
       values ('a.myshopify.com', 'exp_1', 'off_1', 'exp_1', 1, '[]', 0)`,
    );
    await client.execute(
      `insert into order_units (shop, order_id, unit_kind, unit)
       values ('a.myshopify.com', 'o1', 'checkout', 'ct_1')`,
    );
    await client.execute(
      `insert into exposures (shop, experiment_key, unit, offer_id, arm, first_exposed_at)
       values ('a.myshopify.com', 'exp_1', 'ct_1', 'off_1', 'treatment', 0)`,
    );
    await client.execute(
      `insert into orders (shop, order_id, checkout_token, currency, subtotal, total,
         total_discounts, total_tax, refunded, lines, attributes, created_at, received_at)
       values ('a.myshopify.com', 'o1', 'ct_1', 'USD', 6400, 7040, 0, 0, 0, '[]', '{}', 1, 1)`,
    );
    const rolled = await client.execute(
      "select units, orders, revenue from arm_daily where shop = 'a.myshopify.com'",
    );
    expect(rolled.rows.map((r) => ({ ...r }))).toEqual([{ units: 1, orders: 1, revenue: 6400 }]);
    const quarantine = await client.execute(
      "select count(*) as n from sqlite_master where name = 'quarantined_webhooks'",
    );
    expect(Number(quarantine.rows[0]?.n)).toBe(1);
    client.close();
  });
});
