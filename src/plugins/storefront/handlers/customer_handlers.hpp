#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Customers (spec §5.1, §8): create (staff or sign-up), read and partial edit, by id or as `me`.
rest::HandlerResult create_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);
rest::HandlerResult get_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                 rest::RequestContext& ctx);
rest::HandlerResult get_me(const StorefrontContext& sf, const rest::RestRequest& request,
                           rest::RequestContext& ctx);
rest::HandlerResult update_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);
rest::HandlerResult update_me(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx);

// GET customers (staff customers/view): filter= of spec §11, orderby id|email|name|created_at|
// updated_at (default created_at), order asc|desc (default desc; id breaks ties), WordPress paging.
rest::HandlerResult list_customers(const StorefrontContext& sf, const rest::RestRequest& request,
                                   rest::RequestContext& ctx);
// Its declared arguments (checked by the host before the handler).
std::vector<rest::ArgSpec> list_customers_args();

// DELETE customers/{id} (staff customers/delete, or the customer itself) and DELETE me: without
// orders the customer and its rows go; with orders it is anonymised (spec §8). 200
// {"deleted":true,"anonymized":bool,"previous":<customer>}.
rest::HandlerResult delete_customer(const StorefrontContext& sf, const rest::RestRequest& request,
                                    rest::RequestContext& ctx);
rest::HandlerResult delete_me(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
