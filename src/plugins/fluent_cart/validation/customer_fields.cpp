#include "validation/customer_fields.hpp"

#include <cartpress/core/php_serialize.hpp>
#include <cartpress/core/strings.hpp>
#include <cartpress/core/utf8.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cctype>
#include <cstdio>

namespace cartpress::plugins::fluent_cart {
namespace {

using core::php_trim;

constexpr std::size_t kMaxLength = 255;     // FluentCart's maxLength:255
constexpr std::size_t kColumnLength = 192;  // the customer columns (§10 #17)

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// preg_match('/^[class]+$/', s): PHP's `$` also matches before one final "\n".
template <class Pred>
bool preg_all(std::string_view s, Pred pred) {
    if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
    if (s.empty()) return false;
    for (const char c : s) {
        if (!pred(c)) return false;
    }
    return true;
}

std::string_view trim_chars(std::string_view s, std::string_view chars) {
    const auto first = s.find_first_not_of(chars);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(chars);
    return s.substr(first, last - first + 1);
}

bool has_percent_octet(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        if (s[i] == '%' && is_hex(s[i + 1]) && is_hex(s[i + 2])) return true;
    }
    return false;
}

std::string esc_html(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#039;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// wp_pre_kses_less_than(): a `<` that no `>` closes before the next `<` is text, not a tag.
std::string pre_kses_less_than(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '<') {
            out += s[i++];
            continue;
        }
        std::size_t j = s.find_first_of("<>", i + 1);
        if (j != std::string_view::npos && s[j] == '>') {
            out += s.substr(i, j + 1 - i);
            i = j + 1;
        } else {
            if (j == std::string_view::npos) j = s.size();
            out += esc_html(s.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

bool iequals_prefix(std::string_view s, std::size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (std::tolower(static_cast<unsigned char>(s[at + k])) != word[k]) return false;
    }
    return true;
}

// wp_strip_all_tags() without remove_breaks: <script>/<style> elements with their content,
// then strip_tags().
std::string strip_all_tags(std::string_view s) {
    std::string without_scripts;
    std::size_t i = 0;
    while (i < s.size()) {
        bool removed = false;
        if (s[i] == '<') {
            for (std::string_view tag : {std::string_view("script"), std::string_view("style")}) {
                if (!iequals_prefix(s, i + 1, tag)) continue;
                const auto open_end = s.find('>', i);
                if (open_end == std::string_view::npos) break;
                const std::string closing = "</" + std::string(tag) + ">";
                for (std::size_t k = open_end + 1; k + closing.size() <= s.size(); ++k) {
                    if (iequals_prefix(s, k, closing)) {
                        i = k + closing.size();
                        removed = true;
                        break;
                    }
                }
                break;
            }
        }
        if (!removed) without_scripts += s[i++];
    }
    std::string out;
    bool in_tag = false;
    for (std::size_t k = 0; k < without_scripts.size(); ++k) {
        const char c = without_scripts[k];
        if (in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        if (c == '<' && k + 1 < without_scripts.size() &&
            !std::isspace(static_cast<unsigned char>(without_scripts[k + 1]))) {
            in_tag = true;
            continue;
        }
        out += c;
    }
    return out;
}

std::string collapse(std::string_view s, std::string_view run_chars) {
    std::string out;
    bool in_run = false;
    for (const char c : s) {
        if (run_chars.find(c) != std::string_view::npos) {
            if (!in_run) out += ' ';
            in_run = true;
        } else {
            out += c;
            in_run = false;
        }
    }
    return out;
}

bool is_blank(const json::Value& v) {
    if (v.IsNull()) return true;
    if (v.IsString()) return php_trim(json::view(v)).empty();
    if (v.IsArray()) return v.Empty();
    if (v.IsObject()) return v.ObjectEmpty();
    return false;
}

const json::Value* find(const json::Value& object, std::string_view key) {
    if (!object.IsObject()) return nullptr;
    const auto it =
        object.FindMember(json::Value(key.data(), static_cast<rapidjson::SizeType>(key.size())));
    return it == object.MemberEnd() ? nullptr : &it->value;
}

bool enabled_in_json(const json::Value& root, std::string_view field) {
    const auto* basic = find(root, "basic_info");
    const auto* f = basic ? find(*basic, field) : nullptr;
    const auto* enabled = f ? find(*f, "enabled") : nullptr;
    return enabled && enabled->IsString() && json::view(*enabled) == "yes";
}

bool enabled_in_php(const core::PhpValue& root, std::string_view field) {
    const auto* basic = root.find("basic_info");
    const auto* f = basic ? basic->find(field) : nullptr;
    const auto* enabled = f ? f->find("enabled") : nullptr;
    return enabled && enabled->is_string() && enabled->as_string() == "yes";
}

class Rules {
public:
    explicit Rules(const ParamLookup& param) : param_(param) {}

    void required_text(std::string_view field, std::string_view required_message) {
        const auto* v = param_(field);
        if (!v || is_blank(*v))
            errors_.add(std::string(field), "required", std::string(required_message));
        if (v) text(field, *v, true);
    }

    void nullable_text(std::string_view field, bool max_length) {
        const auto* v = param_(field);
        if (v && !v->IsNull()) text(field, *v, max_length);
    }

    void email(bool exists) {
        const std::string field = "email";
        const auto* v = param_(field);
        if (!v || is_blank(*v)) errors_.add(field, "required", "Email is required.");
        if (!v) return;
        if (!passes_sanitize_text(*v)) {
            errors_.add(field, "sanitizeText", "The email must be a valid text");
        }
        const auto text = php_scalar_string(*v);
        if (!text || !is_email(*text)) {
            errors_.add(field, "email", "Email must be a valid email address.");
        }
        max_length(field, *v);
        if (exists) errors_.add(field, "exist", "Email already exists.");
    }

    ValidationErrors take() { return std::move(errors_); }

private:
    void text(std::string_view field, const json::Value& v, bool with_max_length) {
        if (!passes_sanitize_text(v)) {
            errors_.add(std::string(field), "sanitizeText",
                        "The " + std::string(field) + " must be a valid text");
        }
        if (with_max_length) max_length(field, v);
    }

    void max_length(std::string_view field, const json::Value& v) {
        const auto text = php_scalar_string(v);
        if (!text) return;
        const std::size_t bytes = php_trim(*text).size();
        std::size_t limit = 0;
        if (bytes > kMaxLength) {
            limit = kMaxLength;
        } else if (bytes > kColumnLength) {
            limit = kColumnLength;  // Cartpress's extra rule: the column would cut it (§10 #17)
        }
        if (limit != 0) {
            errors_.add(std::string(field), "maxLength",
                        "The " + std::string(field) + " must not be greater than " +
                            std::to_string(limit) + " characters.");
        }
    }

    const ParamLookup& param_;
    ValidationErrors errors_;
};

}  // namespace

NameMode checkout_name_mode(const std::optional<std::string>& option_value) {
    if (!option_value || option_value->empty()) return NameMode::kFullName;
    json::Document d;
    if (json::decode(*option_value, d)) {
        return enabled_in_json(d, "first_name") || enabled_in_json(d, "last_name")
                   ? NameMode::kFirstLast
                   : NameMode::kFullName;
    }
    auto php = core::php_unserialize(*option_value);
    if (php && (enabled_in_php(*php, "first_name") || enabled_in_php(*php, "last_name"))) {
        return NameMode::kFirstLast;
    }
    return NameMode::kFullName;
}

bool is_email(std::string_view email) {
    if (email.size() < 6) return false;
    const auto at = email.find('@', 1);
    if (at == std::string_view::npos) return false;
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    static constexpr std::string_view kLocalExtra = "!#$%&'*+/=?^_`{|}~.-";
    const auto local_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               kLocalExtra.find(c) != std::string_view::npos;
    };
    if (!preg_all(local, local_char)) return false;
    if (domain.find("..") != std::string_view::npos) return false;
    static constexpr std::string_view kDomainTrim{" \t\n\r\0\x0B.", 7};
    if (trim_chars(domain, kDomainTrim) != domain) return false;
    std::size_t subs = 0;
    std::size_t start = 0;
    while (true) {
        const auto dot = domain.find('.', start);
        const std::string_view sub = domain.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        static constexpr std::string_view kSubTrim{" \t\n\r\0\x0B-", 7};
        if (trim_chars(sub, kSubTrim) != sub) return false;
        const auto sub_char = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
        };
        if (!preg_all(sub, sub_char)) return false;
        ++subs;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return subs >= 2;
}

std::optional<std::string> php_scalar_string(const json::Value& value) {
    if (value.IsString()) return std::string(json::view(value));
    if (value.IsNull()) return std::string();
    if (value.IsBool()) return std::string(value.GetBool() ? "1" : "");
    if (value.IsInt64()) return std::to_string(value.GetInt64());
    if (value.IsUint64()) return std::to_string(value.GetUint64());
    if (value.IsNumber()) {
        // PHP's (string) of a float: 14 significant digits, "1.0E+25" style exponents.
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.14G", value.GetDouble());
        std::string s(buf);
        const auto e = s.find('E');
        if (e != std::string::npos) {
            std::string mantissa = s.substr(0, e);
            if (mantissa.find('.') == std::string::npos) mantissa += ".0";
            const char sign = s[e + 1];
            std::string digits = s.substr(e + 2);
            digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
            s = mantissa + "E" + sign + digits;
        }
        return s;
    }
    return std::nullopt;
}

bool passes_sanitize_text(const json::Value& value) {
    const auto text = php_scalar_string(value);
    if (!text) return false;
    const std::string_view t = php_trim(*text);
    if (!core::is_valid_utf8(t)) return false;
    if (t.find_first_of("<\r\n\t") != std::string_view::npos) return false;
    if (t.find("  ") != std::string_view::npos) return false;
    return !has_percent_octet(t);
}

std::string sanitize_text_field(std::string_view text, bool keep_newlines) {
    if (!core::is_valid_utf8(text)) return "";
    std::string filtered(text);
    if (filtered.find('<') != std::string::npos) {
        filtered = strip_all_tags(pre_kses_less_than(filtered));
        // As WordPress does: a "<" left before a newline must not become a tag later.
        for (std::size_t at = filtered.find("<\n"); at != std::string::npos;
             at = filtered.find("<\n", at)) {
            filtered.replace(at, 1, "&lt;");
        }
    }
    if (!keep_newlines) filtered = collapse(filtered, "\r\n\t ");
    filtered = std::string(php_trim(filtered));
    bool found = false;
    for (std::size_t i = 0; i + 2 < filtered.size();) {
        if (filtered[i] == '%' && is_hex(filtered[i + 1]) && is_hex(filtered[i + 2])) {
            // str_replace of that octet everywhere, then search again from the start.
            const std::string octet = filtered.substr(i, 3);
            for (std::size_t at = filtered.find(octet); at != std::string::npos;
                 at = filtered.find(octet, at)) {
                filtered.erase(at, 3);
            }
            found = true;
            i = 0;
            continue;
        }
        ++i;
    }
    if (found) filtered = std::string(php_trim(collapse(filtered, " ")));
    return filtered;
}

std::string sanitize_text_field(const json::Value* value, bool keep_newlines) {
    if (!value) return "";
    const auto text = php_scalar_string(*value);
    return text ? sanitize_text_field(*text, keep_newlines) : std::string();
}

bool fails_required(const json::Value* value) { return !value || is_blank(*value); }

std::optional<std::string> exist_lookup_value(const json::Value* email) {
    if (!email) return std::nullopt;
    auto text = php_scalar_string(*email);
    if (!text || text->empty() || *text == "0") return std::nullopt;
    return text;
}

ValidationErrors validate_customer_fields(const ParamLookup& param, NameMode mode,
                                          bool email_exists) {
    Rules rules(param);
    if (mode == NameMode::kFullName) {
        rules.required_text("full_name", "Full Name is required.");
    } else {
        rules.required_text("first_name", "First Name is required.");
        rules.nullable_text("last_name", true);
    }
    rules.nullable_text("city", false);
    rules.email(email_exists);
    return rules.take();
}

}  // namespace cartpress::plugins::fluent_cart
