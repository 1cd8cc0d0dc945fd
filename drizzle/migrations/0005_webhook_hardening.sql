-- Webhook hardening: deliveries are de-duplicated per (shop, webhook id), not by webhook id alone,
-- and signed payloads that can never be accepted are set aside in quarantined_webhooks (no body).
-- The rebuild of webhook_deliveries leaves the arm_daily triggers (0001) alone: none reads it.
CREATE TABLE `quarantined_webhooks` (
	`shop` text NOT NULL,
	`webhook_id` text NOT NULL,
	`topic` text NOT NULL,
	`event_id` text,
	`resource_id` text,
	`reason` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `webhook_id`)
);
--> statement-breakpoint
CREATE INDEX `quarantined_webhooks_shop_idx` ON `quarantined_webhooks` (`shop`,`received_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_webhook_deliveries` (
	`shop` text NOT NULL,
	`webhook_id` text NOT NULL,
	`topic` text NOT NULL,
	`event_id` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`shop`, `webhook_id`)
);
--> statement-breakpoint
INSERT INTO `__new_webhook_deliveries`("shop", "webhook_id", "topic", "event_id", "received_at") SELECT "shop", "webhook_id", "topic", "event_id", "received_at" FROM `webhook_deliveries`;--> statement-breakpoint
DROP TABLE `webhook_deliveries`;--> statement-breakpoint
ALTER TABLE `__new_webhook_deliveries` RENAME TO `webhook_deliveries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_shop_idx` ON `webhook_deliveries` (`shop`,`received_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_event_idx` ON `webhook_deliveries` (`shop`,`topic`,`event_id`);