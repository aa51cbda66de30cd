#include "handlers/customer_change_handlers.hpp"

#include <openssl/evp.h>

#include <array>
#include <cartpress/core/log.hpp>
#include <cctype>
#include <cstdint>

#include "errors.hpp"
#include "handlers/db_errors.hpp"
#include "handlers/order_handlers.hpp"
#include "repositories/customer_change_repository.hpp"
#include "serialization/names.hpp"
#include "validation/customer_fields.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

// A snapshot that moved under us, or a deadlock, is retried from the lookup; more than a few in
// a row means heavy contention on one order, answered as a temporary failure.
constexpr int kAttempts = 3;

rest::RestResponse message_response(std::string_view message) {
    json::Document d;
    d.SetObject();
    d.AddMember("message", json::str(message, d.GetAllocator()), d.GetAllocator());
    return rest::RestResponse(std::move(d));
}

rest::RestError busy(const rest::RequestContext& ctx, std::string_view what) {
    core::log_warn("request " + ctx.request_id + ": customer change gave up: " + std::string(what));
    return rest::errors::db_unavailable();
}

bool retryable(const db::DbError& e) { return e.kind == db::DbError::Kind::kRetry; }

// PHP's empty(): null, false, 0, 0.0, "", "0" and empty arrays.
bool php_empty(const json::Value& v) {
    if (v.IsNull()) return true;
    if (v.IsBool()) return !v.GetBool();
    if (v.IsNumber()) return v.GetDouble() == 0.0;
    if (v.IsString()) return v.GetStringLength() == 0 || json::view(v) == "0";
    if (v.IsArray()) return v.Empty();
    if (v.IsObject()) return v.ObjectEmpty();
    return false;
}

// A canonical positive integer: a JSON integer, or a string of digits without sign or leading
// zero, at most 2^63−1 (spec §6 step 3, §10 #9).
std::optional<std::int64_t> canonical_id(const json::Value& v) {
    if (v.IsInt64())
        return v.GetInt64() > 0 ? std::optional<std::int64_t>(v.GetInt64()) : std::nullopt;
    if (v.IsString()) return parse_positive_id(json::view(v));
    return std::nullopt;
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

std::string hex(const unsigned char* bytes, std::size_t n) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

// wp_generate_uuid4(): 122 random bits in the 8-4-4-4-12 form.
std::string uuid4(core::Random& random) {
    std::array<std::uint8_t, 16> b{};
    random.fill(b);
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    const std::string h = hex(b.data(), b.size());
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

std::string md5_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_md5(), nullptr) != 1) {
        throw std::runtime_error("OpenSSL: md5 failed");
    }
    return hex(digest.data(), length);
}

// The row of spec §9.2 from a request that passed validation.
NewCustomer new_customer(const rest::RestRequest& request, NameMode mode, core::Random& random) {
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
    c.uuid = md5_hex(c.email + "_" + uuid4(random));
    c.exist_exclude_id = php_intval(request.param("id"));
    const auto* wp_user = request.param("wp_user");
    c.wp_user = wp_user && php_scalar_string(*wp_user) == std::optional<std::string>("yes");
    return c;
}

Actor actor(const std::optional<std::string>& display_name, const rest::RequestContext& ctx) {
    return Actor{ctx.user.id, display_name.value_or(ctx.user.login)};
}

rest::RestError email_exists() {
    ValidationErrors errors;
    errors.add("email", "exist", "Email already exists.");
    return errors.to_error();
}

}  // namespace

