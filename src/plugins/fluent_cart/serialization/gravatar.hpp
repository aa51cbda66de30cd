#pragma once

#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// A customer's `photo` when the linked user has no fc_customer_photo_url (spec §5.3): what
// FluentCart prints for esc_url(get_avatar_url($email, ['size' => 100])) under WordPress 6.9,
// e.g. https://secure.gravatar.com/avatar/<sha256>?s=100&#038;d=mm&#038;r=g.
//
// - The hash is the hex SHA-256 of the e-mail, trimmed (PHP trim) and ASCII-lower-cased; an
//   empty e-mail or "0" (false to PHP) gives no hash: ".../avatar/?s=100…". An address
//   containing "@md5.gravatar.com" or "@sha256.gravatar.com" names its hash before the "@".
// - `avatar_default_option` is the avatar_default option: mystery, mm and mysteryman become "mm";
//   gravatar_default, "" and "0" drop the d parameter; anything else is sent rawurlencoded.
//   Pass "mystery" when the option row is absent (WordPress's default).
// - `avatar_rating_option` is the avatar_rating option, lower-cased ("G" → "g"); "" or "0"
//   drops the r parameter, as WordPress does.
// - esc_url() writes the separators as &#038;, which is part of the JSON value.
std::string gravatar_url(std::string_view email, std::string_view avatar_default_option,
                         std::string_view avatar_rating_option);

}  // namespace cartpress::plugins::fluent_cart
