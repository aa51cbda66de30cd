#pragma once

#include <cartpress/core/result.hpp>
#include <cartpress/db/db_error.hpp>
#include <cartpress/db/session.hpp>
#include <memory>
#include <string>

#include "domain/customer_list.hpp"

namespace cartpress::plugins::fluent_cart {

// GET customers' SQL for one table prefix, built once at startup. A request only chooses among
// these fragments; whatever it sends is a bound parameter.
struct CustomerListQueries {
    explicit CustomerListQueries(const std::string& table_prefix);
    std::string count_head;  // SELECT COUNT(*) FROM <customers> c
    std::string page_head;   // SELECT <customer columns>, <photo> FROM <customers> c
};

class CustomerListRepository {
public:
    virtual ~CustomerListRepository() = default;
    // COUNT(*), then the page (skipped when it is empty).
    virtual core::Result<CustomerListPage, db::DbError> list(const CustomerListQuery& query) = 0;
};

std::unique_ptr<CustomerListRepository> make_mariadb_customer_list_repository(
    db::Session& session, const CustomerListQueries& queries);

}  // namespace cartpress::plugins::fluent_cart
