#include <cartpress/core/digest.hpp>
#include <cartpress/site/email_identity.hpp>

namespace cartpress::site {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string email_key(std::string_view email) {
    while (!email.empty() && is_ascii_space(email.front())) email.remove_prefix(1);
    while (!email.empty() && is_ascii_space(email.back())) email.remove_suffix(1);
    std::string key(email);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

std::string email_lock_name(std::string_view key) {
    return "cartpress:email:" + core::hex(core::sha256(key), 20);
}

}  // namespace cartpress::site
