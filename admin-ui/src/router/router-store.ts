import { signal } from '@preact/signals';
import { hrefFor } from './href.js';
import { matchRoute, type Route } from './routes.js';

const currentRoute = signal<Route>(matchRoute(location.pathname));

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route, location.search);
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  currentRoute.value = route;
  window.scrollTo(0, 0);
}

export function linkHref(route: Route): string {
  return hrefFor(route, location.search);
}

/** Follows the browser's back and forward buttons; returns the cleanup for an effect. */
export function followHistory(): () => void {
  const onPopState = () => {
    currentRoute.value = matchRoute(location.pathname);
  };
  addEventListener('popstate', onPopState);
  return () => removeEventListener('popstate', onPopState);
}

export function useRoute(): Route {
  return currentRoute.value;
}
