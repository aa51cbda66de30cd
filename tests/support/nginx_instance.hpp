#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace cartpress::test {

// A private nginx master rendered from nginx/cartpress.conf.in (the same template scripts/run
// uses), listening on a free 127.0.0.1 port, in front of one or more host sockets.
class NginxInstance {
public:
    explicit NginxInstance(std::vector<std::string> upstream_sockets);
    ~NginxInstance();
    int port() const { return port_; }
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    int port_ = 0;
    std::unique_ptr<Process> server_;
};

// One cartpress-fcgi process with a generated config file (extra `key = value` lines appended).
class HostProcess {
public:
    HostProcess(const std::string& dir, const std::string& name, const std::string& config_lines);
    ~HostProcess();
    const std::string& socket() const { return socket_; }
    const std::string& log_path() const { return log_; }
    Process& process() { return *process_; }

private:
    std::string socket_;
    std::string log_;
    std::unique_ptr<Process> process_;
};

}  // namespace cartpress::test
