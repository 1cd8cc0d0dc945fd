import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/client.js';
import { LOCAL_PRAGMAS, SYNCHRONOUS_LEVEL } from '../../server/db/local-connection.js';
import { sqlRunnerFor } from '../../server/db/sql-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'closer-connection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Read inside the same transaction as a write, so they come from the connection that wrote. */
const PRAGMA_READS = [
  'PRAGMA journal_mode',
  'PRAGMA synchronous',
  'PRAGMA busy_timeout',
  'PRAGMA cache_size',
  'PRAGMA wal_autocheckpoint',
  'PRAGMA foreign_keys',
];

const EXPECTED = [
  LOCAL_PRAGMAS.journal_mode,
  SYNCHRONOUS_LEVEL[LOCAL_PRAGMAS.synchronous],
  LOCAL_PRAGMAS.busy_timeout,
  LOCAL_PRAGMAS.cache_size,
  LOCAL_PRAGMAS.wal_autocheckpoint,
  1,
];

const firstValue = (rows: ArrayLike<Record<string, unknown>>) => {
  const row = rows[0];
  return row ? Object.values(row)[0] : undefined;
};

describe('one connection, configured once', () => {
  test('concurrent write batches all run on a connection with the configured pragmas', async () => {
    const handle = await openDatabase(`file:${join(dir, 'concurrent.db')}`);
    await handle.client.execute('create table probe (n integer primary key)');
    // Started together: a pool of several connections would hand these to different ones.
    const batches = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        handle.client.batch(
          [{ sql: 'insert into probe (n) values (?)', args: [n] }, ...PRAGMA_READS],
          'write',
        ),
      ),
    );
    for (const results of batches) {
      expect(results.slice(1).map((result) => firstValue(result.rows))).toEqual(EXPECTED);
    }
    const count = await handle.client.execute('select count(*) as n from probe');
    expect(Number(count.rows[0]?.n)).toBe(40);
    handle.close();
  });

  test('the hot-path writer runs on the same configured connection, with reads in between', async () => {
    const handle = await openDatabase(`file:${join(dir, 'runner.db')}`);
    const runner = sqlRunnerFor(handle.client);
    await runner.write([{ sql: 'create table probe (n integer primary key)', args: [] }]);
    const writes = Array.from({ length: 40 }, (_, n) =>
      runner.write([
        { sql: 'insert into probe (n) values (?) returning n', args: [n] },
        ...PRAGMA_READS.map((sql) => ({ sql, args: [] })),
      ]),
    );
    // drizzle's queries go through the client, interleaved with the writer's.
    const reads = Array.from({ length: 40 }, () => handle.client.execute('PRAGMA busy_timeout'));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
    written.forEach((rows, n) => {
      expect(rows[0]).toEqual([{ n }]);
      expect(rows.slice(1).map(firstValue)).toEqual(EXPECTED);
    });
    for (const result of read) expect(firstValue(result.rows)).toBe(LOCAL_PRAGMAS.busy_timeout);
    handle.close();
  });

  test('a failed write leaves nothing behind and the connection usable', async () => {
    const handle = await openDatabase(`file:${join(dir, 'rollback.db')}`);
    const runner = sqlRunnerFor(handle.client);
    await runner.write([{ sql: 'create table probe (n integer primary key)', args: [] }]);
    await expect(
      runner.write([
        { sql: 'insert into probe (n) values (?)', args: [1] },
        { sql: 'insert into probe (n) values (?)', args: [1] },
      ]),
    ).rejects.toThrow(/UNIQUE/);
    expect(await runner.read({ sql: 'select count(*) as n from probe', args: [] })).toEqual([
      { n: 0 },
    ]);
    await runner.write([{ sql: 'insert into probe (n) values (?)', args: [2] }]);
    expect(await runner.read({ sql: 'select n from probe', args: [] })).toEqual([{ n: 2 }]);
    handle.close();
  });

  test(':memory: is one database for drizzle and the hot path alike', async () => {
    const handle = await openDatabase(':memory:');
    const runner = sqlRunnerFor(handle.client);
    await runner.write([{ sql: 'create table probe (n integer)', args: [] }]);
    await runner.write([{ sql: 'insert into probe (n) values (7)', args: [] }]);
    const seen = await handle.client.execute('select n from probe');
    expect(Number(seen.rows[0]?.n)).toBe(7);
    handle.close();
  });
});
