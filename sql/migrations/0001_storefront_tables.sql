-- Migration 0001: the storefront/v1 tables of shared/spec/storefront-v1.md §3.2.
-- Idempotent and safe on a live FluentCart database: it only creates tables of Cartpress's own
-- ({prefix}cartpress_*) when they are missing; it never alters, drops or fills anything else.
-- scripts/run applies every sql/migrations/*.sql in name order on each start (demo store and
-- --wp-config alike); the tests load them after sql/schema.sql.
-- Times are UTC DATETIME, as FluentCart stores its own.

CREATE TABLE IF NOT EXISTS `{prefix}cartpress_customer_tokens` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `token_hash` binary(32) NOT NULL,
  `customer_id` bigint(20) unsigned NOT NULL,
  `session_id` binary(16) NOT NULL,
  `created_at` datetime NOT NULL,
  `expires_at` datetime NOT NULL,
  `session_expires_at` datetime NOT NULL,
  `revoked_at` datetime DEFAULT NULL,
  `last_used_at` datetime DEFAULT NULL,
  `ip` varchar(45) NOT NULL DEFAULT '',
  `user_agent` varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `token_hash` (`token_hash`),
  KEY `customer_id` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}cartpress_customer_subscriptions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(192) NOT NULL,
  `email_key` varchar(191) NOT NULL,
  `reference` varchar(191) NOT NULL,
  `customer_id` bigint(20) unsigned DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email_key_reference` (`email_key`, `reference`),
  KEY `customer_id` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}cartpress_verifications` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `purpose` varchar(16) NOT NULL,
  `email_key` varchar(191) NOT NULL,
  `customer_id` bigint(20) unsigned DEFAULT NULL,
  `secret_hash` binary(32) NOT NULL,
  `password_hash` varchar(255) DEFAULT NULL,
  `expires_at` datetime NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `consumed_at` datetime DEFAULT NULL,
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `email_key` (`email_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}cartpress_idempotency_keys` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `principal` varchar(80) NOT NULL,
  `idem_key` varchar(255) NOT NULL,
  `request_hash` binary(32) NOT NULL,
  `state` varchar(16) NOT NULL,
  `status` int(11) DEFAULT NULL,
  `headers` text DEFAULT NULL,
  `body` longtext DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `expires_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `principal_key` (`principal`, `idem_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}cartpress_events` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `type` varchar(64) NOT NULL,
  `payload` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `delivered_at` datetime DEFAULT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `next_attempt_at` datetime DEFAULT NULL,
  `last_error` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `created_at` (`created_at`),
  KEY `next_attempt_at` (`next_attempt_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE IF NOT EXISTS `{prefix}cartpress_throttle` (
  `bucket` varchar(191) NOT NULL,
  `window_start` datetime NOT NULL,
  `hits` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`bucket`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
