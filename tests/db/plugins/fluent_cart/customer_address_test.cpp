// Customer addresses (fluent-cart-v2.md §8.6) against a real MariaDB: the list's order and
// size, when a new address becomes primary, the full replacement of an update, the delete
// rules, make-primary (a bad id keeps the old primary, §10 #14), and atomicity: a failure at
// the write or at COMMIT leaves every row as it was. Each case gets its own store.

#include <boost/test/unit_test.hpp>
#include <functional>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "db/db_world.hpp"
#include "db/scratch_store.hpp"
#include "repositories/customer_address_repository.hpp"
#include "support/failing_session.hpp"
#include "support/store_fixtures.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using test::DbWorld;

constexpr const char* kDatabase = "cp_address";
constexpr std::int64_t kNow = 1800000000;  // 2027-01-15 08:00:00 UTC
constexpr const char* kNowText = "2027-01-15 08:00:00";
constexpr const char* kSeedTime = "2026-11-26 11:27:23";

// Every column of an address, for before/after comparisons.
constexpr const char* kRow =
    "CONCAT_WS('|', id, customer_id, is_primary, type, status, label, name, address_1, "
    "address_2, city, state, phone, email, postcode, country, IFNULL(meta, 'NULL'), created_at, "
    "updated_at)";

struct Store : test::ScratchStore {
    Store() : ScratchStore(kDatabase), queries("wp_") {}

    std::string checksum() const { return value("CHECKSUM TABLE wp_fct_customer_addresses"); }
    std::string row(std::int64_t id) const {
        return value(std::string("SELECT ") + kRow +
                     " FROM wp_fct_customer_addresses WHERE id = " + std::to_string(id));
    }
    // "id:is_primary,…" of a customer's addresses by id.
    std::string flags(std::int64_t customer) const {
        return value(
            "SELECT IFNULL(GROUP_CONCAT(id, ':', is_primary ORDER BY id), '') FROM "
            "wp_fct_customer_addresses WHERE customer_id = " +
            std::to_string(customer));
    }
    // A customer of the test's own, without addresses.
    void add_customer(std::int64_t id) const {
        exec(
            "INSERT INTO wp_fct_customers (id, email, first_name, last_name, notes, created_at, "
            "updated_at) VALUES (" +
            std::to_string(id) + ", 'c" + std::to_string(id) +
            "@example.com', 'Test', 'Customer', '', NOW(), NOW())");
    }
    std::unique_ptr<CustomerAddressRepository> repository(db::Session& s) const {
        return make_mariadb_customer_address_repository(s, queries);
    }
    std::unique_ptr<CustomerAddressRepository> repository() const { return repository(*session); }

    CustomerAddressQueries queries;
};

AddressForm office(std::string type = "billing") {
    AddressForm f;
    f.type = std::move(type);
    f.label = "Office";
    f.name = "Alice Anderson";
    f.address_1 = "500 Fifth Ave";
    f.address_2 = "Floor 3";
    f.city = "New York";
    f.state = "NY";
    f.phone = "+15551234567";
    f.email = "alice@example.com";
    f.postcode = "10110";
    f.country = "US";
    return f;
}

std::vector<std::string> ids(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.at(0).value_or("NULL"));
    return out;
}

int outcome(AddressDeleteOutcome o) { return static_cast<int>(o); }

}  // namespace

BOOST_AUTO_TEST_SUITE(fluent_cart)
BOOST_AUTO_TEST_SUITE(customer_address)

BOOST_AUTO_TEST_CASE(list_is_primary_first_then_newest_and_filters_by_type) {
    Store s;
    s.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name, meta) "
        "VALUES (20, 1, 0, 'billing', 'B20', NULL), (21, 1, 0, 'shipping', 'S21', "
        "'{\"other_data\":{\"company_name\":\"Acme\"}}'), (22, 1, 0, 'billing', 'B22', NULL)");
    auto all = s.repository()->list(1, std::nullopt);
    BOOST_REQUIRE(all.has_value());
    BOOST_TEST(ids(*all) == (std::vector<std::string>{"2", "1", "22", "21", "20"}),
               boost::test_tools::per_element());
    // Columns in kListCustomerAddressColumns order, NULL kept.
    const Record& first = all->front();
    BOOST_TEST(first.size() == 18u);
    BOOST_TEST(first.at(1).value_or("NULL") == "1");
    BOOST_TEST(first.at(3).value_or("NULL") == "shipping");
    BOOST_TEST(first.at(15).value_or("NULL") == "NULL");  // meta
    BOOST_TEST(all->at(3).at(15).value_or("NULL") == R"({"other_data":{"company_name":"Acme"}})");

    auto billing = s.repository()->list(1, std::string_view("billing"));
    BOOST_REQUIRE(billing.has_value());
    BOOST_TEST(ids(*billing) == (std::vector<std::string>{"1", "22", "20"}),
               boost::test_tools::per_element());
    auto other = s.repository()->list(1, std::string_view("office"));
    BOOST_REQUIRE(other.has_value());
    BOOST_TEST(other->empty());
    // An unknown customer simply has none.
    auto none = s.repository()->list(999999, std::nullopt);
    BOOST_REQUIRE(none.has_value());
    BOOST_TEST(none->empty());
}

