#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace cartpress::test {

// A child process started with posix_spawn; its output goes to a log file. The destructor
// stops only this pid (SIGTERM, then SIGKILL after a deadline).
class Process {
public:
    Process(std::vector<std::string> argv, const std::string& log_path,
            std::vector<std::string> extra_env = {});
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    // SIGTERM and wait; returns the exit status (or -signal), -1000 on timeout (then SIGKILL).
    int stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void kill_now();

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

// Runs a command to completion; returns its exit code and (optionally) captures stdout.
int run_command(const std::vector<std::string>& argv, std::string* output = nullptr,
                const std::string& stdin_data = "");

// A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0).
int free_port();

// mkdtemp under /tmp (short: unix socket paths must stay under 108 bytes).
std::string make_temp_dir(const std::string& tag);
void remove_tree(const std::string& path);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// Polls `ready` until it is true or the deadline passes.
template <class Fn>
bool wait_until(Fn ready, std::chrono::milliseconds deadline);

}  // namespace cartpress::test

#include <thread>

template <class Fn>
bool cartpress::test::wait_until(Fn ready, std::chrono::milliseconds deadline) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < end) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return ready();
}
