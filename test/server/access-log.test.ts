import { Hono } from 'hono';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { accessLog } from '../../server/http/access-log.js';
import { createLogger } from '../../server/logger.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function appWithLog() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', (line) => lines.push(JSON.parse(line)));
  const app = new Hono();
  app.use('*', accessLog(logger, { summaryEveryMs: 10_000 }));
  app.post('/api/checkout/events', (c) =>
    c.req.query('fail') ? c.json({ error: 'no' }, 422) : c.json({ accepted: 1 }, 202),
  );
  app.post('/webhooks/orders/create', (c) => c.json({ ok: true }));
  app.get('/api/admin/offers', (c) => c.json([]));
  return { app, lines };
}

describe('access log', () => {
  test('2xx event posts are counted and written as one summary line per path', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { app, lines } = appWithLog();
    for (let i = 0; i < 5; i++) await app.request('/api/checkout/events', { method: 'POST' });
    await app.request('/webhooks/orders/create', { method: 'POST' });
    expect(lines).toEqual([]);

    vi.advanceTimersByTime(10_000);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'requests',
        method: 'POST',
        path: '/api/checkout/events',
        status: '2xx',
        count: 5,
      }),
      expect.objectContaining({ msg: 'requests', path: '/webhooks/orders/create', count: 1 }),
    ]);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2);
  });

  test('an error on an event path is always logged on its own, without the query', async () => {
    const { app, lines } = appWithLog();
    await app.request('/api/checkout/events?fail=1&token=secret', { method: 'POST' });
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request', path: '/api/checkout/events', status: 422 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  test('requests on other paths get one line each', async () => {
    const { app, lines } = appWithLog();
    await app.request('/api/admin/offers');
    await app.request('/api/admin/offers');
    expect(lines.map((l) => [l.msg, l.path, l.status])).toEqual([
      ['request', '/api/admin/offers', 200],
      ['request', '/api/admin/offers', 200],
    ]);
  });
});

describe('stdout logging', () => {
  test('lines are buffered and written together once the turn ends, still redacted', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const logger = createLogger('info');
    logger.info('first', { accessToken: 'shpat_secret' });
    logger.warn('second');
    expect(written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(1);
    const lines = (written[0] ?? '')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toEqual(['first', 'second']);
    expect(lines[0].accessToken).toBe('[redacted]');
  });
});
