#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartpress::plugins::storefront {

// A {p}cartpress_customer_subscriptions row (spec §10.2): an email's subscription to a list
// such as "Newsletter", with or without a customer.
struct SubscriptionRecord {
    std::int64_t id = 0;
    std::string email;
    std::string email_key;
    std::string reference;
    std::optional<std::int64_t> customer_id;
    std::optional<std::string> created_at;
};

struct SubscriptionPage {
    std::int64_t total = 0;
    std::vector<SubscriptionRecord> subscriptions;
};

struct SubscriptionQueries {
    explicit SubscriptionQueries(const std::string& table_prefix);
    std::string insert;
    std::string find_key;
    std::string find_id;
    std::string remove;
    std::string count;
    std::string page;
    std::string attach_customer;
};

class SubscriptionRepository {
public:
    SubscriptionRepository(db::Session& session, const SubscriptionQueries& queries)
        : session_(session), q_(queries) {}

    // Inserts unless (email_key, reference) exists (the unique key decides, so two concurrent
    // sign-ups make one row; reference compares case-insensitively). Returns the row and
    // whether it is new.
    struct Upsert {
        SubscriptionRecord row;
        bool created = false;
    };
    core::Result<Upsert, db::DbError> subscribe(std::string_view email, std::string_view email_key,
                                                std::string_view reference,
                                                std::optional<std::int64_t> customer_id,
                                                std::string_view now);
    core::Result<std::optional<SubscriptionRecord>, db::DbError> find(std::int64_t id);
    core::Result<void, db::DbError> remove(std::int64_t id);
    // Filters: empty = any. By id.
    core::Result<SubscriptionPage, db::DbError> page(std::string_view email_key,
                                                     std::string_view reference, std::int64_t limit,
                                                     std::int64_t offset);

private:
    db::Session& session_;
    const SubscriptionQueries& q_;
};

// Rows of this email key without a customer get it (a customer created later, spec §10.2).
core::Result<void, db::DbError> attach_subscriptions(db::Session& session,
                                                     const SubscriptionQueries& queries,
                                                     std::string_view email_key,
                                                     std::int64_t customer_id);

}  // namespace cartpress::plugins::storefront
