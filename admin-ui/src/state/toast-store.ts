import { signal } from '@preact/signals';

/** A short confirmation or failure notice drawn by the page itself (see components/Toaster.tsx). */
export interface Toast {
  id: number;
  message: string;
  isError: boolean;
}

/** More than this and the oldest goes: a burst of actions must not cover the page. */
export const MAX_TOASTS = 3;

const toasts = signal<readonly Toast[]>([]);
let nextId = 1;

/** Shows a toast; the same message already showing is not stacked twice. Returns its id. */
export function pushToast(message: string, isError = false): number {
  const current = toasts.peek();
  const same = current.find((toast) => toast.message === message && toast.isError === isError);
  if (same) return same.id;
  const toast = { id: nextId++, message, isError };
  toasts.value = [...current, toast].slice(-MAX_TOASTS);
  return toast.id;
}

export function dismissToast(id: number): void {
  toasts.value = toasts.peek().filter((toast) => toast.id !== id);
}

export function currentToasts(): readonly Toast[] {
  return toasts.value;
}
