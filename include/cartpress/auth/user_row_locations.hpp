#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cartpress::auth {

// Where a user's authentication rows were found: the user's ID and the umeta_ids of its first
// _application_passwords and capabilities rows.
struct UserRowIds {
    std::int64_t user_id = 0;
    std::int64_t passwords_meta_id = 0;
    std::int64_t capabilities_meta_id = 0;
};

// Where each login's rows were found last, per process and bounded, so that the next request
// reads those rows by primary key: for MariaDB that is 40 % of the work of finding them again
// by login and meta key (bench/sql-instructions). Only their places are remembered, never
// their contents or a decision: every request still reads the rows, so a revoked password, a
// changed role or a renamed login counts at once, and a row that moved sends the reader back
// to the search.
class UserRowLocations {
public:
    enum class By { kLogin, kEmail };

    explicit UserRowLocations(std::size_t capacity = 4096);

    std::optional<UserRowIds> find(By by, std::string_view value) const;
    void remember(By by, std::string_view value, const UserRowIds& ids);
    void forget(By by, std::string_view value);

private:
    static std::string key(By by, std::string_view value);

    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, UserRowIds> entries_;
};

}  // namespace cartpress::auth
