import type { InValue } from '@libsql/client';
import type { AppContext } from '../app-context.js';
import { type GroupCommit, type GroupWrite, groupCommitFor } from '../db/group-commit.js';
import { multiRowInsert } from '../db/multi-row.js';
import type { SqlRow } from '../db/sql-runner.js';

/** One accepted batch's rows, in the column order of the statements below. */
export interface EventWrite {
  shop: string;
  /** shop, event_id, unit, offer_id, experiment_key, arm, type, value, occurred_at, received_at */
  events: InValue[][];
  /** shop, experiment_key, unit, offer_id, arm, first_exposed_at */
  exposures: InValue[][];
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

const INSERT_EVENTS = `insert into events
  (shop, event_id, unit, offer_id, experiment_key, arm, type, value, occurred_at, received_at)`;
const INSERT_EXPOSURES = `insert into exposures
  (shop, experiment_key, unit, offer_id, arm, first_exposed_at)`;

/** The process's group-commit writer for checkout events (db/group-commit.ts). */
export function eventWriterFor(ctx: AppContext): GroupCommit<EventWrite, IngestResult> {
  return groupCommitFor(ctx, 'checkout-events', planEventWrites);
}

/**
 * All batches of a group in one multi-row insert per table. An event id already stored — or sent
 * twice within the group — is skipped by `on conflict do nothing`; RETURNING names the rows that
 * were stored, and each is credited to the first batch that carried it, in the order the batches
 * arrived: the same answers as writing them one after another.
 */
export function planEventWrites(batches: EventWrite[]): GroupWrite<IngestResult> {
  const eventStatements = multiRowInsert(
    INSERT_EVENTS,
    10,
    'on conflict do nothing returning shop, event_id',
    batches.flatMap((b) => b.events),
  );
  const exposureStatements = multiRowInsert(
    INSERT_EXPOSURES,
    6,
    'on conflict do nothing',
    batches.flatMap((b) => b.exposures),
  );
  return {
    statements: [...eventStatements, ...exposureStatements],
    answers: (rows) =>
      creditStored(
        batches.map((b) => b.events),
        rows.slice(0, eventStatements.length),
      ),
  };
}

/**
 * Per batch, how many of its rows were stored. Rows lead with (shop, event_id), the tables' key;
 * `returned` holds the (shop, event_id) of every row the inserts stored. A key stored once is
 * credited to the first batch that carried it.
 */
export function creditStored(batches: InValue[][][], returned: SqlRow[][]): IngestResult[] {
  const stored = new Set<string>();
  for (const rows of returned) for (const row of rows) stored.add(`${row.shop}\n${row.event_id}`);
  return batches.map((rows) => {
    let accepted = 0;
    for (const row of rows) if (stored.delete(`${row[0]}\n${row[1]}`)) accepted++;
    return { accepted, duplicates: rows.length - accepted };
  });
}
