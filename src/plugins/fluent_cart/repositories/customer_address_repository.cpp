#include "repositories/customer_address_repository.hpp"

#include <cartpress/db/transaction.hpp>

#include "domain/order_list.hpp"
#include "repositories/customer_change_repository.hpp"
#include "repositories/sql_columns.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

db::Param text_or_null(const std::optional<std::string>& v) {
    return v ? db::Param(std::string_view(*v)) : db::Param(nullptr);
}

class MariaDbCustomerAddressRepository final : public CustomerAddressRepository {
public:
    MariaDbCustomerAddressRepository(db::Session& session, const CustomerAddressQueries& queries)
        : session_(session), q_(queries) {}

    core::Result<std::vector<Record>, db::DbError> list(
        std::int64_t customer_id, std::optional<std::string_view> type) override {
        auto rows = type ? session_.query(q_.list_of_type, {customer_id, *type})
                         : session_.query(q_.list, {customer_id});
        if (!rows) return core::fail(rows.error());
        std::vector<Record> out;
        out.reserve(rows->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            out.push_back(read_record((*rows)[i], 0, kListCustomerAddressColumns.size()));
        }
        return out;
    }

    core::Result<CreatedAddress, db::DbError> create(std::int64_t customer_id, const AddressForm& f,
                                                     std::int64_t now_unix) override {
        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());
        auto customer = lock_customer(customer_id);
        if (!customer) return core::fail(customer.error());
        if (!*customer) return CreatedAddress{AddressCreateOutcome::kCustomerNotFound};

        const std::string now = mysql_datetime(now_unix);
        const auto meta = address_meta_with_company(std::nullopt, f.company_name);
        const std::vector<db::Param> insert = {customer_id,
                                               customer_id,
                                               std::string_view(f.type),
                                               std::string_view(f.type),
                                               std::string_view(f.label),
                                               std::string_view(f.name),
                                               std::string_view(f.address_1),
                                               std::string_view(f.address_2),
                                               std::string_view(f.city),
                                               std::string_view(f.state),
                                               std::string_view(f.phone),
                                               std::string_view(f.email),
                                               std::string_view(f.postcode),
                                               std::string_view(f.country),
                                               text_or_null(meta),
                                               std::string_view(now),
                                               std::string_view(now)};
        auto inserted = session_.query(q_.insert, insert);
        if (!inserted) return core::fail(inserted.error());
        if (inserted->empty()) {
            return core::fail(
                db::DbError{db::DbError::Kind::kInternal, 0, "INSERT returned no id"});
        }
        CreatedAddress out{AddressCreateOutcome::kCreated, (*inserted)[0].i64(0),
                           (*inserted)[0].i64(1) != 0};
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return out;
    }

    core::Result<UpdatedAddress, db::DbError> update(std::int64_t customer_id,
                                                     std::int64_t address_id, const AddressForm& f,
                                                     std::int64_t now_unix) override {
        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());
        auto customer = lock_customer(customer_id);
        if (!customer) return core::fail(customer.error());
        if (!*customer) return UpdatedAddress{AddressUpdateOutcome::kNotFound};
        auto locked = session_.query(q_.lock_address, {address_id, customer_id});
        if (!locked) return core::fail(locked.error());
        if (locked->empty()) return UpdatedAddress{AddressUpdateOutcome::kNotFound};

        UpdatedAddress out;
        out.type_before = (*locked)[0].str(0);
        const auto stored_meta = (*locked)[0].get(1);
        const auto meta = address_meta_with_company(
            stored_meta ? std::optional<std::string>(*stored_meta) : std::nullopt, f.company_name);
        const std::string now = mysql_datetime(now_unix);
        const std::vector<db::Param> update = {std::int64_t{f.is_primary ? 1 : 0},
                                               std::string_view(f.type),
                                               std::string_view(f.label),
                                               std::string_view(f.name),
                                               std::string_view(f.address_1),
                                               std::string_view(f.address_2),
                                               std::string_view(f.city),
                                               std::string_view(f.state),
                                               std::string_view(f.phone),
                                               std::string_view(f.email),
                                               std::string_view(f.postcode),
                                               std::string_view(f.country),
                                               text_or_null(meta),
                                               std::string_view(now),
                                               address_id};
        auto written = session_.execute(q_.update, update);
        if (!written) return core::fail(written.error());
        auto read = session_.query(q_.read, {address_id});
        if (!read) return core::fail(read.error());
        if (read->empty()) {
            return core::fail(db::DbError{db::DbError::Kind::kInternal, 0, "address vanished"});
        }
        out.address = read_record((*read)[0], 0, kListCustomerAddressColumns.size());
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return out;
    }

    core::Result<AddressDeleteOutcome, db::DbError> remove(std::int64_t customer_id,
                                                           std::int64_t address_id) override {
        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());
        auto customer = lock_customer(customer_id);
        if (!customer) return core::fail(customer.error());
        if (!*customer) return AddressDeleteOutcome::kNotFound;
        auto addresses = session_.query(q_.lock_addresses, {customer_id});
        if (!addresses) return core::fail(addresses.error());
        std::optional<bool> primary;
        for (std::size_t i = 0; i < addresses->size(); ++i) {
            if ((*addresses)[i].i64(0) == address_id) primary = (*addresses)[i].i64(1) != 0;
        }
        if (!primary) return AddressDeleteOutcome::kNotFound;
        if (*primary) return AddressDeleteOutcome::kPrimary;
        if (addresses->size() <= 1) return AddressDeleteOutcome::kLastAddress;
        auto removed = session_.execute(q_.remove, {address_id, customer_id});
        if (!removed) return core::fail(removed.error());
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return AddressDeleteOutcome::kDeleted;
    }

    core::Result<MakePrimaryOutcome, db::DbError> make_primary(std::int64_t customer_id,
                                                               std::int64_t address_id,
                                                               std::string_view type,
                                                               std::int64_t now_unix) override {
        db::Transaction tx(session_, db::Isolation::kReadCommitted);
        if (!tx.started()) return core::fail(tx.started().error());
        auto customer = lock_customer(customer_id);
        if (!customer) return core::fail(customer.error());
        if (!*customer) return MakePrimaryOutcome::kNotFound;
        auto of_type = session_.query(q_.lock_addresses_of_type, {customer_id, type});
        if (!of_type) return core::fail(of_type.error());
        bool found = false;
        for (std::size_t i = 0; i < of_type->size(); ++i) {
            found = found || (*of_type)[i].i64(0) == address_id;
        }
        // Checked before anything is written, so a bad id leaves the old primary in place
        // (FluentCart clears the type's primaries first, spec §10 #14).
        if (!found) return MakePrimaryOutcome::kNotFound;
        const std::string now = mysql_datetime(now_unix);
        auto written = session_.execute(
            q_.make_primary, {address_id, std::string_view(now), customer_id, type, address_id});
        if (!written) return core::fail(written.error());
        if (auto committed = tx.commit(); !committed) return core::fail(committed.error());
        return MakePrimaryOutcome::kDone;
    }

