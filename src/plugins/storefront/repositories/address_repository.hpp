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

// A {p}fct_customer_addresses row (spec §5.2); company_name lives in meta.other_data.
struct AddressRecord {
    std::int64_t id = 0;
    std::int64_t customer_id = 0;
    std::string type;
    bool is_primary = false;
    std::string label;
    std::string name;
    std::string company_name;
    std::string email;
    std::string phone;
    std::string address_1;
    std::string address_2;
    std::string city;
    std::string state;
    std::string postcode;
    std::string country;
    std::optional<std::string> created_at;
    std::optional<std::string> updated_at;
};

struct AddressPage {
    std::int64_t total = 0;
    std::vector<AddressRecord> addresses;
};

struct AddressQueries {
    explicit AddressQueries(const std::string& table_prefix);
    std::string count;
    std::string page;
    std::string find;
    std::string lock_customer;
    std::string has_primary;
    std::string demote;
    std::string insert;
    std::string update;
    std::string remove;
    std::string promote_latest;
};

// Every write runs inside the caller's transaction, after lock_customer: one customer's
// primary flags change one request at a time.
class AddressRepository {
public:
    AddressRepository(db::Session& session, const AddressQueries& queries)
        : session_(session), q_(queries) {}

    // By id (no limit on how many a customer has; the caller pages).
    core::Result<AddressPage, db::DbError> page(std::int64_t customer_id, std::int64_t limit,
                                                std::int64_t offset);
    // The address when it is this customer's (another customer's address looks missing).
    core::Result<std::optional<AddressRecord>, db::DbError> find(std::int64_t customer_id,
                                                                 std::int64_t address_id,
                                                                 bool for_update = false);
    // Locks the customer row; false when there is none.
    core::Result<bool, db::DbError> lock_customer(std::int64_t customer_id);
    core::Result<bool, db::DbError> has_primary(std::int64_t customer_id, std::string_view type);
    // Every primary of this type but `keep_id` loses the flag.
    core::Result<void, db::DbError> demote_others(std::int64_t customer_id, std::string_view type,
                                                  std::int64_t keep_id, std::string_view now);
    // Returns the new id. Status is always `active`.
    core::Result<std::int64_t, db::DbError> insert(const AddressRecord& a, std::string_view now);
    core::Result<void, db::DbError> update(const AddressRecord& a, std::string_view now);
    core::Result<void, db::DbError> remove(std::int64_t address_id);
    // The most recently updated address of the type becomes primary (after deleting one).
    core::Result<void, db::DbError> promote_latest(std::int64_t customer_id, std::string_view type);

private:
    db::Session& session_;
    const AddressQueries& q_;
};

}  // namespace cartpress::plugins::storefront
