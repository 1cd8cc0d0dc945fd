import type { Client, InValue } from '@libsql/client';

/**
 * Multi-row INSERTs, many per transaction: the fastest honest way to load rows through SQL. Each
 * libSQL batch is one transaction, and the AFTER INSERT triggers run for every row exactly as
 * they do for the app's own writes.
 */
export interface BulkInsertOptions {
  /** Rows per INSERT statement; rows × columns must stay below SQLite's variable limit. */
  rowsPerStatement: number;
  /** INSERT statements per transaction. */
  statementsPerTransaction: number;
}

export async function bulkInsert(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<InValue[]>,
  options: BulkInsertOptions,
): Promise<number> {
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const sqlFor = new Map<number, string>();
  const statementSql = (n: number) => {
    let sql = sqlFor.get(n);
    if (!sql) {
      sql = head + Array.from({ length: n }, () => rowSql).join(', ');
      sqlFor.set(n, sql);
    }
    return sql;
  };

  let total = 0;
  let statements: { sql: string; args: InValue[] }[] = [];
  let args: InValue[] = [];
  let count = 0;
  const flushStatement = () => {
    if (count === 0) return;
    statements.push({ sql: statementSql(count), args });
    args = [];
    count = 0;
  };
  const flushTransaction = async () => {
    flushStatement();
    if (statements.length === 0) return;
    await client.batch(statements, 'write');
    statements = [];
  };

  for (const row of rows) {
    for (const value of row) args.push(value);
    count += 1;
    total += 1;
    if (count === options.rowsPerStatement) {
      flushStatement();
      if (statements.length === options.statementsPerTransaction) await flushTransaction();
    }
  }
  await flushTransaction();
  return total;
}
