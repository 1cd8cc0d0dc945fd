// The admin UI's initial JavaScript budget (DESIGN.md, "Performance budgets": ≤ 60 KB gzip),
// measured on the built files the server serves: the scripts index.html loads up front.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { beforeAll, describe, expect, test } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../admin-ui/vite.config.ts', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../dist/admin-ui', import.meta.url));
const INITIAL_BUDGET_BYTES = 60 * 1024;

let html: string;

beforeAll(async () => {
  // `npm test` builds first; a lone `vitest run` of this file builds it here.
  if (!existsSync(join(OUT_DIR, 'index.html'))) {
    await build({ configFile: CONFIG, logLevel: 'silent' });
  }
  html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
}, 120_000);

/** Scripts and module preloads in index.html: what the browser fetches before the first paint. */
function initialScripts(): string[] {
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/admin-ui\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/admin-ui\/([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  return [...new Set(sources)];
}

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(join(OUT_DIR, file)), { level: 9 }).byteLength;
}

describe('the admin UI bundle', () => {
  test(`loads at most ${INITIAL_BUDGET_BYTES / 1024} KB of gzipped JavaScript up front`, () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, file) => sum + gzipBytes(file), 0);
    expect(total).toBeGreaterThan(5 * 1024);
    expect(total).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES);
  });

  test('keeps the contract’s schema library out of the first page: the editor loads it', () => {
    const initial = initialScripts()
      .map((file) => readFileSync(join(OUT_DIR, file), 'utf8'))
      .join('\n');
    // zod's own issue codes appear wherever its runtime is bundled.
    expect(initial).not.toMatch(/invalid_type|too_small/);
    const lazy = readdirSync(join(OUT_DIR, 'assets')).filter(
      (file) => file.endsWith('.js') && !initialScripts().includes(`assets/${file}`),
    );
    const editor = lazy.map((file) => readFileSync(join(OUT_DIR, 'assets', file), 'utf8'));
    expect(editor.some((text) => /invalid_type/.test(text))).toBe(true);
  });
});
