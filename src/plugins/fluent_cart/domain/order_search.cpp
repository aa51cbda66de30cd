#include "domain/order_search.hpp"

#include <array>
#include <cartpress/core/strings.hpp>
#include <cartpress/core/utf8.hpp>
#include <cctype>
#include <optional>
#include <utility>

namespace cartpress::plugins::fluent_cart {
namespace {

// The operators in FluentCart's regex alternation order.
constexpr std::array<std::string_view, 7> kOperators = {"=", "!=", ">", "<", ">=", "<=", "::"};

std::string addcslashes_like(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '%' || c == '_') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

// esc_html() of a chunk: & (unless it starts an entity), <, >, " and ' as entities.
std::string esc_html(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '&') {
            std::size_t j = i + 1;
            if (j < s.size() && s[j] == '#') ++j;
            const std::size_t start = j;
            while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
            out += (j > start && j < s.size() && s[j] == ';') ? "&" : "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '"') {
            out += "&quot;";
        } else if (c == '\'') {
            out += "&#039;";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// wp_pre_kses_less_than(): a `<` with no `>` before the next `<` is text, not a tag.
std::string escape_lone_less_than(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '<') {
            out.push_back(s[i++]);
            continue;
        }
        std::size_t j = i + 1;
        while (j < s.size() && s[j] != '>' && s[j] != '<') ++j;
        if (j < s.size() && s[j] == '>') {
            out.append(s.substr(i, j + 1 - i));
            i = j + 1;
        } else {
            out += esc_html(s.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

// wp_strip_all_tags(): <script>/<style> elements with their content, then strip_tags().
std::string strip_all_tags(std::string_view s) {
    std::string text;
    const std::string low = core::ascii_lower(s);
    std::size_t i = 0;
    while (i < s.size()) {
        bool removed = false;
        for (std::string_view tag : {"script", "style"}) {
            if (low.compare(i, 1 + tag.size(), "<" + std::string(tag)) != 0) continue;
            const auto open_end = low.find('>', i);
            if (open_end == std::string::npos) continue;
            const auto close = low.find("</" + std::string(tag) + ">", open_end);
            if (close == std::string::npos) continue;
            i = close + tag.size() + 3;
            removed = true;
            break;
        }
        if (!removed) text.push_back(s[i++]);
    }
    // strip_tags(): drop everything from `<` to its `>` (quotes inside a tag may hold `>`);
    // a `<` followed by whitespace is text.
    std::string out;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (c != '<' || k + 1 >= text.size() ||
            std::isspace(static_cast<unsigned char>(text[k + 1]))) {
            out.push_back(c);
            continue;
        }
        char quote = 0;
        std::size_t m = k + 1;
        for (; m < text.size(); ++m) {
            if (quote) {
                if (text[m] == quote) quote = 0;
            } else if (text[m] == '"' || text[m] == '\'') {
                quote = text[m];
            } else if (text[m] == '>') {
                break;
            }
        }
        k = m;  // past the tag (or the end when it never closes)
    }
    return std::string(core::php_trim(out));
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

std::string collapse(std::string_view s, bool spaces_only) {
    std::string out;
    bool in_run = false;
    for (char c : s) {
        const bool ws = c == ' ' || (!spaces_only && (c == '\r' || c == '\n' || c == '\t'));
        if (ws) {
            if (!in_run) out.push_back(' ');
            in_run = true;
        } else {
            out.push_back(c);
            in_run = false;
        }
    }
    return out;
}

std::optional<SearchColumn> column_named(std::string_view name) {
    if (name == "id") return SearchColumn::kId;
    if (name == "status" || name == "invoice") return SearchColumn::kStatus;
    if (name == "payment") return SearchColumn::kPaymentStatus;
    if (name == "payment_by") return SearchColumn::kPaymentMethod;
    return std::nullopt;
}

// applyMatchFilter(): `*` at either end of an `=`/`!=` value turns it into LIKE.
ColumnSearch match_filter(SearchColumn column, bool negated, std::string_view raw) {
    std::string value = sanitize_text_field(raw);
    const bool starts = !value.empty() && value.front() == '*';
    const bool ends = !value.empty() && value.back() == '*';
    if (!starts && !ends) {
        return {column, negated ? SearchOp::kNotEqual : SearchOp::kEqual, value, {}};
    }
    std::string_view v = value;
    if (starts) {
        while (!v.empty() && v.front() == '*') v.remove_prefix(1);
    }
    if (ends) {
        while (!v.empty() && v.back() == '*') v.remove_suffix(1);
    }
    std::string pattern = (starts ? "%" : "") + std::string(v) + (ends ? "%" : "");
    return {column, negated ? SearchOp::kNotLike : SearchOp::kLike, std::move(pattern), {}};
}

}  // namespace

std::string sanitize_text_field(std::string_view s) {
    if (!core::is_valid_utf8(s)) return {};
    std::string filtered(s);
    if (filtered.find('<') != std::string::npos) {
        filtered = strip_all_tags(escape_lone_less_than(filtered));
        for (std::size_t at = 0; (at = filtered.find("<\n", at)) != std::string::npos;) {
            filtered.replace(at, 2, "&lt;\n");
        }
    }
    filtered = std::string(core::php_trim(collapse(filtered, false)));
    bool found = false;
    for (;;) {
        std::size_t at = std::string::npos;
        for (std::size_t i = 0; i + 2 < filtered.size(); ++i) {
            if (filtered[i] == '%' && is_hex(filtered[i + 1]) && is_hex(filtered[i + 2])) {
                at = i;
                break;
            }
        }
        if (at == std::string::npos) break;
        // str_replace removes every occurrence of that octet, whatever its case.
        const std::string octet = filtered.substr(at, 3);
        std::string next;
        for (std::size_t i = 0; i < filtered.size();) {
            if (filtered.compare(i, 3, octet) == 0) {
                i += 3;
            } else {
                next.push_back(filtered[i++]);
            }
        }
        filtered = std::move(next);
        found = true;
    }
    if (found) filtered = std::string(core::php_trim(collapse(filtered, true)));
    return filtered;
}

OrderSearch parse_order_search(std::string_view raw) {
    const std::string_view search = core::php_trim(raw);
    for (std::size_t i = 0; i < search.size(); ++i) {
        std::string_view op;
        for (std::string_view candidate : kOperators) {
            if (search.substr(i, candidate.size()) == candidate) {
                op = candidate;
                break;
            }
        }
        if (op.empty()) continue;
        // explode($op, $search): the first two parts.
        const std::string_view before = search.substr(0, i);
        std::string_view after = search.substr(i + op.size());
        after = after.substr(0, after.find(op));
        const std::string field = core::ascii_lower(core::php_trim(before));
        const std::string_view value = core::php_trim(after);
        if (field == "customer") return CustomerSearch{std::string(value)};
        const auto column = column_named(field);
        if (!column) break;  // not a searchable field: the plain search below
        if (op == "::") {
            const auto dash = value.find('-');
            if (dash != std::string_view::npos &&
                value.find('-', dash + 1) == std::string_view::npos) {
                return ColumnSearch{*column, SearchOp::kBetween, std::string(value.substr(0, dash)),
                                    std::string(value.substr(dash + 1))};
            }
            // Not "a-b": Laravel reads the unknown operator `::` as the value of an `=`.
            return ColumnSearch{*column, SearchOp::kEqual, "::", {}};
        }
        if (op == "=") return match_filter(*column, false, value);
        if (op == "!=") return match_filter(*column, true, value);
        return ColumnSearch{
            *column, op == ">" ? SearchOp::kGreater : SearchOp::kLess, std::string(value), {}};
    }
    if (raw.empty() || raw == "0") return std::monostate{};
    return plain_search(raw);
}

PlainSearch plain_search(std::string_view raw) {
    const std::string_view search = core::php_trim(raw);
    return PlainSearch{std::string(search), addcslashes_like(search)};
}

}  // namespace cartpress::plugins::fluent_cart
