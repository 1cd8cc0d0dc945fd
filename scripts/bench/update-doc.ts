import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the generated block of docs/benchmarks.md and leaves the hand-written text around it
 * alone, so explanations survive every re-run.
 */
export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** The block the HTTP ingestion bench (floor, endpoints, ceiling) rewrites. */
export const HTTP_MARKERS = ['<!-- bench:http:start -->', '<!-- bench:http:end -->'] as const;

export function updateResultsBlock(
  path: string,
  markdown: string,
  [startMarker, endMarker]: readonly [string, string] = [RESULTS_START, RESULTS_END],
): void {
  const block = `${startMarker}\n${markdown}\n${endMarker}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + endMarker.length)
      : `${current || '# Benchmarks\n\n## Latest results\n\n'}${block}\n`;
  writeFileSync(path, next);
}
