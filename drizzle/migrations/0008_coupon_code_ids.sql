-- Pooled codes keep their Shopify DiscountRedeemCode GID, so an expired code can be deleted from
-- the discount (Shopify has no per-code end date). Null for codes written before this column.
ALTER TABLE `coupon_codes` ADD `redeem_code_id` text;