DROP INDEX `events_shop_offer_type_idx`;--> statement-breakpoint
CREATE INDEX `events_shop_type_time_idx` ON `events` (`shop`,`type`,`occurred_at`);