import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { orders } from '../../drizzle/schema.js';
import { webhookHeaders } from '../../server/demo/shopify-signatures.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

/*
 * Body limits per route, over a real socket: the test app is served by @hono/node-server on an
 * ephemeral loopback port, as in production.
 */
let t: TestApp;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  t.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  reusedSocket: boolean;
}

/** One request over `agent`; `body` as a Buffer (Content-Length) or chunks (chunked encoding). */
function send(
  agent: Agent,
  method: string,
  path: string,
  body?: Buffer | Buffer[],
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(body && !chunked ? { 'content-length': String(body.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            reusedSocket: req.reusedSocket,
          }),
        );
      },
    );
    req.on('error', reject);
    if (chunked) for (const chunk of body) req.write(chunk);
    else if (body) req.write(body);
    req.end();
  });
}

const keepAlive = () => new Agent({ keepAlive: true, maxSockets: 1 });

describe('413 and the connection', () => {
  test('a 413 says Connection: close, and the next request on a keep-alive client succeeds', async () => {
    const agent = keepAlive();
    try {
      const warm = await send(agent, 'GET', '/health');
      expect(warm.status).toBe(200);
      const big = await send(agent, 'POST', '/api/admin/settings', Buffer.alloc(2_000_000, 'a'));
      expect(big.status).toBe(413);
      expect(big.headers.connection).toBe('close');
      expect(JSON.parse(big.text).error.code).toBe('payload_too_large');
      const next = await send(agent, 'GET', '/health');
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  test('a chunked body that grows past the limit is refused the same way', async () => {
    const agent = keepAlive();
    try {
      const chunks = Array.from({ length: 40 }, () => Buffer.alloc(10_000, 'a'));
      const big = await send(agent, 'POST', '/api/admin/settings', chunks);
      expect(big.status).toBe(413);
      expect(big.headers.connection).toBe('close');
      const next = await send(agent, 'GET', '/health');
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  test('on a raw socket the server ends the connection after the 413 instead of resetting it', async () => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const outcome = new Promise<'end' | string>((resolve) => {
      socket.on('data', (d) => received.push(d));
      socket.on('end', () => resolve('end'));
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    const body = Buffer.alloc(300_000, 'a');
    socket.write(
      `POST /api/admin/settings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body);
    expect(await outcome).toBe('end');
    const response = Buffer.concat(received).toString('utf8');
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(response.toLowerCase()).toContain('connection: close');
    socket.destroy();
  });
});

describe('limits per route', () => {
  test('a 1,000-line order webhook (~1.1 MB) is accepted and stored whole', async () => {
    const base = orderPayload();
    const line = base.line_items[0];
    const payload = {
      ...base,
      line_items: Array.from({ length: 1000 }, (_, i) => ({
        ...line,
        id: 10_000 + i,
        title: `Product ${i} ${'with a long descriptive title '.repeat(10)}`,
        sku: `SKU-${i}-${'x'.repeat(40)}`,
        tax_lines: [{ title: 'State tax', price: '1.00', rate: 0.05 }],
        properties: [{ name: 'engraving', value: 'y'.repeat(200) }],
      })),
    };
    const body = Buffer.from(JSON.stringify(payload));
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const agent = keepAlive();
    try {
      const res = await send(
        agent,
        'POST',
        '/webhooks/orders/create',
        body,
        webhookHeaders(t.secrets.apiSecret, SHOP_A, 'orders/create', body.toString('utf8')),
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ ok: true, duplicate: false });
    } finally {
      agent.destroy();
    }
    const [row] = await t.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, String(base.id)));
    expect(row?.lines).toHaveLength(1000);
  });

  test('a webhook body over 10 MB is refused with 413', async () => {
    const agent = keepAlive();
    try {
      const res = await send(
        agent,
        'POST',
        '/webhooks/orders/create',
        Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
      );
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    } finally {
      agent.destroy();
    }
  });

  test.each([
    ['/api/pixel/events', 17 * 1024, 'batch_too_large'],
    ['/api/checkout/events', 65 * 1024, 'batch_too_large'],
    ['/api/admin/settings', 257 * 1024, 'payload_too_large'],
    ['/dev/anything', 65 * 1024, 'payload_too_large'],
  ])('%s refuses %d bytes with %s, before reading or authenticating', async (path, size, code) => {
    const res = await t.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'a'.repeat(size),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).error.code).toBe(code);
  });
});

describe('a declared Content-Length', () => {
  test('is checked by the header alone: over the limit is a 413 even if fewer bytes follow', async () => {
    const res = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(65 * 1024) },
      body: '{}',
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('batch_too_large');
    // The extension reads the refusal cross-origin.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('that is not a number is a 400, not a body read', async () => {
    const res = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '12abc' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_content_length');
  });
});
