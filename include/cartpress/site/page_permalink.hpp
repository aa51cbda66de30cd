#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cartpress/site/site_options.hpp>
#include <cstdint>
#include <string>

namespace cartpress::site {

// The permalink WordPress gives a published page (get_permalink): the home URL for the static
// front page, `<home>/?page_id=N` without pretty permalinks, else `<home>/<parent slugs>/<slug>`
// with a trailing slash when the permalink structure ends with one. Empty when the row is not a
// published page.
core::Result<std::string, db::DbError> published_page_permalink(db::Session& session,
                                                                const std::string& table_prefix,
                                                                const SiteOptions& options,
                                                                std::int64_t page_id);

// `receipt_page_id` of FluentCart's store settings (the serialized option value), or 0.
std::int64_t fluent_cart_receipt_page_id(std::string_view store_settings);

}  // namespace cartpress::site
