import { useEffect, useRef, useState } from 'preact/hooks';
import { isPlainLeftClick } from '../../router/href.js';
import { navigate } from '../../router/router-store.js';
import { APP_BASE, matchRoute, type Route } from '../../router/routes.js';

/**
 * While `active` (unsaved changes), leaving asks first: an in-app link (the back arrow, "View
 * results"…) is held until the merchant answers the page's dialog; closing or reloading the tab
 * gets the browser's own prompt (`beforeunload`).
 */
export function useLeaveGuard(active: boolean) {
  const [pending, setPending] = useState<Route | null>(null);
  // Read at call time: `request` may be held by a callback created on an earlier render.
  const activeNow = useRef(active);
  activeNow.current = active;
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    // Capture phase: runs before the link's own handler, which would navigate at once.
    const onClick = (event: MouseEvent) => {
      const route = inAppDestination(event);
      if (!route) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      setPending(route);
    };
    addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active]);
  return {
    /** Where the merchant asked to go, while the dialog asks; null otherwise. */
    pending,
    stay: () => setPending(null),
    /** Goes to a page in-app, asking first while there are unsaved changes. */
    request: (route: Route) => {
      if (activeNow.current) setPending(route);
      else navigate(route);
    },
    leave: () => {
      setPending(null);
      if (pending) navigate(pending);
    },
  };
}

/** The in-app page a plain click on a link would open; null for anything the browser handles. */
function inAppDestination(event: MouseEvent): Route | null {
  if (event.defaultPrevented || !isPlainLeftClick(event)) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, location.href);
  const inApp = url.pathname === APP_BASE || url.pathname.startsWith(`${APP_BASE}/`);
  // Another site or page is a real unload, which `beforeunload` covers.
  if (url.origin !== location.origin || !inApp || url.pathname === location.pathname) return null;
  return matchRoute(url.pathname);
}
