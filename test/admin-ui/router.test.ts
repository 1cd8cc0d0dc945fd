import { describe, expect, test } from 'vitest';
import { hrefFor, isPlainLeftClick } from '../../admin-ui/src/router/href.js';
import { matchRoute, type Route, routePath } from '../../admin-ui/src/router/routes.js';

const SEARCH = '?shop=demo.myshopify.com&host=YWRtaW4&id_token=abc.def.ghi';

describe('routes', () => {
  test.each<[string, Route]>([
    ['/app', { name: 'home' }],
    ['/app/', { name: 'home' }],
    ['/app/offers', { name: 'offers' }],
    ['/app/offers/', { name: 'offers' }],
    ['/app/offers/new', { name: 'offer-new' }],
    ['/app/offers/new/upsell', { name: 'offer-create', kind: 'upsell' }],
    ['/app/offers/new/cta', { name: 'offer-create', kind: 'cta' }],
    ['/app/offers/o_123', { name: 'offer-edit', id: 'o_123' }],
    ['/app/offers/o_123/results', { name: 'offer-results', id: 'o_123' }],
    ['/app/offers/o%2F1', { name: 'offer-edit', id: 'o/1' }],
  ])('matches %s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  test.each([
    '/',
    '/application',
    '/app/settings',
    '/app/offers/o1/edit',
    '/app/offers/o1/results/x',
    '/app/offers/new/bundle',
    '/app/offers/new/upsell/x',
  ])('treats %s as not found', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found', path });
  });

  test('routePath and matchRoute round-trip, including ids that need encoding', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'offers' },
      { name: 'offer-new' },
      { name: 'offer-create', kind: 'cross_sell' },
      { name: 'offer-edit', id: 'gid://closer/Offer/7' },
      { name: 'offer-results', id: 'a b' },
    ];
    for (const route of routes) expect(matchRoute(routePath(route))).toEqual(route);
  });
});

describe('hrefFor', () => {
  test('keeps shop, host and id_token in the query string when navigating', () => {
    const href = hrefFor({ name: 'offer-results', id: 'o1' }, SEARCH);
    expect(href).toBe(`/app/offers/o1/results${SEARCH}`);
    const params = new URL(href, 'https://closer.example').searchParams;
    expect(params.get('shop')).toBe('demo.myshopify.com');
    expect(params.get('host')).toBe('YWRtaW4');
    expect(params.get('id_token')).toBe('abc.def.ghi');
  });

  test('adds no question mark when there is no query string', () => {
    expect(hrefFor({ name: 'offer-new' }, '')).toBe('/app/offers/new');
    expect(hrefFor({ name: 'home' }, '?')).toBe('/app');
    expect(hrefFor({ name: 'offers' }, '')).toBe('/app/offers');
  });
});

describe('isPlainLeftClick', () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

  test('navigates in-app on a plain left click only', () => {
    expect(isPlainLeftClick(click)).toBe(true);
    expect(isPlainLeftClick({ ...click, metaKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...click, button: 1 })).toBe(false);
  });
});
