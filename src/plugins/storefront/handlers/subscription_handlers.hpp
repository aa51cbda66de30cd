#pragma once

#include <cartpress/rest/router.hpp>

#include "storefront/storefront_context.hpp"

namespace cartpress::plugins::storefront {

// Email subscriptions such as "Newsletter" (spec §10.2); no customer row is ever created for
// one. POST customer_subscriptions: anonymous, a customer (its own email), staff
// customers/manage → 201 new, 200 when (email key, reference) exists.
rest::HandlerResult subscribe(const StorefrontContext& sf, const rest::RestRequest& request,
                              rest::RequestContext& ctx);
// GET customer_subscriptions (staff customers/view): filters customer_email, reference.
rest::HandlerResult list_subscriptions(const StorefrontContext& sf,
                                       const rest::RestRequest& request, rest::RequestContext& ctx);
// DELETE customer_subscriptions/{id} (staff customers/manage, or the owning customer) and
// DELETE me/subscriptions/{id}: 200 {"deleted":true,"previous":…}.
rest::HandlerResult unsubscribe(const StorefrontContext& sf, const rest::RestRequest& request,
                                rest::RequestContext& ctx);
// GET me/subscriptions: the token's customer's email's subscriptions.
rest::HandlerResult list_my_subscriptions(const StorefrontContext& sf,
                                          const rest::RestRequest& request,
                                          rest::RequestContext& ctx);

}  // namespace cartpress::plugins::storefront
