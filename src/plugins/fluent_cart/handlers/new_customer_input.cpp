#include "handlers/new_customer_input.hpp"

#include <array>
#include <cartpress/core/digest.hpp>
#include <cctype>
#include <cstdint>
#include <string>

#include "serialization/names.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// wp_generate_uuid4(): 122 random bits in the 8-4-4-4-12 form.
std::string uuid4(core::Random& random) {
    std::array<std::uint8_t, 16> b{};
    random.fill(b);
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    const std::string h = core::hex(b);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

}  // namespace

std::string customer_uuid(std::string_view email, core::Random& random) {
    return core::hex(core::md5(std::string(email) + "_" + uuid4(random)));
}

NewCustomer customer_form(const rest::RestRequest& request, NameMode mode) {
    const auto text = [&](std::string_view name) {
        return sanitize_text_field(request.param(name));
    };
    NewCustomer c;
    c.email = php_scalar_string(*request.param("email")).value_or("");
    if (mode == NameMode::kFullName) {
        auto parts = split_full_name(php_scalar_string(*request.param("full_name")).value_or(""));
        c.first_name = std::move(parts.first);
        c.last_name = std::move(parts.last);
    } else {
        c.first_name = text("first_name");
        c.last_name = text("last_name");
    }
    c.status = text("status");
    c.aov = text("aov");
    if (c.aov.empty()) c.aov = "0.00";
    c.notes = sanitize_text_field(request.param("notes"), true);
    c.country = text("country");
    c.city = text("city");
    c.state = text("state");
    c.postcode = text("postcode");
    c.exist_exclude_id = php_intval(request.param("id"));
    const auto* wp_user = request.param("wp_user");
    c.wp_user = wp_user && php_scalar_string(*wp_user) == std::optional<std::string>("yes");
    return c;
}

NewCustomer new_customer_from(const rest::RestRequest& request, NameMode mode,
                              core::Random& random) {
    NewCustomer c = customer_form(request, mode);
    c.uuid = customer_uuid(c.email, random);
    return c;
}

// PHP's (int) cast, for the `id` the exist rule skips.
std::int64_t php_intval(const json::Value* v) {
    if (!v) return 0;
    if (v->IsInt64()) return v->GetInt64();
    if (v->IsBool()) return v->GetBool() ? 1 : 0;
    if (v->IsDouble()) {
        const double d = v->GetDouble();
        return d > -9.2e18 && d < 9.2e18 ? static_cast<std::int64_t>(d) : 0;
    }
    if (!v->IsString()) return 0;
    std::string_view s = json::view(*v);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::int64_t out = 0;
    for (const char c : s) {
        if (c < '0' || c > '9' || out > (INT64_MAX - 9) / 10) break;
        out = out * 10 + (c - '0');
    }
    return negative ? -out : out;
}

rest::RestError email_exists_error() {
    ValidationErrors errors;
    errors.add("email", "exist", "Email already exists.");
    return errors.to_error();
}

rest::RestError user_creation_failed_error() {
    return resource_error(423, "Failed to create user.");
}

}  // namespace cartpress::plugins::fluent_cart
