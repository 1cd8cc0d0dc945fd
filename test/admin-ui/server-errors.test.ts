import { describe, expect, test } from 'vitest';
import { fieldForServerMessage } from '../../admin-ui/src/pages/offer-editor/server-errors.js';

describe('fieldForServerMessage', () => {
  test.each([
    ['name: Too big: expected string to have <=120 characters', 'name'],
    ['content.heading: Too small: expected string to have >=1 characters', 'heading'],
    ['content.buttonLabel: Required', 'buttonLabel'],
    ['products: Too big: expected array to have <=3 items', 'products'],
    ['products.2: Invalid string', 'products'],
    ['holdout: Too big: expected number to be <=0.5', 'holdoutPercent'],
    ['condition.$and.0: Unknown operator', 'condition'],
    ['endsAt: must be after startsAt', 'endsAt'],
  ])('maps "%s" onto the %s field', (message, field) => {
    expect(fieldForServerMessage(message).field).toBe(field);
  });

  test('keeps the reason and drops the path', () => {
    expect(fieldForServerMessage('holdout: too big')).toEqual({
      field: 'holdoutPercent',
      message: 'Too big',
    });
  });

  test('leaves messages it cannot place for the form-level banner', () => {
    expect(fieldForServerMessage('kind: Invalid option')).toEqual({
      field: null,
      message: 'kind: Invalid option',
    });
    expect(fieldForServerMessage('Request body is not valid JSON.')).toEqual({
      field: null,
      message: 'Request body is not valid JSON.',
    });
  });
});
