-- Units beyond checkout (issue 10). An experiment has a unit kind (checkout token, storefront
-- visitor id, customer id) and an optional outcome window; `order_units` links each order to its
-- units when orders/create arrives. The arm_daily triggers of 0001 joined orders by checkout token;
-- they are replaced by triggers that read the link, so every unit kind is rolled up the same way.
--
-- A (unit, order) pair counts for an exposure x of experiment e when the order is linked to x's
-- unit under e's unit kind and
--   (e.unit_kind = 'checkout' OR o.created_at >= x.first_exposed_at)         -- after exposure
--   AND (e.outcome_window_ms IS NULL OR o.created_at < x.first_exposed_at + e.outcome_window_ms)
-- A checkout unit keeps the old meaning (any order of that checkout: its one order can be stamped
-- a moment before the exposure the extension logged). Both times are fixed once written
-- (exposures keep their first row, orders are insert-only), so each pair is counted by whichever
-- of its rows arrives last and removed by whichever goes first: exact whatever the order of
-- arrival. Each trigger adds a signed delta through one upsert, grouped by arm_daily row, so a row
-- reached by several pairs moves by each of them.
--
-- A unit's outcome is the SUM of its orders' net revenue (a customer may buy twice in the window),
-- so `revenue_squares` is the sum over units of that sum squared — what the revenue-per-unit
-- variance needs. A trigger that adds or removes order value v from a unit whose outcome is s
-- afterwards moves it by s² − (s ∓ v)², with s read from the unit's linked orders as they are now.
-- (`orders` counts orders; the report's conversion and AOV still treat it as 0 or 1 per unit.)
DROP TRIGGER IF EXISTS `arm_daily_on_exposure_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `arm_daily_on_exposure_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `arm_daily_on_order_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `arm_daily_on_order_refund`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `arm_daily_on_order_delete`;--> statement-breakpoint
CREATE TABLE `order_units` (
	`shop` text NOT NULL,
	`order_id` text NOT NULL,
	`unit_kind` text NOT NULL,
	`unit` text NOT NULL,
	PRIMARY KEY(`shop`, `unit_kind`, `unit`, `order_id`)
);
--> statement-breakpoint
CREATE INDEX `order_units_shop_order_idx` ON `order_units` (`shop`,`order_id`);--> statement-breakpoint
ALTER TABLE `experiments` ADD `unit_kind` text DEFAULT 'checkout' NOT NULL;--> statement-breakpoint
ALTER TABLE `experiments` ADD `outcome_window_ms` integer;--> statement-breakpoint
-- Existing orders get their links; the rollup is then recomputed from the rows (every existing
-- experiment is a checkout experiment, so the figures are those 0001 kept).
INSERT INTO `order_units` (`shop`, `order_id`, `unit_kind`, `unit`)
  SELECT `shop`, `order_id`, 'checkout', `checkout_token` FROM `orders`
  WHERE `checkout_token` IS NOT NULL AND `checkout_token` <> ''
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO `order_units` (`shop`, `order_id`, `unit_kind`, `unit`)
  SELECT `shop`, `order_id`, 'customer', `customer_id` FROM `orders`
  WHERE `customer_id` IS NOT NULL AND `customer_id` <> ''
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO `order_units` (`shop`, `order_id`, `unit_kind`, `unit`)
  SELECT `shop`, `order_id`, 'visitor', `vid` FROM (
    SELECT `shop`, `order_id`, json_extract(`attributes`, '$._closer_vid') AS `vid` FROM `orders`
    WHERE json_valid(`attributes`)
  )
  WHERE typeof(`vid`) = 'text' AND length(`vid`) BETWEEN 8 AND 64 AND `vid` NOT GLOB '*[^A-Za-z0-9_-]*'
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
DELETE FROM `arm_daily`;
--> statement-breakpoint
INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT `shop`, `experiment_key`, `arm`, `day`, count(*), sum(`n`), sum(`s`), sum(`s` * `s`), sum(`d`), sum(`r`)
  FROM (
    SELECT x.`shop`, x.`experiment_key`, x.`arm`, x.`first_exposed_at` / 86400000 AS `day`,
           count(o.`order_id`) AS `n`, coalesce(sum((o.`subtotal` - o.`refunded`)), 0) AS `s`,
           coalesce(sum(o.`total_discounts`), 0) AS `d`, coalesce(sum(o.`refunded`), 0) AS `r`
    FROM `exposures` x
    LEFT JOIN `experiments` e ON e.`shop` = x.`shop` AND e.`key` = x.`experiment_key`
    LEFT JOIN `order_units` l ON l.`shop` = x.`shop` AND l.`unit_kind` = e.`unit_kind` AND l.`unit` = x.`unit`
    LEFT JOIN `orders` o ON o.`shop` = l.`shop` AND o.`order_id` = l.`order_id`
      AND (e.`unit_kind` = 'checkout' OR o.`created_at` >= x.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR o.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)
    GROUP BY x.`shop`, x.`experiment_key`, x.`unit`
  )
  WHERE true
  GROUP BY `shop`, `experiment_key`, `arm`, `day`;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_exposure_insert` AFTER INSERT ON `exposures`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT NEW.`shop`, NEW.`experiment_key`, NEW.`arm`, NEW.`first_exposed_at` / 86400000, 1,
         m.`n`, m.`revenue`, m.`revenue` * m.`revenue`, m.`discounts`, m.`refunded`
  FROM (
    SELECT count(o.`order_id`) AS `n`,
           coalesce(sum((o.`subtotal` - o.`refunded`)), 0) AS `revenue`,
           coalesce(sum(o.`total_discounts`), 0) AS `discounts`,
           coalesce(sum(o.`refunded`), 0) AS `refunded`
    FROM `experiments` e
    CROSS JOIN `order_units` l
    CROSS JOIN `orders` o
    WHERE e.`shop` = NEW.`shop` AND e.`key` = NEW.`experiment_key`
      AND l.`shop` = e.`shop` AND l.`unit_kind` = e.`unit_kind` AND l.`unit` = NEW.`unit`
      AND o.`shop` = l.`shop` AND o.`order_id` = l.`order_id`
      AND (e.`unit_kind` = 'checkout' OR o.`created_at` >= NEW.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR o.`created_at` < NEW.`first_exposed_at` + e.`outcome_window_ms`)
  ) m
  WHERE true
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_exposure_delete` AFTER DELETE ON `exposures`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT OLD.`shop`, OLD.`experiment_key`, OLD.`arm`, OLD.`first_exposed_at` / 86400000, -1,
         -m.`n`, -m.`revenue`, -m.`revenue` * m.`revenue`, -m.`discounts`, -m.`refunded`
  FROM (
    SELECT count(o.`order_id`) AS `n`,
           coalesce(sum((o.`subtotal` - o.`refunded`)), 0) AS `revenue`,
           coalesce(sum(o.`total_discounts`), 0) AS `discounts`,
           coalesce(sum(o.`refunded`), 0) AS `refunded`
    FROM `experiments` e
    CROSS JOIN `order_units` l
    CROSS JOIN `orders` o
    WHERE e.`shop` = OLD.`shop` AND e.`key` = OLD.`experiment_key`
      AND l.`shop` = e.`shop` AND l.`unit_kind` = e.`unit_kind` AND l.`unit` = OLD.`unit`
      AND o.`shop` = l.`shop` AND o.`order_id` = l.`order_id`
      AND (e.`unit_kind` = 'checkout' OR o.`created_at` >= OLD.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR o.`created_at` < OLD.`first_exposed_at` + e.`outcome_window_ms`)
  ) m
  WHERE true
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
-- `s` is the unit's outcome now, with the new pair in it: its square grows by s² − (s − v)².
CREATE TRIGGER `arm_daily_on_link_insert` AFTER INSERT ON `order_units`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT `shop`, `experiment_key`, `arm`, `day`, 0,
         count(*), sum(`v`), sum(`s` * `s` - (`s` - `v`) * (`s` - `v`)), sum(`d`), sum(`r`)
  FROM (
    SELECT x.`shop`, x.`experiment_key`, x.`arm`, x.`first_exposed_at` / 86400000 AS `day`,
           (o.`subtotal` - o.`refunded`) AS `v`, o.`total_discounts` AS `d`, o.`refunded` AS `r`,
           (SELECT coalesce(sum(o2.`subtotal` - o2.`refunded`), 0) FROM `order_units` l2
         CROSS JOIN `orders` o2
         WHERE l2.`shop` = x.`shop` AND l2.`unit_kind` = e.`unit_kind` AND l2.`unit` = x.`unit`
           AND o2.`shop` = l2.`shop` AND o2.`order_id` = l2.`order_id`
           AND (e.`unit_kind` = 'checkout' OR o2.`created_at` >= x.`first_exposed_at`)
           AND (e.`outcome_window_ms` IS NULL OR o2.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)) AS `s`
    FROM `orders` o
    CROSS JOIN `exposures` x
    CROSS JOIN `experiments` e
    WHERE o.`shop` = NEW.`shop` AND o.`order_id` = NEW.`order_id`
      AND x.`shop` = o.`shop` AND x.`unit` = NEW.`unit`
      AND e.`shop` = x.`shop` AND e.`key` = x.`experiment_key` AND e.`unit_kind` = NEW.`unit_kind`
      AND (e.`unit_kind` = 'checkout' OR o.`created_at` >= x.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR o.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)
  )
  WHERE true
  GROUP BY `shop`, `experiment_key`, `arm`, `day`
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
-- A link removed while its order stays (never today) takes its pairs with it; `s` is without the
-- pair already. A link removed by its order's delete below finds no order and changes nothing.
CREATE TRIGGER `arm_daily_on_link_delete` AFTER DELETE ON `order_units`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT `shop`, `experiment_key`, `arm`, `day`, 0,
         -count(*), -sum(`v`), sum(`s` * `s` - (`s` + `v`) * (`s` + `v`)), -sum(`d`), -sum(`r`)
  FROM (
    SELECT x.`shop`, x.`experiment_key`, x.`arm`, x.`first_exposed_at` / 86400000 AS `day`,
           (o.`subtotal` - o.`refunded`) AS `v`, o.`total_discounts` AS `d`, o.`refunded` AS `r`,
           (SELECT coalesce(sum(o2.`subtotal` - o2.`refunded`), 0) FROM `order_units` l2
         CROSS JOIN `orders` o2
         WHERE l2.`shop` = x.`shop` AND l2.`unit_kind` = e.`unit_kind` AND l2.`unit` = x.`unit`
           AND o2.`shop` = l2.`shop` AND o2.`order_id` = l2.`order_id`
           AND (e.`unit_kind` = 'checkout' OR o2.`created_at` >= x.`first_exposed_at`)
           AND (e.`outcome_window_ms` IS NULL OR o2.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)) AS `s`
    FROM `orders` o
    CROSS JOIN `exposures` x
    CROSS JOIN `experiments` e
    WHERE o.`shop` = OLD.`shop` AND o.`order_id` = OLD.`order_id`
      AND x.`shop` = o.`shop` AND x.`unit` = OLD.`unit`
      AND e.`shop` = x.`shop` AND e.`key` = x.`experiment_key` AND e.`unit_kind` = OLD.`unit_kind`
      AND (e.`unit_kind` = 'checkout' OR o.`created_at` >= x.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR o.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)
  )
  WHERE true
  GROUP BY `shop`, `experiment_key`, `arm`, `day`
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_order_insert` AFTER INSERT ON `orders`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT `shop`, `experiment_key`, `arm`, `day`, 0,
         count(*), count(*) * (NEW.`subtotal` - NEW.`refunded`),
         sum(`s` * `s` - (`s` - (NEW.`subtotal` - NEW.`refunded`)) * (`s` - (NEW.`subtotal` - NEW.`refunded`))),
         count(*) * NEW.`total_discounts`, count(*) * NEW.`refunded`
  FROM (
    SELECT x.`shop`, x.`experiment_key`, x.`arm`, x.`first_exposed_at` / 86400000 AS `day`,
           (SELECT coalesce(sum(o2.`subtotal` - o2.`refunded`), 0) FROM `order_units` l2
         CROSS JOIN `orders` o2
         WHERE l2.`shop` = x.`shop` AND l2.`unit_kind` = e.`unit_kind` AND l2.`unit` = x.`unit`
           AND o2.`shop` = l2.`shop` AND o2.`order_id` = l2.`order_id`
           AND (e.`unit_kind` = 'checkout' OR o2.`created_at` >= x.`first_exposed_at`)
           AND (e.`outcome_window_ms` IS NULL OR o2.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)) AS `s`
    FROM `order_units` l
    CROSS JOIN `exposures` x
    CROSS JOIN `experiments` e
    WHERE l.`shop` = NEW.`shop` AND l.`order_id` = NEW.`order_id`
      AND x.`shop` = l.`shop` AND x.`unit` = l.`unit`
      AND e.`shop` = x.`shop` AND e.`key` = x.`experiment_key` AND e.`unit_kind` = l.`unit_kind`
      AND (e.`unit_kind` = 'checkout' OR NEW.`created_at` >= x.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR NEW.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)
  )
  WHERE true
  GROUP BY `shop`, `experiment_key`, `arm`, `day`
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_order_refund` AFTER UPDATE OF `refunded` ON `orders`
  WHEN NEW.`refunded` <> OLD.`refunded`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT `shop`, `experiment_key`, `arm`, `day`, 0,
         0, count(*) * (OLD.`refunded` - NEW.`refunded`),
         sum(`s` * `s` - (`s` - (NEW.`subtotal` - NEW.`refunded`) + (OLD.`subtotal` - OLD.`refunded`)) * (`s` - (NEW.`subtotal` - NEW.`refunded`) + (OLD.`subtotal` - OLD.`refunded`))),
         0, count(*) * (NEW.`refunded` - OLD.`refunded`)
  FROM (
    SELECT x.`shop`, x.`experiment_key`, x.`arm`, x.`first_exposed_at` / 86400000 AS `day`,
           (SELECT coalesce(sum(o2.`subtotal` - o2.`refunded`), 0) FROM `order_units` l2
         CROSS JOIN `orders` o2
         WHERE l2.`shop` = x.`shop` AND l2.`unit_kind` = e.`unit_kind` AND l2.`unit` = x.`unit`
           AND o2.`shop` = l2.`shop` AND o2.`order_id` = l2.`order_id`
           AND (e.`unit_kind` = 'checkout' OR o2.`created_at` >= x.`first_exposed_at`)
           AND (e.`outcome_window_ms` IS NULL OR o2.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)) AS `s`
    FROM `order_units` l
    CROSS JOIN `exposures` x
    CROSS JOIN `experiments` e
    WHERE l.`shop` = NEW.`shop` AND l.`order_id` = NEW.`order_id`
      AND x.`shop` = l.`shop` AND x.`unit` = l.`unit`
      AND e.`shop` = x.`shop` AND e.`key` = x.`experiment_key` AND e.`unit_kind` = l.`unit_kind`
      AND (e.`unit_kind` = 'checkout' OR NEW.`created_at` >= x.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR NEW.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)
  )
  WHERE true
  GROUP BY `shop`, `experiment_key`, `arm`, `day`
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
-- Redaction deletes orders; `s` is already without the order. Its links go with it.
CREATE TRIGGER `arm_daily_on_order_delete` AFTER DELETE ON `orders`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT `shop`, `experiment_key`, `arm`, `day`, 0,
         -count(*), -count(*) * (OLD.`subtotal` - OLD.`refunded`),
         sum(`s` * `s` - (`s` + (OLD.`subtotal` - OLD.`refunded`)) * (`s` + (OLD.`subtotal` - OLD.`refunded`))),
         -count(*) * OLD.`total_discounts`, -count(*) * OLD.`refunded`
  FROM (
    SELECT x.`shop`, x.`experiment_key`, x.`arm`, x.`first_exposed_at` / 86400000 AS `day`,
           (SELECT coalesce(sum(o2.`subtotal` - o2.`refunded`), 0) FROM `order_units` l2
         CROSS JOIN `orders` o2
         WHERE l2.`shop` = x.`shop` AND l2.`unit_kind` = e.`unit_kind` AND l2.`unit` = x.`unit`
           AND o2.`shop` = l2.`shop` AND o2.`order_id` = l2.`order_id`
           AND (e.`unit_kind` = 'checkout' OR o2.`created_at` >= x.`first_exposed_at`)
           AND (e.`outcome_window_ms` IS NULL OR o2.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)) AS `s`
    FROM `order_units` l
    CROSS JOIN `exposures` x
    CROSS JOIN `experiments` e
    WHERE l.`shop` = OLD.`shop` AND l.`order_id` = OLD.`order_id`
      AND x.`shop` = l.`shop` AND x.`unit` = l.`unit`
      AND e.`shop` = x.`shop` AND e.`key` = x.`experiment_key` AND e.`unit_kind` = l.`unit_kind`
      AND (e.`unit_kind` = 'checkout' OR OLD.`created_at` >= x.`first_exposed_at`)
      AND (e.`outcome_window_ms` IS NULL OR OLD.`created_at` < x.`first_exposed_at` + e.`outcome_window_ms`)
  )
  WHERE true
  GROUP BY `shop`, `experiment_key`, `arm`, `day`
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
  DELETE FROM `order_units` WHERE `shop` = OLD.`shop` AND `order_id` = OLD.`order_id`;
END;
