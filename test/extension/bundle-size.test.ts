import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  BUNDLE_FILE,
  type BundleSizes,
  DEFAULT_OUT_DIR,
  ensureExtensionBuilt,
  GZIP_BUDGET_BYTES,
  measure,
} from '../../scripts/build-extension';

let code: Buffer;
let recorded: BundleSizes;

beforeAll(async () => {
  await ensureExtensionBuilt();
  code = readFileSync(join(DEFAULT_OUT_DIR, BUNDLE_FILE));
  recorded = JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, 'size.json'), 'utf8')) as BundleSizes;
});

describe('the shipped checkout extension bundle', () => {
  test(`is at most ${GZIP_BUDGET_BYTES} bytes gzipped`, () => {
    expect(measure(code).gzip).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  test('size.json records the sizes of the file beside it', () => {
    expect(recorded).toMatchObject({
      file: BUNDLE_FILE,
      ...measure(code),
      gzipBudget: GZIP_BUDGET_BYTES,
    });
  });

  test('is minified ESM that registers both targets with shopify.extend', () => {
    const text = code.toString('utf8');
    expect(text).toContain('shopify.extend("purchase.checkout.block.render"');
    expect(text).toContain('shopify.extend("purchase.checkout.cart-line-list.render-after"');
    expect(text.split('\n').length).toBeLessThan(5);
  });
});
