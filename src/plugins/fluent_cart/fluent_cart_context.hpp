#pragma once

#include <cartpress/core/clock.hpp>
#include <string>

#include "repositories/order_repository.hpp"
#include "serialization/countries.hpp"

namespace cartpress::plugins::fluent_cart {

// What every FluentCart handler shares: built once at startup, read-only afterwards.
struct FluentCartContext {
    std::string table_prefix;
    OrderQueries order_queries;
    Countries countries;
    const core::Clock& clock;
};

}  // namespace cartpress::plugins::fluent_cart
