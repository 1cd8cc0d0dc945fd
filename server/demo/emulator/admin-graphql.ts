import type { ShopLocale } from '../../shopify/admin-gateway.js';
import type { DemoProduct } from '../catalog.js';
import { REDEEM_CODE_RESOLVERS } from './redeem-codes.js';

/**
 * Answers the Admin GraphQL operations Closer sends, by operation name, over the emulated shop's
 * state. It is not a GraphQL engine: every operation the gateway defines has a resolver here,
 * and an unknown one is an error, so a new query cannot silently go unemulated.
 */
export interface EmulatedShopState {
  shop: string;
  name: string;
  currencyCode: string;
  /** What `shopLocales` answers: the languages the shop sells in. */
  locales: ShopLocale[];
  products: DemoProduct[];
  /** Settings JSON of the activated web pixel, null until webPixelCreate. */
  webPixelSettings: string | null;
  metafields: Map<
    string,
    { namespace: string; key: string; type: string; value: string; ownerId: string }
  >;
  /** Code discounts by GID, as discountCodeBasicCreate/Update left them. */
  discounts: Map<string, EmulatedDiscount>;
}

export interface EmulatedDiscount {
  id: string;
  title: string;
  code: string;
  variantIds: string[];
  /** `customerGets.items.all`: every line of the order (an order discount), not `variantIds`. */
  allItems: boolean;
  /** Fraction off, or a decimal amount off each entitled item (or once, see appliesOnEachItem). */
  percentage: number | null;
  amountPerItem: string | null;
  /** False: the amount is off the entitled items together, once per order. */
  appliesOnEachItem: boolean;
  /** `minimumRequirement.subtotal.greaterThanOrEqualToSubtotal`, a decimal; null without one. */
  minimumSubtotal: string | null;
  combinesWith: {
    orderDiscounts?: boolean;
    productDiscounts?: boolean;
    shippingDiscounts?: boolean;
  };
}

type Resolver = (state: EmulatedShopState, variables: Record<string, unknown>) => unknown;

