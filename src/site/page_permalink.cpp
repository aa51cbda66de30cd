#include <cartpress/core/php_serialize.hpp>
#include <cartpress/site/page_permalink.hpp>
#include <vector>

namespace cartpress::site {
namespace {

// Ancestors deeper than this are not followed (WordPress has no limit; a cycle in post_parent
// would otherwise never end).
constexpr int kMaxDepth = 32;

std::string without_trailing_slashes(std::string s) {
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace

core::Result<std::string, db::DbError> published_page_permalink(db::Session& session,
                                                                const std::string& table_prefix,
                                                                const SiteOptions& options,
                                                                std::int64_t page_id) {
    if (page_id <= 0) return std::string();
    const std::string sql = "SELECT post_name, post_parent, post_status, post_type FROM " +
                            table_prefix + "posts WHERE ID = ?";
    std::vector<std::string> slugs;
    std::int64_t id = page_id;
    for (int depth = 0; id > 0 && depth < kMaxDepth; ++depth) {
        auto rows = session.query(sql, {id});
        if (!rows) return core::fail(rows.error());
        if (rows->empty()) break;
        const auto row = (*rows)[0];
        if (depth == 0 && (row.str(3) != "page" || row.str(2) != "publish")) return std::string();
        slugs.insert(slugs.begin(), row.str(0));
        id = row.i64(1);
    }
    if (slugs.empty()) return std::string();
    const std::string home = without_trailing_slashes(options.home);
    if (options.show_on_front == "page" && options.page_on_front == page_id) return home + "/";
    if (options.permalink_structure.empty()) return home + "/?page_id=" + std::to_string(page_id);
    std::string path;
    for (const auto& slug : slugs) path += "/" + slug;
    const bool trailing = options.permalink_structure.back() == '/';
    return home + path + (trailing ? "/" : "");
}

std::int64_t fluent_cart_receipt_page_id(std::string_view store_settings) {
    if (store_settings.empty()) return 0;
    auto parsed = core::php_unserialize(store_settings);
    if (!parsed || !parsed->is_array()) return 0;
    const auto* id = parsed->find("receipt_page_id");
    return id ? id->to_int().value_or(0) : 0;
}

}  // namespace cartpress::site
