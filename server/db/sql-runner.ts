import type { Client, InValue } from '@libsql/client';
import type { Connection, LocalConnection } from './local-connection.js';

export interface SqlStatement {
  sql: string;
  args: InValue[];
}

export type SqlRow = Record<string, unknown>;

/**
 * Raw SQL for the hot paths (ingestion, webhook de-duplication, the shop state check), where
 * drizzle's query building showed in the profile. Drizzle stays for the schema, migrations and
 * everything else.
 */
export interface SqlRunner {
  /** The rows of one read. */
  read(statement: SqlStatement): Promise<SqlRow[]>;
  /**
   * Runs the statements in one write transaction and answers after its COMMIT, with the rows
   * each statement returned (empty for statements without RETURNING). Nothing is written if one
   * fails.
   */
  write(statements: SqlStatement[]): Promise<SqlRow[][]>;
}

const runners = new WeakMap<Client, SqlRunner>();

/** The runner of a client: prepared statements on a local connection, else the client's batch. */
export function sqlRunnerFor(client: Client): SqlRunner {
  let runner = runners.get(client);
  if (!runner) {
    runner = new ClientRunner(client);
    runners.set(client, runner);
  }
  return runner;
}

/**
 * The first row of one read (undefined when there is none), for point lookups on hot paths. On a
 * local connection it runs the prepared statement's `get`, which skips the row iterator that
 * `read` (libsql's `all`) builds per call: ~10 µs of a ~15 µs lookup.
 */
export function readFirst(client: Client, statement: SqlStatement): Promise<SqlRow | undefined> {
  const runner = sqlRunnerFor(client);
  if (runner instanceof PreparedRunner) return runner.readFirst(statement);
  return runner.read(statement).then((rows) => rows[0]);
}

/** Registers the prepared-statement runner for a local connection's client (db/client.ts). */
export function registerLocalRunner(local: LocalConnection) {
  runners.set(local.client, new PreparedRunner(local));
}

/**
 * A remote database (or a client we did not open): each read is one request, each write one
 * `batch` — a single round trip that the server runs as one transaction.
 */
class ClientRunner implements SqlRunner {
  constructor(private readonly client: Client) {}

  async read(statement: SqlStatement): Promise<SqlRow[]> {
    return (await this.client.execute(statement)).rows as unknown as SqlRow[];
  }

  async write(statements: SqlStatement[]): Promise<SqlRow[][]> {
    const results = await this.client.batch(statements, 'write');
    return results.map((result) => result.rows as unknown as SqlRow[]);
  }
}

// Enough for every hot statement shape (multi-row inserts come in a few fixed sizes, see
// db/multi-row.ts); anything rarer is prepared again when it comes back.
const MAX_PREPARED = 256;

type Prepared = { statement: ReturnType<Connection['prepare']>; reader: boolean };

/**
 * A local connection: each statement is prepared once and kept (bounded, least recently used
 * out), and runs synchronously. A write is BEGIN IMMEDIATE … COMMIT on the connection, so no
 * other call can interleave with it. While an interactive transaction holds the connection, calls
 * go through the client and wait for it like any other.
 */
class PreparedRunner implements SqlRunner {
  private readonly fallback: ClientRunner;
  private prepared = new Map<string, Prepared>();
  private preparedOn: Connection | null = null;

  constructor(private readonly local: LocalConnection) {
    this.fallback = new ClientRunner(local.client);
  }

  read(statement: SqlStatement): Promise<SqlRow[]> {
    const connection = this.local.current();
    if (!connection) return this.fallback.read(statement);
    try {
      return Promise.resolve(this.run(connection, statement));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  readFirst(statement: SqlStatement): Promise<SqlRow | undefined> {
    const connection = this.local.current();
    if (!connection) return this.fallback.read(statement).then((rows) => rows[0]);
    try {
      // A statement of its own: libsql's `get` right after `all` on the same statement answers
      // with the row `all` read (libsql 0.5), so the two never share one.
      const { statement: prepared } = this.prepare(
        connection,
        statement.sql,
        `get:${statement.sql}`,
      );
      const row = prepared.get(statement.args.map(toSqlValue)) as SqlRow | null | undefined;
      // libsql's `get` adds its timing to the row; the row is otherwise what `all` gives.
      if (row) delete row._metadata;
      return Promise.resolve(row ?? undefined);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  write(statements: SqlStatement[]): Promise<SqlRow[][]> {
    const connection = this.local.current();
    if (!connection) return this.fallback.write(statements);
    try {
      this.run(connection, BEGIN);
      try {
        const rows = statements.map((statement) => this.run(connection, statement));
        this.run(connection, COMMIT);
        return Promise.resolve(rows);
      } catch (error) {
        // A failed COMMIT (e.g. busy past the timeout) can leave the transaction open too.
        if (connection.inTransaction) this.run(connection, ROLLBACK);
        throw error;
      }
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private run(connection: Connection, { sql, args }: SqlStatement): SqlRow[] {
    const { statement, reader } = this.prepare(connection, sql);
    const values = args.map(toSqlValue);
    if (reader) return statement.all(values) as SqlRow[];
    statement.run(values);
    return [];
  }

  private prepare(connection: Connection, sql: string, key = sql): Prepared {
    if (this.preparedOn !== connection) {
      // Statements belong to the connection that prepared them.
      this.prepared = new Map();
      this.preparedOn = connection;
    }
    let prepared = this.prepared.get(key);
    if (prepared) {
      // Re-insert to mark it recently used.
      this.prepared.delete(key);
    } else {
      const statement = connection.prepare(sql);
      prepared = { statement, reader: statement.reader };
      if (this.prepared.size >= MAX_PREPARED) {
        const oldest = this.prepared.keys().next().value;
        if (oldest !== undefined) this.prepared.delete(oldest);
      }
    }
    this.prepared.set(key, prepared);
    return prepared;
  }
}

const BEGIN: SqlStatement = { sql: 'BEGIN IMMEDIATE', args: [] };
const COMMIT: SqlStatement = { sql: 'COMMIT', args: [] };
const ROLLBACK: SqlStatement = { sql: 'ROLLBACK', args: [] };

/** The conversions `@libsql/client` applies to arguments, for the values our statements carry. */
function toSqlValue(value: InValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError('Only finite numbers can be passed to the database');
  }
  if (value === undefined) throw new TypeError('undefined cannot be passed to the database');
  return value;
}
