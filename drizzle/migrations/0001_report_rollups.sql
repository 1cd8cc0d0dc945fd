-- Triggers that keep arm_daily equal to the aggregate of exposures ⋈ orders (by checkout token).
-- They fire only for rows really inserted, so idempotent "insert or ignore" writes count once.
-- The `WHERE true` before ON CONFLICT is SQLite's required disambiguation for upsert-from-select.
CREATE TRIGGER `arm_daily_on_exposure_insert` AFTER INSERT ON `exposures`
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT NEW.`shop`, NEW.`experiment_key`, NEW.`arm`, NEW.`first_exposed_at` / 86400000, 1,
         count(o.`order_id`),
         coalesce(sum(o.`subtotal` - o.`refunded`), 0),
         coalesce(sum((o.`subtotal` - o.`refunded`) * (o.`subtotal` - o.`refunded`)), 0),
         coalesce(sum(o.`total_discounts`), 0),
         coalesce(sum(o.`refunded`), 0)
  FROM (SELECT 1) LEFT JOIN `orders` o ON o.`shop` = NEW.`shop` AND o.`checkout_token` = NEW.`unit`
  WHERE true
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `units` = `units` + excluded.`units`, `orders` = `orders` + excluded.`orders`,
    `revenue` = `revenue` + excluded.`revenue`, `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_exposure_delete` AFTER DELETE ON `exposures`
BEGIN
  UPDATE `arm_daily` SET
    `units` = `units` - 1,
    `orders` = `orders` - (SELECT count(*) FROM `orders` o WHERE o.`shop` = OLD.`shop` AND o.`checkout_token` = OLD.`unit`),
    `revenue` = `revenue` - (SELECT coalesce(sum(o.`subtotal` - o.`refunded`), 0) FROM `orders` o WHERE o.`shop` = OLD.`shop` AND o.`checkout_token` = OLD.`unit`),
    `revenue_squares` = `revenue_squares` - (SELECT coalesce(sum((o.`subtotal` - o.`refunded`) * (o.`subtotal` - o.`refunded`)), 0) FROM `orders` o WHERE o.`shop` = OLD.`shop` AND o.`checkout_token` = OLD.`unit`),
    `discounts` = `discounts` - (SELECT coalesce(sum(o.`total_discounts`), 0) FROM `orders` o WHERE o.`shop` = OLD.`shop` AND o.`checkout_token` = OLD.`unit`),
    `refunded` = `refunded` - (SELECT coalesce(sum(o.`refunded`), 0) FROM `orders` o WHERE o.`shop` = OLD.`shop` AND o.`checkout_token` = OLD.`unit`)
  WHERE `shop` = OLD.`shop` AND `experiment_key` = OLD.`experiment_key` AND `arm` = OLD.`arm` AND `day` = OLD.`first_exposed_at` / 86400000;
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_order_insert` AFTER INSERT ON `orders` WHEN NEW.`checkout_token` IS NOT NULL
BEGIN
  INSERT INTO `arm_daily` (`shop`, `experiment_key`, `arm`, `day`, `units`, `orders`, `revenue`, `revenue_squares`, `discounts`, `refunded`)
  SELECT e.`shop`, e.`experiment_key`, e.`arm`, e.`first_exposed_at` / 86400000, 0, 1,
         NEW.`subtotal` - NEW.`refunded`,
         (NEW.`subtotal` - NEW.`refunded`) * (NEW.`subtotal` - NEW.`refunded`),
         NEW.`total_discounts`, NEW.`refunded`
  FROM `exposures` e WHERE e.`shop` = NEW.`shop` AND e.`unit` = NEW.`checkout_token`
  ON CONFLICT (`shop`, `experiment_key`, `arm`, `day`) DO UPDATE SET
    `orders` = `orders` + excluded.`orders`, `revenue` = `revenue` + excluded.`revenue`,
    `revenue_squares` = `revenue_squares` + excluded.`revenue_squares`,
    `discounts` = `discounts` + excluded.`discounts`, `refunded` = `refunded` + excluded.`refunded`;
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_order_refund` AFTER UPDATE OF `refunded` ON `orders`
  WHEN NEW.`checkout_token` IS NOT NULL AND NEW.`refunded` <> OLD.`refunded`
BEGIN
  UPDATE `arm_daily` SET
    `revenue` = `revenue` + (OLD.`refunded` - NEW.`refunded`),
    `revenue_squares` = `revenue_squares`
      + (NEW.`subtotal` - NEW.`refunded`) * (NEW.`subtotal` - NEW.`refunded`)
      - (OLD.`subtotal` - OLD.`refunded`) * (OLD.`subtotal` - OLD.`refunded`),
    `refunded` = `refunded` + (NEW.`refunded` - OLD.`refunded`)
  WHERE (`shop`, `experiment_key`, `arm`, `day`) IN (
    SELECT e.`shop`, e.`experiment_key`, e.`arm`, e.`first_exposed_at` / 86400000
    FROM `exposures` e WHERE e.`shop` = NEW.`shop` AND e.`unit` = NEW.`checkout_token`);
END;
--> statement-breakpoint
CREATE TRIGGER `arm_daily_on_order_delete` AFTER DELETE ON `orders` WHEN OLD.`checkout_token` IS NOT NULL
BEGIN
  UPDATE `arm_daily` SET
    `orders` = `orders` - 1,
    `revenue` = `revenue` - (OLD.`subtotal` - OLD.`refunded`),
    `revenue_squares` = `revenue_squares` - (OLD.`subtotal` - OLD.`refunded`) * (OLD.`subtotal` - OLD.`refunded`),
    `discounts` = `discounts` - OLD.`total_discounts`,
    `refunded` = `refunded` - OLD.`refunded`
  WHERE (`shop`, `experiment_key`, `arm`, `day`) IN (
    SELECT e.`shop`, e.`experiment_key`, e.`arm`, e.`first_exposed_at` / 86400000
    FROM `exposures` e WHERE e.`shop` = OLD.`shop` AND e.`unit` = OLD.`checkout_token`);
END;
