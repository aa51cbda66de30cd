#include "support/capture.hpp"

#include <strings.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "support/mariadb_instance.hpp"

namespace cartpress::test {

Capture load_capture(int number) {
    namespace fs = std::filesystem;
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02d-", number);
    for (const auto& entry : fs::directory_iterator(reference_dir())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".http") continue;
        Capture c;
        c.file = name;
        const std::string raw = read_file(entry.path().string());
        std::istringstream in(raw);
        std::string line;
        std::getline(in, line);  // >>> METHOD /path auth=who
        std::istringstream first(line.substr(4));
        std::string auth;
        first >> c.method >> c.target >> auth;
        c.auth = auth.substr(auth.find('=') + 1);
        std::getline(in, line);
        if (line.rfind(">>> body: ", 0) == 0) {
            c.body = line.substr(10);
            std::getline(in, line);  // blank
        }
        // Capture 24 was sent form-encoded; its body line does not show it (README).
        if (number == 24) {
            c.body = "email=hank%40example.com&full_name=Hank+Hill";
            c.form_encoded = true;
        }
        std::getline(in, line);  // status line
        c.status = std::stoi(line.substr(line.find(' ') + 1, 3));
        while (std::getline(in, line) && !line.empty() && line != "\r") {
            if (line.back() == '\r') line.pop_back();  // the files keep curl's CRLF
            const auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            c.headers.emplace_back(line.substr(0, colon), value);
        }
        std::stringstream rest;
        rest << in.rdbuf();
        c.response_body = rest.str();
        return c;
    }
    throw std::runtime_error("no capture " + std::to_string(number));
}

std::vector<std::pair<std::string, std::string>> rest_headers(
    const std::vector<std::pair<std::string, std::string>>& headers) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [k, v] : headers) {
        if (strcasecmp(k.c_str(), "Server") == 0 || strcasecmp(k.c_str(), "Date") == 0 ||
            strcasecmp(k.c_str(), "Transfer-Encoding") == 0 ||
            strcasecmp(k.c_str(), "Connection") == 0 ||
            strcasecmp(k.c_str(), "Content-Length") == 0) {
            continue;
        }
        out.emplace_back(k, v);
    }
    return out;
}

}  // namespace cartpress::test
