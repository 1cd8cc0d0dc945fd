// Responses compressed on the wire, checked over real HTTP with node:http (which, unlike fetch,
// hands back the bytes as sent): the real demo server for the admin bundles, pages and API, and a
// small app with the same middleware for the cases the app has no route for.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMPRESSION_THRESHOLD_BYTES, compressResponses } from '../../server/http/compression.js';
import { startDemoServer } from '../helpers/demo-server.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(raw: Raw): Buffer {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body);
  if (encoding === 'gzip') return gunzipSync(raw.body);
  if (encoding === undefined) return raw.body;
  throw new Error(`unexpected Content-Encoding ${encoding}`);
}

const CHROME = 'gzip, deflate, br, zstd';
const ADMIN_DIST = 'dist/admin-ui';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
let idToken: string;

beforeAll(async () => {
  // `npm test` builds first; a lone run of this file builds the admin UI here.
  if (!existsSync(join(ADMIN_DIST, 'index.html')))
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'silent' });
  demo = await startDemoServer('closer-compression-');
  base = demo.server.url;
  ({ idToken } = (await (await fetch(`${base}/dev/id-token`)).json()) as { idToken: string });
}, 120_000);
afterAll(() => demo.close());

/** The built admin bundle of that extension the first page loads, e.g. index-abc123.js. */
function adminAsset(ext: '.js' | '.css'): string {
  const html = readFileSync(join(ADMIN_DIST, 'index.html'), 'utf8');
  const match = html.match(new RegExp(`/admin-ui/(assets/index-[\\w-]+\\${ext})`));
  if (!match?.[1]) throw new Error(`no ${ext} bundle in index.html`);
  return match[1];
}

describe('compressed delivery from the demo server', () => {
  for (const ext of ['.js', '.css'] as const) {
    test(`the admin ${ext} bundle goes out as brotli or gzip as asked, decoding to the built file`, async () => {
      const file = adminAsset(ext);
      const original = readFileSync(join(ADMIN_DIST, file));
      const url = `${base}/admin-ui/${file}`;

      const br = await get(url, { 'Accept-Encoding': CHROME });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toMatch(ext === '.js' ? /javascript/ : /text\/css/);
      expect(br.body.byteLength).toBeLessThan(original.byteLength / 2);
      expect(decode(br).equals(original)).toBe(true);

      const gz = await get(url, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(decode(gz).equals(original)).toBe(true);

      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.body.equals(original)).toBe(true);
    });
  }

  test('the admin HTML document is compressed and decodes to the page the browser gets', async () => {
    const url = `${base}/app?shop=${demo.server.ctx.demo?.shop}&id_token=${idToken}`;
    const plain = await get(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/text\/html/);
    const gz = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.status).toBe(200);
    // The shell is small: compressed only if 1 KB or more, and then decodes to the same page.
    if (plain.body.byteLength >= COMPRESSION_THRESHOLD_BYTES) {
      expect(gz.headers['content-encoding']).toBe('gzip');
    } else {
      expect(gz.headers['content-encoding']).toBeUndefined();
    }
    expect(decode(gz).toString()).toBe(plain.body.toString());
    expect(plain.body.toString()).toContain('rel="icon"');
  });

  test('the checkout sandbox page (HTML) and its script (JS) are compressed', async () => {
    for (const path of ['/sandbox', '/sandbox/assets/page.js']) {
      const plain = await get(`${base}${path}`);
      expect(plain.status).toBe(200);
      const br = await get(`${base}${path}`, { 'Accept-Encoding': CHROME });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers['cache-control']).toBe('no-store');
      expect(decode(br).byteLength).toBe(plain.body.byteLength);
    }
  });

  test('a large JSON answer of the admin API is compressed; a small one is not', async () => {
    const auth = { Authorization: `Bearer ${idToken}` };
    const largeUrl = `${base}/api/admin/products?query=&first=50`;
    const plain = await get(largeUrl, auth);
    expect(plain.status).toBe(200);
    expect(plain.body.byteLength).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    const br = await get(largeUrl, { ...auth, 'Accept-Encoding': 'br;q=0.9, gzip;q=1' });
    // q-values decide: gzip was preferred.
    expect(br.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(decode(br).toString())).toEqual(JSON.parse(plain.body.toString()));

    const small = await get(`${base}/api/admin/shop`, { ...auth, 'Accept-Encoding': CHROME });
    expect(small.status).toBe(200);
    expect(small.body.byteLength).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(small.body.toString())).toHaveProperty('shop');
  });

  test('the favicon is a small SVG at /favicon.ico and /favicon.svg, cached, sent as is', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const res = await get(`${base}${path}`, { 'Accept-Encoding': CHROME });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml');
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });
});

describe('the compression middleware on cases the app has no route for', () => {
  const text = 'closer '.repeat(1000);
  const binary = Buffer.alloc(8000, 7);
  let server: ReturnType<typeof serve>;
  let url: string;

  beforeAll(async () => {
    const app = new Hono();
    app.use('*', compressResponses());
    app.get('/etag', (c) => {
      c.header('ETag', '"v1"');
      return c.text(text);
    });
    app.get('/png', (c) => {
      c.header('Content-Type', 'image/png');
      return c.body(binary);
    });
    app.get('/no-transform', (c) => {
      c.header('Cache-Control', 'no-transform');
      return c.text(text);
    });
    app.get('/tiny', (c) => c.json({ ok: true }));
    app.get('/error', (c) => c.json({ error: { message: text } }, 400));
    // An ingestion path (http/ingestion-paths.ts): skipped whatever its answer's size.
    app.post('/webhooks/orders/create', (c) => c.text(text));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        url = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a strong ETag turns weak once the bytes are compressed, and stays strong otherwise', async () => {
    const br = await get(`${url}/etag`, { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe('W/"v1"');
    expect(decode(br).toString()).toBe(text);
    const plain = await get(`${url}/etag`);
    expect(plain.headers.etag).toBe('"v1"');
  });

  test('already-compressed types, no-transform and tiny bodies go out as they are', async () => {
    const png = await get(`${url}/png`, { 'Accept-Encoding': CHROME });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.equals(binary)).toBe(true);
    const kept = await get(`${url}/no-transform`, { 'Accept-Encoding': CHROME });
    expect(kept.headers['content-encoding']).toBeUndefined();
    expect(kept.body.toString()).toBe(text);
    const tiny = await get(`${url}/tiny`, { 'Accept-Encoding': CHROME });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('{"ok":true}');
  });

  test('error answers are compressed too, keeping their status', async () => {
    const res = await get(`${url}/error`, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(res).toString()).error.message).toBe(text);
  });

  test('an Accept-Encoding that refuses both (or names neither) gets the identity body', async () => {
    for (const accept of ['br;q=0, gzip;q=0', 'deflate', 'identity']) {
      const res = await get(`${url}/etag`, { 'Accept-Encoding': accept });
      expect(res.headers['content-encoding'], accept).toBeUndefined();
      expect(res.body.toString()).toBe(text);
    }
  });

  test('ingestion paths are left alone, even with a large answer', async () => {
    const res = await fetch(`${url}/webhooks/orders/create`, {
      method: 'POST',
      headers: { 'Accept-Encoding': CHROME },
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
    expect(await res.text()).toBe(text);
  });
});
