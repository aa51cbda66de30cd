#include "storefront/validation/customer_input.hpp"

#include <cartpress/core/strings.hpp>
#include <cartpress/core/utf8.hpp>
#include <cstdint>
#include <limits>
#include <utility>

#include "fluent_cart/serialization/countries.hpp"
#include "fluent_cart/serialization/names.hpp"
#include "fluent_cart/validation/customer_fields.hpp"

namespace cartpress::plugins::storefront {
namespace {

std::string text_of(std::string_view name, std::string_view rest) {
    return std::string(name) + std::string(rest);
}

// Whether valid UTF-8 text holds a control character (C0, DEL or C1) that `kind` does not allow.
bool has_forbidden_control(std::string_view s, TextKind kind) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\t' || c == '\n' || c == '\r') {
            if (kind != TextKind::kMultiline) return true;
        } else if (c < 0x20 || c == 0x7F) {
            return true;
        } else if (c == 0xC2 && i + 1 < s.size()) {
            // U+0080..U+009F are encoded C2 80..C2 9F.
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return true;
        }
    }
    return false;
}

FieldError staff_only(std::string_view name) {
    return invalid_field(name, text_of(name, " can only be changed by staff."));
}

FieldError out_of_bounds(std::string_view name, std::string message) {
    return FieldError{std::string(name), std::move(message), "rest_out_of_bounds"};
}

// Reads the parser's fields one by one, collecting every error.
class Reader {
public:
    Reader(const json::Value& body, std::vector<FieldError>& errors)
        : body_(body), errors_(errors) {}

    const json::Value* find(std::string_view name) const { return member(body_, name); }

    std::optional<std::string> text(std::string_view name, std::size_t max_chars, TextKind kind) {
        const json::Value* v = find(name);
        if (v == nullptr) return std::nullopt;
        return text(name, *v, max_chars, kind);
    }

    std::optional<std::string> text(std::string_view name, const json::Value& v,
                                    std::size_t max_chars, TextKind kind) {
        auto r = read_text(name, v, max_chars, kind);
        if (!r) {
            errors_.push_back(std::move(r.error()));
            return std::nullopt;
        }
        return std::move(*r);
    }

    void add(FieldError e) { errors_.push_back(std::move(e)); }

private:
    const json::Value& body_;
    std::vector<FieldError>& errors_;
};

}  // namespace

FieldError missing_field(std::string_view name) {
    return FieldError{std::string(name), text_of(name, " is required."),
                      std::string(kMissingParamCode)};
}

FieldError type_error(std::string_view name, std::string_view type) {
    return FieldError{std::string(name),
                      text_of(name, " is not of type " + std::string(type) + "."),
                      "rest_invalid_type"};
}

FieldError not_in_enum(std::string_view name, const std::vector<std::string_view>& allowed) {
    std::string list;
    for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return FieldError{std::string(name), text_of(name, " is not one of " + list + "."),
                      "rest_not_in_enum"};
}

FieldError invalid_field(std::string_view name, std::string message) {
    return FieldError{std::string(name), std::move(message), "rest_invalid_param"};
}

FieldError invalid_email(std::string_view name) {
    return FieldError{std::string(name), text_of(name, " is not a valid email address."),
                      "rest_invalid_email"};
}

FieldError unknown_country(std::string_view name) {
    return invalid_field(
        name, text_of(name, " is not a known ISO 3166-1 alpha-2 country code (such as \"US\")."));
}

rest::RestError input_error(const std::vector<FieldError>& errors) {
    std::vector<std::string> missing;
    for (const auto& e : errors) {
        if (e.code == kMissingParamCode) missing.push_back(e.name);
    }
    if (!missing.empty()) return missing_params(missing);
    return invalid_params(errors);
}

const json::Value* member(const json::Value& object, std::string_view name) {
    if (!object.IsObject()) return nullptr;
    const json::Value key(rapidjson::StringRef(name.data(), name.size()));
    const auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) {
        const std::size_t len = core::utf8_sequence_length(text, i);
        i += len == 0 ? 1 : len;
    }
    return chars;
}

core::Result<std::string, FieldError> read_text(std::string_view name, const json::Value& value,
                                                std::size_t max_chars, TextKind kind) {
    if (!value.IsString()) return core::fail(type_error(name, "string"));
    const std::string_view raw = json::view(value);
    if (!core::is_valid_utf8(raw)) {
        return core::fail(invalid_field(name, text_of(name, " is not valid UTF-8.")));
    }
    const std::string_view text = core::php_trim(raw);
    if (utf8_length(text) > max_chars) {
        return core::fail(invalid_field(
            name, text_of(name, " must be at most " + std::to_string(max_chars) + " characters.")));
    }
    if (kind != TextKind::kSecret && has_forbidden_control(text, kind)) {
        return core::fail(
            invalid_field(name, text_of(name, " must not contain control characters.")));
    }
    if (kind == TextKind::kLine && text.find('<') != std::string_view::npos) {
        return core::fail(invalid_field(name, text_of(name, " must not contain \"<\".")));
    }
    return std::string(text);
}

