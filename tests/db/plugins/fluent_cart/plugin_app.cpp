#include "db/plugins/fluent_cart/plugin_app.hpp"

#include <boost/test/unit_test.hpp>
#include <cartpress/json/json_reader.hpp>
#include <cartpress/plugins/fluent_cart/fluent_cart_plugin.hpp>

#include "db/db_world.hpp"
#include "support/fake_request.hpp"

namespace cartpress::test {

PluginApp::PluginApp(const std::string& database) {
    config::Settings s;
    s.db.socket = DbWorld::get().db->socket();
    s.db.name = database;
    s.db.user = "root";
    s.environment_type = config::EnvironmentType::kLocal;
    s.threads = 1;
    app_ = std::make_unique<app::App>(s, clock_);
    app_->add_plugin(plugins::fluent_cart::make_fluent_cart_plugin(app_->plugin_context()));
    app_->start();
    worker_ = std::make_unique<app::Worker>(*app_);
}

PluginApp::Reply PluginApp::send(const std::string& method, const std::string& target,
                                 const std::string& body, bool authenticated) {
    RequestBuilder b;
    b.method(method).uri(target);
    if (authenticated) b.basic_auth("admin", credentials_.admin_app_password);
    if (!body.empty()) b.json(body);
    auto request = b.build();
    const auto response = app_->handle(request, *worker_);
    Reply r;
    r.status = response.status;
    r.body = response.body;
    BOOST_REQUIRE_MESSAGE(json::decode(r.body, r.json).has_value(), r.body);
    return r;
}

}  // namespace cartpress::test