private:
    // The customer row, locked until the transaction ends; false when there is none.
    core::Result<bool, db::DbError> lock_customer(std::int64_t customer_id) {
        auto rows = session_.query(q_.lock_customer, {customer_id});
        if (!rows) return core::fail(rows.error());
        return !rows->empty();
    }

    db::Session& session_;
    const CustomerAddressQueries& q_;
};

}  // namespace

CustomerAddressQueries::CustomerAddressQueries(const std::string& p) {
    const std::string addresses = p + "fct_customer_addresses";
    const std::string columns = select_columns(kListCustomerAddressColumns, "a");
    // FluentCart orders only by is_primary; id DESC makes the ties deterministic and matches
    // its answers (spec §8.6).
    list = "SELECT " + columns + " FROM " + addresses +
           " a WHERE a.customer_id = ? ORDER BY a.is_primary DESC, a.id DESC";
    list_of_type =
        "SELECT " + columns + " FROM " + addresses +
        " a WHERE a.customer_id = ? AND a.type = ? ORDER BY a.is_primary DESC, a.id DESC";
    lock_customer = "SELECT id FROM " + p + "fct_customers WHERE id = ? FOR UPDATE";
    // The primary decision and the insert in one statement, under the customer's lock.
    insert = "INSERT INTO " + addresses +
             " (customer_id, is_primary, type, status, label, name, address_1, address_2, city, "
             "state, phone, email, postcode, country, meta, created_at, updated_at) SELECT ?, NOT "
             "EXISTS(SELECT 1 FROM " +
             addresses +
             " x WHERE x.customer_id = ? AND x.type = ? AND x.is_primary <> 0), ?, 'active', ?, ?, "
             "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL RETURNING id, is_primary";
    lock_address =
        "SELECT type, meta FROM " + addresses + " WHERE id = ? AND customer_id = ? FOR UPDATE";
    update = "UPDATE " + addresses +
             " SET is_primary = ?, type = ?, label = ?, name = ?, address_1 = ?, address_2 = ?, "
             "city = ?, state = ?, phone = ?, email = ?, postcode = ?, country = ?, meta = ?, "
             "updated_at = ? WHERE id = ?";
    read = "SELECT " + columns + " FROM " + addresses + " a WHERE a.id = ?";
    lock_addresses =
        "SELECT id, is_primary FROM " + addresses + " WHERE customer_id = ? ORDER BY id FOR UPDATE";
    remove = "DELETE FROM " + addresses + " WHERE id = ? AND customer_id = ?";
    lock_addresses_of_type = "SELECT id FROM " + addresses +
                             " WHERE customer_id = ? AND type = ? ORDER BY id FOR UPDATE";
    // Only rows whose flag changes are written (and get a new updated_at).
    make_primary = "UPDATE " + addresses +
                   " SET is_primary = IF(id = ?, 1, 0), updated_at = ? WHERE customer_id = ? AND "
                   "type = ? AND is_primary <> IF(id = ?, 1, 0)";
}

std::unique_ptr<CustomerAddressRepository> make_mariadb_customer_address_repository(
    db::Session& session, const CustomerAddressQueries& queries) {
    return std::make_unique<MariaDbCustomerAddressRepository>(session, queries);
}

}  // namespace cartpress::plugins::fluent_cart
