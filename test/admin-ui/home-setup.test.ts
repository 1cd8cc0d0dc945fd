import { describe, expect, test } from 'vitest';
import type { SetupStep } from '../../admin-ui/src/pages/home/dashboard-types.js';
import {
  dashboardPath,
  isRangePreset,
  rangeForPreset,
} from '../../admin-ui/src/pages/home/date-range.js';
import { planNote, STEP_TEXT, setupProgress } from '../../admin-ui/src/pages/home/setup-steps.js';
import { sectionOf } from '../../admin-ui/src/router/sections.js';

const step = (key: SetupStep['key'], done: boolean): SetupStep => ({ key, done, lastSeenAt: null });

describe('setup checklist', () => {
  test('counts done steps and points at the first open one', () => {
    const progress = setupProgress([
      step('offer_created', true),
      step('block_placed', false),
      step('block_live', false),
      step('pixel_connected', true),
    ]);
    expect(progress).toEqual({ done: 2, total: 4, complete: false, next: 'block_placed' });
  });

  test('is complete when the server has seen every step', () => {
    const keys = Object.keys(STEP_TEXT) as SetupStep['key'][];
    expect(setupProgress(keys.map((key) => step(key, true)))).toMatchObject({
      complete: true,
      next: null,
    });
  });

  test('the plan note says checkout steps need Plus, thank-you and order status do not', () => {
    const note = planNote('Basic');
    expect(note).toContain('checkout steps need Shopify Plus');
    expect(note).toContain('thank-you and order status pages work on every plan');
    expect(note).toContain('Your plan: Basic.');
    expect(planNote(null)).not.toContain('Your plan');
  });
});

describe('periods', () => {
  const now = Date.parse('2026-07-15T23:30:00Z');

  test('end today (UTC) and span the preset’s days, today included', () => {
    expect(rangeForPreset('7', now)).toEqual({ from: '2026-07-09', to: '2026-07-15' });
    expect(rangeForPreset('30', now)).toEqual({ from: '2026-06-16', to: '2026-07-15' });
  });

  test('map to the dashboard query', () => {
    expect(dashboardPath({ from: '2026-07-09', to: '2026-07-15' })).toBe(
      '/dashboard?from=2026-07-09&to=2026-07-15',
    );
  });

  test('accept only the offered presets', () => {
    expect(isRangePreset('90')).toBe(true);
    expect(isRangePreset('14')).toBe(false);
  });
});

describe('navigation', () => {
  test('offer pages sit under Offers, the landing page is Home', () => {
    expect(sectionOf({ name: 'home' })).toBe('home');
    expect(sectionOf({ name: 'offers' })).toBe('offers');
    expect(sectionOf({ name: 'offer-results', id: 'o1' })).toBe('offers');
    expect(sectionOf({ name: 'offer-create', kind: 'cta' })).toBe('offers');
    expect(sectionOf({ name: 'not-found', path: '/x' })).toBeNull();
  });
});
