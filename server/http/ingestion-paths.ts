/**
 * The paths that take ingestion traffic — checkout events, pixel events, webhooks — whose volume
 * at checkout peak is far above everything else and whose answers are a few dozen bytes. Per
 * request they skip what only pays off for other routes: their successes are counted instead of
 * logged line by line (access-log.ts), and their answers are never compressed (compression.ts).
 */
const INGESTION_PATHS = [/^\/api\/checkout\/events$/, /^\/api\/pixel\/events$/, /^\/webhooks\//];

export function isIngestionPath(path: string): boolean {
  return INGESTION_PATHS.some((pattern) => pattern.test(path));
}
