import { type Route, routePath } from './routes.js';

/**
 * The query string carries `shop`, `host` and `id_token`, which App Bridge and the server's
 * document route read on a reload, so every in-app link keeps it unchanged.
 */
export function hrefFor(route: Route, currentSearch: string): string {
  const query = currentSearch.replace(/^\?/, '');
  return query === '' ? routePath(route) : `${routePath(route)}?${query}`;
}

/** A plain left click navigates in-app; modified clicks keep the browser's new-tab behaviour. */
export function isPlainLeftClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
