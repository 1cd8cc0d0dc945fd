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
