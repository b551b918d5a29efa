#include "daemon/control_client.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace freshd {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

bool send_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

ClientOutcome call_daemon(const std::string& socket_path, const Request& request,
                          bool keep_text) {
  ClientOutcome out;
  Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) return out;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof(addr.sun_path)) return out;
  std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size());
  if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) return out;
  out.reachable = true;
  // A refused peer is answered before its request is read, so the send may fail with a
  // reply already waiting: read it before reporting the send error.
  const bool sent = send_all(fd.get(), encode_request(request) + "\n");
  const int send_errno = errno;
  std::string line;
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::recv(fd.get(), chunk, sizeof(chunk), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    line.append(chunk, static_cast<std::size_t>(n));
  }
  while (!line.empty() && line.back() == '\n') line.pop_back();
  if (line.empty()) {
    out.reply = Error{sent ? "freshd at " + socket_path + " closed the connection without a reply"
                           : "cannot send to freshd at " + socket_path + ": " +
                                 std::strerror(send_errno)};
    return out;
  }
  out.reply = decode_reply(line, keep_text);
  return out;
}

}  // namespace freshd
