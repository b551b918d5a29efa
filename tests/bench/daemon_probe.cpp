#include "daemon_probe.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace freshd::bench {
namespace {

Error errno_error(const std::string& what) { return Error{what + ": " + std::strerror(errno)}; }

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

Status set_timeout(int fd, std::chrono::milliseconds timeout) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  if (::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0 ||
      ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) != 0)
    return errno_error("setsockopt");
  return ok_status();
}

Status connect_to(int fd, const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path)
    return Error{"socket path too long (" + std::to_string(path.size()) + " bytes): " + path};
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
    return errno_error("connect " + path);
  return ok_status();
}

Status send_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("send");
    done += static_cast<std::size_t>(n);
  }
  return ok_status();
}

Result<std::string> read_to_end(int fd) {
  std::string out;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) return out;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("recv");
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

Result<std::string> read_proc(pid_t pid, const char* file) {
  const std::string path = "/proc/" + std::to_string(pid) + "/" + file;
  std::ifstream in(path);
  if (!in) return Error{"cannot read " + path + " (has the process exited?)"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<nlohmann::json> control_call(const std::string& socket_path,
                                    const std::string& request_line,
                                    std::chrono::milliseconds timeout) {
  Socket s(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (s.fd() < 0) return errno_error("socket");
  if (auto st = set_timeout(s.fd(), timeout); !st) return st.error();
  if (auto st = connect_to(s.fd(), socket_path); !st) return st.error();
  if (auto st = send_all(s.fd(), request_line + "\n"); !st) return st.error();
  auto raw = read_to_end(s.fd());
  if (!raw) return raw.error();
  auto reply = nlohmann::json::parse(*raw, nullptr, false);
  if (reply.is_discarded()) return Error{"the daemon's reply is not JSON: " + raw->substr(0, 200)};
  return reply;
}

Status wait_until_scanned(const std::string& socket_path, const std::function<bool()>& alive,
                          std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string last = "no answer yet";
  while (std::chrono::steady_clock::now() < deadline) {
    if (!alive()) return Error{"freshd exited before its first scan finished"};
    auto reply = control_call(socket_path, kStatusRequest, std::chrono::seconds(120));
    if (reply && reply->value("ok", false)) {
      const auto& daemon = (*reply)["result"]["daemon"];
      if (daemon.is_object() && !daemon.value("scanning", true)) return ok_status();
      last = "still scanning";
    } else {
      last = reply ? reply->dump() : reply.error().message;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Error{"freshd did not finish its first scan within " + std::to_string(timeout.count()) +
               " s (" + last + ")"};
}

Result<long> proc_status_kib(pid_t pid, const std::string& key) {
  auto text = read_proc(pid, "status");
  if (!text) return text.error();
  std::istringstream lines(*text);
  const std::string prefix = key + ":";
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
  return Error{"no " + key + " line in /proc/" + std::to_string(pid) + "/status"};
}

Result<double> cpu_seconds(pid_t pid) {
  auto text = read_proc(pid, "stat");
  if (!text) return text.error();
  // The command name (field 2) may hold spaces; fields are counted after its ')'.
  const auto close = text->rfind(')');
  if (close == std::string::npos) return Error{"unexpected /proc/PID/stat format"};
  std::istringstream fields(text->substr(close + 1));
  std::vector<std::string> f;
  for (std::string field; fields >> field;) f.push_back(field);
  // After ')': state is field 3, so utime (14) and stime (15) are at 11 and 12.
  if (f.size() < 13) return Error{"unexpected /proc/PID/stat format"};
  const double ticks = static_cast<double>(std::stoull(f[11]) + std::stoull(f[12]));
  return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

}  // namespace freshd::bench
