import type { Session } from '@shopify/shopify-api';
import type { AppContext } from '../app-context.js';

/**
 * The only module that speaks Admin GraphQL. Each operation is named, so the demo emulator and
 * the tests can answer it by `operationName`, and returns plain data the domain code understands.
 */
export interface ShopInfo {
  name: string;
  currencyCode: string;
  planName: string | null;
}

const SHOP_INFO_QUERY = `#graphql
query CloserShopInfo {
  shop { name currencyCode plan { publicDisplayName } }
}`;

export function createAdminGateway(ctx: AppContext, session: Session) {
  const client = new ctx.shopify.clients.Graphql({ session });

  async function request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await client.request<T>(query, variables ? { variables } : {});
    if (response.errors)
      throw new Error(`Admin GraphQL error: ${response.errors.message ?? 'unknown'}`);
    if (!response.data) throw new Error('Admin GraphQL returned no data');
    return response.data;
  }

  return {
    async fetchShopInfo(): Promise<ShopInfo> {
      const data = await request<{
        shop: { name: string; currencyCode: string; plan: { publicDisplayName: string } | null };
      }>(SHOP_INFO_QUERY);
      return {
        name: data.shop.name,
        currencyCode: data.shop.currencyCode,
        planName: data.shop.plan?.publicDisplayName ?? null,
      };
    },
  };
}

export type AdminGateway = ReturnType<typeof createAdminGateway>;
