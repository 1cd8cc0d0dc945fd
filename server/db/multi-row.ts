import type { InValue } from '@libsql/client';
import type { SqlStatement } from './sql-runner.js';

// 256 rows × 10 columns stays far below SQLite's 32,766 bound parameters.
const MAX_ROWS_PER_STATEMENT = 256;

/**
 * `insert … values (…), (…) …` for any number of rows, cut into statements of 256, 128, 64 … 1
 * rows: a handful of shapes that repeat, so each stays prepared (db/sql-runner.ts) however the
 * rows of a group add up. Rows are inserted in the order given.
 */
export function multiRowInsert(
  head: string,
  columns: number,
  tail: string,
  rows: InValue[][],
): SqlStatement[] {
  if (rows.some((row) => row.length !== columns)) {
    throw new Error(`every row of ${head.split('(')[0]?.trim()} needs ${columns} values`);
  }
  const statements: SqlStatement[] = [];
  let start = 0;
  while (start < rows.length) {
    const size = largestPowerOfTwoAtMost(Math.min(rows.length - start, MAX_ROWS_PER_STATEMENT));
    const chunk = rows.slice(start, start + size);
    statements.push({
      sql: `${head} values ${placeholders(size, columns)} ${tail}`.trim(),
      args: chunk.flat(),
    });
    start += size;
  }
  return statements;
}

function largestPowerOfTwoAtMost(n: number): number {
  return 2 ** Math.floor(Math.log2(n));
}

const shapes = new Map<string, string>();

function placeholders(rows: number, columns: number): string {
  const key = `${rows}x${columns}`;
  let text = shapes.get(key);
  if (text === undefined) {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    text = Array.from({ length: rows }, () => row).join(', ');
    shapes.set(key, text);
  }
  return text;
}
