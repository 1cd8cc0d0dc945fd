import { describe, expect, test } from 'vitest';
import {
  addProduct,
  isSelected,
  MAX_PRODUCTS,
  removeProduct,
  toProductDetail,
  variantLabel,
} from '../../admin-ui/src/pages/offer-editor/product-selection.js';
import { productDetail } from './fixtures.js';

describe('product selection', () => {
  test('adds variants up to the limit of three', () => {
    let selected = [productDetail(1)];
    selected = addProduct(selected, productDetail(2));
    selected = addProduct(selected, productDetail(3));
    selected = addProduct(selected, productDetail(4));
    expect(MAX_PRODUCTS).toBe(3);
    expect(selected.map((item) => item.price)).toEqual([1000, 2000, 3000]);
  });

  test('does not add the same variant twice', () => {
    const selected = addProduct([productDetail(1)], productDetail(1));
    expect(selected).toHaveLength(1);
  });

  test('removes a variant by id', () => {
    const selected = removeProduct(
      [productDetail(1), productDetail(2)],
      productDetail(1).variantId,
    );
    expect(selected.map((item) => item.variantId)).toEqual([productDetail(2).variantId]);
    expect(isSelected(selected, productDetail(1).variantId)).toBe(false);
  });

  test('builds the saved detail from a search result', () => {
    const detail = toProductDetail(
      { id: 'p1', title: 'Sock', imageUrl: 'https://img/s.png', variants: [] },
      { id: 'v1', title: 'Red', price: 500, available: false },
    );
    expect(detail).toEqual({
      variantId: 'v1',
      productId: 'p1',
      title: 'Sock',
      variantTitle: 'Red',
      imageUrl: 'https://img/s.png',
      price: 500,
      available: false,
    });
  });

  test('hides Shopify\'s "Default Title" variant name', () => {
    expect(variantLabel('Sock', 'Default Title')).toBe('Sock');
    expect(variantLabel('Sock', 'Red / M')).toBe('Sock — Red / M');
    expect(variantLabel('Sock', null)).toBe('Sock');
  });
});
