import type { Route } from './routes.js';

export type Section = 'home' | 'offers';

/** Which top-level section a page belongs to: an offer's editor and report sit under Offers. */
export function sectionOf(route: Route): Section | null {
  if (route.name === 'home') return 'home';
  if (route.name === 'not-found') return null;
  return 'offers';
}
