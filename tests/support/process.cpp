#include "support/process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace cartpress::test {
namespace {

std::vector<char*> c_strings(std::vector<std::string>& v) {
    std::vector<char*> out;
    for (auto& s : v) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    for (const auto& x : extra) {
        const auto name = x.substr(0, x.find('=') + 1);
        std::erase_if(env, [&](const std::string& e) { return e.rfind(name, 0) == 0; });
        env.push_back(x);
    }
    return env;
}

}  // namespace

Process::Process(std::vector<std::string> argv, const std::string& log_path,
                 std::vector<std::string> extra_env) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // The test binary may block signals; the child must start with a clean mask.
    sigset_t empty;
    sigemptyset(&empty);
    posix_spawnattr_setsigmask(&attr, &empty);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    auto env = environment_with(extra_env);
    auto args = c_strings(argv);
    auto envp = c_strings(env);
    const int rc = posix_spawnp(&pid_, args[0], &actions, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) throw std::runtime_error("posix_spawn " + argv[0] + ": " + std::strerror(rc));
}

Process::~Process() {
    if (running()) stop(std::chrono::seconds(10));
}

bool Process::running() {
    if (reaped_ || pid_ <= 0) return false;
    const pid_t r = ::waitpid(pid_, &status_, WNOHANG);
    if (r == pid_) reaped_ = true;
    return !reaped_;
}

int Process::stop(std::chrono::milliseconds timeout) {
    if (running()) {
        ::kill(pid_, SIGTERM);
        if (!wait_until([&] { return !running(); }, timeout)) {
            ::kill(pid_, SIGKILL);
            wait_until([&] { return !running(); }, std::chrono::seconds(5));
            return -1000;
        }
    }
    if (WIFEXITED(status_)) return WEXITSTATUS(status_);
    if (WIFSIGNALED(status_)) return -WTERMSIG(status_);
    return -1;
}

void Process::kill_now() {
    if (running()) {
        ::kill(pid_, SIGKILL);
        wait_until([&] { return !running(); }, std::chrono::seconds(5));
    }
}

int run_command(const std::vector<std::string>& argv, std::string* output,
                const std::string& stdin_data) {
    int out_pipe[2];
    int in_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(in_pipe) != 0) throw std::runtime_error("pipe");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in_pipe[0], STDIN_FILENO);
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::close(in_pipe[1]);
        ::close(out_pipe[0]);
        sigset_t empty;
        sigemptyset(&empty);
        sigprocmask(SIG_SETMASK, &empty, nullptr);
        std::vector<std::string> copy = argv;
        auto args = c_strings(copy);
        ::execvp(args[0], args.data());
        _exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    std::thread writer([&] {
        std::size_t off = 0;
        while (off < stdin_data.size()) {
            const ssize_t n = ::write(in_pipe[1], stdin_data.data() + off, stdin_data.size() - off);
            if (n <= 0) break;
            off += static_cast<std::size_t>(n);
        }
        ::close(in_pipe[1]);
    });
    std::string collected;
    char buf[8192];
    ssize_t n;
    while ((n = ::read(out_pipe[0], buf, sizeof buf)) > 0)
        collected.append(buf, static_cast<std::size_t>(n));
    ::close(out_pipe[0]);
    writer.join();
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (output) *output = std::move(collected);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("bind 127.0.0.1:0 failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::string make_temp_dir(const std::string& tag) {
    std::string pattern = "/tmp/cp-" + tag + "-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    // nginx workers may run as another user: they must be able to reach sockets inside.
    ::chmod(pattern.c_str(), 0755);
    return pattern;
}

void remove_tree(const std::string& path) {
    if (path.rfind("/tmp/cp-", 0) != 0) return;  // never remove anything else
    run_command({"rm", "-rf", path});
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace cartpress::test
