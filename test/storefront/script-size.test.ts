import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  bundleStorefrontScript,
  ensureStorefrontBuilt,
  GZIP_BUDGET_BYTES,
  STOREFRONT_SCRIPT,
} from '../../scripts/build-storefront.js';

let shipped: Buffer;

beforeAll(async () => {
  await ensureStorefrontBuilt();
  shipped = readFileSync(STOREFRONT_SCRIPT);
});

describe('the storefront script (extension/storefront/assets/closer-exit.js)', () => {
  test(`is at most ${GZIP_BUDGET_BYTES} bytes gzipped`, () => {
    // Measured here with node:zlib directly, not through the build script's helper.
    const gzip = gzipSync(shipped, { level: 9 }).byteLength;
    expect(gzip).toBeGreaterThan(1024);
    expect(gzip).toBeLessThanOrEqual(3072);
  });

  test('is the current build of its sources', async () => {
    expect(Buffer.from(await bundleStorefrontScript()).equals(shipped)).toBe(true);
  });

  test('is one classic script whose only network calls are two fetches (App Proxy, cart attribute)', () => {
    const code = shipped.toString('utf8');
    expect(code.startsWith('"use strict";(()=>{')).toBe(true);
    expect(code).not.toMatch(/\bimport\s*\(|\bexport\b|XMLHttpRequest|sendBeacon|WebSocket/);
    // Both after intent (main.ts): the coupon call, and `_closer_vid` as a cart attribute.
    expect(code.match(/\bfetch\(/g)).toHaveLength(2);
    expect(code).toContain('apps/closer/coupon?offer=');
    expect(code).toContain('cart/update.js');
  });
});
