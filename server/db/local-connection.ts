import { type Client, ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';

/** The libsql connection type, named through the pool so no transitive package is imported. */
export type Connection = ReturnType<ConnectionPool['acquireSync']>;

/**
 * How every local connection is tuned (docs/architecture.md, "Database connection"). Applied once,
 * when the connection opens, in this order (journal mode before the rest).
 */
export const LOCAL_PRAGMAS = {
  journal_mode: 'wal',
  // NORMAL: in WAL mode a commit survives a process crash (kill -9) but not a power loss. FULL's
  // fsync per group commit runs on the main thread and cost 10–16 % of ingestion throughput in
  // our measurement: docs/architecture.md, "Database connection".
  synchronous: 'normal',
  busy_timeout: 5000,
  // Negative = KiB: 128 MiB of page cache for the one connection a process has. Event ids and
  // checkout tokens are random, so every insert lands on a random leaf of the key and unit
  // indexes; a page found here is not read again from the OS. 128 MiB stored 17 % more events/s
  // than 32 MiB with random keys (docs/benchmarks.md, "The ceiling before and after"). Pages are
  // taken as they are read: an idle process does not hold them.
  cache_size: -131072,
  // Pages of WAL before a commit checkpoints it (16 MiB at 4 KiB pages): fewer, larger
  // checkpoints under write bursts, still a WAL small enough for readers to scan.
  wal_autocheckpoint: 4000,
  foreign_keys: 'on',
} as const;

/** PRAGMA synchronous reads back as a number: 2 = FULL, 1 = NORMAL. */
export const SYNCHRONOUS_LEVEL = { off: 0, normal: 1, full: 2, extra: 3 } as const;

/**
 * One connection to a local database file (or `:memory:`), configured once.
 *
 * `@libsql/client` opens up to `concurrency` (20) connections for a `file:` URL and hands a
 * PRAGMA to whichever one is free, so settings reached only some of them. libSQL runs every call
 * synchronously on the main thread, so more connections add no parallelism; one connection gives
 * one place for the settings and lets hot statements stay prepared on it (db/sql-runner.ts).
 *
 * The client is the library's own (`Sqlite3Client`) over its pool limited to one connection; the
 * pool is told to configure every connection it opens, which matters only if it ever drops the
 * connection (a failed rollback) and opens another.
 */
export interface LocalConnection {
  client: Client;
  /**
   * The open connection for synchronous use between awaits, or null while an interactive
   * transaction holds it (callers then go through `client`).
   */
  current(): Connection | null;
}

export function openLocalConnection(path: string): LocalConnection {
  const pool = new ConfiguredPool(path);
  // Open (and configure) the connection now so a bad path fails at start, not on a request.
  pool.release(pool.acquireSync());
  return {
    client: new Sqlite3Client(pool, 'number'),
    current: () => {
      const connection = pool.connection;
      return connection?.open && !connection.inTransaction ? connection : null;
    },
  };
}

class ConfiguredPool extends ConnectionPool {
  connection: Connection | null = null;

  constructor(path: string) {
    super(path, { timeout: LOCAL_PRAGMAS.busy_timeout }, 1);
  }

  override acquireSync(forTransaction?: boolean): Connection {
    const connection = super.acquireSync(forTransaction);
    if (connection !== this.connection) {
      configure(connection);
      this.connection = connection;
    }
    return connection;
  }
}

function configure(connection: Connection) {
  for (const [name, value] of Object.entries(LOCAL_PRAGMAS)) {
    // An in-memory database has no WAL; SQLite keeps 'memory' and that is fine.
    connection.exec(`PRAGMA ${name} = ${value}`);
  }
}