core::Result<CustomerInput, std::vector<FieldError>> parse_customer_input(
    const json::Value& body, CustomerInputMode mode, bool staff,
    const fluent_cart::Countries& countries) {
    if (!body.IsObject()) return core::fail(std::vector<FieldError>{type_error("body", "object")});
    std::vector<FieldError> errors;
    Reader read(body, errors);
    CustomerInput in;

    if (const json::Value* v = read.find("email")) {
        // kLine as well: is_email lets a "\n" through at the end of the local part.
        if (auto email = read.text("email", *v, kMaxEmailChars, TextKind::kLine)) {
            if (fluent_cart::is_email(*email)) {
                in.email = std::move(email);
            } else {
                read.add(invalid_email("email"));
            }
        }
    } else if (mode == CustomerInputMode::kCreate) {
        read.add(missing_field("email"));
    }

    in.first_name = read.text("first_name", kMaxNameChars, TextKind::kLine);
    in.last_name = read.text("last_name", kMaxNameChars, TextKind::kLine);
    if (const json::Value* v = read.find("full_name")) {
        if (read.find("first_name") != nullptr || read.find("last_name") != nullptr) {
            read.add(invalid_field("full_name",
                                   "full_name cannot be sent with first_name or last_name."));
        } else if (auto full = read.text("full_name", *v, kMaxNameChars, TextKind::kLine)) {
            auto parts = fluent_cart::split_full_name(*full);
            in.first_name = std::move(parts.first);
            in.last_name = std::move(parts.last);
        }
    }

    if (const json::Value* v = read.find("password")) {
        if (auto password = read.text("password", *v, std::numeric_limits<std::size_t>::max(),
                                      TextKind::kSecret)) {
            if (password->size() > kMaxPasswordBytes) {
                read.add(invalid_field(
                    "password",
                    "password must be at most " + std::to_string(kMaxPasswordBytes) + " bytes."));
            } else if (utf8_length(*password) < kMinPasswordChars) {
                read.add(invalid_field("password", "password must be at least " +
                                                       std::to_string(kMinPasswordChars) +
                                                       " characters."));
            } else {
                in.password = std::move(password);
            }
        }
    } else if (mode == CustomerInputMode::kCreate && !staff) {
        read.add(missing_field("password"));  // sign-up creates an account (spec §8)
    }

    if (const json::Value* v = read.find("current_password")) {
        if (auto current = read.text("current_password", *v,
                                     std::numeric_limits<std::size_t>::max(), TextKind::kSecret)) {
            if (current->size() > kMaxPasswordBytes) {
                read.add(invalid_field("current_password", "current_password must be at most " +
                                                               std::to_string(kMaxPasswordBytes) +
                                                               " bytes."));
            } else {
                in.current_password = std::move(current);
            }
        }
    }

    if (auto country = read.text("country", kMaxLocationChars, TextKind::kLine)) {
        if (country->empty() || countries.has_country(*country)) {
            in.country = std::move(country);
        } else {
            read.add(unknown_country("country"));
        }
    }
    in.state = read.text("state", kMaxLocationChars, TextKind::kLine);
    in.city = read.text("city", kMaxLocationChars, TextKind::kLine);
    in.postcode = read.text("postcode", kMaxLocationChars, TextKind::kLine);

    if (const json::Value* v = read.find("status")) {
        if (!staff) {
            read.add(staff_only("status"));
        } else if (!v->IsString()) {
            read.add(type_error("status", "string"));
        } else if (json::view(*v) != "active" && json::view(*v) != "inactive") {
            read.add(not_in_enum("status", {"active", "inactive"}));
        } else {
            in.status = std::string(json::view(*v));
        }
    }

    if (const json::Value* v = read.find("notes")) {
        if (!staff) {
            read.add(staff_only("notes"));
        } else {
            in.notes = read.text("notes", *v, kMaxNotesChars, TextKind::kMultiline);
        }
    }

    if (const json::Value* v = read.find("custom_fields")) {
        auto fields = parse_custom_fields(*v, staff);
        if (fields) {
            in.custom_fields = std::move(*fields);
        } else {
            for (auto& e : fields.error()) read.add(std::move(e));
        }
    }

    if (const json::Value* v = read.find("user_id")) {
        constexpr auto kMaxId = std::numeric_limits<std::int64_t>::max();
        if (!staff) {
            read.add(staff_only("user_id"));
        } else if (v->IsNull()) {
            in.user_id.emplace(std::nullopt);  // unlink
        } else if (v->IsInt64() && v->GetInt64() >= 1) {
            in.user_id.emplace(v->GetInt64());
        } else if (v->IsInt64()) {
            read.add(out_of_bounds("user_id", "user_id must be greater than or equal to 1"));
        } else if (v->IsUint64()) {
            read.add(out_of_bounds(
                "user_id", "user_id must be less than or equal to " + std::to_string(kMaxId)));
        } else {
            read.add(type_error("user_id", "integer,null"));
        }
    }

    if (!errors.empty()) return core::fail(std::move(errors));
    return in;
}

}  // namespace cartpress::plugins::storefront
