import type { InValue } from '@libsql/client';
import type { SqlStatement } from './sql-runner.js';

// 256 rows stays far below SQLite's 32,766 bound parameters for every row this app writes
// (the widest, an order, binds 18).
const MAX_ROWS_PER_STATEMENT = 256;

/**
 * `insert … values (…), (…) …` for any number of rows, cut into statements of 256, 128, 64 … 1
 * rows: a handful of shapes that repeat, so each stays prepared (db/sql-runner.ts) however the
 * rows of a group add up. Rows are inserted in the order given.
 *
 * `row` is the number of columns (each a plain `?`), or a row's own template when a value is
 * computed in SQL — e.g. `(?, ?, (select … where id = ?), ?)`; every row binds as many values as
 * the template has `?`.
 */
export function multiRowInsert(
  head: string,
  row: number | string,
  tail: string,
  rows: InValue[][],
): SqlStatement[] {
  const template = typeof row === 'number' ? plainRow(row) : row;
  const values = placeholderCount(template);
  if (rows.some((r) => r.length !== values)) {
    throw new Error(`every row of ${head.split('(')[0]?.trim()} needs ${values} values`);
  }
  const statements: SqlStatement[] = [];
  let start = 0;
  while (start < rows.length) {
    const size = largestPowerOfTwoAtMost(Math.min(rows.length - start, MAX_ROWS_PER_STATEMENT));
    const chunk = rows.slice(start, start + size);
    statements.push({
      sql: `${head} values ${repeated(template, size)} ${tail}`.trim(),
      args: chunk.flat(),
    });
    start += size;
  }
  return statements;
}

function largestPowerOfTwoAtMost(n: number): number {
  return 2 ** Math.floor(Math.log2(n));
}

function plainRow(columns: number): string {
  return `(${Array.from({ length: columns }, () => '?').join(', ')})`;
}

const counts = new Map<string, number>();

function placeholderCount(template: string): number {
  let count = counts.get(template);
  if (count === undefined) {
    count = template.split('?').length - 1;
    counts.set(template, count);
  }
  return count;
}

const texts = new Map<string, string>();

function repeated(template: string, rows: number): string {
  const key = `${rows}\n${template}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = Array.from({ length: rows }, () => template).join(', ');
    texts.set(key, text);
  }
  return text;
}
