import type { Session } from '@shopify/shopify-api';
import type { AppContext } from '../app-context.js';
import { callShopify, resolveCallPolicy } from './call-shopify.js';
import { ShopifyBugError, ShopifyRefusedError } from './upstream-errors.js';

/**
 * The only module that speaks Admin GraphQL. Each operation is named, so the demo emulator and
 * the tests can answer it by `operationName`, and returns plain data the domain code understands.
 * Every call runs under `callShopify` (timeout, bounded retries with backoff) and fails with one
 * of the `upstream-errors.ts` kinds, never with a library error.
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

/** A language the shop sells in (Admin GraphQL `ShopLocale`); `published`: buyers can pick it. */
export interface ShopLocale {
  /** ISO code, e.g. `en`, `fr`, `pt-BR`. */
  locale: string;
  primary: boolean;
  published: boolean;
}

// Needs the `read_locales` access scope (shopify.dev, Admin GraphQL 2026-07, `shopLocales`).
const SHOP_LOCALES_QUERY = `#graphql
query CloserShopLocales {
  shopLocales { locale primary published }
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

/** `metafieldsSet` answered user errors: the value was refused, a retry would be too. */
export class MetafieldWriteError extends ShopifyRefusedError {
  override readonly name = 'MetafieldWriteError';
  constructor(readonly userErrors: { message: string }[]) {
    super('CloserMetafieldsSet', `refused: ${userErrors.map((e) => e.message).join('; ')}`);
  }
}

/**
 * A code discount as Closer creates them: limited to some variants, percentage or amount per item;
 * or, with `order`, on the whole order.
 */
export interface CodeDiscountInput {
  title: string;
  code: string;
  variantIds: string[];
  /** Fraction off, 0..1. */
  percentage?: number;
  /** Decimal string in shop currency off each entitled item (off the order, once, with `order`). */
  amountPerItem?: string;
  /**
   * The whole order instead of `variantIds` (`customerGets.items.all`), from a minimum subtotal
   * (decimal string in shop currency) up, or any order when null.
   */
  order?: {
    minimumSubtotal: string | null;
    /** Replaces the order default (no other order code; product and shipping codes allowed). */
    combinesWith?: {
      orderDiscounts: boolean;
      productDiscounts: boolean;
      shippingDiscounts: boolean;
    };
    /**
     * Shopify's `usageLimit`. For a discount with several redeem codes it counts each code on its
     * own (Shopify staff, community.shopify.dev/t/12269: "that limit … applies to each individual
     * redeem code you create, not the combined total"), so 1 makes every pooled code single-use.
     */
    usageLimit?: number;
  };
}

const DISCOUNT_FIELDS = 'codeDiscountNode { id } userErrors { field message code }';
const DISCOUNT_CREATE_MUTATION = `#graphql
mutation CloserDiscountCreate($input: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $input) { ${DISCOUNT_FIELDS} }
}`;
const DISCOUNT_UPDATE_MUTATION = `#graphql
mutation CloserDiscountUpdate($id: ID!, $input: DiscountCodeBasicInput!) {
  discountCodeBasicUpdate(id: $id, basicCodeDiscount: $input) { ${DISCOUNT_FIELDS} }
}`;
const DISCOUNT_DELETE_MUTATION = `#graphql
mutation CloserDiscountDelete($id: ID!) {
  discountCodeDelete(id: $id) { deletedCodeDiscountId userErrors { field message code } }
}`;

// Pooled codes (exit coupons). `discountRedeemCodeBulkAdd` is asynchronous: it answers a bulk
// creation whose `done` turns true once Shopify ran it; each of its `codes` then has either a
// `discountRedeemCode` (added) or `errors` (not added: taken, invalid). Admin GraphQL 2026-07,
// DiscountRedeemCodeBulkAddPayload / DiscountRedeemCodeBulkCreation / …BulkCreationCode.
const REDEEM_CODES_ADD_MUTATION = `#graphql
mutation CloserRedeemCodesAdd($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {
  discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) {
    bulkCreation { id }
    userErrors { field message code }
  }
}`;
const REDEEM_CODES_STATUS_QUERY = `#graphql
query CloserRedeemCodesStatus($id: ID!, $first: Int!) {
  discountRedeemCodeBulkCreation(id: $id) {
    done
    codes(first: $first) { nodes { code discountRedeemCode { id } errors { message } } }
  }
}`;

const REDEEM_CODES_DELETE_MUTATION = `#graphql
mutation CloserRedeemCodesDelete($discountId: ID!, $ids: [ID!]) {
  discountCodeRedeemCodeBulkDelete(discountId: $discountId, ids: $ids) {
    job { id }
    userErrors { field message code }
  }
}`;

/** Where a bulk add of redeem codes stands: not run yet, or which codes Shopify added. */
export type RedeemCodesStatus =
  | { done: false }
  | { done: true; added: { code: string; id: string }[] };

function toDiscountInput(input: CodeDiscountInput) {
  const { order } = input;
  return {
    title: input.title,
    code: input.code,
    startsAt: new Date(0).toISOString(),
    context: { all: 'ALL' },
    // A product discount stacks with the shop's order and shipping discounts, never with another
    // product discount; an order discount never with another order discount (no coupon on top
    // of the shop's own order codes).
    combinesWith: order
      ? (order.combinesWith ?? {
          orderDiscounts: false,
          shippingDiscounts: true,
          productDiscounts: true,
        })
      : { orderDiscounts: true, shippingDiscounts: true, productDiscounts: false },
    customerGets: {
      items: order ? { all: true } : { products: { productVariantsToAdd: input.variantIds } },
      value:
        input.percentage !== undefined
          ? { percentage: input.percentage }
          : { discountAmount: { amount: input.amountPerItem, appliesOnEachItem: !order } },
    },
    // Both null removes a minimum an update no longer wants (Shopify's documented way).
    ...(order?.usageLimit !== undefined && { usageLimit: order.usageLimit }),
    ...(order && {
      minimumRequirement: {
        quantity: { greaterThanOrEqualToQuantity: null },
        subtotal: { greaterThanOrEqualToSubtotal: order.minimumSubtotal },
      },
    }),
  };
}

/** A discount mutation answered user errors: the input was refused, a retry would be too. */
export class DiscountWriteError extends ShopifyRefusedError {
  override readonly name = 'DiscountWriteError';
  constructor(
    operation: string,
    readonly userErrors: { message: string }[],
  ) {
    super(operation, `refused: ${userErrors.map((e) => e.message).join('; ')}`);
  }
}

export function createAdminGateway(ctx: AppContext, session: Session) {
  const client = new ctx.shopify.clients.Graphql({ session });
  const policy = resolveCallPolicy(ctx.shopifyCalls);

  function request<T>(
    operation: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    return callShopify(
      { operation, shop: session.shop, logger: ctx.logger, policy },
      async (signal) => {
        // The library's own retries stay off (its default): this loop owns retrying.
        const response = await client.request<T>(query, {
          ...(variables ? { variables } : {}),
          signal,
        });
        if (!response.data) throw new ShopifyBugError(operation, 'answer without data');
        return response.data;
      },
    );
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
      }>('CloserShopInfo', SHOP_INFO_QUERY);
      return {
        id: data.shop.id,
        name: data.shop.name,
        currencyCode: data.shop.currencyCode,
        planName: data.shop.plan?.publicDisplayName ?? null,
      };
    },

    /** Every locale enabled on the shop, published or not, as Shopify lists them. */
    async fetchShopLocales(): Promise<ShopLocale[]> {
      const data = await request<{ shopLocales: ShopLocale[] }>(
        'CloserShopLocales',
        SHOP_LOCALES_QUERY,
      );
      return data.shopLocales.map(({ locale, primary, published }) => ({
        locale,
        primary,
        published,
      }));
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
      }>('CloserProductSearch', PRODUCT_SEARCH_QUERY, { query: query || null, first });
      return data.products.nodes.map((product) => ({
        id: product.id,
        title: product.title,
        imageUrl: product.featuredMedia?.preview?.image?.url ?? null,
        variants: product.variants.nodes.map(toCatalogVariant),
      }));
    },

    /** Looks variants up by GID; unknown ids are simply absent from the answer. */
    async fetchVariants(ids: string[]): Promise<CatalogVariant[]> {
      const data = await request<{ nodes: (VariantNode | null)[] }>(
        'CloserVariants',
        VARIANTS_QUERY,
        { ids },
      );
      return data.nodes
        .filter((node): node is VariantNode => node?.id !== undefined)
        .map(toCatalogVariant);
    },

    /**
     * Activates the app's web pixel on the shop with its settings. A shop that already has it
     * answers TAKEN, which counts as success (so does a retry after a create that timed out).
     */
    async activateWebPixel(endpoint: string): Promise<void> {
      const data = await request<{
        webPixelCreate: { userErrors: { code: string | null; message: string }[] };
      }>('CloserWebPixelCreate', WEB_PIXEL_CREATE_MUTATION, {
        settings: JSON.stringify({ endpoint }),
      });
      const errors = data.webPixelCreate.userErrors.filter((e) => e.code !== 'TAKEN');
      if (errors.length > 0)
        throw new ShopifyRefusedError(
          'CloserWebPixelCreate',
          `refused: ${errors.map((e) => e.message).join('; ')}`,
        );
    },

    /**
     * Writes an app-owned (`$app`) JSON metafield on the given owner (the shop). Setting a value
     * is idempotent, so a retry after a timeout cannot leave anything half-done.
     */
    async setAppMetafield(ownerId: string, key: string, value: string): Promise<void> {
      const data = await request<{
        metafieldsSet: { userErrors: { message: string }[] };
      }>('CloserMetafieldsSet', METAFIELDS_SET_MUTATION, {
        metafields: [{ ownerId, namespace: '$app', key, type: 'json', value }],
      });
      if (data.metafieldsSet.userErrors.length > 0)
        throw new MetafieldWriteError(data.metafieldsSet.userErrors);
    },

    /**
     * Writes several app-owned JSON metafields on one owner in one `metafieldsSet` call (the
     * checkout's and the storefront's config, so one publication delivers both). Idempotent.
     */
    async setAppMetafields(
      ownerId: string,
      entries: { key: string; value: string }[],
    ): Promise<void> {
      const data = await request<{
        metafieldsSet: { userErrors: { message: string }[] };
      }>('CloserMetafieldsSet', METAFIELDS_SET_MUTATION, {
        metafields: entries.map(({ key, value }) => ({
          ownerId,
          namespace: '$app',
          key,
          type: 'json',
          value,
        })),
      });
      if (data.metafieldsSet.userErrors.length > 0)
        throw new MetafieldWriteError(data.metafieldsSet.userErrors);
    },

    /**
     * Asks Shopify to add these codes to a code discount (asynchronously); answers the bulk
     * creation's GID to poll with `redeemCodesStatus`. At most 250 codes a call.
     */
    async addRedeemCodes(discountId: string, codes: string[]): Promise<string> {
      const data = await request<{
        discountRedeemCodeBulkAdd: {
          bulkCreation: { id: string } | null;
          userErrors: { message: string }[];
        };
      }>('CloserRedeemCodesAdd', REDEEM_CODES_ADD_MUTATION, {
        discountId,
        codes: codes.map((code) => ({ code })),
      });
      const { bulkCreation, userErrors } = data.discountRedeemCodeBulkAdd;
      if (userErrors.length > 0 || !bulkCreation)
        throw new DiscountWriteError('CloserRedeemCodesAdd', userErrors);
      return bulkCreation.id;
    },

    /** The outcome of `addRedeemCodes`: the codes Shopify confirmed, once the bulk add ran. */
    async redeemCodesStatus(bulkId: string, first: number): Promise<RedeemCodesStatus> {
      const data = await request<{
        discountRedeemCodeBulkCreation: {
          done: boolean;
          codes: { nodes: { code: string; discountRedeemCode: { id: string } | null }[] };
        } | null;
      }>('CloserRedeemCodesStatus', REDEEM_CODES_STATUS_QUERY, { id: bulkId, first });
      const bulk = data.discountRedeemCodeBulkCreation;
      if (!bulk) throw new ShopifyBugError('CloserRedeemCodesStatus', 'unknown bulk creation');
      if (!bulk.done) return { done: false };
      return {
        done: true,
        added: bulk.codes.nodes.flatMap((n) =>
          n.discountRedeemCode ? [{ code: n.code, id: n.discountRedeemCode.id }] : [],
        ),
      };
    },

    /**
     * Asks Shopify to delete these redeem codes from the discount (an asynchronous job; deleting
     * a code that is already gone is harmless, so a retry is safe). Shopify's discount has one
     * end date for all its codes, so this is how a single code expires.
     */
    async deleteRedeemCodes(discountId: string, ids: string[]): Promise<void> {
      const data = await request<{
        discountCodeRedeemCodeBulkDelete: { userErrors: { message: string }[] };
      }>('CloserRedeemCodesDelete', REDEEM_CODES_DELETE_MUTATION, { discountId, ids });
      if (data.discountCodeRedeemCodeBulkDelete.userErrors.length > 0)
        throw new DiscountWriteError(
          'CloserRedeemCodesDelete',
          data.discountCodeRedeemCodeBulkDelete.userErrors,
        );
    },

    /** Creates the code discount behind an offer's discount; answers its GID. */
    async createCodeDiscount(input: CodeDiscountInput): Promise<string> {
      const data = await request<{
        discountCodeBasicCreate: {
          codeDiscountNode: { id: string } | null;
          userErrors: { message: string }[];
        };
      }>('CloserDiscountCreate', DISCOUNT_CREATE_MUTATION, { input: toDiscountInput(input) });
      const { codeDiscountNode, userErrors } = data.discountCodeBasicCreate;
      if (userErrors.length > 0 || !codeDiscountNode)
        throw new DiscountWriteError('CloserDiscountCreate', userErrors);
      return codeDiscountNode.id;
    },

    /** Sets the discount to `input` (same code): value, variants, title. Idempotent. */
    async updateCodeDiscount(id: string, input: CodeDiscountInput): Promise<void> {
      const data = await request<{
        discountCodeBasicUpdate: { userErrors: { message: string }[] };
      }>('CloserDiscountUpdate', DISCOUNT_UPDATE_MUTATION, { id, input: toDiscountInput(input) });
      if (data.discountCodeBasicUpdate.userErrors.length > 0)
        throw new DiscountWriteError(
          'CloserDiscountUpdate',
          data.discountCodeBasicUpdate.userErrors,
        );
    },

    /** Deletes the discount; one that is already gone counts as deleted. */
    async deleteCodeDiscount(id: string): Promise<void> {
      const data = await request<{
        discountCodeDelete: { userErrors: { message: string; code?: string | null }[] };
      }>('CloserDiscountDelete', DISCOUNT_DELETE_MUTATION, { id });
      const errors = data.discountCodeDelete.userErrors.filter(
        (e) => !/not.?found|does not exist/i.test(`${e.code ?? ''} ${e.message}`),
      );
      if (errors.length > 0) throw new DiscountWriteError('CloserDiscountDelete', errors);
    },
  };
}

export type AdminGateway = ReturnType<typeof createAdminGateway>;
