-- Cartpress schema: every table Cartpress reads or writes, for a WordPress 6.9 + FluentCart 1.3.25 site.
-- Source: shared/reference/fluentcart-tables.sql (SHOW CREATE TABLE of the FluentCart 1.3.25 /
-- WordPress 6.9.7 / MariaDB 10.11 peer, prefix wp_): same columns, types, defaults, indexes, charset
-- and collation; the AUTO_INCREMENT=N table options and column comments are left out, and
-- CREATE TABLE IF NOT EXISTS makes loading it over an existing WordPress database harmless.
-- {prefix} is the WordPress table prefix ($table_prefix), substituted at load time by
-- scripts/lib/load-sql --prefix P (P must match ^[A-Za-z0-9_]+$). Index names that start with wp_
-- (e.g. wp_fct_act__module_id_idx) are kept literally: they are index names, not table names,
-- unique per table only, and nothing looks them up; keeping them avoids the 64-character
-- identifier limit for long prefixes.

CREATE TABLE IF NOT EXISTS `{prefix}fct_activity` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `status` varchar(20) NOT NULL DEFAULT 'info',
  `log_type` varchar(20) NOT NULL DEFAULT 'activity',
  `module_type` varchar(100) NOT NULL DEFAULT 'order',
  `module_id` bigint(20) DEFAULT NULL,
  `module_name` varchar(192) NOT NULL DEFAULT 'order',
  `user_id` bigint(20) unsigned DEFAULT NULL,
  `title` varchar(192) DEFAULT NULL,
  `content` longtext DEFAULT NULL,
  `read_status` varchar(20) NOT NULL DEFAULT 'unread',
  `created_by` varchar(100) NOT NULL DEFAULT 'FCT-BOT',
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_act__module_id_idx` (`module_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_applied_coupons` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL,
  `coupon_id` bigint(20) unsigned DEFAULT NULL,
  `code` varchar(100) NOT NULL,
  `amount` double NOT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fct_acoup__code_idx` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_atts_groups` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(192) NOT NULL,
  `slug` varchar(192) NOT NULL,
  `description` longtext DEFAULT NULL,
  `settings` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `title` (`title`),
  UNIQUE KEY `slug` (`slug`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_atts_relations` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `group_id` bigint(20) unsigned NOT NULL,
  `term_id` bigint(20) unsigned NOT NULL,
  `object_id` bigint(20) unsigned NOT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_at_rel__group_id_idx` (`group_id`),
  KEY `wp_fct_at_rel__term_id_idx` (`term_id`),
  KEY `wp_fct_at_rel__obj_id_idx` (`object_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_atts_terms` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `group_id` bigint(20) unsigned DEFAULT NULL,
  `serial` int(11) unsigned DEFAULT NULL,
  `title` varchar(192) NOT NULL,
  `slug` varchar(192) NOT NULL,
  `description` longtext DEFAULT NULL,
  `settings` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_attt__group_id_idx` (`group_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_carts` (
  `customer_id` bigint(20) unsigned DEFAULT NULL,
  `user_id` bigint(20) unsigned DEFAULT NULL,
  `order_id` bigint(20) unsigned DEFAULT NULL,
  `cart_hash` varchar(192) NOT NULL,
  `checkout_data` longtext DEFAULT NULL,
  `cart_data` longtext DEFAULT NULL,
  `utm_data` longtext DEFAULT NULL,
  `coupons` longtext DEFAULT NULL,
  `first_name` varchar(192) DEFAULT NULL,
  `last_name` varchar(192) DEFAULT NULL,
  `email` varchar(192) DEFAULT NULL,
  `stage` varchar(30) DEFAULT 'draft',
  `cart_group` varchar(30) DEFAULT 'global',
  `user_agent` varchar(192) DEFAULT NULL,
  `ip_address` varchar(50) DEFAULT NULL,
  `completed_at` timestamp NULL DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  `deleted_at` timestamp NULL DEFAULT NULL,
  UNIQUE KEY `cart_hash` (`cart_hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_coupons` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `code` varchar(50) NOT NULL,
  `priority` int(11) DEFAULT NULL,
  `type` varchar(20) NOT NULL,
  `conditions` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`conditions`)),
  `amount` double NOT NULL,
  `use_count` int(11) DEFAULT 0,
  `status` varchar(20) NOT NULL,
  `notes` longtext NOT NULL,
  `stackable` varchar(3) NOT NULL DEFAULT 'no',
  `show_on_checkout` varchar(3) NOT NULL DEFAULT 'yes',
  `start_date` timestamp NULL DEFAULT NULL,
  `end_date` timestamp NULL DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `code` (`code`),
  KEY `wp_fct_cpn__code_idx` (`code`),
  KEY `wp_fct_cpn__status_idx` (`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_customer_addresses` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` bigint(20) unsigned NOT NULL,
  `is_primary` tinyint(1) NOT NULL DEFAULT 0,
  `type` varchar(20) NOT NULL DEFAULT 'billing',
  `status` varchar(20) NOT NULL DEFAULT 'active',
  `label` varchar(50) NOT NULL DEFAULT '',
  `name` varchar(192) DEFAULT NULL,
  `address_1` varchar(192) DEFAULT NULL,
  `address_2` varchar(192) DEFAULT NULL,
  `city` varchar(192) DEFAULT NULL,
  `state` varchar(192) DEFAULT NULL,
  `phone` varchar(192) DEFAULT NULL,
  `email` varchar(192) DEFAULT NULL,
  `postcode` varchar(32) DEFAULT NULL,
  `country` varchar(100) DEFAULT NULL,
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_cus_ad__customer_is_primary` (`customer_id`,`is_primary`),
  KEY `wp_fct_cus_ad__type` (`type`),
  KEY `wp_fct_cus_ad__status` (`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_customer_meta` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` bigint(20) unsigned DEFAULT NULL,
  `meta_key` varchar(192) DEFAULT NULL,
  `meta_value` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_cm__meta_key` (`meta_key`),
  KEY `wp_fct_cm__customer_id` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_customers` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` bigint(20) unsigned DEFAULT NULL,
  `contact_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `email` varchar(192) NOT NULL DEFAULT '',
  `first_name` varchar(192) NOT NULL DEFAULT '',
  `last_name` varchar(192) NOT NULL DEFAULT '',
  `status` varchar(45) DEFAULT 'active',
  `purchase_value` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`purchase_value`)),
  `purchase_count` bigint(20) unsigned NOT NULL DEFAULT 0,
  `ltv` bigint(20) NOT NULL DEFAULT 0,
  `first_purchase_date` datetime DEFAULT NULL,
  `last_purchase_date` datetime DEFAULT NULL,
  `aov` decimal(18,2) DEFAULT NULL,
  `notes` longtext NOT NULL,
  `uuid` varchar(100) DEFAULT '',
  `country` varchar(45) DEFAULT NULL,
  `city` varchar(45) DEFAULT NULL,
  `state` varchar(45) DEFAULT NULL,
  `postcode` varchar(45) DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_cus__email` (`email`),
  KEY `wp_fct_cus__user_id` (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_label` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `value` varchar(192) NOT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `value` (`value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_label_relationships` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `label_id` bigint(20) NOT NULL,
  `labelable_id` bigint(20) NOT NULL,
  `labelable_type` varchar(192) NOT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_labr__label_id_idx` (`label_id`),
  KEY `wp_fct_labr__labelable_id_idx` (`labelable_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_meta` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `object_type` varchar(50) NOT NULL,
  `object_id` bigint(20) DEFAULT NULL,
  `meta_key` varchar(192) NOT NULL,
  `meta_value` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_mt__mt_idx` (`object_type`),
  KEY `wp_fct_mt__mto_id_idx` (`object_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_addresses` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL,
  `type` varchar(20) NOT NULL DEFAULT 'billing',
  `name` varchar(192) DEFAULT NULL,
  `address_1` varchar(192) DEFAULT NULL,
  `address_2` varchar(192) DEFAULT NULL,
  `city` varchar(192) DEFAULT NULL,
  `state` varchar(192) DEFAULT NULL,
  `postcode` varchar(50) DEFAULT NULL,
  `country` varchar(100) DEFAULT NULL,
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_download_permissions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL,
  `variation_id` bigint(20) unsigned NOT NULL,
  `download_id` bigint(20) unsigned NOT NULL,
  `download_count` int(11) DEFAULT NULL,
  `download_limit` int(11) DEFAULT NULL,
  `access_expires` datetime DEFAULT NULL,
  `customer_id` bigint(20) unsigned NOT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_odp__order_id_idx` (`order_id`),
  KEY `wp_fct_odp__download_id_idx` (`download_id`),
  KEY `wp_fct_odp__variation_id_idx` (`variation_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_items` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `post_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `fulfillment_type` varchar(20) NOT NULL DEFAULT 'physical',
  `payment_type` varchar(20) NOT NULL DEFAULT 'onetime',
  `post_title` text NOT NULL,
  `title` text NOT NULL,
  `object_id` bigint(20) unsigned DEFAULT NULL,
  `cart_index` bigint(20) unsigned NOT NULL DEFAULT 0,
  `quantity` int(11) NOT NULL DEFAULT 1,
  `unit_price` bigint(20) NOT NULL DEFAULT 0,
  `cost` bigint(20) NOT NULL DEFAULT 0,
  `subtotal` bigint(20) NOT NULL DEFAULT 0,
  `tax_amount` bigint(20) NOT NULL DEFAULT 0,
  `shipping_charge` bigint(20) NOT NULL DEFAULT 0,
  `discount_total` bigint(20) NOT NULL DEFAULT 0,
  `line_total` bigint(20) NOT NULL DEFAULT 0,
  `refund_total` bigint(20) NOT NULL DEFAULT 0,
  `rate` bigint(20) NOT NULL DEFAULT 1,
  `other_info` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`other_info`)),
  `line_meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`line_meta`)),
  `fulfilled_quantity` int(11) NOT NULL DEFAULT 0,
  `referrer` text DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_oi__ord_id_var_id_idx` (`order_id`,`object_id`),
  KEY `wp_fct_oi__post_id_idx` (`post_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_meta` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) DEFAULT NULL,
  `meta_key` varchar(192) NOT NULL,
  `meta_value` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_om__ord_id_idx` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_operations` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL,
  `created_via` varchar(45) DEFAULT NULL,
  `emails_sent` tinyint(1) DEFAULT 0,
  `sales_recorded` tinyint(1) DEFAULT 0,
  `utm_campaign` varchar(192) DEFAULT '',
  `utm_term` varchar(192) DEFAULT '',
  `utm_source` varchar(192) DEFAULT '',
  `utm_medium` varchar(192) DEFAULT '',
  `utm_content` varchar(192) DEFAULT '',
  `utm_id` varchar(192) DEFAULT '',
  `cart_hash` varchar(192) DEFAULT '',
  `refer_url` varchar(192) DEFAULT '',
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_oo__order_operations_idx` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_tax_rate` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL,
  `tax_rate_id` bigint(20) unsigned NOT NULL,
  `shipping_tax` bigint(20) DEFAULT NULL,
  `order_tax` bigint(20) DEFAULT NULL,
  `total_tax` bigint(20) DEFAULT NULL,
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `filed_at` datetime DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_order_transactions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `order_type` varchar(100) NOT NULL DEFAULT '',
  `transaction_type` varchar(192) DEFAULT 'charge',
  `subscription_id` int(11) DEFAULT NULL,
  `card_last_4` int(4) DEFAULT NULL,
  `card_brand` varchar(100) DEFAULT NULL,
  `vendor_charge_id` varchar(192) NOT NULL DEFAULT '',
  `payment_method` varchar(100) NOT NULL DEFAULT '',
  `payment_mode` varchar(100) NOT NULL DEFAULT '',
  `payment_method_type` varchar(100) NOT NULL DEFAULT '',
  `status` varchar(20) NOT NULL DEFAULT '',
  `currency` varchar(10) NOT NULL DEFAULT '',
  `total` bigint(20) NOT NULL DEFAULT 0,
  `rate` bigint(20) NOT NULL DEFAULT 1,
  `uuid` varchar(100) DEFAULT '',
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_ot__ven_charge_id` (`vendor_charge_id`(64)),
  KEY `wp_fct_ot__payment_method_idx` (`payment_method`),
  KEY `wp_fct_ot__status_idx` (`status`),
  KEY `wp_fct_ot__order_id_idx` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_orders` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `status` varchar(20) NOT NULL DEFAULT 'draft',
  `parent_id` bigint(20) unsigned DEFAULT NULL,
  `receipt_number` bigint(20) unsigned DEFAULT NULL,
  `invoice_no` varchar(192) DEFAULT '',
  `fulfillment_type` varchar(20) DEFAULT 'physical',
  `type` varchar(20) NOT NULL DEFAULT 'payment',
  `mode` enum('live','test') NOT NULL DEFAULT 'live',
  `shipping_status` varchar(20) NOT NULL DEFAULT '',
  `customer_id` bigint(20) unsigned DEFAULT NULL,
  `payment_method` varchar(100) NOT NULL,
  `payment_status` varchar(20) NOT NULL DEFAULT '',
  `payment_method_title` varchar(100) NOT NULL,
  `currency` varchar(10) NOT NULL,
  `subtotal` bigint(20) NOT NULL DEFAULT 0,
  `discount_tax` bigint(20) NOT NULL DEFAULT 0,
  `manual_discount_total` bigint(20) NOT NULL DEFAULT 0,
  `coupon_discount_total` bigint(20) NOT NULL DEFAULT 0,
  `shipping_tax` bigint(20) NOT NULL DEFAULT 0,
  `shipping_total` bigint(20) NOT NULL DEFAULT 0,
  `fee_total` bigint(20) NOT NULL DEFAULT 0,
  `tax_total` bigint(20) NOT NULL DEFAULT 0,
  `total_amount` bigint(20) NOT NULL DEFAULT 0,
  `total_paid` bigint(20) NOT NULL DEFAULT 0,
  `total_refund` bigint(20) NOT NULL DEFAULT 0,
  `rate` decimal(12,4) NOT NULL DEFAULT 1.0000,
  `tax_behavior` tinyint(1) NOT NULL DEFAULT 0,
  `note` text NOT NULL DEFAULT '',
  `ip_address` text NOT NULL DEFAULT '',
  `completed_at` datetime DEFAULT NULL,
  `refunded_at` datetime DEFAULT NULL,
  `uuid` varchar(100) NOT NULL,
  `config` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`config`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_ord__invoice_no` (`invoice_no`(191)),
  KEY `wp_fct_ord__status_type` (`type`),
  KEY `wp_fct_ord__customer_id` (`customer_id`),
  KEY `wp_fct_ord__date_created_completed` (`created_at`,`completed_at`),
  KEY `fct_payment_status` (`payment_status`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_product_details` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_id` bigint(20) unsigned NOT NULL,
  `fulfillment_type` varchar(100) DEFAULT 'physical',
  `min_price` double NOT NULL DEFAULT 0,
  `max_price` double NOT NULL DEFAULT 0,
  `default_variation_id` bigint(20) unsigned DEFAULT NULL,
  `default_media` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`default_media`)),
  `manage_stock` tinyint(1) DEFAULT 0,
  `stock_availability` varchar(100) DEFAULT 'in-stock',
  `variation_type` varchar(30) DEFAULT 'simple',
  `manage_downloadable` tinyint(1) DEFAULT 0,
  `other_info` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`other_info`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_pd__product_id_idx` (`post_id`),
  KEY `wp_fct_pd__product_stock_stockx` (`stock_availability`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_product_downloads` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_id` bigint(20) unsigned NOT NULL,
  `product_variation_id` longtext NOT NULL,
  `download_identifier` varchar(100) NOT NULL,
  `title` varchar(192) DEFAULT NULL,
  `type` varchar(100) DEFAULT NULL,
  `driver` varchar(100) DEFAULT 'local',
  `file_name` varchar(192) DEFAULT NULL,
  `file_path` text DEFAULT NULL,
  `file_url` text DEFAULT NULL,
  `file_size` text DEFAULT NULL,
  `settings` text DEFAULT NULL,
  `serial` int(11) DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `download_identifier` (`download_identifier`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_product_meta` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `object_id` bigint(20) unsigned NOT NULL,
  `object_type` varchar(192) DEFAULT NULL,
  `meta_key` varchar(192) NOT NULL,
  `meta_value` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_pm__meta_key` (`meta_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_product_variations` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_id` bigint(20) unsigned NOT NULL,
  `media_id` bigint(20) unsigned DEFAULT NULL,
  `serial_index` int(5) DEFAULT NULL,
  `sold_individually` tinyint(1) unsigned DEFAULT 0,
  `variation_title` varchar(192) NOT NULL,
  `variation_identifier` varchar(100) DEFAULT NULL,
  `sku` varchar(30) DEFAULT NULL,
  `manage_stock` tinyint(1) DEFAULT 0,
  `payment_type` varchar(50) DEFAULT NULL,
  `stock_status` varchar(30) DEFAULT 'out-of-stock',
  `backorders` tinyint(1) unsigned DEFAULT 0,
  `total_stock` int(11) DEFAULT 0,
  `on_hold` int(11) DEFAULT 0,
  `committed` int(11) DEFAULT 0,
  `available` int(11) DEFAULT 0,
  `fulfillment_type` varchar(100) DEFAULT 'physical',
  `item_status` varchar(30) DEFAULT 'active',
  `manage_cost` varchar(30) DEFAULT 'false',
  `item_price` double NOT NULL DEFAULT 0,
  `item_cost` double NOT NULL DEFAULT 0,
  `compare_price` double DEFAULT 0,
  `shipping_class` bigint(20) DEFAULT NULL,
  `other_info` longtext DEFAULT NULL,
  `downloadable` varchar(30) DEFAULT 'false',
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `sku_unique` (`sku`),
  KEY `wp_fct_pd_var__post_id_idx` (`post_id`),
  KEY `wp_fct_pd_var__stock_status_idx` (`stock_status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_retention_snapshots` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `cohort` varchar(7) NOT NULL,
  `period` varchar(7) NOT NULL,
  `product_id` bigint(20) unsigned DEFAULT NULL,
  `cohort_customers` int(10) unsigned NOT NULL DEFAULT 0,
  `cohort_mrr` bigint(20) unsigned NOT NULL DEFAULT 0,
  `retained_customers` int(10) unsigned NOT NULL DEFAULT 0,
  `retained_mrr` bigint(20) unsigned NOT NULL DEFAULT 0,
  `new_customers` int(10) unsigned NOT NULL DEFAULT 0,
  `churned_customers` int(10) unsigned NOT NULL DEFAULT 0,
  `retention_rate_customers` decimal(5,2) DEFAULT NULL,
  `retention_rate_mrr` decimal(5,2) DEFAULT NULL,
  `period_offset` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `wp_fct_rs_cohort_period_product_idx` (`cohort`,`period`,`product_id`),
  KEY `wp_fct_rs_cohort_idx` (`cohort`),
  KEY `wp_fct_rs_period_idx` (`period`),
  KEY `wp_fct_rs_product_idx` (`product_id`),
  KEY `wp_fct_rs_offset_idx` (`period_offset`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_scheduled_actions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `scheduled_at` datetime DEFAULT NULL,
  `action` varchar(192) DEFAULT NULL,
  `status` varchar(20) DEFAULT NULL,
  `group` varchar(100) DEFAULT NULL,
  `object_id` bigint(20) unsigned DEFAULT NULL,
  `object_type` varchar(100) DEFAULT NULL,
  `completed_at` timestamp NULL DEFAULT NULL,
  `retry_count` int(10) unsigned DEFAULT 0,
  `data` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`data`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  `response_note` longtext DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_sch_var__scheduled_at_idx` (`scheduled_at`),
  KEY `wp_fct_sch_var__status_idx` (`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_shipping_classes` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(192) NOT NULL,
  `description` varchar(500) DEFAULT NULL,
  `cost` decimal(10,2) NOT NULL DEFAULT 0.00,
  `per_item` tinyint(1) NOT NULL DEFAULT 0,
  `type` varchar(20) NOT NULL DEFAULT 'fixed',
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_sc__name_idx` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_shipping_methods` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `zone_id` bigint(20) unsigned NOT NULL,
  `title` varchar(192) NOT NULL,
  `type` varchar(50) NOT NULL,
  `settings` longtext DEFAULT NULL,
  `is_enabled` tinyint(1) NOT NULL DEFAULT 1,
  `states` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`states`)),
  `amount` decimal(10,2) DEFAULT 0.00,
  `order` int(10) unsigned NOT NULL DEFAULT 0,
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_sm__zone_id_idx` (`zone_id`),
  KEY `wp_fct_sm__order_idx` (`order`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_shipping_zones` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `shipping_class_id` bigint(20) unsigned DEFAULT NULL,
  `name` varchar(192) NOT NULL,
  `region` varchar(192) NOT NULL,
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `order` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_sz__order_idx` (`order`),
  KEY `wp_fct_sz__class_id_idx` (`shipping_class_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_subscription_meta` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `subscription_id` bigint(20) unsigned DEFAULT NULL,
  `meta_key` varchar(192) DEFAULT NULL,
  `meta_value` longtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_sm__subs_id_key` (`subscription_id`),
  KEY `wp_fct_sm__meta_key` (`meta_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_subscriptions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `uuid` varchar(100) NOT NULL,
  `customer_id` bigint(20) unsigned NOT NULL,
  `parent_order_id` bigint(20) unsigned NOT NULL,
  `product_id` bigint(20) unsigned NOT NULL,
  `item_name` text NOT NULL,
  `quantity` int(11) NOT NULL DEFAULT 1,
  `variation_id` bigint(20) unsigned NOT NULL,
  `billing_interval` varchar(45) DEFAULT NULL,
  `signup_fee` bigint(20) unsigned NOT NULL DEFAULT 0,
  `initial_tax_total` bigint(20) unsigned NOT NULL DEFAULT 0,
  `recurring_amount` bigint(20) unsigned NOT NULL DEFAULT 0,
  `recurring_tax_total` bigint(20) unsigned NOT NULL DEFAULT 0,
  `recurring_total` bigint(20) unsigned NOT NULL DEFAULT 0,
  `bill_times` bigint(20) unsigned NOT NULL DEFAULT 0,
  `bill_count` int(10) unsigned NOT NULL DEFAULT 0,
  `expire_at` datetime DEFAULT NULL,
  `trial_ends_at` datetime DEFAULT NULL,
  `canceled_at` datetime DEFAULT NULL,
  `restored_at` datetime DEFAULT NULL,
  `collection_method` enum('automatic','manual','system') NOT NULL DEFAULT 'automatic',
  `next_billing_date` datetime DEFAULT NULL,
  `trial_days` int(10) unsigned NOT NULL DEFAULT 0,
  `vendor_customer_id` varchar(45) DEFAULT NULL,
  `vendor_plan_id` varchar(45) DEFAULT NULL,
  `vendor_subscription_id` varchar(45) DEFAULT NULL,
  `status` varchar(45) DEFAULT NULL,
  `original_plan` longtext DEFAULT NULL,
  `vendor_response` longtext DEFAULT NULL,
  `current_payment_method` varchar(45) DEFAULT NULL,
  `config` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`config`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `wp_fct_index__order_subscription_idx` (`parent_order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_tax_classes` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(192) DEFAULT NULL,
  `slug` varchar(100) DEFAULT NULL,
  `description` longtext DEFAULT NULL,
  `meta` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`meta`)),
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_tax_rates` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) unsigned NOT NULL,
  `country` varchar(45) DEFAULT NULL,
  `state` varchar(45) DEFAULT NULL,
  `postcode` text DEFAULT NULL,
  `city` varchar(45) DEFAULT NULL,
  `rate` varchar(45) DEFAULT NULL,
  `name` varchar(45) DEFAULT NULL,
  `group` varchar(45) DEFAULT NULL,
  `priority` int(10) unsigned DEFAULT 1,
  `is_compound` tinyint(3) unsigned DEFAULT 0,
  `for_shipping` tinyint(3) unsigned DEFAULT NULL,
  `for_order` tinyint(3) unsigned DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `wp_fct_txr__txr_class_idx` (`class_id`),
  KEY `wp_fct_txr__priority_idx` (`priority`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}fct_webhook_logger` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `source` varchar(20) NOT NULL,
  `event_type` varchar(100) NOT NULL,
  `payload` longtext DEFAULT NULL,
  `status` varchar(20) NOT NULL DEFAULT 'pending',
  `created_at` datetime DEFAULT NULL,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}users` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_login` varchar(60) NOT NULL DEFAULT '',
  `user_pass` varchar(255) NOT NULL DEFAULT '',
  `user_nicename` varchar(50) NOT NULL DEFAULT '',
  `user_email` varchar(100) NOT NULL DEFAULT '',
  `user_url` varchar(100) NOT NULL DEFAULT '',
  `user_registered` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `user_activation_key` varchar(255) NOT NULL DEFAULT '',
  `user_status` int(11) NOT NULL DEFAULT 0,
  `display_name` varchar(250) NOT NULL DEFAULT '',
  PRIMARY KEY (`ID`),
  KEY `user_login_key` (`user_login`),
  KEY `user_nicename` (`user_nicename`),
  KEY `user_email` (`user_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}usermeta` (
  `umeta_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `meta_key` varchar(255) DEFAULT NULL,
  `meta_value` longtext DEFAULT NULL,
  PRIMARY KEY (`umeta_id`),
  KEY `user_id` (`user_id`),
  KEY `meta_key` (`meta_key`(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}options` (
  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `option_name` varchar(191) NOT NULL DEFAULT '',
  `option_value` longtext NOT NULL,
  `autoload` varchar(20) NOT NULL DEFAULT 'yes',
  PRIMARY KEY (`option_id`),
  UNIQUE KEY `option_name` (`option_name`),
  KEY `autoload` (`autoload`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}posts` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_author` bigint(20) unsigned NOT NULL DEFAULT 0,
  `post_date` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_date_gmt` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_content` longtext NOT NULL,
  `post_title` text NOT NULL,
  `post_excerpt` text NOT NULL,
  `post_status` varchar(20) NOT NULL DEFAULT 'publish',
  `comment_status` varchar(20) NOT NULL DEFAULT 'open',
  `ping_status` varchar(20) NOT NULL DEFAULT 'open',
  `post_password` varchar(255) NOT NULL DEFAULT '',
  `post_name` varchar(200) NOT NULL DEFAULT '',
  `to_ping` text NOT NULL,
  `pinged` text NOT NULL,
  `post_modified` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_modified_gmt` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_content_filtered` longtext NOT NULL,
  `post_parent` bigint(20) unsigned NOT NULL DEFAULT 0,
  `guid` varchar(255) NOT NULL DEFAULT '',
  `menu_order` int(11) NOT NULL DEFAULT 0,
  `post_type` varchar(20) NOT NULL DEFAULT 'post',
  `post_mime_type` varchar(100) NOT NULL DEFAULT '',
  `comment_count` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`ID`),
  KEY `post_name` (`post_name`(191)),
  KEY `type_status_date` (`post_type`,`post_status`,`post_date`,`ID`),
  KEY `post_parent` (`post_parent`),
  KEY `post_author` (`post_author`),
  KEY `type_status_author` (`post_type`,`post_status`,`post_author`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}postmeta` (
  `meta_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `meta_key` varchar(255) DEFAULT NULL,
  `meta_value` longtext DEFAULT NULL,
  PRIMARY KEY (`meta_id`),
  KEY `post_id` (`post_id`),
  KEY `meta_key` (`meta_key`(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
