/**
 * `npm start`: build what is out of date, then run the server. Run by Node directly (type
 * stripping), so an up-to-date start costs a few dozen file stats and no TypeScript tooling.
 *
 * 1. Each step of `npm run build` whose output is older than one of its inputs is run again
 *    (a step this file does not know is always run).
 * 2. The server is bundled by esbuild into dist/server/ (main.js plus chunks; demo-only code stays
 *    in its own chunk, loaded only in demo mode). Dependencies are bundled too: resolving the
 *    hundreds of small packages they are made of took seconds at every start. Native and
 *    build-tool packages stay external. Every source file keeps its own `import.meta` paths, so
 *    files it reads beside itself (migrations, the admin build, locales) are found as before.
 * 3. The bundle runs in this process, with Node's compile cache on.
 *
 * `node scripts/start.ts --build-only` stops after step 2.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER_OUT = join(ROOT, 'dist/server');
const SERVER_STAMP = join(SERVER_OUT, 'build.json');

/** What each build step reads and the file it writes last; mirrors the steps' own scripts. */
const BUILD_STEPS: Record<string, { inputs: string[]; output: string }> = {
  'build:admin': {
    inputs: ['admin-ui', 'core', 'package-lock.json'],
    output: 'dist/admin-ui/index.html',
  },
  'build:extension': {
    inputs: ['extension/checkout', 'core', 'scripts/extension-floor', 'scripts/build-extension.ts'],
    output: 'dist/extension/size.json',
  },
  'build:storefront': {
    inputs: [
      'extension/storefront/src',
      'core/decide',
      'core/storefront',
      'scripts/build-storefront.ts',
    ],
    output: 'extension/storefront/assets/closer-exit.js',
  },
};

// Native code, build tools the demo loads on demand, and msw (demo only, kept as published).
const EXTERNAL = ['libsql', '@libsql/*', 'esbuild', 'vite', 'msw', 'msw/*', '@mswjs/*'];

function main() {
  buildStaleSteps();
  return ensureServerBundle();
}

function buildStaleSteps() {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  const steps = (scripts.build ?? '').split('&&').map((step) => step.trim());
  for (const step of steps) {
    const name = /^npm run ([\w:-]+)$/.exec(step)?.[1];
    const known = name ? BUILD_STEPS[name] : undefined;
    if (known && builtAfter(known.output, known.inputs)) continue;
    run(name ? ['npm', 'run', name] : ['sh', '-c', step]);
  }
}

async function ensureServerBundle() {
  if (serverBundleIsFresh()) return;
  const started = performance.now();
  const { build } = await import('esbuild');
  rmSync(SERVER_OUT, { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(ROOT, 'server/main.ts')],
    outdir: SERVER_OUT,
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // ESM builds where a package ships both: one copy of each library, tree-shaken.
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    // Bundled CommonJS calls require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'source-import-meta',
        setup(bundler) {
          bundler.onLoad({ filter: /\.tsx?$/ }, (args) => {
            if (args.path.includes('/node_modules/')) return undefined;
            const source = readFileSync(args.path, 'utf8')
              .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
              .replaceAll('import.meta.filename', JSON.stringify(args.path))
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
            return { contents: source, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs);
  writeFileSync(SERVER_STAMP, JSON.stringify({ root: ROOT, inputs }, null, 1));
  process.stderr.write(
    `server bundled from ${inputs.length} files in ${Math.round(performance.now() - started)} ms\n`,
  );
}

/** Fresh when built here, from inputs none of which changed since (nor the lockfile, nor this). */
function serverBundleIsFresh(): boolean {
  let stamp: { root: string; inputs: string[] };
  let builtAt: number;
  try {
    stamp = JSON.parse(readFileSync(SERVER_STAMP, 'utf8'));
    builtAt = statSync(SERVER_STAMP).mtimeMs;
  } catch {
    return false;
  }
  if (stamp.root !== ROOT || !existsSync(join(SERVER_OUT, 'main.js'))) return false;
  const files = [...stamp.inputs, 'package-lock.json', relative(ROOT, import.meta.filename)];
  return files.every((file) => {
    try {
      return statSync(join(ROOT, file)).mtimeMs <= builtAt;
    } catch {
      return false;
    }
  });
}

function builtAfter(output: string, inputs: string[]): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(join(ROOT, output)).mtimeMs;
  } catch {
    return false;
  }
  return inputs.every((input) => newestMtime(join(ROOT, input)) <= builtAt);
}

function newestMtime(path: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function run(command: string[]) {
  const [program, ...args] = command as [string, ...string[]];
  const result = spawnSync(program, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await main();
if (!process.argv.includes('--build-only')) {
  // V8's compiled code for the bundle, kept between starts.
  const cacheDir = join(ROOT, 'dist/.compile-cache');
  mkdirSync(cacheDir, { recursive: true });
  module.enableCompileCache?.(cacheDir);
  await import(pathToFileURL(join(SERVER_OUT, 'main.js')).href);
}