BOOST_AUTO_TEST_CASE(list_returns_thirty_addresses_without_a_limit) {
    Store s;
    s.add_customer(100);
    std::string values;
    for (int i = 1; i <= 30; ++i) {
        values += std::string(i > 1 ? ", " : "") + "(" + std::to_string(1000 + i) + ", 100, " +
                  (i == 7 ? "1" : "0") + ", '" + (i % 2 ? "billing" : "shipping") + "', 'N" +
                  std::to_string(i) + "')";
    }
    s.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name) "
        "VALUES " +
        values);
    auto all = s.repository()->list(100, std::nullopt);
    BOOST_REQUIRE(all.has_value());
    BOOST_TEST(all->size() == 30u);
    std::vector<std::string> expected{"1007"};
    for (int i = 30; i >= 1; --i) {
        if (i != 7) expected.push_back(std::to_string(1000 + i));
    }
    BOOST_TEST(ids(*all) == expected, boost::test_tools::per_element());
    auto billing = s.repository()->list(100, std::string_view("billing"));
    BOOST_REQUIRE(billing.has_value());
    BOOST_TEST(billing->size() == 15u);
}

BOOST_AUTO_TEST_CASE(create_is_primary_only_without_a_primary_of_its_type) {
    Store s;
    s.add_customer(100);
    auto r = s.repository()->create(100, office(), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(AddressCreateOutcome::kCreated));
    BOOST_TEST(r->id == 9);  // the store's next id
    BOOST_TEST(r->is_primary);
    BOOST_TEST(s.row(9) == std::string("9|100|1|billing|active|Office|Alice Anderson|500 Fifth "
                                       "Ave|Floor 3|New York|NY|+15551234567|alice@example.com|"
                                       "10110|US|NULL|") +
                               kNowText + "|" + kNowText);

    AddressForm second = office();
    second.company_name = "Acme \"Q\"";
    r = s.repository()->create(100, second, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(r->id == 10);
    BOOST_TEST(!r->is_primary);
    BOOST_TEST(s.value("SELECT meta FROM wp_fct_customer_addresses WHERE id = 10") ==
               R"({"other_data":{"company_name":"Acme \"Q\""}})");

    r = s.repository()->create(100, office("shipping"), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(r->is_primary);
    BOOST_TEST(s.flags(100) == "9:1,10:0,11:1");

    // Customer 1 has primaries of both types (capture 45).
    r = s.repository()->create(1, office(), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(!r->is_primary);

    // An unknown customer: nothing written.
    const auto before = s.checksum();
    r = s.repository()->create(999999, office(), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) ==
               static_cast<int>(AddressCreateOutcome::kCustomerNotFound));
    BOOST_TEST(s.checksum() == before);
}

BOOST_AUTO_TEST_CASE(concurrent_first_addresses_make_exactly_one_primary) {
    Store s;
    s.add_customer(100);
    constexpr int kThreads = 8;
    std::vector<std::unique_ptr<db::Session>> sessions;
    for (int i = 0; i < kThreads; ++i) {
        sessions.push_back(db::Session::create(DbWorld::get().db->connection(kDatabase)));
    }
    std::latch start(kThreads);
    std::vector<int> primaries(kThreads, -1);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            db::ThreadGuard guard;
            auto repository = s.repository(*sessions[static_cast<std::size_t>(i)]);
            start.arrive_and_wait();
            auto r = repository->create(100, office(), kNow);
            primaries[static_cast<std::size_t>(i)] = r ? (r->is_primary ? 1 : 0) : -1;
        });
    }
    for (auto& t : threads) t.join();
    int primary = 0;
    for (int p : primaries) {
        BOOST_TEST(p != -1);
        primary += p == 1 ? 1 : 0;
    }
    BOOST_TEST(primary == 1);
    BOOST_TEST(s.value("SELECT CONCAT(COUNT(*), ':', SUM(is_primary)) FROM "
                       "wp_fct_customer_addresses WHERE customer_id = 100") == "8:1");
}

