import type { Session } from '@shopify/shopify-api';
import type { AppContext } from '../app-context.js';

/**
 * The only module that speaks Admin GraphQL. Each operation is named, so the demo emulator and
 * the tests can answer it by `operationName`, and returns plain data the domain code understands.
 */
export interface ShopInfo {
  id: string;
  name: string;
  currencyCode: string;
  planName: string | null;
}

const SHOP_INFO_QUERY = `#graphql
query CloserShopInfo {
  shop { id name currencyCode plan { publicDisplayName } }
}`;

export interface CatalogVariant {
  variantId: string;
  productId: string;
  productTitle: string;
  variantTitle: string | null;
  imageUrl: string | null;
  /** Decimal string as the Admin API returns money, in shop currency. */
  price: string;
  available: boolean;
}

export interface CatalogProduct {
  id: string;
  title: string;
  imageUrl: string | null;
  variants: CatalogVariant[];
}

const VARIANT_FIELDS = `
  id title price availableForSale
  image { url }
  product { id title featuredMedia { preview { image { url } } } }
`;

const PRODUCT_SEARCH_QUERY = `#graphql
query CloserProductSearch($query: String, $first: Int!) {
  products(first: $first, query: $query, sortKey: TITLE) {
    nodes {
      id title
      featuredMedia { preview { image { url } } }
      variants(first: 20) { nodes { ${VARIANT_FIELDS} } }
    }
  }
}`;

const VARIANTS_QUERY = `#graphql
query CloserVariants($ids: [ID!]!) {
  nodes(ids: $ids) { ... on ProductVariant { ${VARIANT_FIELDS} } }
}`;

const METAFIELDS_SET_MUTATION = `#graphql
mutation CloserMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key }
    userErrors { field message code }
  }
}`;

const WEB_PIXEL_CREATE_MUTATION = `#graphql
mutation CloserWebPixelCreate($settings: JSON!) {
  webPixelCreate(webPixel: { settings: $settings }) {
    webPixel { id }
    userErrors { field message code }
  }
}`;

interface VariantNode {
  id: string;
  title: string;
  price: string;
  availableForSale: boolean;
  image: { url: string } | null;
  product: {
    id: string;
    title: string;
    featuredMedia: { preview: { image: { url: string } | null } | null } | null;
  };
}

function toCatalogVariant(node: VariantNode): CatalogVariant {
  return {
    variantId: node.id,
    productId: node.product.id,
    productTitle: node.product.title,
    variantTitle: node.title === 'Default Title' ? null : node.title,
    imageUrl: node.image?.url ?? node.product.featuredMedia?.preview?.image?.url ?? null,
    price: node.price,
    available: node.availableForSale,
  };
}

export class MetafieldWriteError extends Error {
  constructor(readonly userErrors: { message: string }[]) {
    super(`metafieldsSet refused: ${userErrors.map((e) => e.message).join('; ')}`);
    this.name = 'MetafieldWriteError';
  }
}

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
        shop: {
          id: string;
          name: string;
          currencyCode: string;
          plan: { publicDisplayName: string } | null;
        };
      }>(SHOP_INFO_QUERY);
      return {
        id: data.shop.id,
        name: data.shop.name,
        currencyCode: data.shop.currencyCode,
        planName: data.shop.plan?.publicDisplayName ?? null,
      };
    },

    async searchProducts(query: string, first: number): Promise<CatalogProduct[]> {
      const data = await request<{
        products: {
          nodes: {
            id: string;
            title: string;
            featuredMedia: { preview: { image: { url: string } | null } | null } | null;
            variants: { nodes: VariantNode[] };
          }[];
        };
      }>(PRODUCT_SEARCH_QUERY, { query: query || null, first });
      return data.products.nodes.map((product) => ({
        id: product.id,
        title: product.title,
        imageUrl: product.featuredMedia?.preview?.image?.url ?? null,
        variants: product.variants.nodes.map(toCatalogVariant),
      }));
    },

    /** Looks variants up by GID; unknown ids are simply absent from the answer. */
    async fetchVariants(ids: string[]): Promise<CatalogVariant[]> {
      const data = await request<{ nodes: (VariantNode | null)[] }>(VARIANTS_QUERY, { ids });
      return data.nodes
        .filter((node): node is VariantNode => node?.id !== undefined)
        .map(toCatalogVariant);
    },

    /**
     * Activates the app's web pixel on the shop with its settings. A shop that already has it
     * answers TAKEN, which counts as success.
     */
    async activateWebPixel(endpoint: string): Promise<void> {
      const data = await request<{
        webPixelCreate: { userErrors: { code: string | null; message: string }[] };
      }>(WEB_PIXEL_CREATE_MUTATION, { settings: JSON.stringify({ endpoint }) });
      const errors = data.webPixelCreate.userErrors.filter((e) => e.code !== 'TAKEN');
      if (errors.length > 0)
        throw new Error(`webPixelCreate refused: ${errors.map((e) => e.message).join('; ')}`);
    },

    /** Writes an app-owned (`$app`) JSON metafield on the given owner (the shop). */
    async setAppMetafield(ownerId: string, key: string, value: string): Promise<void> {
      const data = await request<{
        metafieldsSet: { userErrors: { message: string }[] };
      }>(METAFIELDS_SET_MUTATION, {
        metafields: [{ ownerId, namespace: '$app', key, type: 'json', value }],
      });
      if (data.metafieldsSet.userErrors.length > 0)
        throw new MetafieldWriteError(data.metafieldsSet.userErrors);
    },
  };
}

export type AdminGateway = ReturnType<typeof createAdminGateway>;
