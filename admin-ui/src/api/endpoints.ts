import type {
  Offer,
  OfferAction,
  OfferInput,
  OfferPatch,
  OfferStatus,
} from '../../../core/offers/contract.js';
import type { OfferExperimentSummary } from '../../../server/routes/admin/offers.js';
import type { ApiClient } from './client.js';
import type {
  ExperimentReport,
  OfferResults,
  Product,
  ReportChoice,
  Shop,
  ShopSettings,
} from './types.js';

/** One function per documented admin endpoint (docs/api.md), so pages never build URLs. */
export function fetchShop(client: ApiClient): Promise<Shop> {
  return client.request<Shop>('GET', '/shop');
}

export async function fetchOffers(client: ApiClient, status?: OfferStatus): Promise<Offer[]> {
  const query = status ? `?status=${encodeURIComponent(status)}` : '';
  const { offers } = await client.request<{ offers: Offer[] }>('GET', `/offers${query}`);
  return offers;
}

export async function fetchOffer(client: ApiClient, id: string): Promise<Offer> {
  const { offer } = await client.request<{ offer: Offer }>('GET', offerPath(id));
  return offer;
}

export async function createOffer(client: ApiClient, input: OfferInput): Promise<Offer> {
  const { offer } = await client.request<{ offer: Offer }>('POST', '/offers', input);
  return offer;
}

export async function updateOffer(
  client: ApiClient,
  id: string,
  patch: OfferPatch,
): Promise<Offer> {
  const { offer } = await client.request<{ offer: Offer }>('PATCH', offerPath(id), patch);
  return offer;
}

export async function runOfferAction(
  client: ApiClient,
  id: string,
  action: OfferAction,
): Promise<Offer> {
  const { offer } = await client.request<{ offer: Offer }>('POST', `${offerPath(id)}/${action}`);
  return offer;
}

/** Every experiment the offer has run, newest first; old ones keep their reports. */
export async function fetchOfferExperiments(
  client: ApiClient,
  id: string,
): Promise<OfferExperimentSummary[]> {
  const { experiments } = await client.request<{ experiments: OfferExperimentSummary[] }>(
    'GET',
    `${offerPath(id)}/experiments`,
  );
  return experiments;
}

export function fetchOfferResults(client: ApiClient, id: string): Promise<OfferResults> {
  return client.request<OfferResults>('GET', `${offerPath(id)}/results`);
}

export async function searchProducts(
  client: ApiClient,
  query: string,
  first = 10,
): Promise<Product[]> {
  const params = new URLSearchParams({ query, first: String(first) });
  const { products } = await client.request<{ products: Product[] }>(
    'GET',
    `/products?${params.toString()}`,
  );
  return products;
}

export async function updateSettings(
  client: ApiClient,
  patch: Partial<ShopSettings>,
): Promise<ShopSettings> {
  const { settings } = await client.request<{ settings: ShopSettings }>(
    'PATCH',
    '/settings',
    patch,
  );
  return settings;
}

/** Without a choice the server answers with the shop's default engine and sequential mode. */
export function fetchExperimentReport(
  client: ApiClient,
  experimentKey: string,
  choice: ReportChoice | null,
): Promise<ExperimentReport> {
  return client.request<ExperimentReport>('GET', reportPath(experimentKey, choice));
}

export function downloadExperimentReportCsv(
  client: ApiClient,
  experimentKey: string,
  choice: ReportChoice | null,
): Promise<Blob> {
  return client.download(reportPath(experimentKey, choice, 'csv'));
}

export function reportPath(
  experimentKey: string,
  choice: ReportChoice | null,
  format?: 'csv',
): string {
  const params = new URLSearchParams();
  if (format) params.set('format', format);
  if (choice) {
    params.set('engine', choice.engine);
    params.set('sequential', String(choice.sequential));
  }
  const query = params.toString();
  const path = `/experiments/${encodeURIComponent(experimentKey)}/report`;
  return query === '' ? path : `${path}?${query}`;
}

function offerPath(id: string): string {
  return `/offers/${encodeURIComponent(id)}`;
}
