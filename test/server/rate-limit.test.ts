import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { EnvError, parseEnv } from '../../server/env.js';
import { clientAddress, networkOf } from '../../server/http/client-address.js';
import { FixedWindowLimiter } from '../../server/http/rate-limit.js';

describe('FixedWindowLimiter', () => {
  test('allows max requests per window, then answers when to retry; a new window starts over', () => {
    const limiter = new FixedWindowLimiter({ max: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.hit('a', t0 + i).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit('a', t0 + 10_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.hit('b', t0 + 10_000).allowed).toBe(true);
    expect(limiter.hit('a', t0 + 59_999).allowed).toBe(false);
    expect(limiter.hit('a', t0 + 60_000).allowed).toBe(true);
  });

  test('memory is bounded: a flood of new keys never holds more than the capacity', () => {
    const limiter = new FixedWindowLimiter({ max: 5, windowMs: 60_000 }, 1_000);
    for (let i = 0; i < 20_000; i++) limiter.hit(`flood-${i}`, 1_000);
    expect(limiter.size).toBe(1_000);
  });

  test('a flood of new keys cannot reset the busy client it is limiting', () => {
    const limiter = new FixedWindowLimiter({ max: 5, windowMs: 60_000 }, 1_000);
    const now = 1_000;
    for (let i = 0; i < 5; i++) expect(limiter.hit('busy', now).allowed).toBe(true);
    // The busy client keeps sending while an attacker cycles through far more keys than fit.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 500; i++) limiter.hit(`flood-${round}-${i}`, now);
      expect(limiter.hit('busy', now).allowed).toBe(false);
    }
  });
});

describe('client address', () => {
  async function addressOf(headers: Record<string, string>, trusted?: string) {
    const app = new Hono().get('/', (c) => c.text(clientAddress(c, trusted)));
    return (await app.request('/', { headers })).text();
  }

  test('without a trusted header, forwarded headers are ignored (they are the client’s to forge)', async () => {
    expect(await addressOf({ 'x-forwarded-for': '203.0.113.9' })).toBe('unknown');
  });

  test('with a trusted list header, the entry the proxy appended (the last) counts', async () => {
    expect(
      await addressOf({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }, 'x-forwarded-for'),
    ).toBe('203.0.113.9');
    expect(await addressOf({ 'fly-client-ip': '203.0.113.7' }, 'fly-client-ip')).toBe(
      '203.0.113.7',
    );
  });

  test('IPv6 clients are keyed by their /64, IPv4-mapped addresses as IPv4', () => {
    expect(networkOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:0db8::')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(networkOf('198.51.100.4')).toBe('198.51.100.4');
  });
});

describe('TRUSTED_PROXY_HEADER', () => {
  test('is off unless set, and read as a lower-case header name', () => {
    expect(parseEnv({}).trustedProxyHeader).toBeUndefined();
    expect(parseEnv({ TRUSTED_PROXY_HEADER: 'Fly-Client-IP' }).trustedProxyHeader).toBe(
      'fly-client-ip',
    );
  });

  test('refuses something that is not a header name', () => {
    expect(() => parseEnv({ TRUSTED_PROXY_HEADER: 'x forwarded for' })).toThrow(EnvError);
  });
});
