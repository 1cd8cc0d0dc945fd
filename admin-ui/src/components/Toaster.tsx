import { useEffect } from 'preact/hooks';
import { currentToasts, dismissToast, type Toast } from '../state/toast-store.js';
import { XIcon } from './icons.js';
import './toast.css';

/** Long enough to read a sentence; errors stay twice as long. */
const SHOW_MS = 5000;

/**
 * Where the page's own toasts appear (when App Bridge draws none: demo mode, a plain tab). The
 * live region is always in the page, so a toast added to it is announced by screen readers.
 */
export function Toaster() {
  const toasts = currentToasts();
  return (
    <div class="Toaster" role="status" aria-live="polite" data-testid="toaster">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(toast.id), toast.isError ? 2 * SHOW_MS : SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return (
    <div
      class={toast.isError ? 'Toast Toast--error' : 'Toast'}
      data-testid="toast"
      data-tone={toast.isError ? 'error' : 'success'}
    >
      <span class="Toast-message">{toast.message}</span>
      <button
        type="button"
        class="Toast-dismiss"
        aria-label="Dismiss notification"
        onClick={() => dismissToast(toast.id)}
      >
        <XIcon size={16} />
      </button>
    </div>
  );
}
