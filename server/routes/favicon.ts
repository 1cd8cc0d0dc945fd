import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-context.js';

/** Closer's mark: a "C" closing on a dot, in the admin's dark ink on white. ~300 bytes. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#303030"/><path d="M22.5 10.2A8 8 0 1 0 22.5 21.8" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/><circle cx="22.6" cy="16" r="2.4" fill="#36d399"/></svg>`;

/** Where the documents link it; `/favicon.ico` is what a browser asks for when a page links none. */
export const FAVICON_PATH = '/favicon.svg';
export const FAVICON_LINK = `<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml" />`;

/** The favicon, public and cached for a day (it is the same for every shop). */
export function createFaviconRoutes() {
  const serve = (c: Context<AppEnv>) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(FAVICON_SVG);
  };
  return new Hono<AppEnv>().get(FAVICON_PATH, serve).get('/favicon.ico', serve);
}
