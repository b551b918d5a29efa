// The control socket: a Unix stream socket in a 0700 directory, the socket itself 0600,
// accepting at most kMaxConnections at once (the rest get a "busy" reply).
#pragma once

#include "daemon/control_session.h"
#include "model/result.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>

#include <memory>
#include <string>

namespace freshd {

class ControlServer {
 public:
  static constexpr std::size_t kMaxConnections = 64;
  static constexpr std::chrono::milliseconds kRequestTimeout{10'000};

  // Binds `socket_path` (creating its directory 0700; replacing a stale socket that no
  // process listens on). Errors: another freshd listens there, or the path is unusable.
  static Result<std::unique_ptr<ControlServer>> bind(boost::asio::io_context& loop,
                                                     const std::string& socket_path,
                                                     Dispatcher dispatcher);
  ~ControlServer();

  void start();
  // Stops accepting and removes the socket file. Sessions in flight finish.
  void stop();

 private:
  ControlServer(boost::asio::io_context& loop, std::string path, Dispatcher dispatcher);
  void accept();

  boost::asio::local::stream_protocol::acceptor acceptor_;
  std::string path_;
  Dispatcher dispatcher_;
  std::shared_ptr<std::size_t> open_sessions_ = std::make_shared<std::size_t>(0);
};

}  // namespace freshd
