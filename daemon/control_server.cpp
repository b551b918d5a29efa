#include "daemon/control_server.h"

#include "daemon/log.h"
#include "daemon/runtime.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace freshd {

namespace asio = boost::asio;
using asio::local::stream_protocol;

namespace {

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// True when a process accepts connections on `path`.
bool someone_listens(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  const bool listening = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  ::close(fd);
  return listening;
}

}  // namespace

ControlServer::ControlServer(asio::io_context& loop, std::string path, Dispatcher dispatcher)
    : acceptor_(loop), path_(std::move(path)), dispatcher_(std::move(dispatcher)) {}

ControlServer::~ControlServer() { stop(); }

Result<std::unique_ptr<ControlServer>> ControlServer::bind(asio::io_context& loop,
                                                           const std::string& socket_path,
                                                           Dispatcher dispatcher) {
  if (socket_path.size() >= sizeof(sockaddr_un::sun_path))
    return Error{"control socket path too long (" + socket_path + "); set daemon.socket"};
  const std::string dir = parent_dir(socket_path);
  if (auto s = ensure_directory(dir); !s) return Error{"control socket: " + s.error().message};
  if (someone_listens(socket_path))
    return Error{"another freshd already listens on " + socket_path + "; stop it first"};
  ::unlink(socket_path.c_str());
  std::unique_ptr<ControlServer> server(new ControlServer(loop, socket_path, std::move(dispatcher)));
  boost::system::error_code ec;
  server->acceptor_.open(stream_protocol(), ec);
  // Created 0600 from the start: no window where another user could connect.
  const mode_t old_mask = ::umask(0177);
  if (!ec) server->acceptor_.bind(stream_protocol::endpoint(socket_path), ec);
  ::umask(old_mask);
  if (!ec) server->acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Error{"control socket " + socket_path + ": " + ec.message()};
  ::chmod(socket_path.c_str(), 0600);
  return server;
}

void ControlServer::start() { accept(); }

void ControlServer::stop() {
  if (!acceptor_.is_open()) return;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  ::unlink(path_.c_str());
}

void ControlServer::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, stream_protocol::socket socket) {
    if (ec == asio::error::operation_aborted) return;  // shutdown
    if (!ec) {
      auto counter = open_sessions_;
      const bool busy = *counter >= kMaxConnections;
      ++*counter;
      auto session = std::make_shared<ControlSession>(std::move(socket), dispatcher_,
                                                      kRequestTimeout, [counter] { --*counter; });
      if (busy)
        session->refuse("freshd is busy (" + std::to_string(kMaxConnections) +
                        " connections open); try again");
      else
        session->start();
    } else {
      log_warning("control socket: accept failed: " + ec.message());
    }
    accept();
  });
}

}  // namespace freshd
