import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/client.js';

const dir = mkdtempSync(join(tmpdir(), 'closer-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  test('migrations apply on an empty database and create every table', async () => {
    const handle = await openDatabase(':memory:');
    const result = await handle.client.execute(
      "select name from sqlite_master where type = 'table' order by name",
    );
    const names = result.rows.map((row) => String(row.name));
    expect(names).toEqual(
      expect.arrayContaining([
        'shopify_sessions',
        'shops',
        'orders',
        'refunds',
        'webhook_deliveries',
      ]),
    );
    handle.close();
  });

  test('a file database is created with its folder, in WAL mode, and reopening it re-applies nothing', async () => {
    const url = `file:${join(dir, 'nested', 'closer.db')}`;
    const first = await openDatabase(url);
    const mode = await first.client.execute('PRAGMA journal_mode');
    expect(String(mode.rows[0]?.[0])).toBe('wal');
    const applied = await first.client.execute('select count(*) as n from __drizzle_migrations');
    first.close();
    const second = await openDatabase(url);
    const again = await second.client.execute('select count(*) as n from __drizzle_migrations');
    expect(Number(again.rows[0]?.n)).toBe(Number(applied.rows[0]?.n));
    second.close();
  });
});
