import { describe, expect, test } from 'vitest';
import {
  availableActions,
  kindLabel,
  publicationText,
  statusBadge,
} from '../../admin-ui/src/lib/offer-labels.js';
import { replaceOfferInList, sortOffers } from '../../admin-ui/src/state/offer-list-update.js';
import { offer } from './fixtures.js';

describe('offer status', () => {
  test('offers the transitions each status allows', () => {
    expect(availableActions('draft')).toEqual(['activate', 'archive']);
    expect(availableActions('active')).toEqual(['pause', 'archive']);
    expect(availableActions('paused')).toEqual(['activate', 'archive']);
    expect(availableActions('archived')).toEqual([]);
  });

  test('shows active offers with a success badge', () => {
    expect(statusBadge('active')).toEqual({ label: 'Active', tone: 'success' });
  });
});

describe('offer kind and publication', () => {
  test('names each kind as the catalogue does', () => {
    expect([kindLabel('cross_sell'), kindLabel('upsell'), kindLabel('cta')]).toEqual([
      'Cross-sell',
      'Upsell',
      'Trust banner',
    ]);
  });

  test('an active offer is Live once Shopify holds its latest change', () => {
    expect(publicationText(offer({ status: 'active' }))).toBe('Live');
    // A draft that is published is simply not shown; the status badge already says so.
    expect(publicationText(offer({ status: 'draft' }))).toBeNull();
  });

  test('a change on its way says so, whatever the status', () => {
    const publishing = { state: 'publishing', message: null, nextAttemptAt: null } as const;
    expect(publicationText(offer({ status: 'active', publication: publishing }))).toBe(
      'Publishing…',
    );
    expect(publicationText(offer({ status: 'paused', publication: publishing }))).toBe(
      'Publishing…',
    );
  });

  test('a refused publication gives the reason and that it is retrying', () => {
    const retrying = {
      state: 'retrying',
      message: 'Shopify is limiting requests',
      nextAttemptAt: 1_700_000_060_000,
    } as const;
    expect(publicationText(offer({ status: 'active', publication: retrying }))).toBe(
      'Not live: Shopify is limiting requests — retrying',
    );
    expect(publicationText(offer({ status: 'paused', publication: retrying }))).toBe(
      'Change not published yet: Shopify is limiting requests — retrying',
    );
  });
});

describe('offers list updates', () => {
  const list = [offer({ id: 'a' }), offer({ id: 'b' })];

  test('replaces the offer an action returned', () => {
    const next = replaceOfferInList(list, offer({ id: 'b', status: 'active' }));
    expect(next.map((item) => [item.id, item.status])).toEqual([
      ['a', 'draft'],
      ['b', 'active'],
    ]);
  });

  test('drops an archived offer, as GET /offers does', () => {
    const next = replaceOfferInList(list, offer({ id: 'a', status: 'archived' }));
    expect(next.map((item) => item.id)).toEqual(['b']);
  });

  test('sorts by priority, then newest first', () => {
    const sorted = sortOffers([
      offer({ id: 'low', priority: 1, createdAt: 3 }),
      offer({ id: 'old', priority: 5, createdAt: 1 }),
      offer({ id: 'new', priority: 5, createdAt: 2 }),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['new', 'old', 'low']);
  });
});
