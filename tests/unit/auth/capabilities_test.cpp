#include <boost/test/unit_test.hpp>
#include <cartpress/auth/capabilities.hpp>
#include <cartpress/site/site_options_cache.hpp>
#include <string>

namespace {

using cartpress::auth::CapabilitySet;
using cartpress::auth::effective_capabilities;

// Two roles as WordPress stores <prefix>user_roles; the editor's "delete_users" is stored false.
const std::string kRoles =
    R"(a:2:{s:13:"administrator";a:2:{s:4:"name";s:13:"Administrator";s:12:"capabilities";)"
    R"(a:2:{s:14:"manage_options";b:1;s:10:"edit_posts";b:1;}}s:6:"editor";a:2:{s:4:"name";)"
    R"(s:6:"Editor";s:12:"capabilities";a:2:{s:10:"edit_posts";b:1;s:12:"delete_users";b:0;}}})";

CapabilitySet set_of(std::initializer_list<const char*> caps) {
    CapabilitySet out;
    for (const char* c : caps) out.insert(c);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth)
BOOST_AUTO_TEST_SUITE(capabilities)

BOOST_AUTO_TEST_CASE(one_granted_role_shares_the_set_built_with_the_roles) {
    const auto roles = cartpress::site::parse_user_roles(kRoles);
    const auto& admin = roles.at("administrator");
    BOOST_REQUIRE(admin.sole_holder_capabilities);
    BOOST_TEST((*admin.sole_holder_capabilities ==
                set_of({"manage_options", "edit_posts", "administrator"})));

    const auto caps = effective_capabilities(R"(a:1:{s:13:"administrator";b:1;})", roles);
    BOOST_TEST(caps.get() == admin.sole_holder_capabilities.get());
}

BOOST_AUTO_TEST_CASE(the_shared_set_equals_the_merge_it_stands_for) {
    auto roles = cartpress::site::parse_user_roles(kRoles);
    const auto shared = effective_capabilities(R"(a:1:{s:6:"editor";b:1;})", roles);
    roles.at("editor").sole_holder_capabilities.reset();  // forces the general merge
    const auto merged = effective_capabilities(R"(a:1:{s:6:"editor";b:1;})", roles);
    BOOST_TEST(shared.get() != merged.get());
    BOOST_TEST((*shared == *merged));
    BOOST_TEST((*merged == set_of({"edit_posts", "editor"})));
}

BOOST_AUTO_TEST_CASE(a_per_user_false_removes_a_role_capability) {
    const auto roles = cartpress::site::parse_user_roles(kRoles);
    const auto caps = effective_capabilities(
        R"(a:2:{s:13:"administrator";b:1;s:14:"manage_options";b:0;})", roles);
    BOOST_TEST((*caps == set_of({"edit_posts", "administrator"})));
}

BOOST_AUTO_TEST_CASE(roles_merge_in_map_order_and_a_later_false_wins) {
    const auto roles = cartpress::site::parse_user_roles(kRoles);
    const auto caps = effective_capabilities(
        R"(a:3:{s:6:"editor";b:1;s:13:"administrator";b:1;s:12:"delete_users";b:1;})", roles);
    BOOST_TEST((*caps == set_of({"manage_options", "edit_posts", "delete_users", "editor",
                                 "administrator"})));
}

BOOST_AUTO_TEST_CASE(a_role_stored_false_or_unknown_grants_nothing) {
    const auto roles = cartpress::site::parse_user_roles(kRoles);
    const auto not_granted = effective_capabilities(R"(a:1:{s:13:"administrator";b:0;})", roles);
    BOOST_TEST(not_granted->empty());
    const auto unknown = effective_capabilities(R"(a:1:{s:8:"customer";b:1;})", roles);
    BOOST_TEST((*unknown == set_of({"customer"})));
}

BOOST_AUTO_TEST_CASE(a_corrupt_map_gives_no_capabilities) {
    const auto roles = cartpress::site::parse_user_roles(kRoles);
    BOOST_TEST(effective_capabilities("a:1:{s:13:\"administrator\";b:1;", roles)->empty());
    BOOST_TEST(effective_capabilities("s:5:\"admin\";", roles)->empty());
    BOOST_TEST(effective_capabilities("", roles)->empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
