import type { EmulatedShopState } from './admin-graphql.js';

type Resolver = (state: EmulatedShopState, variables: Record<string, unknown>) => unknown;

/** The emulated bulk adds of one shop: which codes each added, and every code per discount. */
interface RedeemCodeState {
  bulks: Map<string, { discountId: string; codes: { code: string; added: boolean }[] }>;
  /** code → discount GID, across the shop (Shopify's codes are unique per shop). */
  codes: Map<string, string>;
}

const byShop = new WeakMap<EmulatedShopState, RedeemCodeState>();
let bulkSequence = 0;

const redeemCodeGid = (code: string) => `gid://shopify/DiscountRedeemCode/${code}`;

function redeemState(state: EmulatedShopState): RedeemCodeState {
  let found = byShop.get(state);
  if (!found) {
    found = { bulks: new Map(), codes: new Map() };
    byShop.set(state, found);
  }
  return found;
}

/** The discount GID a redeem code belongs to in the emulated shop (the sandbox applies it). */
export function emulatedRedeemCode(state: EmulatedShopState, code: string): string | null {
  return redeemState(state).codes.get(code) ?? null;
}

/**
 * `discountRedeemCodeBulkAdd` and `discountRedeemCodeBulkCreation`. The emulator runs a bulk add
 * at once (its status is `done` at the first poll); a code already on any discount of the shop,
 * or the discount's own code, is not added, as Shopify reports it with errors.
 */
export const REDEEM_CODE_RESOLVERS: Record<string, Resolver> = {
  CloserRedeemCodesDelete: (state, variables) => {
    const discountId = String(variables.discountId);
    if (!state.discounts.has(discountId))
      return {
        discountCodeRedeemCodeBulkDelete: {
          job: null,
          userErrors: [
            { field: ['discountId'], message: 'Discount does not exist', code: 'NOT_FOUND' },
          ],
        },
      };
    const redeem = redeemState(state);
    const ids = new Set(Array.isArray(variables.ids) ? variables.ids.map(String) : []);
    for (const [code, owner] of redeem.codes)
      if (owner === discountId && ids.has(redeemCodeGid(code))) redeem.codes.delete(code);
    bulkSequence += 1;
    return {
      discountCodeRedeemCodeBulkDelete: {
        job: { id: `gid://shopify/Job/${bulkSequence}` },
        userErrors: [],
      },
    };
  },
  CloserRedeemCodesAdd: (state, variables) => {
    const discountId = String(variables.discountId);
    if (!state.discounts.has(discountId))
      return {
        discountRedeemCodeBulkAdd: {
          bulkCreation: null,
          userErrors: [
            { field: ['discountId'], message: 'Discount does not exist', code: 'NOT_FOUND' },
          ],
        },
      };
    const redeem = redeemState(state);
    const taken = new Set([...state.discounts.values()].map((d) => d.code));
    const inputs = Array.isArray(variables.codes) ? (variables.codes as { code?: string }[]) : [];
    const codes = inputs.map(({ code = '' }) => {
      const added = code !== '' && !taken.has(code) && !redeem.codes.has(code);
      if (added) redeem.codes.set(code, discountId);
      return { code, added };
    });
    bulkSequence += 1;
    const id = `gid://shopify/DiscountRedeemCodeBulkCreation/${bulkSequence}`;
    redeem.bulks.set(id, { discountId, codes });
    return { discountRedeemCodeBulkAdd: { bulkCreation: { id }, userErrors: [] } };
  },
  CloserRedeemCodesStatus: (state, variables) => {
    const bulk = redeemState(state).bulks.get(String(variables.id));
    if (!bulk) return { discountRedeemCodeBulkCreation: null };
    return {
      discountRedeemCodeBulkCreation: {
        done: true,
        codes: {
          nodes: bulk.codes.slice(0, Number(variables.first ?? 250)).map(({ code, added }) => ({
            code,
            discountRedeemCode: added ? { id: redeemCodeGid(code) } : null,
            errors: added ? [] : [{ message: 'Code must be unique.' }],
          })),
        },
      },
    };
  },
};
