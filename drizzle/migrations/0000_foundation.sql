CREATE TABLE `arm_daily` (
	`shop` text NOT NULL,
	`experiment_key` text NOT NULL,
	`arm` text NOT NULL,
	`day` integer NOT NULL,
	`units` integer DEFAULT 0 NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	`revenue_squares` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop`, `experiment_key`, `arm`, `day`)
);
--> statement-breakpoint
CREATE TABLE `attributed_lines` (
	`shop` text NOT NULL,
	`order_id` text NOT NULL,
	`line_id` text NOT NULL,
	`offer_id` text NOT NULL,
	`arm` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`shop`, `order_id`, `line_id`)
);
--> statement-breakpoint
CREATE INDEX `attributed_lines_shop_offer_idx` ON `attributed_lines` (`shop`,`offer_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`shop` text NOT NULL,
	`event_id` text NOT NULL,
	`unit` text NOT NULL,
	`offer_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`arm` text NOT NULL,
	`type` text NOT NULL,
	`value` integer,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `events_shop_offer_type_idx` ON `events` (`shop`,`offer_id`,`type`);--> statement-breakpoint
CREATE INDEX `events_shop_unit_idx` ON `events` (`shop`,`unit`);--> statement-breakpoint
CREATE TABLE `experiments` (
	`shop` text NOT NULL,
	`key` text NOT NULL,
	`offer_id` text NOT NULL,
	`seed` text NOT NULL,
	`coverage` real NOT NULL,
	`arms` text NOT NULL,
	`started_at` integer NOT NULL,
	`stopped_at` integer,
	PRIMARY KEY(`shop`, `key`)
);
--> statement-breakpoint
CREATE INDEX `experiments_shop_offer_idx` ON `experiments` (`shop`,`offer_id`);--> statement-breakpoint
CREATE TABLE `exposures` (
	`shop` text NOT NULL,
	`experiment_key` text NOT NULL,
	`unit` text NOT NULL,
	`offer_id` text NOT NULL,
	`arm` text NOT NULL,
	`first_exposed_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `experiment_key`, `unit`)
);
--> statement-breakpoint
CREATE INDEX `exposures_shop_unit_idx` ON `exposures` (`shop`,`unit`);--> statement-breakpoint
CREATE TABLE `offers` (
	`shop` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`products` text NOT NULL,
	`condition` text,
	`priority` integer DEFAULT 0 NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`holdout` real NOT NULL,
	`experiment_key` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `id`)
);
--> statement-breakpoint
CREATE INDEX `offers_shop_status_idx` ON `offers` (`shop`,`status`);--> statement-breakpoint
CREATE TABLE `orders` (
	`shop` text NOT NULL,
	`order_id` text NOT NULL,
	`name` text,
	`checkout_token` text,
	`cart_token` text,
	`customer_id` text,
	`currency` text NOT NULL,
	`subtotal` integer NOT NULL,
	`total` integer NOT NULL,
	`total_discounts` integer NOT NULL,
	`total_tax` integer NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	`lines` text NOT NULL,
	`attributes` text NOT NULL,
	`created_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `order_id`)
);
--> statement-breakpoint
CREATE INDEX `orders_shop_checkout_idx` ON `orders` (`shop`,`checkout_token`);--> statement-breakpoint
CREATE INDEX `orders_shop_customer_idx` ON `orders` (`shop`,`customer_id`);--> statement-breakpoint
CREATE INDEX `orders_shop_created_idx` ON `orders` (`shop`,`created_at`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`shop` text NOT NULL,
	`refund_id` text NOT NULL,
	`order_id` text NOT NULL,
	`amount` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `refund_id`)
);
--> statement-breakpoint
CREATE INDEX `refunds_shop_order_idx` ON `refunds` (`shop`,`order_id`);--> statement-breakpoint
CREATE TABLE `shopify_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`shop` text NOT NULL,
	`state` text NOT NULL,
	`isOnline` integer DEFAULT false NOT NULL,
	`scope` text,
	`expires` text,
	`accessToken` text NOT NULL,
	`userId` blob,
	`firstName` text,
	`lastName` text,
	`email` text,
	`accountOwner` integer,
	`locale` text,
	`collaborator` integer,
	`emailVerified` integer,
	`refreshToken` text,
	`refreshTokenExpires` text
);
--> statement-breakpoint
CREATE INDEX `shopify_sessions_shop_idx` ON `shopify_sessions` (`shop`);--> statement-breakpoint
CREATE TABLE `shops` (
	`shop` text PRIMARY KEY NOT NULL,
	`name` text,
	`shop_gid` text,
	`currency` text DEFAULT 'USD' NOT NULL,
	`plan` text,
	`settings` text DEFAULT '{"defaultHoldout":0.1}' NOT NULL,
	`installed_at` integer NOT NULL,
	`uninstalled_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`webhook_id` text PRIMARY KEY NOT NULL,
	`shop` text NOT NULL,
	`topic` text NOT NULL,
	`event_id` text,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_shop_idx` ON `webhook_deliveries` (`shop`,`received_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_event_idx` ON `webhook_deliveries` (`shop`,`topic`,`event_id`);