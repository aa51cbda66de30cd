#include "support/nginx_instance.hpp"

#include <pwd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <stdexcept>

#include "support/http_client.hpp"

namespace cartpress::test {
namespace {

bool socket_accepts(const std::string& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path.copy(addr.sun_path, sizeof addr.sun_path - 1);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

NginxInstance::NginxInstance(std::vector<std::string> upstream_sockets) {
    dir_ = make_temp_dir("nginx");
    const std::string source = CARTPRESS_SOURCE_DIR;
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = free_port();
        std::vector<std::string> render = {source + "/scripts/lib/render-nginx-conf",
                                           "--listen",
                                           "127.0.0.1:" + std::to_string(port_),
                                           "--prefix",
                                           dir_,
                                           "--static-root",
                                           source + "/nginx/static"};
        for (const auto& s : upstream_sockets) {
            render.push_back("--upstream-socket");
            render.push_back(s);
        }
        // As root, nginx workers drop to this user; the host sockets are made reachable (0666
        // in tests, whose temp dirs are private to this run).
        if (::geteuid() == 0) {
            render.push_back("--user");
            render.push_back(::getpwnam("www-data") ? "www-data" : "nobody");
        }
        std::string conf;
        if (run_command(render, &conf) != 0) throw std::runtime_error("render-nginx-conf failed");
        write_file(dir_ + "/nginx.conf", conf);
        server_ = std::make_unique<Process>(
            std::vector<std::string>{"/usr/sbin/nginx", "-p", dir_, "-c", dir_ + "/nginx.conf",
                                     "-e", dir_ + "/error.log", "-g", "daemon off;"},
            dir_ + "/stderr.log");
        const bool up = wait_until(
            [&] {
                if (!server_->running()) return true;
                try {
                    return http_get(port_, "/static/ping.json").status == 200;
                } catch (const std::exception&) {
                    return false;
                }
            },
            std::chrono::seconds(20));
        if (up && server_->running()) return;
        server_->stop();
    }
    throw std::runtime_error("nginx did not start: " + read_file(dir_ + "/error.log") +
                             read_file(dir_ + "/stderr.log"));
}

NginxInstance::~NginxInstance() {
    if (server_) server_->stop();
    remove_tree(dir_);
}

HostProcess::HostProcess(const std::string& dir, const std::string& name,
                         const std::string& config_lines) {
    socket_ = dir + "/" + name + ".sock";
    log_ = dir + "/" + name + ".log";
    const std::string config = dir + "/" + name + ".conf";
    const std::string threads =
        config_lines.find("threads =") == std::string::npos ? "threads = 4\n" : "";
    write_file(config,
               "socket = " + socket_ + "\nsocket_mode = 0666\n" + threads + config_lines + "\n");
    process_ = std::make_unique<Process>(
        std::vector<std::string>{CARTPRESS_FCGI_BINARY, "--config", config}, log_);
    if (!wait_until([&] { return !process_->running() || socket_accepts(socket_); },
                    std::chrono::seconds(20)) ||
        !process_->running()) {
        throw std::runtime_error("cartpress-fcgi did not start: " + read_file(log_));
    }
}

HostProcess::~HostProcess() {
    if (process_) process_->stop(std::chrono::seconds(15));
}

}  // namespace cartpress::test