BOOST_AUTO_TEST_CASE(update_replaces_every_field_of_the_customers_own_address) {
    Store s;
    s.exec(
        "UPDATE wp_fct_customer_addresses SET meta = '{\"other_data\":{\"x\":\"y\"}}' "
        "WHERE id = 2");
    const auto before = s.checksum();
    // Address 2 is Alice's (customer 1): not reachable through Bob (customer 2) nor an unknown
    // customer (§10 #13).
    auto r = s.repository()->update(2, 2, office(), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(AddressUpdateOutcome::kNotFound));
    r = s.repository()->update(999999, 2, office(), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(AddressUpdateOutcome::kNotFound));
    r = s.repository()->update(1, 999999, office(), kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(AddressUpdateOutcome::kNotFound));
    BOOST_TEST(s.checksum() == before);

    // Full replacement: the form's blank fields are written blank, is_primary included
    // (FluentCart's default 0), the type changes, other meta keys stay.
    AddressForm f;
    f.type = "billing";
    f.name = "Alice A.";
    f.email = "alice@example.com";
    f.address_1 = "501 Fifth Ave";
    f.city = "New York";
    f.state = "NY";
    f.country = "US";
    f.company_name = "Acme";
    r = s.repository()->update(1, 2, f, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(AddressUpdateOutcome::kUpdated));
    BOOST_TEST(r->type_before == "shipping");
    const std::string expected =
        std::string(R"(2|1|0|billing|active||Alice A.|501 Fifth Ave||New York|NY||)"
                    R"(alice@example.com||US|{"other_data":{"x":"y","company_name":"Acme"}}|)") +
        kSeedTime + "|" + kNowText;
    BOOST_TEST(s.row(2) == expected);
    // The re-read record is the stored row.
    BOOST_REQUIRE(r->address.size() == 18u);
    BOOST_TEST(r->address.at(0).value_or("") == "2");
    BOOST_TEST(r->address.at(2).value_or("") == "0");
    BOOST_TEST(r->address.at(6).value_or("") == "Alice A.");
    BOOST_TEST(r->address.at(17).value_or("") == kNowText);

    f.is_primary = true;
    f.company_name = "";
    r = s.repository()->update(1, 2, f, kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(r->type_before == "billing");
    BOOST_TEST(s.value("SELECT CONCAT(is_primary, meta) FROM wp_fct_customer_addresses WHERE "
                       "id = 2") == R"(1{"other_data":{"x":"y"}})");
}

BOOST_AUTO_TEST_CASE(delete_refuses_primary_foreign_missing_and_last_addresses) {
    Store s;
    s.add_customer(100);
    s.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name) VALUES "
        "(30, 100, 0, 'billing', 'Only'), (31, 1, 0, 'billing', 'Second')");
    const auto before = s.checksum();
    auto repository = s.repository();
    auto r = repository->remove(1, 1);  // Alice's primary billing
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(outcome(*r) == outcome(AddressDeleteOutcome::kPrimary));
    r = repository->remove(2, 31);  // Alice's address through Bob
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(outcome(*r) == outcome(AddressDeleteOutcome::kNotFound));
    r = repository->remove(1, 999999);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(outcome(*r) == outcome(AddressDeleteOutcome::kNotFound));
    r = repository->remove(999999, 31);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(outcome(*r) == outcome(AddressDeleteOutcome::kNotFound));
    r = repository->remove(100, 30);  // customer 100's only address, not primary
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(outcome(*r) == outcome(AddressDeleteOutcome::kLastAddress));
    BOOST_TEST(s.checksum() == before);

    r = repository->remove(1, 31);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(outcome(*r) == outcome(AddressDeleteOutcome::kDeleted));
    BOOST_TEST(s.flags(1) == "1:1,2:1");
    BOOST_TEST(s.flags(100) == "30:0");
}