rest::HandlerResult change_customer(const FluentCartContext& fc, const rest::RestRequest& request,
                                    rest::RequestContext& ctx) {
    const auto* raw = request.param("customer_id");
    if (!raw || php_empty(*raw) || raw->IsArray() || raw->IsObject()) {
        return core::fail(message_error(423, "Customer id is required"));
    }
    const auto customer_id = canonical_id(*raw);
    if (!customer_id) {
        return core::fail(model_not_found("Customer", php_scalar_string(*raw).value_or("")));
    }
    const std::string order_text = request.string_param("order_id").value_or("");
    const std::int64_t order_id = parse_positive_id(order_text).value_or(0);

    auto repository = make_mariadb_customer_change_repository(ctx.db, fc.customer_change_queries);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        auto lookup = repository->lookup_change(order_id, *customer_id, ctx.user.id);
        if (!lookup) return core::fail(db_failure(lookup.error(), ctx));
        if (!lookup->order) return core::fail(model_not_found("Order", order_text));
        if (lookup->order->customer_id == customer_id) {
            return message_response("Customer is already attached to this order");
        }
        if (!lookup->customer_exists) {
            return core::fail(model_not_found("Customer", std::to_string(*customer_id)));
        }
        auto result = repository->change_customer(*lookup->order, *customer_id,
                                                  actor(lookup->actor_display_name, ctx),
                                                  ctx.clock.now_unix());
        if (!result) {
            if (retryable(result.error())) continue;
            return core::fail(db_failure(result.error(), ctx));
        }
        switch (result->outcome) {
            case ChangeOutcome::kChanged:
                return message_response("Customer changed successfully");
            case ChangeOutcome::kCustomerNotFound:
                return core::fail(model_not_found("Customer", std::to_string(*customer_id)));
            case ChangeOutcome::kOrderChanged:
                continue;
            case ChangeOutcome::kEmailExists:
            case ChangeOutcome::kBusy:
            case ChangeOutcome::kUserFailed:
                break;
        }
        return core::fail(plugin_exception("change_customer: unexpected outcome"));
    }
    return core::fail(busy(ctx, "change-customer retries exhausted"));
}

rest::HandlerResult create_and_change_customer(const FluentCartContext& fc,
                                               const rest::RestRequest& request,
                                               rest::RequestContext& ctx) {
    const ParamLookup param = [&request](std::string_view name) { return request.param(name); };
    const auto exist_value = exist_lookup_value(request.param("email"));
    const std::int64_t exclude_id = php_intval(request.param("id"));
    const std::string order_text = request.string_param("order_id").value_or("");
    const std::int64_t order_id = parse_positive_id(order_text).value_or(0);

    const WordPressUserCreation wp_user{fc.wordpress_user_queries, fc.hash_format,
                                        ctx.options.db_version, ctx.random};
    auto repository =
        make_mariadb_customer_change_repository(ctx.db, fc.customer_change_queries, &wp_user);
    std::optional<NewCustomer> customer;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        // Validation needs the store's name mode and the exist rule: one statement, which also
        // reads the order (checked only once the input is valid, spec §1.2).
        auto lookup = repository->lookup_create(
            order_id, exist_value ? std::optional<std::string_view>(*exist_value) : std::nullopt,
            exclude_id, ctx.user.id);
        if (!lookup) return core::fail(db_failure(lookup.error(), ctx));
        const NameMode mode = checkout_name_mode(lookup->checkout_fields);
        auto errors = validate_customer_fields(param, mode, lookup->email_exists);
        if (!errors.empty()) return core::fail(errors.to_error());
        if (!lookup->order) return core::fail(model_not_found("Order", order_text));

        if (!customer) customer = new_customer(request, mode, ctx.random);
        auto result = repository->create_and_change(*lookup->order, *customer,
                                                    actor(lookup->actor_display_name, ctx),
                                                    ctx.clock.now_unix());
        if (!result) {
            if (retryable(result.error())) continue;
            return core::fail(db_failure(result.error(), ctx));
        }
        switch (result->outcome) {
            case ChangeOutcome::kChanged:
                return message_response("Customer changed successfully");
            case ChangeOutcome::kEmailExists:
                return core::fail(email_exists());
            case ChangeOutcome::kBusy:
                return core::fail(busy(ctx, "email lock not granted within 5 s"));
            case ChangeOutcome::kUserFailed:
                return core::fail(message_error(423, "Failed to create user."));
            case ChangeOutcome::kOrderChanged:
                continue;
            case ChangeOutcome::kCustomerNotFound:
                break;
        }
        return core::fail(plugin_exception("create_and_change_customer: unexpected outcome"));
    }
    return core::fail(busy(ctx, "create-and-change-customer retries exhausted"));
}

}  // namespace cartpress::plugins::fluent_cart
