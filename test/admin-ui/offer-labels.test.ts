import { describe, expect, test } from 'vitest';
import { availableActions, statusBadge } from '../../admin-ui/src/lib/offer-labels.js';
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
