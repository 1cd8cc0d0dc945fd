import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  BROTLI_BUDGET_BYTES,
  BUNDLE_FILE,
  type BundleSizes,
  DEFAULT_OUT_DIR,
  ensureExtensionBuilt,
  measure,
  measureFloor,
} from '../../scripts/build-extension';

let code: Buffer;
let recorded: BundleSizes;

beforeAll(async () => {
  await ensureExtensionBuilt();
  code = readFileSync(join(DEFAULT_OUT_DIR, BUNDLE_FILE));
  recorded = JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, 'size.json'), 'utf8')) as BundleSizes;
});

describe('the shipped checkout extension bundle', () => {
  test(`is at most ${BROTLI_BUDGET_BYTES} bytes compressed with brotli`, () => {
    // Measured here with node:zlib directly, not through the build script's own helper.
    const brotli = brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).byteLength;
    expect(brotli).toBeGreaterThan(1024);
    expect(brotli).toBeLessThanOrEqual(BROTLI_BUDGET_BYTES);
  });

  test('size.json records the sizes of the file beside it and its ratio to the framework floor', () => {
    expect(recorded).toMatchObject({
      file: BUNDLE_FILE,
      ...measure(code),
      brotliBudget: BROTLI_BUDGET_BYTES,
    });
    expect(recorded.floorRatio).toBeCloseTo(recorded.brotli / recorded.floor.brotli, 2);
  });

  test('the framework floor (Preact + ui-extensions, one s-text) builds the same way and is smaller', async () => {
    const floor = await measureFloor();
    expect(floor).toEqual(recorded.floor);
    expect(floor.brotli).toBeGreaterThan(0);
    expect(floor.brotli).toBeLessThan(recorded.brotli);
  });

  test('is minified ESM that registers every target with shopify.extend', () => {
    const text = code.toString('utf8');
    expect(text).toContain('shopify.extend("purchase.checkout.block.render"');
    expect(text).toContain('shopify.extend("purchase.checkout.cart-line-list.render-after"');
    expect(text).toContain('shopify.extend("purchase.thank-you.block.render"');
    expect(text.split('\n').length).toBeLessThan(5);
  });

  test('ships no schema library: the contract reaches the bundle as types only', () => {
    const text = code.toString('utf8');
    // zod's own error vocabulary would appear if contract.ts were imported for values.
    expect(text).not.toMatch(/invalid_type|ZodError|too_small/);
  });
});
