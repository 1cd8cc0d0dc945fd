import { describe, expect, test } from 'vitest';
import { fromDateTimeLocal, toDateTimeLocal } from '../../admin-ui/src/lib/datetime.js';

describe('datetime-local conversion', () => {
  test('round-trips a minute-precision time in the local zone', () => {
    const epoch = new Date(2030, 5, 15, 8, 5).getTime();
    expect(toDateTimeLocal(epoch)).toBe('2030-06-15T08:05');
    expect(fromDateTimeLocal('2030-06-15T08:05')).toBe(epoch);
  });

  test('maps an empty field to null both ways', () => {
    expect(toDateTimeLocal(null)).toBe('');
    expect(fromDateTimeLocal(' ')).toBeNull();
  });

  test('marks text that is not a date-time as NaN', () => {
    expect(fromDateTimeLocal('next week')).toBeNaN();
  });
});
