#pragma once

#include <cartpress/db/session.hpp>
#include <memory>
#include <string>

namespace cartpress::test {

// A fresh store for one test case (these tests write): the schema under `prefix`, with the
// reference rows when `reference`, and a product session on it; dropped afterwards.
class ScratchStore {
public:
    explicit ScratchStore(std::string database, std::string prefix = "wp_", bool reference = true);
    ~ScratchStore();
    ScratchStore(const ScratchStore&) = delete;
    ScratchStore& operator=(const ScratchStore&) = delete;

    std::string value(const std::string& sql) const;  // through the mariadb client
    void exec(const std::string& sql) const;

    const std::string database;
    const std::string prefix;
    std::unique_ptr<db::Session> session;
};

}  // namespace cartpress::test
