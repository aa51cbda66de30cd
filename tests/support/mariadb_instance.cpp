#include "support/mariadb_instance.hpp"

#include <unistd.h>

#include <cartpress/db/migrations.hpp>
#include <filesystem>
#include <stdexcept>

namespace cartpress::test {
namespace {

std::string find_binary(const std::string& name) {
    for (const char* dir : {"/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/"}) {
        const std::string path = std::string(dir) + name;
        if (::access(path.c_str(), X_OK) == 0) return path;
    }
    return name;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    std::size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
    return s;
}

}  // namespace

std::string reference_dir() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("CARTPRESS_SHARED_DIR"))
        return std::string(env) + "/reference";
    for (fs::path p = CARTPRESS_SOURCE_DIR; !p.empty() && p != p.root_path(); p = p.parent_path()) {
        if (fs::exists(p / "shared" / "reference" / "store.sql"))
            return (p / "shared" / "reference").string();
        if (fs::exists(p.parent_path() / "shared" / "reference" / "store.sql")) {
            return (p.parent_path() / "shared" / "reference").string();
        }
    }
    throw std::runtime_error("shared/reference not found beside the repository");
}

std::string reference_store_sql(const std::string& prefix) {
    std::string sql = read_file(reference_dir() + "/store.sql");
    if (prefix == "wp_") return sql;
    sql = replace_all(sql, "`wp_", "`" + prefix);
    for (const char* key : {"capabilities", "user_level", "user_roles"}) {
        sql = replace_all(sql, std::string("'wp_") + key + "'", "'" + prefix + key + "'");
    }
    return sql;
}

MariaDbInstance::MariaDbInstance() {
    dir_ = make_temp_dir("db");
    socket_ = dir_ + "/mysqld.sock";
    std::vector<std::string> install = {
        find_binary("mariadb-install-db"), "--no-defaults", "--datadir=" + dir_ + "/data",
        "--auth-root-authentication-method=normal", "--skip-test-db"};
    if (::geteuid() == 0) install.push_back("--user=root");
    std::string out;
    if (run_command(install, &out) != 0) throw std::runtime_error("mariadb-install-db: " + out);
    start();
}

void MariaDbInstance::start() {
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = free_port();
        std::vector<std::string> argv = {find_binary("mariadbd"),
                                         "--no-defaults",
                                         "--datadir=" + dir_ + "/data",
                                         "--socket=" + socket_,
                                         "--bind-address=127.0.0.1",
                                         "--port=" + std::to_string(port_),
                                         "--pid-file=" + dir_ + "/mysqld.pid",
                                         "--innodb-buffer-pool-size=64M",
                                         "--max-connections=300"};
        if (::geteuid() == 0) argv.push_back("--user=root");
        server_ = std::make_unique<Process>(argv, dir_ + "/mysqld.log");
        const bool up = wait_until(
            [&] {
                if (!server_->running()) return true;
                return run_command({"mariadb", "--no-defaults", "--socket=" + socket_, "-uroot",
                                    "-e", "SELECT 1"}) == 0;
            },
            std::chrono::seconds(60));
        if (up && server_->running()) return;
        server_->stop();  // probably lost the port race; try another
    }
    throw std::runtime_error("mariadbd did not start: " + read_file(dir_ + "/mysqld.log"));
}

void MariaDbInstance::restart() {
    server_->stop(std::chrono::seconds(30));
    start();
}

MariaDbInstance::~MariaDbInstance() {
    if (server_) server_->stop(std::chrono::seconds(30));
    remove_tree(dir_);
}

void MariaDbInstance::exec(const std::string& database, const std::string& sql) const {
    std::vector<std::string> argv = {"mariadb", "--no-defaults", "--socket=" + socket_, "-uroot"};
    if (!database.empty()) argv.push_back(database);
    std::string out;
    // stderr goes to the test log; stdout is returned for diagnostics.
    if (run_command(argv, &out, sql) != 0) {
        throw std::runtime_error("SQL failed on " + database + ": " + out + "\n" +
                                 sql.substr(0, 300));
    }
}

void MariaDbInstance::create_store(const std::string& database, const std::string& prefix,
                                   bool reference_store) const {
    exec("",
         "CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
    const std::string schema = replace_all(
        read_file(std::string(CARTPRESS_SOURCE_DIR) + "/sql/schema.sql"), "{prefix}", prefix);
    exec(database, schema);
    // Cartpress's own tables, from the same embedded files `cartpress-fcgi --migrate` applies.
    std::string migrations;
    for (const db::Migration& m : db::migrations()) {
        for (const std::string& statement : db::migration_statements(m.sql, prefix)) {
            migrations += statement + ";\n";
        }
    }
    exec(database, migrations);
    if (reference_store) exec(database, reference_store_sql(prefix));
}

void MariaDbInstance::create_demo_store(const std::string& database,
                                        const std::string& prefix) const {
    create_store(database, prefix, false);
    exec(database, replace_all(read_file(std::string(CARTPRESS_SOURCE_DIR) + "/sql/demo.sql"),
                               "{prefix}", prefix));
}

void MariaDbInstance::drop_database(const std::string& database) const {
    exec("", "DROP DATABASE IF EXISTS `" + database + "`");
}

db::ConnectionSettings MariaDbInstance::connection(const std::string& database) const {
    db::ConnectionSettings c;
    c.socket = socket_;
    c.user = "root";
    c.database = database;
    return c;
}

}  // namespace cartpress::test
