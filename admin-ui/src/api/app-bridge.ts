import { pushToast } from '../state/toast-store.js';

/**
 * The slice of App Bridge's `window.shopify` the admin UI uses. Typed here rather than through
 * @shopify/app-bridge-types because that package declares a global `shopify`, which would clash
 * with the checkout extension's global of the same name in this single TypeScript project.
 */
export interface AppBridge {
  idToken(): Promise<string>;
  toast?: { show(message: string, options?: { isError?: boolean }): void };
  /** `embedded` is false outside the admin's frame (and in the demo's stand-in). */
  environment?: { embedded?: boolean };
}

function isAppBridge(value: unknown): value is AppBridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    'idToken' in value &&
    typeof value.idToken === 'function'
  );
}

export function readAppBridge(): AppBridge | null {
  const candidate: unknown = Reflect.get(globalThis, 'shopify');
  return isAppBridge(candidate) ? candidate : null;
}

/**
 * A toast: Shopify's own when App Bridge draws one (inside the admin's frame), else the page's
 * (components/Toaster.tsx) — in a plain tab and in demo mode, whose App Bridge stand-in only
 * logs toasts to the console.
 */
export function showToast(message: string, isError = false): void {
  const bridge = readAppBridge();
  const toast = bridge?.toast;
  if (bridge?.environment?.embedded !== false && toast && typeof toast.show === 'function') {
    toast.show(message, { isError });
  } else {
    pushToast(message, isError);
  }
}
