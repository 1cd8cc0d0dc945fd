/**
 * Bundles the checkout UI extension as it ships and measures it. Usage:
 *   npm run build:extension            (APP_URL=https://closer.example.com for a deployable build)
 *
 * One bundle for both targets, the way Shopify CLI builds a `ui_extension`: an entry that imports
 * each target's module and registers it with `shopify.extend(target, …)`, bundled by esbuild
 * (the bundler Shopify CLI uses), minified ESM. Output: dist/extension/closer-checkout.js, the
 * locales beside it, and size.json (raw, gzip, brotli bytes). Over budget exits with code 1.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, 'extension/checkout');
export const DEFAULT_OUT_DIR = join(ROOT, 'dist/extension');
export const BUNDLE_FILE = 'closer-checkout.js';
/** DESIGN.md's budget (compressed as served: brotli); Shopify's own hard limit is 64 KB. */
export const BROTLI_BUDGET_BYTES = 20 * 1024;

/** Target → module, as in shopify.extension.toml. */
export const TARGET_MODULES = {
  'purchase.checkout.block.render': './src/CheckoutBlock.tsx',
  'purchase.checkout.cart-line-list.render-after': './src/CartLineListAfter.tsx',
  'purchase.thank-you.block.render': './src/ThankYouBlock.tsx',
} as const;

export const FLOOR_DIR = join(ROOT, 'scripts/extension-floor');
/** The floor is one target rendering one `s-text`. */
export const FLOOR_MODULES = {
  'purchase.checkout.block.render': './FloorBlock.tsx',
} as const;

export type Sizes = { raw: number; gzip: number; brotli: number };

export interface BundleSizes extends Sizes {
  file: string;
  brotliBudget: number;
  /** The framework floor built the same way, and this bundle's brotli size over the floor's. */
  floor: Sizes;
  floorRatio: number;
  /** The backend URL baked in; empty means "the origin that served the bundle". */
  appUrl: string;
}

export interface BuildOptions {
  outDir?: string;
  appUrl?: string;
}

function entrySource(modules: Record<string, string>): string {
  const entries = Object.entries(modules);
  const imports = entries.map(([, module], i) => `import Target_${i} from '${module}';`);
  const registrations = entries.map(
    ([target], i) => `shopify.extend('${target}', (...args) => Target_${i}(...args));`,
  );
  return [...imports, ...registrations].join('\n');
}

export function measure(code: Uint8Array): Sizes {
  return {
    raw: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).byteLength,
  };
}

/** Writes through a temporary name so a reader (a parallel test, the sandbox) never sees half a file. */
function writeAtomically(path: string, contents: string | Uint8Array) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * One extension bundle, as Shopify CLI makes it: an entry importing each target's module and
 * registering it with `shopify.extend`, bundled by esbuild, minified ESM.
 */
export async function bundleTargets(
  modules: Record<string, string>,
  resolveDir: string,
  appUrl: string,
  outfile: string,
) {
  const result = await build({
    stdin: {
      contents: entrySource(modules),
      resolveDir,
      loader: 'tsx',
      sourcefile: 'index.tsx',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: {
      'process.env.APP_URL': JSON.stringify(appUrl),
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    outfile,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output;
}

/** The framework floor's sizes (built in memory: it is a yardstick, not something shipped). */
export async function measureFloor(): Promise<Sizes> {
  const floor = await bundleTargets(FLOOR_MODULES, FLOOR_DIR, '', join(FLOOR_DIR, 'floor.js'));
  return measure(floor.contents);
}

export async function buildExtension(options: BuildOptions = {}): Promise<BundleSizes> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const appUrl = options.appUrl ?? process.env.APP_URL ?? '';
  const output = await bundleTargets(
    TARGET_MODULES,
    EXTENSION_DIR,
    appUrl,
    join(outDir, BUNDLE_FILE),
  );
  writeAtomically(output.path, output.contents);
  const localeDir = join(EXTENSION_DIR, 'locales');
  for (const name of readdirSync(localeDir)) {
    writeAtomically(join(outDir, 'locales', name), readFileSync(join(localeDir, name)));
  }
  const own = measure(output.contents);
  const floor = await measureFloor();
  const sizes: BundleSizes = {
    file: BUNDLE_FILE,
    ...own,
    brotliBudget: BROTLI_BUDGET_BYTES,
    floor,
    floorRatio: Math.round((own.brotli / floor.brotli) * 100) / 100,
    appUrl,
  };
  writeAtomically(join(outDir, 'size.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  return sizes;
}

/** Newest modification time under the given paths (files or directories). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const children = readdirSync(path).map((name) => join(path, name));
      newest = Math.max(newest, newestMtime(children));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * Builds unless dist/extension is newer than every source it is made of. Tests and the sandbox
 * use this so a fresh checkout works without a separate build step.
 */
export async function ensureExtensionBuilt(outDir = DEFAULT_OUT_DIR): Promise<void> {
  const sizeFile = join(outDir, 'size.json');
  let builtAt = 0;
  try {
    builtAt = statSync(sizeFile).mtimeMs;
  } catch {
    builtAt = 0;
  }
  const sources = [
    EXTENSION_DIR,
    join(ROOT, 'core'),
    FLOOR_DIR,
    join(ROOT, 'scripts/build-extension.ts'),
  ];
  if (builtAt === 0 || newestMtime(sources) > builtAt) await buildExtension({ outDir });
}

function formatKb(bytes: number) {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

async function main() {
  const sizes = await buildExtension();
  process.stdout.write(
    `dist/extension/${sizes.file}: ${formatKb(sizes.raw)} raw, ${formatKb(sizes.gzip)} gzip, ${formatKb(sizes.brotli)} brotli (budget ${formatKb(sizes.brotliBudget)} brotli)\n` +
      `framework floor (Preact + @shopify/ui-extensions, one s-text): ${formatKb(sizes.floor.raw)} raw, ${formatKb(sizes.floor.gzip)} gzip, ${formatKb(sizes.floor.brotli)} brotli; bundle/floor ${sizes.floorRatio.toFixed(2)}× (brotli)\n` +
      `backend URL: ${sizes.appUrl || '(none: the origin serving the bundle; set APP_URL to deploy)'}\n`,
  );
  if (sizes.brotli > sizes.brotliBudget) {
    process.stderr.write('The checkout extension is over its size budget.\n');
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
