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