export function shopGidOf(shop: string): string {
  // A stable fake numeric id per domain, like Shopify's.
  let n = 0;
  for (const ch of shop) n = (n * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  return `gid://shopify/Shop/${n}`;
}

function formatPrice(minor: number): string {
  return (minor / 100).toFixed(2);
}

function variantNode(product: DemoProduct, variant: DemoProduct['variants'][number]) {
  return {
    id: variant.id,
    title: variant.title,
    price: formatPrice(variant.price),
    availableForSale: variant.available,
    image: null,
    product: {
      id: product.id,
      title: product.title,
      featuredMedia: { preview: { image: { url: product.imageUrl } } },
    },
  };
}

/** Shopify's product search syntax, reduced to what the picker sends: words match the title. */
function matchesQuery(product: DemoProduct, query: unknown): boolean {
  if (typeof query !== 'string' || query.trim() === '') return true;
  const words = query
    .toLowerCase()
    .replace(/title:|\*/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const haystack = `${product.title} ${product.productType}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function setMetafields(state: EmulatedShopState, variables: Record<string, unknown>) {
  const inputs = Array.isArray(variables.metafields)
    ? (variables.metafields as Record<string, string>[])
    : [];
  const userErrors: { field: string[]; message: string; code: string }[] = [];
  const saved: { id: string; namespace: string; key: string }[] = [];
  for (const { ownerId = '', namespace = '', key = '', type = '', value = '' } of inputs) {
    if (ownerId !== shopGidOf(state.shop)) {
      userErrors.push({
        field: ['metafields', 'ownerId'],
        message: 'Owner does not exist',
        code: 'INVALID',
      });
      continue;
    }
    if (type === 'json') {
      try {
        JSON.parse(value);
      } catch {
        userErrors.push({
          field: ['metafields', 'value'],
          message: 'Value is invalid JSON',
          code: 'INVALID_VALUE',
        });
        continue;
      }
    }
    state.metafields.set(`${namespace}.${key}`, { ownerId, namespace, key, type, value });
    saved.push({ id: `gid://shopify/Metafield/${state.metafields.size}`, namespace, key });
  }
  return { metafieldsSet: { metafields: userErrors.length ? null : saved, userErrors } };
}

function findVariants(state: EmulatedShopState, variables: Record<string, unknown>) {
  const ids = Array.isArray(variables.ids) ? variables.ids : [];
  return {
    nodes: ids.map((id) => {
      for (const product of state.products) {
        const variant = product.variants.find((v) => v.id === id);
        if (variant) return variantNode(product, variant);
      }
      return null;
    }),
  };
}

type DiscountInput = {
  title?: string;
  code?: string;
  combinesWith?: EmulatedDiscount['combinesWith'];
  customerGets?: {
    items?: { all?: boolean; products?: { productVariantsToAdd?: string[] } };
    value?: {
      percentage?: number;
      discountAmount?: { amount?: string; appliesOnEachItem?: boolean };
    };
  };
  minimumRequirement?: { subtotal?: { greaterThanOrEqualToSubtotal?: string | null } };
};

function discountFrom(id: string, input: DiscountInput): EmulatedDiscount | { error: string } {
  const items = input.customerGets?.items;
  const variantIds = items?.products?.productVariantsToAdd ?? [];
  const allItems = items?.all === true;
  const value = input.customerGets?.value;
  if (!input.code || (variantIds.length === 0 && !allItems) || !value)
    return { error: 'Code, items and value are required.' };
  if (allItems && variantIds.length > 0) return { error: 'Choose all items or some, not both.' };
  return {
    id,
    title: input.title ?? '',
    code: input.code,
    variantIds,
    allItems,
    percentage: value.percentage ?? null,
    amountPerItem: value.discountAmount?.amount ?? null,
    appliesOnEachItem: value.discountAmount?.appliesOnEachItem ?? false,
    minimumSubtotal: input.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal ?? null,
    combinesWith: input.combinesWith ?? {},
  };
}

let discountSequence = 1000;

function writeDiscount(state: EmulatedShopState, id: string, input: DiscountInput) {
  const discount = discountFrom(id, input);
  if ('error' in discount)
    return {
      codeDiscountNode: null,
      userErrors: [{ field: ['basicCodeDiscount'], message: discount.error, code: 'INVALID' }],
    };
  const taken = [...state.discounts.values()].some((d) => d.code === discount.code && d.id !== id);
  if (taken)
    return {
      codeDiscountNode: null,
      userErrors: [
        { field: ['basicCodeDiscount', 'code'], message: 'Code must be unique.', code: 'TAKEN' },
      ],
    };
  state.discounts.set(id, discount);
  return { codeDiscountNode: { id }, userErrors: [] };
}

const RESOLVERS: Record<string, Resolver> = {
  CloserDiscountCreate: (state, variables) => {
    discountSequence += 1;
    return {
      discountCodeBasicCreate: writeDiscount(
        state,
        `gid://shopify/DiscountCodeNode/${discountSequence}`,
        variables.input as DiscountInput,
      ),
    };
  },
  CloserDiscountUpdate: (state, variables) => {
    const id = String(variables.id);
    if (!state.discounts.has(id))
      return {
        discountCodeBasicUpdate: {
          codeDiscountNode: null,
          userErrors: [{ field: ['id'], message: 'Discount does not exist', code: 'NOT_FOUND' }],
        },
      };
    return { discountCodeBasicUpdate: writeDiscount(state, id, variables.input as DiscountInput) };
  },
  CloserDiscountDelete: (state, variables) => {
    const id = String(variables.id);
    if (!state.discounts.delete(id))
      return {
        discountCodeDelete: {
          deletedCodeDiscountId: null,
          userErrors: [{ field: ['id'], message: 'Discount does not exist', code: 'NOT_FOUND' }],
        },
      };
    return { discountCodeDelete: { deletedCodeDiscountId: id, userErrors: [] } };
  },
  CloserShopInfo: (state) => ({
    shop: {
      id: shopGidOf(state.shop),
      name: state.name,
      currencyCode: state.currencyCode,
      plan: { publicDisplayName: 'Shopify Plus' },
    },
  }),
  CloserShopLocales: (state) => ({ shopLocales: state.locales }),
  CloserProductSearch: (state, variables) => ({
    products: {
      nodes: state.products
        .filter((product) => matchesQuery(product, variables.query))
        .slice(0, Number(variables.first ?? 10))
        .map((product) => ({
          id: product.id,
          title: product.title,
          featuredMedia: { preview: { image: { url: product.imageUrl } } },
          variants: { nodes: product.variants.map((variant) => variantNode(product, variant)) },
        })),
    },
  }),
  CloserVariants: findVariants,
  CloserMetafieldsSet: setMetafields,
  CloserWebPixelCreate: (state, variables) => {
    if (state.webPixelSettings !== null) {
      return {
        webPixelCreate: {
          webPixel: null,
          userErrors: [{ field: null, message: 'Web pixel is taken.', code: 'TAKEN' }],
        },
      };
    }
    state.webPixelSettings = String(variables.settings ?? '');
    return { webPixelCreate: { webPixel: { id: 'gid://shopify/WebPixel/1' }, userErrors: [] } };
  },
  ...REDEEM_CODE_RESOLVERS,
};

export function registerResolver(operationName: string, resolver: Resolver) {
  RESOLVERS[operationName] = resolver;
}

export function operationNameOf(query: string): string | null {
  return /\b(?:query|mutation)\s+([A-Za-z0-9_]+)/.exec(query)?.[1] ?? null;
}

export function resolveOperation(
  state: EmulatedShopState,
  query: string,
  variables: Record<string, unknown>,
): { data?: unknown; errors?: { message: string }[] } {
  const name = operationNameOf(query);
  const resolver = name ? RESOLVERS[name] : undefined;
  if (!resolver)
    return {
      errors: [
        { message: `The demo emulator does not implement operation ${name ?? '(anonymous)'}` },
      ],
    };
  return { data: resolver(state, variables) };
}
