import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from '../../drizzle/schema.js';

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
 * Opens the libSQL database, tunes a local file for concurrent readers (WAL) and applies the
 * committed migrations. A remote `libsql://` URL is used as is; its server owns the pragmas.
 */
export async function openDatabase(url: string, authToken?: string): Promise<DatabaseHandle> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0] ?? '';
    if (path !== '' && !path.startsWith(':memory:')) createPrivateDatabaseFile(resolve(path));
  }
  const client = createClient(authToken ? { url, authToken } : { url });
  if (url.startsWith('file:')) {
    // WAL lets report reads run while webhooks write; NORMAL sync is durable across app crashes.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, client, close: () => client.close() };
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
