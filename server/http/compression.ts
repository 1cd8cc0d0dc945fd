import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { isIngestionPath } from './ingestion-paths.js';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed body saves less than the headers and the CPU cost (as nginx, hono). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Quality 5: most of brotli's gain over gzip at a few milliseconds for a 100 KB body. The hashed
 * admin bundles are brotli'd at 11 once at build time (admin-ui/precompress.ts) and served as
 * they are, so only dynamic bodies pay this per request.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

type Encoding = 'br' | 'gzip';

const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const varyAcceptEncoding = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * Brotli or gzip for every text response (HTML, JS, CSS, JSON, CSV, SVG), chosen from the
 * request's Accept-Encoding (q-values honoured; brotli preferred at equal weight).
 *
 * Why not `hono/compress`: it has no brotli, and it compresses any body whose length is not yet
 * known — every `c.json` — however small. Here the body is read first (every route in this app
 * answers with a finished string or file, and event streams are left alone), so the threshold
 * holds for all of them, and node:zlib runs on the libuv thread pool, off the event loop.
 *
 * Left as they are: HEAD, 204/206/304, bodies already encoded (the precompressed admin bundles),
 * `Cache-Control: no-transform`, binary types (images, fonts, archives are compressed already),
 * bodies under the threshold and bodies compression would not shrink. Every compressible
 * response says `Vary: Accept-Encoding` so a shared cache keeps one copy per encoding; a strong
 * ETag becomes weak once the bytes differ from the identity representation.
 */
export interface CompressionOptions {
  threshold?: number;
  /**
   * Paths whose answers are never compressed and skip this middleware altogether (default: the
   * ingestion paths, whose answers are a few dozen bytes). Looking at an answer's body makes
   * @hono/node-server build a full WHATWG Response from its lightweight one, which is measurable
   * per request at checkout peak (issue 9's profile).
   */
  skip?: (path: string) => boolean;
}

export function compressResponses(options: CompressionOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? COMPRESSION_THRESHOLD_BYTES;
  const skip = options.skip ?? isIngestionPath;
  return async function compressResponse(c, next) {
    if (skip(c.req.path)) return next();
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || [204, 206, 304].includes(res.status)) return;
    const type = res.headers.get('Content-Type') ?? '';
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /^\s*text\/event-stream/i.test(type)) return;
    if (!res.body) return;
    addVary(res.headers);
    if (res.headers.has('Content-Encoding')) return;
    if (noTransform.test(res.headers.get('Cache-Control') ?? '')) return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const declared = Number(res.headers.get('Content-Length') ?? Number.NaN);
    if (declared < threshold) return;

    const original = new Uint8Array(await res.arrayBuffer());
    const compressed = original.byteLength < threshold ? null : await encode(original, encoding);
    const smaller = compressed && compressed.byteLength < original.byteLength;
    // The body was read, so the response is rebuilt either way; Hono's setter copies the old
    // headers over the new ones, hence the header changes after the assignment.
    c.res = new Response(smaller ? compressed : original, res);
    if (!smaller) return;
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(compressed.byteLength));
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

/** The highest-weighted of br and gzip (br on a tie, as browsers list gzip first); `*` counts. */
function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = parseAccept(header);
  const weight = (name: string) =>
    accepted.find((a) => a.type.toLowerCase() === name)?.q ??
    accepted.find((a) => a.type === '*')?.q ??
    0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}

function addVary(headers: Headers) {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && varyAcceptEncoding.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

async function encode(body: Uint8Array, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const encoded =
    encoding === 'gzip' ? await gzipAsync(body, { level: GZIP_LEVEL }) : await brotli(body);
  return new Uint8Array(encoded);
}

function brotli(body: Uint8Array): Promise<Buffer> {
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}
