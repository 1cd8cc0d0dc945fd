import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/client.js';
import { readFirst, sqlRunnerFor } from '../../server/db/sql-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'closer-read-first-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = [
  { sql: 'create table probe (k text primary key, n integer, t text)', args: [] },
  { sql: 'insert into probe values (?, ?, ?)', args: ['a', 1, 'one'] },
  { sql: 'insert into probe values (?, ?, ?)', args: ['b', 9_007_199_254_740_991, null] },
];
const BY_KEY = 'select k, n, t from probe where k = ?';

describe('readFirst: the point lookup of the hot paths', () => {
  test('on the local connection it gives the row read() gives first, or undefined', async () => {
    const handle = await openDatabase(`file:${join(dir, 'local.db')}`);
    const runner = sqlRunnerFor(handle.client);
    await runner.write(ROWS);
    // Interleaved with read() of the same SQL: libsql's `get` right after `all` on one statement
    // answers with the row `all` read, so readFirst must not share read()'s statement.
    const keys = ['a', 'b', 'none', 'a', 'a', 'b'];
    for (const [i, key] of keys.entries()) {
      await runner.read({ sql: BY_KEY, args: [keys.at(i - 1) as string] });
      const statement = { sql: BY_KEY, args: [key] };
      expect(await readFirst(handle.client, statement)).toEqual((await runner.read(statement))[0]);
    }
    expect(await readFirst(handle.client, { sql: BY_KEY, args: ['b'] })).toEqual({
      k: 'b',
      n: 9_007_199_254_740_991,
      t: null,
    });
    expect(await readFirst(handle.client, { sql: BY_KEY, args: ['none'] })).toBeUndefined();
    // Several rows: the first in the statement's order.
    expect(
      await readFirst(handle.client, { sql: 'select k from probe order by k desc', args: [] }),
    ).toEqual({ k: 'b' });
    handle.close();
  });

  test('on a client without the local runner (a remote database) it reads through the client', async () => {
    const client = createClient({ url: `file:${join(dir, 'plain.db')}` });
    await client.batch(ROWS, 'write');
    expect(await readFirst(client, { sql: BY_KEY, args: ['a'] })).toMatchObject({
      k: 'a',
      n: 1,
      t: 'one',
    });
    expect(await readFirst(client, { sql: BY_KEY, args: ['none'] })).toBeUndefined();
    client.close();
  });
});
