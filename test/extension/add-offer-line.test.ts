import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import {
  addOfferLine,
  applyOfferLineChange,
  classifyLineError,
  type LineFailure,
} from '../../extension/checkout/src/add-offer-line';
import { fakeHost } from './fake-host';

const LINE = {
  merchandiseId: 'gid://shopify/ProductVariant/20091',
  offerId: 'off_1',
  arm: 'treatment',
};

describe('addOfferLine', () => {
  test('adds one unit with the offer attribute and reports success as null', async () => {
    const apply = vi.fn(async () => ({ type: 'success' as const }));
    const failure = await addOfferLine(fakeHost({ applyCartLinesChange: apply }), LINE);
    expect(failure).toBeNull();
    expect(apply).toHaveBeenCalledWith({
      type: 'addCartLine',
      merchandiseId: LINE.merchandiseId,
      quantity: 1,
      attributes: [{ key: '_closer_offer', value: 'off_1:treatment' }],
    });
  });

  test('does not try when checkout says lines cannot be added', async () => {
    const apply = vi.fn(async () => ({ type: 'success' as const }));
    const host = fakeHost({
      applyCartLinesChange: apply,
      instructions: {
        value: {
          lines: { canAddCartLine: false, canUpdateCartLine: true },
          discounts: { canUpdateDiscountCodes: true },
        },
      },
    });
    expect(await addOfferLine(host, LINE)).toBe('cannotAdd');
    expect(apply).not.toHaveBeenCalled();
  });

  test('an update asks whether lines can be updated, and is refused as cannotUpdate', async () => {
    const apply = vi.fn(async () => ({ type: 'success' as const }));
    const host = fakeHost({
      applyCartLinesChange: apply,
      instructions: {
        value: {
          lines: { canAddCartLine: true, canUpdateCartLine: false },
          discounts: { canUpdateDiscountCodes: true },
        },
      },
    });
    const update = { type: 'updateCartLine' as const, id: 'gid://shopify/CartLine/1' };
    expect(await applyOfferLineChange(host, update)).toBe('cannotUpdate');
    expect(apply).not.toHaveBeenCalled();
    const express = fakeHost({
      applyCartLinesChange: async () => ({
        type: 'error',
        message: 'Cart lines cannot be changed during express checkout',
      }),
    });
    expect(await applyOfferLineChange(express, update)).toBe('cannotUpdate');
  });

  test('maps an error result and a rejection to a failure instead of throwing', async () => {
    const soldOut = fakeHost({
      applyCartLinesChange: async () => ({ type: 'error', message: 'The product is sold out.' }),
    });
    expect(await addOfferLine(soldOut, LINE)).toBe('soldOut');
    const rejected = fakeHost({ applyCartLinesChange: () => Promise.reject(new Error('boom')) });
    expect(await addOfferLine(rejected, LINE)).toBe('generic');
  });
});

describe('error messages', () => {
  test.each([
    ['Variant is sold out', 'soldOut'],
    ['Not enough inventory available', 'soldOut'],
    ['Cart lines cannot be changed during express checkout', 'cannotAdd'],
    ['Something went wrong', 'generic'],
    ['', 'generic'],
  ] as const)('%j → %s', (message, kind) => {
    expect(classifyLineError(message)).toBe(kind);
  });

  test('every failure has a message in every locale, and locales share their keys', () => {
    const dir = join(import.meta.dirname, '../../extension/checkout/locales');
    const read = (name: string) =>
      JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, Record<string, string>>;
    const en = read('en.default.json');
    const fr = read('fr.json');
    const kinds: LineFailure[] = ['cannotAdd', 'cannotUpdate', 'soldOut', 'generic'];
    for (const locale of [en, fr])
      for (const kind of kinds) expect(locale.errors?.[kind]).toBeTruthy();
    const keys = (l: typeof en) =>
      Object.entries(l)
        .flatMap(([group, v]) => Object.keys(v).map((k) => `${group}.${k}`))
        .sort();
    expect(keys(fr)).toEqual(keys(en));
  });
});
