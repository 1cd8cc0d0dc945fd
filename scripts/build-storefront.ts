/**
 * Bundles the storefront exit-intent script into the theme app extension. Usage:
 *   npm run build:storefront        (part of `npm run build`; run it before `shopify app deploy`)
 *
 * extension/storefront/src/main.ts → extension/storefront/assets/closer-exit.js: esbuild, one
 * classic script (IIFE, loaded with `defer` by the app embed), minified. The file is built, not
 * committed (.gitignore); theme check and `shopify app build` need it, so `npm test` builds first.
 * Over the 3 KB gzip budget (DESIGN.md) exits with code 1.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
export const STOREFRONT_DIR = join(ROOT, 'extension/storefront');
export const STOREFRONT_ENTRY = join(STOREFRONT_DIR, 'src/main.ts');
export const STOREFRONT_SCRIPT = join(STOREFRONT_DIR, 'assets/closer-exit.js');
/** DESIGN.md: the storefront script is at most 3 KB gzipped. */
export const GZIP_BUDGET_BYTES = 3 * 1024;

export type ScriptSizes = { raw: number; gzip: number };

export function measureScript(code: Uint8Array): ScriptSizes {
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** The script's bytes, built in memory. */
export async function bundleStorefrontScript(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [STOREFRONT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // Optional chaining and `??` stay as written: the transpiled forms cost bytes.
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    outfile: STOREFRONT_SCRIPT,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.contents;
}

/** Writes through a temporary name so a reader (a parallel test, the demo) never sees half a file. */
function writeAtomically(path: string, contents: Uint8Array) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

export async function buildStorefrontScript(outFile = STOREFRONT_SCRIPT): Promise<ScriptSizes> {
  const code = await bundleStorefrontScript();
  writeAtomically(outFile, code);
  return measureScript(code);
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds unless the asset is newer than every source it is made of (tests and the demo use it). */
export async function ensureStorefrontBuilt(): Promise<void> {
  let builtAt = 0;
  try {
    builtAt = statSync(STOREFRONT_SCRIPT).mtimeMs;
  } catch {
    builtAt = 0;
  }
  const sources = [
    join(STOREFRONT_DIR, 'src'),
    join(ROOT, 'core/decide'),
    join(ROOT, 'core/storefront'),
    join(ROOT, 'scripts/build-storefront.ts'),
  ];
  if (builtAt === 0 || Math.max(...sources.map(newestMtime)) > builtAt) {
    await buildStorefrontScript();
  }
}

async function main() {
  const sizes = await buildStorefrontScript();
  process.stdout.write(
    `extension/storefront/assets/closer-exit.js: ${sizes.raw} bytes raw, ${sizes.gzip} bytes gzip (budget ${GZIP_BUDGET_BYTES})\n`,
  );
  if (sizes.gzip > GZIP_BUDGET_BYTES) {
    process.stderr.write('The storefront script is over its size budget.\n');
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
