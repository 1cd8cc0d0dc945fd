import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the generated block of docs/benchmarks.md and leaves the hand-written text around it
 * alone, so explanations survive every re-run.
 */
export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

export function updateResultsBlock(path: string, markdown: string): void {
  const block = `${RESULTS_START}\n${markdown}\n${RESULTS_END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + RESULTS_END.length)
      : `${current || '# Benchmarks\n\n## Latest results\n\n'}${block}\n`;
  writeFileSync(path, next);
}
