#pragma once

#include <cartpress/json/rapidjson.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/customer_address.hpp"
#include "domain/order_graph.hpp"
#include "serialization/order_serializer.hpp"

namespace cartpress::plugins::fluent_cart {

// The answers of customers/{id}/address (spec §8.6). Each address object is the one of
// customer_address_json (serialization/order_relations.hpp), which GET orders' `with[]` shares.

// GET: {"addresses":[…]} in the records' order.
json::Document serialize_address_list(const std::vector<Record>& addresses,
                                      const SerializeContext& ctx);

// PUT: {"message":"Billing address updated successfully!","data":<the re-read address>};
// "Shipping …" for any type other than "billing" before the update.
json::Document serialize_updated_address(std::string_view type_before, const Record& address,
                                         const SerializeContext& ctx);

// POST's `data`: the values written, in FluentCart's key order (label … country, email,
// is_primary as an integer, customer_id as text, the timestamps, id, formatted_address,
// company_name); no meta key.
struct CreatedAddressEcho {
    AddressForm form;
    std::string customer_id;  // the URL's id, printed as a string
    bool is_primary = false;
    std::string written_at;  // "YYYY-MM-DD HH:MM:SS", both timestamps
    std::int64_t id = 0;
};

// POST: {"message":"Billing address created successfully!","data":{…}} ("Shipping …" for any
// other type).
json::Document serialize_created_address(const CreatedAddressEcho& echo,
                                         const SerializeContext& ctx);

// {"message":"…","data":""}, the answer of DELETE and make-primary.
json::Document address_message(std::string_view message);

}  // namespace cartpress::plugins::fluent_cart
