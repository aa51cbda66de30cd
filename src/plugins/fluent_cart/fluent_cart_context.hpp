#pragma once

#include <cartpress/config/settings.hpp>
#include <cartpress/core/clock.hpp>
#include <cartpress/site/wordpress_user_writer.hpp>
#include <string>

#include "repositories/customer_address_repository.hpp"
#include "repositories/customer_change_repository.hpp"
#include "repositories/customer_list_repository.hpp"
#include "repositories/customer_relations_repository.hpp"
#include "repositories/customer_repository.hpp"
#include "repositories/order_list_repository.hpp"
#include "repositories/order_repository.hpp"
#include "serialization/countries.hpp"

namespace cartpress::plugins::fluent_cart {

// What every FluentCart handler shares: built once at startup, read-only afterwards.
struct FluentCartContext {
    std::string table_prefix;
    OrderQueries order_queries;
    Countries countries;
    const core::Clock& clock;
    OrderListQueries order_list_queries{table_prefix};
    CustomerChangeQueries customer_change_queries{table_prefix};
    CustomerQueries customer_queries{table_prefix};
    CustomerRelationQueries customer_relation_queries{table_prefix};
    CustomerListQueries customer_list_queries{table_prefix};
    CustomerAddressQueries customer_address_queries{table_prefix};
    site::WordPressUserQueries wordpress_user_queries{table_prefix};
    config::HashFormat hash_format = config::HashFormat::kAuto;  // for users it creates
};

}  // namespace cartpress::plugins::fluent_cart
