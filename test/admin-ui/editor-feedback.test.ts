// Small pure pieces of the editor and its feedback: toasts outside Shopify, what a split change
// is, the 0% holdout warning, and how an offer's experiments are named on the results page.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { showToast } from '../../admin-ui/src/api/app-bridge.js';
import {
  measuresNothing,
  splitChangeOf,
} from '../../admin-ui/src/pages/offer-editor/experiment-change.js';
import { offerToForm } from '../../admin-ui/src/pages/offer-editor/offer-form.js';
import { experimentOptions } from '../../admin-ui/src/state/experiment-options.js';
import {
  currentToasts,
  dismissToast,
  MAX_TOASTS,
  pushToast,
} from '../../admin-ui/src/state/toast-store.js';
import type { Offer } from '../../core/offers/contract.js';
import { crossSellInput, offerFrom } from './fixtures.js';

function clearToasts() {
  for (const toast of currentToasts()) dismissToast(toast.id);
}

describe('toasts', () => {
  beforeEach(clearToasts);
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'shopify');
    clearToasts();
  });

  test('without App Bridge (demo mode, a plain tab) the page shows them itself', () => {
    showToast('Offer saved');
    showToast('Not saved', true);
    expect(currentToasts().map(({ message, isError }) => ({ message, isError }))).toEqual([
      { message: 'Offer saved', isError: false },
      { message: 'Not saved', isError: true },
    ]);
  });

  test('inside Shopify, App Bridge draws them and the page does not repeat them', () => {
    const shown: [string, unknown][] = [];
    Reflect.set(globalThis, 'shopify', {
      idToken: () => Promise.resolve('token'),
      environment: { embedded: true },
      toast: { show: (message: string, options: unknown) => shown.push([message, options]) },
    });
    showToast('Offer paused');
    expect(shown).toEqual([['Offer paused', { isError: false }]]);
    expect(currentToasts()).toEqual([]);
  });

  test('App Bridge outside the admin’s frame (the demo stand-in) or without a toast: the page', () => {
    const logged: string[] = [];
    Reflect.set(globalThis, 'shopify', {
      idToken: () => Promise.resolve('token'),
      environment: { embedded: false, demo: true },
      toast: { show: (message: string) => logged.push(message) },
    });
    showToast('Offer archived');
    Reflect.set(globalThis, 'shopify', { idToken: () => Promise.resolve('token') });
    showToast('Offer duplicated');
    expect(logged).toEqual([]);
    expect(currentToasts().map((toast) => toast.message)).toEqual([
      'Offer archived',
      'Offer duplicated',
    ]);
  });

  test('the same message is not stacked; only the newest few stay', () => {
    const first = pushToast('Offer saved');
    expect(pushToast('Offer saved')).toBe(first);
    for (const n of [1, 2, 3, 4]) pushToast(`Message ${n}`);
    expect(currentToasts().map((toast) => toast.message)).toEqual([
      'Message 2',
      'Message 3',
      'Message 4',
    ]);
    expect(currentToasts()).toHaveLength(MAX_TOASTS);
    dismissToast(currentToasts()[0]!.id);
    expect(currentToasts().map((toast) => toast.message)).toEqual(['Message 3', 'Message 4']);
  });
});

/** A saved two-variant cross-sell whose experiment has the arms of its split. */
function saved(status: Offer['status'], holdout = 0.1): Offer {
  const offer = offerFrom({ ...crossSellInput(), holdout }, { status });
  const arms = [
    { key: 'holdout', weight: holdout, holdout: true },
    { key: 'treatment', weight: (1 - holdout) / 2, holdout: false },
    { key: 'treatment_b', weight: (1 - holdout) / 2, holdout: false },
  ];
  return { ...offer, experiment: { ...offer.experiment, holdout, arms } };
}

describe('a split change', () => {
  test('on an active or paused offer: the holdout, or the number of variants', () => {
    for (const status of ['active', 'paused'] as const) {
      const offer = saved(status);
      const form = offerToForm(offer, 'USD');
      expect(splitChangeOf(offer, form)).toBeNull();
      form.common.holdoutPercent = '20';
      expect(splitChangeOf(offer, form)).toEqual({
        fromHoldout: 0.1,
        toHoldout: 0.2,
        fromVariants: 2,
        toVariants: 2,
      });
      form.common.holdoutPercent = '10';
      form.spec.variants = form.spec.variants.slice(0, 1) as typeof form.spec.variants;
      expect(splitChangeOf(offer, form)).toEqual({
        fromHoldout: 0.1,
        toHoldout: 0.1,
        fromVariants: 2,
        toVariants: 1,
      });
    }
  });

  test('not on a draft, an archived offer, a new offer, or while the holdout is not a number', () => {
    for (const status of ['draft', 'archived'] as const) {
      const offer = saved(status);
      const form = offerToForm(offer, 'USD');
      form.common.holdoutPercent = '30';
      expect(splitChangeOf(offer, form)).toBeNull();
    }
    const form = offerToForm(saved('active'), 'USD');
    form.common.holdoutPercent = 'ten';
    expect(splitChangeOf(saved('active'), form)).toBeNull();
    expect(splitChangeOf(null, form)).toBeNull();
  });

  test('a 0% holdout measures nothing; 0.5% does', () => {
    const form = offerToForm(saved('active'), 'USD');
    for (const [text, expected] of [
      ['0', true],
      ['0.00', true],
      [' 0 ', true],
      ['0.5', false],
      ['', false],
      ['10', false],
    ] as const) {
      form.common.holdoutPercent = text;
      expect(measuresNothing(form), text).toBe(expected);
    }
  });
});

describe('an offer’s experiments on the results page', () => {
  test('the current first, then the earlier ones with their dates and holdout', () => {
    const day = (d: number) => Date.UTC(2030, 0, d);
    const options = experimentOptions(
      [
        {
          key: 'old',
          startedAt: day(1),
          stoppedAt: day(5),
          holdout: 0.1,
          variants: 1,
          current: false,
        },
        {
          key: 'now',
          startedAt: day(9),
          stoppedAt: null,
          holdout: 0.2,
          variants: 2,
          current: true,
        },
        {
          key: 'mid',
          startedAt: day(5),
          stoppedAt: day(9),
          holdout: 0.5,
          variants: 1,
          current: false,
        },
      ],
      (ms) => `Jan ${new Date(ms).getUTCDate()}`,
    );
    expect(options).toEqual([
      { value: 'now', label: 'Current: since Jan 9 · holdout 20% · 2 variants' },
      { value: 'mid', label: 'Jan 5 – Jan 9 · holdout 50%' },
      { value: 'old', label: 'Jan 1 – Jan 5 · holdout 10%' },
    ]);
  });
});
