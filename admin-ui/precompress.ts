import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The server's threshold too (server/http/compression.ts): smaller files are served as they are. */
const MIN_BYTES = 1024;
const TEXT_FILE = /\.(?:js|css|svg|json)$/;

/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside every built text asset, once at
 * build time: the server's static route serves them as they are to a browser that accepts the
 * encoding, so the hashed, immutable bundles get the best ratio without paying brotli's top
 * quality on each request.
 */
export function precompress(): Plugin {
  return {
    name: 'closer:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!TEXT_FILE.test(fileName)) continue;
        const body = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        if (body.byteLength < MIN_BYTES) continue;
        const brotli = brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
        writeFileSync(join(dir, `${fileName}.br`), brotli);
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(body, { level: 9 }));
      }
    },
  };
}
