#pragma once

#include <string>
#include <string_view>

namespace cartpress::site {

// The email identity both plugins share (storefront-v1.md §4): how customers are matched and
// which MariaDB named lock serialises creating one.

// The address trimmed of ASCII whitespace and lower-cased (ASCII letters only):
// " Bob@Example.com " and "bob@example.com" are the same customer.
std::string email_key(std::string_view email);

// The GET_LOCK name for a key: "cartpress:email:" + the first 40 hex digits of sha256(key)
// (56 characters, under MariaDB's 64-character limit). Every writer that may create a customer
// for an email takes this lock before BEGIN and before any row lock, and releases it after
// COMMIT or ROLLBACK.
std::string email_lock_name(std::string_view key);

}  // namespace cartpress::site
