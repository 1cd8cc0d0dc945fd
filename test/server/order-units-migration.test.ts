import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, test } from 'vitest';

/*
 * Migration 0006 links the orders a database already holds to their units (checkout token, a
 * well-formed `_closer_vid` attribute, customer id), recomputes arm_daily from the rows, and
 * replaces 0001's triggers: the figures 0001 kept for checkout experiments stay the same, and
 * later writes keep them exact.
 */
const MIGRATIONS = resolve(import.meta.dirname, '../../drizzle/migrations');
const TAG = '0006_order_units';
const dir = mkdtempSync(join(tmpdir(), 'closer-migration-0006-'));
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

describe(`migration ${TAG}`, () => {
  test('links existing orders, keeps the checkout rollup, and its triggers take over', async () => {
    const client = createClient({ url: `file:${join(dir, 'closer.db')}` });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsBefore(TAG) });
    const order = (id: string, token: string | null, customer: string | null, attrs: string) =>
      client.execute({
        sql: `insert into orders (shop, order_id, checkout_token, customer_id, currency, subtotal,
                total, total_discounts, total_tax, refunded, lines, attributes, created_at, received_at)
              values (?, ?, ?, ?, 'USD', 5000, 5500, 100, 500, 0, '[]', ?, 10, 10)`,
        args: [SHOP, id, token, customer, attrs],
      });
    await client.execute(
      `insert into experiments (shop, key, offer_id, seed, coverage, arms, started_at)
       values ('${SHOP}', 'exp_1', 'off_1', 'exp_1', 1, '[]', 0)`,
    );
    await client.execute(
      `insert into exposures (shop, experiment_key, unit, offer_id, arm, first_exposed_at)
       values ('${SHOP}', 'exp_1', 'ct_1', 'off_1', 'treatment', 0),
              ('${SHOP}', 'exp_1', 'ct_2', 'off_1', 'holdout', 0)`,
    );
    await order('o1', 'ct_1', '42', '{"_closer_vid":"visitor0001"}');
    await order('o2', 'ct_2', null, '{"_closer_vid":"no good id"}');
    await order('o3', null, null, '{}');
    await client.execute(`update orders set refunded = 1000 where order_id = 'o2'`);
    const rollup = async () =>
      (
        await client.execute(
          `select arm, units, orders, revenue, revenue_squares as squares, discounts, refunded
           from arm_daily where shop = '${SHOP}' order by arm`,
        )
      ).rows.map((r) => ({ ...r }));
    const before = await rollup();
    expect(before).toEqual([
      {
        arm: 'holdout',
        units: 1,
        orders: 1,
        revenue: 4000,
        squares: 16e6,
        discounts: 100,
        refunded: 1000,
      },
      {
        arm: 'treatment',
        units: 1,
        orders: 1,
        revenue: 5000,
        squares: 25e6,
        discounts: 100,
        refunded: 0,
      },
    ]);

    await migrate(db, { migrationsFolder: MIGRATIONS });

    const links = await client.execute(
      'select order_id, unit_kind, unit from order_units order by order_id, unit_kind',
    );
    expect(links.rows.map((r) => ({ ...r }))).toEqual([
      { order_id: 'o1', unit_kind: 'checkout', unit: 'ct_1' },
      { order_id: 'o1', unit_kind: 'customer', unit: '42' },
      { order_id: 'o1', unit_kind: 'visitor', unit: 'visitor0001' },
      { order_id: 'o2', unit_kind: 'checkout', unit: 'ct_2' },
    ]);
    const unitKind = await client.execute(`select unit_kind from experiments where key = 'exp_1'`);
    expect(unitKind.rows[0]?.unit_kind).toBe('checkout');
    expect(await rollup()).toEqual(before);

    // The new triggers keep it: a refund on o1, and a redaction of o2 with its links.
    await client.execute(`update orders set refunded = 2000 where order_id = 'o1'`);
    await client.execute(`delete from orders where order_id = 'o2'`);
    expect(await rollup()).toEqual([
      { arm: 'holdout', units: 1, orders: 0, revenue: 0, squares: 0, discounts: 0, refunded: 0 },
      {
        arm: 'treatment',
        units: 1,
        orders: 1,
        revenue: 3000,
        squares: 9e6,
        discounts: 100,
        refunded: 2000,
      },
    ]);
    const left = await client.execute(
      `select count(*) as n from order_units where order_id = 'o2'`,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
    client.close();
  });
});
