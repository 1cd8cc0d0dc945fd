CREATE TABLE `pixel_events` (
	`shop` text NOT NULL,
	`event_id` text NOT NULL,
	`name` text NOT NULL,
	`checkout_token` text,
	`order_id` text,
	`value` integer,
	`currency` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `pixel_events_shop_checkout_idx` ON `pixel_events` (`shop`,`checkout_token`);