import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from '../../drizzle/schema.js';
import { openLocalConnection } from './local-connection.js';
import { registerLocalRunner } from './sql-runner.js';

export type Database = LibSQLDatabase<typeof schema>;

export interface DatabaseHandle {
  db: Database;
  client: Client;
  close(): void;
}

const MIGRATIONS_FOLDER = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../drizzle/migrations',
);

/**
 * Opens the libSQL database and applies the committed migrations. A local file (or `:memory:`) is
 * one connection configured once (db/local-connection.ts) with hot statements prepared on it; a
 * remote `libsql://` URL is used as is, its server owns the pragmas.
 */
export async function openDatabase(url: string, authToken?: string): Promise<DatabaseHandle> {
  let client: Client;
  if (isLocalUrl(url)) {
    const path = localPath(url);
    if (path !== ':memory:') createPrivateDatabaseFile(resolve(path));
    const local = openLocalConnection(path);
    registerLocalRunner(local);
    client = local.client;
  } else {
    client = createClient(authToken ? { url, authToken } : { url });
    await client.execute('PRAGMA foreign_keys = ON');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, client, close: () => client.close() };
}

function isLocalUrl(url: string): boolean {
  return url === ':memory:' || url.startsWith('file:');
}

/**
 * `file:data/closer.db?…` → `data/closer.db`, `file:///srv/closer.db` → `/srv/closer.db`;
 * `file::memory:` and `:memory:` → `:memory:`.
 */
function localPath(url: string): string {
  let path = (url.startsWith('file:') ? url.slice('file:'.length) : url).split('?')[0] ?? '';
  // `file://<authority>/path`: only an empty authority or localhost means this machine.
  const authority = /^\/\/(localhost)?(?=\/)/i.exec(path);
  if (authority) path = path.slice(authority[0].length);
  else if (path.startsWith('//')) throw new Error('A file: URL must name a path on this machine.');
  return path === '' || path.startsWith(':memory:') ? ':memory:' : path;
}

/**
 * The database holds shop data and (sealed) Shopify tokens: only this user may read it. SQLite
 * creates the -wal and -shm files with the main file's permissions, so creating the main file
 * 0600 before libSQL opens it covers all three; files left looser by an older version are
 * tightened.
 */
function createPrivateDatabaseFile(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

export async function isDatabaseReachable(client: Client): Promise<boolean> {
  try {
    await client.execute('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