BOOST_AUTO_TEST_CASE(make_primary_moves_the_flag_and_a_bad_id_keeps_the_old_primary) {
    Store s;
    s.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name, "
        "updated_at) VALUES (9, 1, 0, 'billing', 'Office', '2026-01-01 00:00:00'), (10, 1, 0, "
        "'billing', 'Other', '2026-01-01 00:00:00'), (11, 2, 0, 'billing', 'Bob2', NULL)");
    auto repository = s.repository();
    auto r = repository->make_primary(1, 9, "billing", kNow);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<int>(*r) == static_cast<int>(MakePrimaryOutcome::kDone));
    BOOST_TEST(s.flags(1) == "1:0,2:1,9:1,10:0");
    // Only the rows whose flag changed are touched.
    BOOST_TEST(s.value("SELECT GROUP_CONCAT(id, '@', updated_at ORDER BY id) FROM "
                       "wp_fct_customer_addresses WHERE customer_id = 1") ==
               std::string("1@") + kNowText + ",2@" + kSeedTime + ",9@" + kNowText +
                   ",10@2026-01-01 00:00:00");

    // Capture 49: a bad id fails and leaves 9 primary (§10 #14); so do an address of another
    // type, another customer's address and an unknown customer.
    const auto before = s.checksum();
    for (const auto& [customer, id, type] :
         std::vector<std::tuple<std::int64_t, std::int64_t, std::string>>{{1, 999999, "billing"},
                                                                          {1, 2, "billing"},
                                                                          {1, 9, "shipping"},
                                                                          {1, 11, "billing"},
                                                                          {999999, 9, "billing"},
                                                                          {1, 9, ""}}) {
        BOOST_TEST_CONTEXT(customer << "/" << id << "/" << type) {
            r = repository->make_primary(customer, id, type, kNow);
            BOOST_REQUIRE(r.has_value());
            BOOST_TEST(static_cast<int>(*r) == static_cast<int>(MakePrimaryOutcome::kNotFound));
        }
    }
    BOOST_TEST(s.checksum() == before);
    BOOST_TEST(s.flags(1) == "1:0,2:1,9:1,10:0");

    // Making the primary primary again changes nothing.
    r = repository->make_primary(1, 9, "billing", kNow + 60);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(s.checksum() == before);
}

BOOST_AUTO_TEST_CASE(a_failure_at_the_write_or_commit_leaves_every_row_unchanged) {
    Store s;
    s.exec(
        "INSERT INTO wp_fct_customer_addresses (id, customer_id, is_primary, type, name) "
        "VALUES (9, 1, 0, 'billing', 'Office')");
    const auto before = s.checksum();
    struct Case {
        const char* name;
        std::function<bool(CustomerAddressRepository&)> run;  // true when it succeeded
    };
    const std::vector<Case> cases = {
        {"create", [](auto& r) { return r.create(1, office(), kNow).has_value(); }},
        {"update", [](auto& r) { return r.update(1, 9, office(), kNow).has_value(); }},
        {"remove", [](auto& r) { return r.remove(1, 9).has_value(); }},
        {"make_primary", [](auto& r) { return r.make_primary(1, 9, "billing", kNow).has_value(); }},
    };
    for (const auto& c : cases) {
        for (const bool at_commit : {false, true}) {
            BOOST_TEST_CONTEXT(c.name << (at_commit ? " at COMMIT" : " at the write")) {
                test::FailingSession failing(*s.session, at_commit ? 0 : 1, at_commit);
                auto repository = s.repository(failing);
                BOOST_TEST(!c.run(*repository));
                BOOST_TEST(failing.injected());
                BOOST_TEST(!s.session->in_transaction());
                BOOST_TEST(s.checksum() == before);
                BOOST_TEST(s.flags(1) == "1:1,2:1,9:0");
            }
        }
    }
    // Each one writes exactly one statement, so the one failure above covers every write.
    test::FailingSession counting(*s.session);
    auto repository = s.repository(counting);
    auto created = repository->create(1, office(), kNow);
    BOOST_REQUIRE(created.has_value());
    BOOST_TEST(counting.writes() == 1);
    BOOST_REQUIRE(repository->update(1, 9, office(), kNow).has_value());
    BOOST_TEST(counting.writes() == 2);
    BOOST_REQUIRE(repository->make_primary(1, created->id, "billing", kNow).has_value());
    BOOST_TEST(counting.writes() == 3);
    auto removed = repository->remove(1, 9);
    BOOST_REQUIRE(removed.has_value());
    BOOST_TEST(outcome(*removed) == outcome(AddressDeleteOutcome::kDeleted));
    BOOST_TEST(counting.writes() == 4);
    BOOST_TEST(s.flags(1) == "1:0,2:1," + std::to_string(created->id) + ":1");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace cartpress::plugins::fluent_cart
