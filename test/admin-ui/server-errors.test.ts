import { describe, expect, test } from 'vitest';
import { fieldForPath } from '../../admin-ui/src/pages/offer-editor/form-fields.js';
import { fieldForServerMessage } from '../../admin-ui/src/pages/offer-editor/server-errors.js';

describe('fieldForServerMessage', () => {
  test.each([
    ['name: Use 120 characters or fewer.', 'name'],
    ['variants.1.heading: Use 80 characters or fewer.', 'variants.1.heading'],
    ['variants.0.buttonLabel: Enter a button label.', 'variants.0.buttonLabel'],
    ['variants.0.products: Pick at most 3 products.', 'variants.0.products'],
    ['variants.2.products.1: Pick a product variant from the store.', 'variants.2.products'],
    ['variants.0.link.url: Use an https:// address', 'variants.0.linkUrl'],
    ['variants.0.link.label: Enter a link label.', 'variants.0.linkLabel'],
    ['variants: Use at most 3 content variants.', 'variants'],
    ['triggers.3: Pick a product variant from the store.', 'triggers'],
    ['replacement: The upgrade must be a different variant', 'replacement'],
    ['discount.value: Use at most 90%.', 'discount.value'],
    ['holdout: Use a holdout from 0 to 50%.', 'holdoutPercent'],
    ['condition.$and.0: Unknown operator', 'condition'],
    ['endsAt: The end must be after the start.', 'endsAt'],
  ])('maps "%s" onto the %s field', (message, field) => {
    expect(fieldForServerMessage(message).field).toBe(field);
  });

  test('keeps the reason and drops the path', () => {
    expect(fieldForServerMessage('holdout: use a holdout from 0 to 50%.')).toEqual({
      field: 'holdoutPercent',
      message: 'Use a holdout from 0 to 50%.',
    });
  });

  test('leaves messages it cannot place for the form-level banner', () => {
    expect(fieldForServerMessage('icon: Unrecognized key')).toEqual({
      field: null,
      message: 'icon: Unrecognized key',
    });
    expect(fieldForServerMessage('Request body is not valid JSON.')).toEqual({
      field: null,
      message: 'Request body is not valid JSON.',
    });
  });
});

describe('fieldForPath', () => {
  test('maps contract issue paths as zod reports them (numbers for indexes)', () => {
    expect(fieldForPath(['variants', 1, 'heading'])).toBe('variants.1.heading');
    expect(fieldForPath(['variants', 0, 'link'])).toBe('variants.0.linkUrl');
    expect(fieldForPath(['discount'])).toBe('discount.value');
    expect(fieldForPath(['priority', 'x'])).toBeNull();
    expect(fieldForPath([])).toBeNull();
  });
});
