DROP INDEX `events_shop_offer_type_idx`;--> statement-breakpoint
CREATE INDEX `events_shop_offer_type_idx` ON `events` (`shop`,`offer_id`,`type`,`experiment_key`,`arm`,`unit`);