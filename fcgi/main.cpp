// cartpress-fcgi: the FastCGI host process. The only code that includes libfcgi's headers
// lives in this folder.

#include <fcgiapp.h>
#include <grp.h>
#include <malloc.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cartpress/app/app.hpp>
#include <cartpress/config/settings.hpp>
#include <cartpress/core/log.hpp>
#include <cartpress/db/migrations.hpp>
#include <cartpress/plugins/cartpress_ops/cartpress_ops_plugin.hpp>
#include <cartpress/plugins/fluent_cart/fluent_cart_plugin.hpp>
#include <cartpress/plugins/storefront/storefront_plugin.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "fcgi_request.hpp"

namespace {

using namespace cartpress;

std::atomic<bool> g_stopping{false};

void serve(const app::App& app, int listen_fd) {
    db::ThreadGuard driver_thread;
    app::Worker worker(app);
    FCGX_Request request;
    FCGX_InitRequest(&request, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
    while (!g_stopping.load()) {
        if (FCGX_Accept_r(&request) < 0) {
            if (g_stopping.load()) break;
            continue;  // interrupted or a client that vanished before we accepted
        }
        fcgi::FcgiRequest wrapped(request);
        const http::Response response = app.handle(wrapped, worker);
        fcgi::write_response(request, response);
        // libfcgi's close is "lingering": shutdown, then poll() until nginx closes its end, one
        // more sleep and wake-up per request. It protects unread input (closing over it resets
        // the connection, and nginx could lose the answer), so it is skipped only when nginx's
        // whole request has been read.
        if (fcgi::read_to_end(request)) FCGX_Detach(&request);
        FCGX_Finish_r(&request);
    }
    FCGX_Free(&request, 1);
}

core::LogLevel log_level(config::LogLevel level) {
    switch (level) {
        case config::LogLevel::kDebug:
            return core::LogLevel::kDebug;
        case config::LogLevel::kInfo:
            return core::LogLevel::kInfo;
        case config::LogLevel::kWarn:
            return core::LogLevel::kWarn;
        case config::LogLevel::kError:
            return core::LogLevel::kError;
    }
    return core::LogLevel::kInfo;
}

// A unix socket path or 127.0.0.1:PORT; never a bare ":PORT", which libfcgi binds to all
// interfaces.
bool is_allowed_listen_address(const std::string& socket) {
    if (socket.empty()) return false;
    if (socket.find(':') == std::string::npos) return true;  // a filesystem path
    return socket.rfind("127.", 0) == 0 || socket.rfind("localhost:", 0) == 0;
}

int open_listen_socket(const config::Settings& s) {
    const bool is_path = s.socket.find(':') == std::string::npos;
    if (is_path) ::unlink(s.socket.c_str());  // a stale socket from a killed run
    const int fd = FCGX_OpenSocket(s.socket.c_str(), s.listen_backlog);
    if (fd < 0) return -1;
    if (is_path) {
        if (!s.socket_group.empty()) {
            if (const group* g = ::getgrnam(s.socket_group.c_str())) {
                if (::chown(s.socket.c_str(), static_cast<uid_t>(-1), g->gr_gid) != 0) {
                    core::log_warn("could not give the socket to group " + s.socket_group);
                }
            } else {
                core::log_warn("unknown socket_group " + s.socket_group);
            }
        }
        ::chmod(s.socket.c_str(), s.socket_mode);
    }
    return fd;
}

// --migrate: Cartpress's own tables, created with the host's own database account.
int migrate(const config::Settings& settings) {
    db::initialize_driver();
    db::ThreadGuard driver_thread;
    const core::SystemClock clock;
    const app::App app(settings, clock);
    auto session = db::Session::create(app.connection_settings());
    auto ran = db::apply_migrations(*session, settings.table_prefix);
    if (!ran) {
        std::cerr << "cartpress: migration failed: " << ran.error().message << "\n";
        return 1;
    }
    std::cout << "cartpress: " << db::migrations().size() << " migration(s) applied, " << *ran
              << " statements (prefix " << settings.table_prefix << ")\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Every request allocates and frees a few hundred KB on its worker thread's arena; with
    // glibc's default trim threshold each free hands the pages back (madvise) and the next
    // request faults them in again — measured at a few per cent of the host's CPU.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    std::vector<std::string> args(argv + 1, argv + argc);
    // Keys the plugins read from the same config file (each with its default).
    std::vector<config::PluginKey> plugin_keys = {
        {"fluent_cart.iso_codes_dir", "/usr/share/iso-codes/json", false},
    };
    for (auto& key : plugins::storefront::storefront_config_keys()) plugin_keys.push_back(key);
    auto loaded = config::load_settings(args, plugin_keys);
    if (!loaded) {
        std::cerr << "cartpress: " << loaded.error() << "\n";
        return 2;
    }
    config::Settings settings = std::move(*loaded);
    switch (settings.action) {
        case config::Action::kHelp:
            std::cout << config::usage_text();
            return 0;
        case config::Action::kVersion:
            std::cout << config::version_text() << "\n";
            return 0;
        case config::Action::kCheck:
            std::cout << config::describe_settings(settings);
            return 0;
        case config::Action::kMigrate:
            return migrate(settings);
        case config::Action::kRun:
            break;
    }
    core::log_set_level(log_level(settings.log.level));
    if (!settings.log.file.empty() && !core::log_set_file(settings.log.file.c_str())) {
        std::cerr << "cartpress: cannot open log file " << settings.log.file << "\n";
        return 2;
    }
    for (const auto& w : settings.warnings) core::log_warn(w);
    if (!is_allowed_listen_address(settings.socket)) {
        core::log_error("socket must be a unix socket path or a 127.0.0.1:PORT address");
        return 2;
    }

    if (FCGX_Init() != 0) {
        core::log_error("FCGX_Init failed");
        return 1;
    }
    const int listen_fd = open_listen_socket(settings);
    if (listen_fd < 0) {
        core::log_error("cannot listen on " + settings.socket);
        return 1;
    }

    // Block the stop signals in every thread (after FCGX_Init, which installs its own handler
    // for SIGTERM) and wait for them here: workers never see a signal mid-request.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    const core::SystemClock clock;
    db::initialize_driver();
    app::App app(settings, clock);
    app.add_plugin(plugins::cartpress_ops::make_cartpress_ops_plugin(app.plugin_context()));
    app.add_plugin(plugins::fluent_cart::make_fluent_cart_plugin(app.plugin_context()));
    app.add_plugin(plugins::storefront::make_storefront_plugin(app.plugin_context()));
    app.start();

    if (!settings.pid_file.empty()) {
        std::ofstream(settings.pid_file) << ::getpid() << "\n";
    }
    const int threads = settings.worker_threads();
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) workers.emplace_back(serve, std::cref(app), listen_fd);
    core::log_info("listening on " + settings.socket + " with " + std::to_string(threads) +
                   " worker threads");

    int received = 0;
    sigwait(&stop_signals, &received);
    core::log_info("signal " + std::to_string(received) + ": finishing in-flight requests");
    g_stopping = true;
    FCGX_ShutdownPending();
    // Wakes the workers blocked in accept(); one busy with a request finishes it first.
    ::shutdown(listen_fd, SHUT_RDWR);
    for (auto& t : workers) t.join();
    ::close(listen_fd);
    if (settings.socket.find(':') == std::string::npos) ::unlink(settings.socket.c_str());
    if (!settings.pid_file.empty()) ::unlink(settings.pid_file.c_str());
    core::log_info("stopped");
    return 0;
}
