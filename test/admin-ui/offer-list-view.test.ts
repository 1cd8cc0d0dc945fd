import { describe, expect, test } from 'vitest';
import { copyName, duplicateInput } from '../../admin-ui/src/state/offer-copy.js';
import { addToArchived } from '../../admin-ui/src/state/offer-list-update.js';
import {
  competingOffers,
  defaultTab,
  listNames,
  offersInTab,
  slotConflicts,
  tabCounts,
} from '../../admin-ui/src/state/offer-list-view.js';
import { LIMITS } from '../../core/offers/catalog.js';
import { offerInputSchema } from '../../core/offers/contract.js';
import {
  crossSellInput,
  ctaInput,
  inputFieldsOf,
  offer,
  offerFrom,
  upsellInput,
} from './fixtures.js';

const LIST = [
  offer({ id: 'a', name: 'Crème brûlée add-on', status: 'active', priority: 5 }),
  offer({ id: 'b', name: 'Socks with shoes', status: 'active', priority: 5 }),
  offer({ id: 'c', name: 'Socks draft', status: 'draft', priority: 5 }),
  offer({ id: 'd', name: 'Winter socks', status: 'paused', priority: 1 }),
  offer({ id: 'e', name: 'Old socks', status: 'archived', priority: 5 }),
];

describe('tabs and search', () => {
  test('each tab holds its status only', () => {
    expect(offersInTab(LIST, 'active', '').map((o) => o.id)).toEqual(['a', 'b']);
    expect(offersInTab(LIST, 'draft', '').map((o) => o.id)).toEqual(['c']);
    expect(offersInTab(LIST, 'paused', '').map((o) => o.id)).toEqual(['d']);
    expect(offersInTab(LIST, 'archived', '').map((o) => o.id)).toEqual(['e']);
  });

  test('search finds every word of the name, whatever the case or accents', () => {
    expect(offersInTab(LIST, 'active', 'CREME').map((o) => o.id)).toEqual(['a']);
    expect(offersInTab(LIST, 'active', '  shoes  socks ').map((o) => o.id)).toEqual(['b']);
    expect(offersInTab(LIST, 'active', 'socks sandals')).toEqual([]);
    expect(offersInTab(LIST, 'archived', 'old').map((o) => o.id)).toEqual(['e']);
  });

  test('counts per tab, and the tab a list opens on', () => {
    expect(tabCounts(LIST)).toEqual({ active: 2, draft: 1, paused: 1, archived: 1 });
    expect(defaultTab(LIST)).toBe('active');
    expect(defaultTab(LIST.filter((o) => o.status !== 'active'))).toBe('draft');
    expect(defaultTab([offer({ status: 'paused' })])).toBe('paused');
    // Archived offers are never the landing tab; an empty shop lands on Active.
    expect(defaultTab([offer({ status: 'archived' })])).toBe('active');
    expect(defaultTab([])).toBe('active');
  });

  test('a newly archived offer leads the archived list, once', () => {
    const archived = [offer({ id: 'e', status: 'archived' })];
    const next = addToArchived(archived, offer({ id: 'x', status: 'archived' }));
    expect(next.map((o) => o.id)).toEqual(['x', 'e']);
    expect(addToArchived(next, offer({ id: 'e', status: 'archived' })).map((o) => o.id)).toEqual([
      'e',
      'x',
    ]);
  });
});

describe('slot conflicts', () => {
  test('active offers at one placement and priority compete; drafts, paused and archived do not', () => {
    expect(slotConflicts(LIST)).toEqual([
      {
        target: 'checkout_block',
        priority: 5,
        offers: [
          { id: 'a', name: 'Crème brûlée add-on' },
          { id: 'b', name: 'Socks with shoes' },
        ],
      },
    ]);
  });

  test('another priority or placement is no conflict', () => {
    const apart = [
      offer({ id: 'a', status: 'active', priority: 5 }),
      offer({ id: 'b', status: 'active', priority: 6 }),
      {
        ...offer({ id: 'c', status: 'active', priority: 5 }),
        target: 'cart_line_list_after' as const,
      },
    ];
    expect(slotConflicts(apart)).toEqual([]);
  });

  test('the offer being edited competes with the others, as typed', () => {
    expect(
      competingOffers({ id: 'c', target: 'checkout_block', priority: 5 }, LIST).map((o) => o.id),
    ).toEqual(['a', 'b']);
    expect(
      competingOffers({ id: 'a', target: 'checkout_block', priority: 5 }, LIST).map((o) => o.id),
    ).toEqual(['b']);
    expect(competingOffers({ id: null, target: 'checkout_block', priority: 4 }, LIST)).toEqual([]);
    expect(
      competingOffers({ id: null, target: 'cart_line_list_after', priority: 5 }, LIST),
    ).toEqual([]);
  });

  test('names are listed as a sentence', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('duplicating', () => {
  test.each([
    ['cross_sell', crossSellInput],
    ['upsell', upsellInput],
    ['cta', ctaInput],
  ] as const)(
    'a %s copy is the offer’s own input under a new name, accepted by the contract',
    (_kind, input) => {
      const original = offerFrom(input(), { status: 'active', discountCode: 'CLOSER-ABC' });
      const body = duplicateInput(original);
      expect(body).toEqual({ ...inputFieldsOf(original), name: `${original.name} (copy)` });
      // Nothing the server owns is sent: the contract is strict about unknown fields.
      expect(offerInputSchema.safeParse(body).success).toBe(true);
    },
  );

  test('a long name is shortened so the copy still fits the limit', () => {
    const name = copyName('x'.repeat(LIMITS.name));
    expect(name).toHaveLength(LIMITS.name);
    expect(name.endsWith('x (copy)')).toBe(true);
    expect(copyName('  Socks  ')).toBe('Socks (copy)');
  });
});
