import type { Api as BlockApi } from '@shopify/ui-extensions/purchase.checkout.block.render';
import type { Api as CartLineListApi } from '@shopify/ui-extensions/purchase.checkout.cart-line-list.render-after';
import { expectTypeOf, test } from 'vitest';
import type { CheckoutHost } from '../../core/checkout-host';

// The extension reads Shopify's global through the narrower CheckoutHost; if a new
// @shopify/ui-extensions version changes a field the extension uses, typecheck fails here.
test("Shopify's Api for both targets satisfies the surface the extension uses", () => {
  expectTypeOf<BlockApi>().toExtend<CheckoutHost>();
  expectTypeOf<CartLineListApi>().toExtend<CheckoutHost>();
});

test('the cart and discount changes the renderers make are typed exactly as Shopify declares them', () => {
  expectTypeOf<CheckoutHost['applyCartLinesChange']>().toEqualTypeOf<
    BlockApi['applyCartLinesChange']
  >();
  expectTypeOf<CheckoutHost['applyDiscountCodeChange']>().toEqualTypeOf<
    BlockApi['applyDiscountCodeChange']
  >();
  expectTypeOf<CartLineListApi['applyDiscountCodeChange']>().toExtend<
    CheckoutHost['applyDiscountCodeChange']
  >();
  // An upsell swaps the variant of a line in place, keeping its quantity.
  expectTypeOf<{
    type: 'updateCartLine';
    id: string;
    merchandiseId: string;
    quantity: number;
    attributes: { key: string; value: string }[];
  }>().toExtend<Parameters<CheckoutHost['applyCartLinesChange']>[0]>();
});
