#include "storefront/repositories/address_repository.hpp"

namespace cartpress::plugins::storefront {
namespace {

AddressRecord read_address(const db::Rows::Row& r) {
    AddressRecord a;
    a.id = r.i64(0);
    a.customer_id = r.i64(1);
    a.type = r.str(2);
    a.is_primary = r.i64(3) != 0;
    a.label = r.str(4);
    a.name = r.str(5);
    a.company_name = r.str(6);
    a.email = r.str(7);
    a.phone = r.str(8);
    a.address_1 = r.str(9);
    a.address_2 = r.str(10);
    a.city = r.str(11);
    a.state = r.str(12);
    a.postcode = r.str(13);
    a.country = r.str(14);
    if (!r.is_null(15)) a.created_at = r.str(15);
    if (!r.is_null(16)) a.updated_at = r.str(16);
    return a;
}

}  // namespace

AddressQueries::AddressQueries(const std::string& p) {
    const std::string table = p + "fct_customer_addresses";
    const std::string columns =
        "SELECT id, customer_id, type, is_primary, label, name, "
        "COALESCE(JSON_UNQUOTE(JSON_EXTRACT(meta, '$.other_data.company_name')), ''), email, "
        "phone, address_1, address_2, city, state, postcode, country, created_at, updated_at "
        "FROM " +
        table;
    count = "SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?";
    page = columns + " WHERE customer_id = ? ORDER BY id LIMIT ? OFFSET ?";
    find = columns + " WHERE customer_id = ? AND id = ?";
    lock_customer = "SELECT id FROM " + p + "fct_customers WHERE id = ? FOR UPDATE";
    has_primary = "SELECT EXISTS(SELECT 1 FROM " + table +
                  " WHERE customer_id = ? AND type = ? AND is_primary = 1)";
    demote = "UPDATE " + table +
             " SET is_primary = 0, updated_at = ? WHERE customer_id = ? AND type = ? AND "
             "is_primary = 1 AND id <> ?";
    // company_name goes into meta.other_data, keeping whatever else FluentCart stored there.
    const std::string meta_with_company =
        "JSON_SET(COALESCE(meta, '{}'), '$.other_data', JSON_MERGE_PATCH(COALESCE(JSON_EXTRACT("
        "meta, '$.other_data'), '{}'), JSON_OBJECT('company_name', ?)))";
    insert = "INSERT INTO " + table +
             " (customer_id, is_primary, type, status, label, name, address_1, address_2, city, "
             "state, phone, email, postcode, country, meta, created_at, updated_at) VALUES (?, ?, "
             "?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, JSON_OBJECT('other_data', "
             "JSON_OBJECT('company_name', ?)), ?, ?)";
    update = "UPDATE " + table +
             " SET is_primary = ?, label = ?, name = ?, address_1 = ?, address_2 = ?, city = ?, "
             "state = ?, phone = ?, email = ?, postcode = ?, country = ?, meta = " +
             meta_with_company + ", status = 'active', updated_at = ? WHERE id = ?";
    remove = "DELETE FROM " + table + " WHERE id = ?";
    promote_latest = "UPDATE " + table +
                     " SET is_primary = 1 WHERE customer_id = ? AND type = ? ORDER BY updated_at "
                     "DESC, id DESC LIMIT 1";
}

core::Result<AddressPage, db::DbError> AddressRepository::page(std::int64_t customer_id,
                                                               std::int64_t limit,
                                                               std::int64_t offset) {
    auto count = session_.query(q_.count, {customer_id});
    if (!count) return core::fail(count.error());
    AddressPage out;
    out.total = count->empty() ? 0 : (*count)[0].i64(0);
    auto rows = session_.query(q_.page, {customer_id, limit, offset});
    if (!rows) return core::fail(rows.error());
    for (std::size_t i = 0; i < rows->size(); ++i)
        out.addresses.push_back(read_address((*rows)[i]));
    return out;
}

core::Result<std::optional<AddressRecord>, db::DbError> AddressRepository::find(
    std::int64_t customer_id, std::int64_t address_id, bool for_update) {
    auto rows =
        session_.query(for_update ? q_.find + " FOR UPDATE" : q_.find, {customer_id, address_id});
    if (!rows) return core::fail(rows.error());
    if (rows->empty()) return std::optional<AddressRecord>();
    return std::optional<AddressRecord>(read_address((*rows)[0]));
}

core::Result<bool, db::DbError> AddressRepository::lock_customer(std::int64_t customer_id) {
    auto rows = session_.query(q_.lock_customer, {customer_id});
    if (!rows) return core::fail(rows.error());
    return !rows->empty();
}

core::Result<bool, db::DbError> AddressRepository::has_primary(std::int64_t customer_id,
                                                               std::string_view type) {
    auto rows = session_.query(q_.has_primary, {customer_id, type});
    if (!rows) return core::fail(rows.error());
    return !rows->empty() && (*rows)[0].i64(0) != 0;
}

core::Result<void, db::DbError> AddressRepository::demote_others(std::int64_t customer_id,
                                                                 std::string_view type,
                                                                 std::int64_t keep_id,
                                                                 std::string_view now) {
    auto done = session_.execute(q_.demote, {now, customer_id, type, keep_id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<std::int64_t, db::DbError> AddressRepository::insert(const AddressRecord& a,
                                                                  std::string_view now) {
    auto done = session_.execute(
        q_.insert,
        {a.customer_id, std::int64_t{a.is_primary ? 1 : 0}, std::string_view(a.type),
         std::string_view(a.label), std::string_view(a.name), std::string_view(a.address_1),
         std::string_view(a.address_2), std::string_view(a.city), std::string_view(a.state),
         std::string_view(a.phone), std::string_view(a.email), std::string_view(a.postcode),
         std::string_view(a.country), std::string_view(a.company_name), now, now});
    if (!done) return core::fail(done.error());
    auto id = session_.last_insert_id();
    if (!id) return core::fail(id.error());
    return static_cast<std::int64_t>(*id);
}

core::Result<void, db::DbError> AddressRepository::update(const AddressRecord& a,
                                                          std::string_view now) {
    auto done = session_.execute(
        q_.update,
        {std::int64_t{a.is_primary ? 1 : 0}, std::string_view(a.label), std::string_view(a.name),
         std::string_view(a.address_1), std::string_view(a.address_2), std::string_view(a.city),
         std::string_view(a.state), std::string_view(a.phone), std::string_view(a.email),
         std::string_view(a.postcode), std::string_view(a.country),
         std::string_view(a.company_name), now, a.id});
    if (!done) return core::fail(done.error());
    return {};
}

core::Result<void, db::DbError> AddressRepository::remove(std::int64_t address_id) {
    auto done = session_.execute(q_.remove, {address_id});
    if (!done) return core::fail(done.error());
    return {};
}

// The promoted row keeps its updated_at: that is what chose it.
core::Result<void, db::DbError> AddressRepository::promote_latest(std::int64_t customer_id,
                                                                  std::string_view type) {
    auto done = session_.execute(q_.promote_latest, {customer_id, type});
    if (!done) return core::fail(done.error());
    return {};
}

}  // namespace cartpress::plugins::storefront
