import { OFFER_KINDS, type OfferKind } from '../../../core/offers/catalog.js';

/**
 * Path-based routes under /app, the prefix the server serves this document for. Paths (not
 * hashes) let a merchant reload or share any page, and App Bridge mirrors them into the admin URL.
 */
export const APP_BASE = '/app';

export type Route =
  /** The landing page: totals, funnels and the setup checklist. */
  | { name: 'home' }
  | { name: 'offers' }
  /** Choose a kind, then… */
  | { name: 'offer-new' }
  /** …create an offer of it. */
  | { name: 'offer-create'; kind: OfferKind }
  | { name: 'offer-edit'; id: string }
  | { name: 'offer-results'; id: string }
  | { name: 'not-found'; path: string };

export function matchRoute(pathname: string): Route {
  const trimmed = pathname.replace(/\/+$/, '');
  if (trimmed !== APP_BASE && !trimmed.startsWith(`${APP_BASE}/`)) {
    return { name: 'not-found', path: pathname };
  }
  const segments = trimmed.slice(APP_BASE.length).split('/').filter(Boolean).map(safeDecode);
  const [first, second, third, ...rest] = segments;
  if (first === undefined) return { name: 'home' };
  if (first !== 'offers' || rest.length > 0) return { name: 'not-found', path: pathname };
  if (second === undefined) return { name: 'offers' };
  if (second === 'new') {
    if (third === undefined) return { name: 'offer-new' };
    if (isOfferKind(third)) return { name: 'offer-create', kind: third };
    return { name: 'not-found', path: pathname };
  }
  if (third === undefined) return { name: 'offer-edit', id: second };
  if (third === 'results') return { name: 'offer-results', id: second };
  return { name: 'not-found', path: pathname };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return APP_BASE;
    case 'offers':
      return `${APP_BASE}/offers`;
    case 'offer-new':
      return `${APP_BASE}/offers/new`;
    case 'offer-create':
      return `${APP_BASE}/offers/new/${route.kind}`;
    case 'offer-edit':
      return `${APP_BASE}/offers/${encodeURIComponent(route.id)}`;
    case 'offer-results':
      return `${APP_BASE}/offers/${encodeURIComponent(route.id)}/results`;
    case 'not-found':
      return route.path;
  }
}

function isOfferKind(value: string): value is OfferKind {
  return (OFFER_KINDS as readonly string[]).includes(value);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
