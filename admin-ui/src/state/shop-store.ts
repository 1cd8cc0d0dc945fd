import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { toErrorMessage } from '../api/api-error.js';
import { getApiClient } from '../api/client.js';
import { fetchShop } from '../api/endpoints.js';
import type { Shop, ShopSettings } from '../api/types.js';
import type { Resource } from './resource.js';

/** The shop (currency, default holdout) changes rarely, so one load serves the whole session. */
const shopState = signal<Resource<Shop>>({ status: 'loading' });
let requested = false;

export async function loadShop(): Promise<void> {
  requested = true;
  shopState.value = { status: 'loading' };
  try {
    shopState.value = { status: 'ready', data: await fetchShop(getApiClient()) };
  } catch (error) {
    shopState.value = { status: 'error', message: toErrorMessage(error) };
  }
}

/** After a settings save, so every page reads the new defaults without a reload. */
export function replaceShopSettings(settings: ShopSettings): void {
  const current = shopState.peek();
  if (current.status === 'ready') {
    shopState.value = { status: 'ready', data: { ...current.data, settings } };
  }
}

export function useShop(): Resource<Shop> {
  useEffect(() => {
    if (!requested) void loadShop();
  }, []);
  return shopState.value;
}
