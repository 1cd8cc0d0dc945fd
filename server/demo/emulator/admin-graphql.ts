import type { DemoProduct } from '../catalog.js';

/**
 * Answers the Admin GraphQL operations Closer sends, by operation name, over the emulated shop's
 * state. It is not a GraphQL engine: every operation the gateway defines has a resolver here,
 * and an unknown one is an error, so a new query cannot silently go unemulated.
 */
export interface EmulatedShopState {
  shop: string;
  name: string;
  currencyCode: string;
  products: DemoProduct[];
  metafields: Map<
    string,
    { namespace: string; key: string; type: string; value: string; ownerId: string }
  >;
}

type Resolver = (state: EmulatedShopState, variables: Record<string, unknown>) => unknown;

const RESOLVERS: Record<string, Resolver> = {
  CloserShopInfo: (state) => ({
    shop: {
      name: state.name,
      currencyCode: state.currencyCode,
      plan: { publicDisplayName: 'Shopify Plus' },
    },
  }),
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
