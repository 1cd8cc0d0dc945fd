CREATE TABLE `shop_publications` (
	`shop` text PRIMARY KEY NOT NULL,
	`requested` integer DEFAULT 0 NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error_code` text,
	`last_error_message` text,
	`delivered_at` integer,
	`lease_until` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `offers` ADD `discount_id` text;--> statement-breakpoint
ALTER TABLE `offers` ADD `discount_code` text;--> statement-breakpoint
ALTER TABLE `offers` ADD `publish_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Wave-1 cross-sells stored their copy as {heading, body, buttonLabel} beside a product list;
-- the offer contract keeps each kind's fields together as {kind, variants:[…], discount}.
UPDATE `offers` SET `content` = json_object(
  'kind', 'cross_sell',
  'variants', json_array(json_object(
    'heading', json_extract(`content`, '$.heading'),
    'body', coalesce(json_extract(`content`, '$.body'), ''),
    'buttonLabel', json_extract(`content`, '$.buttonLabel'),
    'products', json((SELECT json_group_array(json_extract(p.value, '$.variantId')) FROM json_each(`offers`.`products`) p))
  )),
  'discount', NULL
) WHERE `kind` = 'cross_sell' AND json_extract(`content`, '$.variants') IS NULL;
