-- Exit coupons (issue 10): the pool of unique single-use codes per offer. A code is written only
-- after Shopify confirmed it on the discount; the unique (shop, offer, visitor) index is what makes
-- "the same visitor asking twice gets the same code" hold under concurrent requests (NULLs, the
-- unassigned codes, are distinct in SQLite).
CREATE TABLE `coupon_codes` (
	`shop` text NOT NULL,
	`offer_id` text NOT NULL,
	`code` text NOT NULL,
	`discount_id` text NOT NULL,
	`state` text NOT NULL,
	`visitor` text,
	`assigned_at` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `code`)
);
--> statement-breakpoint
CREATE INDEX `coupon_codes_pool_idx` ON `coupon_codes` (`shop`,`offer_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `coupon_codes_visitor_idx` ON `coupon_codes` (`shop`,`offer_id`,`visitor`);