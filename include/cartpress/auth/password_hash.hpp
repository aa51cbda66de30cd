#pragma once

// Password hashes in every format a WordPress database may hold (spec wordpress-rest.md §11.5),
// for application passwords (usermeta `_application_passwords`) and login passwords
// (`users.user_pass`). Verification is pure: it never rewrites a hash.

#include <cartpress/core/random.hpp>
#include <cstddef>
#include <string>
#include <string_view>

namespace cartpress::auth {

// Passwords longer than this never verify (WordPress's limit; it also bounds hashing work).
inline constexpr std::size_t kMaxPasswordBytes = 4096;

// The §11.5 dispatcher, first rule that applies:
//   1. password longer than kMaxPasswordBytes -> false;
//   2. stored hash of at most 32 bytes -> lowercase hex MD5 of the password;
//   3. "$generic$" -> wp_fast_hash (keyed BLAKE2b);
//   4. "$wp" -> bcrypt of wp_bcrypt_prehash(password), checked against the hash minus "$wp";
//   5. "$P$" / "$H$" -> phpass portable (log2 iterations 7..30, else false);
//   6. anything else -> the system crypt (libxcrypt crypt_rn: bcrypt, sha512crypt, ...).
// The password is used as given (application passwords must be normalised by the caller; login
// passwords trimmed). Every final comparison is constant-time.
bool verify_password(std::string_view password, std::string_view stored_hash);

// "$generic$" + base64url (no padding) of BLAKE2b-240 keyed with "wp_fast_hash_6.8+": the format
// WordPress 6.8+ stores for application passwords (message = the normalised password).
std::string wp_fast_hash(std::string_view message);

// Standard base64 (alphabet with "+/"; 48 bytes give 64 characters, no padding) of HMAC-SHA384
// keyed "wp-sha384": what WordPress 6.8+ feeds to bcrypt, so that bcrypt's 72-byte truncation
// never cuts a long password short.
std::string wp_bcrypt_prehash(std::string_view password);

// "$P$B" + 8 salt characters (phpass encoding of 6 random bytes) + 22 hash characters: 2^13
// iterations of MD5, the legacy format every WordPress version can read.
std::string hash_phpass(std::string_view password, core::Random& random);

// "$wp$2y$10$" + bcrypt salt (16 random bytes) + bcrypt of wp_bcrypt_prehash(password): the
// WordPress 6.8+ login password format. The password is hashed as given; trimming is the caller's.
// Throws std::runtime_error if the system crypt lacks bcrypt (a broken install, not bad input).
std::string hash_wp_bcrypt(std::string_view password, core::Random& random);

// Deletes every byte that is not [A-Za-z0-9]: application passwords are shown in groups separated
// by spaces and users paste them with or without the separators.
std::string normalize_app_password(std::string_view password);

// Equal length and equal bytes, in time independent of where the bytes differ. Unequal lengths
// return false at once: hash lengths are public.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace cartpress::auth
