import { join } from 'node:path';

/** The sandbox's own browser code: the checkout page and the frame each extension target runs in. */
export const CLIENT_ENTRIES = { 'page.js': 'page.tsx', 'frame.js': 'frame.ts' } as const;
export type ClientAsset = keyof typeof CLIENT_ENTRIES;

let compiled: Promise<Map<string, string>> | null = null;

/**
 * Compiles the client TypeScript on first use. esbuild is loaded lazily: it is a build tool, and
 * only demo mode ever serves these pages. The result is kept for the life of the process
 * (`npm run dev` restarts it on change).
 */
export function loadClientAsset(name: ClientAsset): Promise<string> {
  compiled ??= compileClient().catch((error: unknown) => {
    compiled = null;
    throw error;
  });
  return compiled.then((files) => files.get(name) ?? '');
}

async function compileClient(): Promise<Map<string, string>> {
  const { build } = await import('esbuild');
  const dir = join(import.meta.dirname, 'client');
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(CLIENT_ENTRIES).map(([out, src]) => [
        out.replace(/\.js$/, ''),
        join(dir, src),
      ]),
    ),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/sandbox-assets',
    logLevel: 'silent',
  });
  return new Map(
    result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf('/') + 1), file.text]),
  );
}
