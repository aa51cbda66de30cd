#pragma once

#include <cartpress/rest/router.hpp>
#include <string>

namespace cartpress::rest {

// Describes a route as WordPress's index and OPTIONS do: namespace, methods, endpoints with
// their args, and _links.self for routes without path parameters.
json::Value describe_route(const Route& route, const site::SiteOptions& options,
                           const std::string& rest_prefix, json::Allocator& alloc);

// Registers GET "/" (the site index) and GET "/<ns>" for every namespace already in the
// router. Call after every plugin has registered its routes.
void register_index_routes(Router& router, const std::string& rest_prefix);

}  // namespace cartpress::rest
