#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/customer_address.hpp"
#include "domain/order_graph.hpp"

namespace cartpress::plugins::fluent_cart {

// A customer's addresses, `{p}fct_customer_addresses` (spec §8.6). Every write is one READ
// COMMITTED transaction that first locks the customer row: the writes of one customer's
// addresses (and the customer changes of §9.1, which lock both customers before they move
// addresses) run one after another, so "no primary of that type yet", "at least one address
// remains" and "only this one is primary" hold when the transaction commits. Lock order:
// customer, then its addresses by id, as the customer change does.
class CustomerAddressRepository {
public:
    virtual ~CustomerAddressRepository() = default;

    // Records in kListCustomerAddressColumns order, primary first, then newest first. Every
    // address: no limit. `type`: only that type. No customer check (an unknown one has none).
    virtual core::Result<std::vector<Record>, db::DbError> list(
        std::int64_t customer_id, std::optional<std::string_view> type) = 0;

    // Inserts the address, primary when the customer has no primary address of its type.
    // kCustomerNotFound: no such customer (nothing written).
    virtual core::Result<CreatedAddress, db::DbError> create(std::int64_t customer_id,
                                                             const AddressForm& form,
                                                             std::int64_t now_unix) = 0;

    // Writes every form field of the customer's address `address_id` (the full replacement of
    // spec §8.6, is_primary included) and re-reads it. kNotFound: not this customer's.
    virtual core::Result<UpdatedAddress, db::DbError> update(std::int64_t customer_id,
                                                             std::int64_t address_id,
                                                             const AddressForm& form,
                                                             std::int64_t now_unix) = 0;

    // Deletes the customer's address unless it is not the customer's (kNotFound), is a primary
    // address (kPrimary) or is the customer's only address (kLastAddress).
    virtual core::Result<AddressDeleteOutcome, db::DbError> remove(std::int64_t customer_id,
                                                                   std::int64_t address_id) = 0;

    // Makes the customer's address `address_id` of `type` the only primary of that type (the
    // others of that type lose the flag). kNotFound: no such address of that customer and
    // type; nothing changes, the old primary stays (spec §10 #14).
    virtual core::Result<MakePrimaryOutcome, db::DbError> make_primary(std::int64_t customer_id,
                                                                       std::int64_t address_id,
                                                                       std::string_view type,
                                                                       std::int64_t now_unix) = 0;
};

// SQL for one table prefix, built once at startup (prepared statements are cached by text).
struct CustomerAddressQueries {
    explicit CustomerAddressQueries(const std::string& table_prefix);
    std::string list;
    std::string list_of_type;
    std::string lock_customer;
    std::string insert;
    std::string lock_address;
    std::string update;
    std::string read;
    std::string lock_addresses;
    std::string remove;
    std::string lock_addresses_of_type;
    std::string make_primary;
};

std::unique_ptr<CustomerAddressRepository> make_mariadb_customer_address_repository(
    db::Session& session, const CustomerAddressQueries& queries);

}  // namespace cartpress::plugins::fluent_cart
