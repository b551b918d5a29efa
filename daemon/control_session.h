// One control connection: check the peer, read one request line (size-capped, with a
// timeout), hand it to the dispatcher, write the reply, close. Lives on the loop thread;
// kept alive by its own shared_ptr while an operation is pending.
#pragma once

#include "daemon/control_protocol.h"

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>

#include <array>
#include <chrono>
#include <functional>
#include <memory>

namespace freshd {

using ReplyCallback = std::function<void(Reply)>;
// Handles a request on the loop thread and calls the callback exactly once, now or later.
using Dispatcher = std::function<void(const Request&, ReplyCallback)>;

class ControlSession : public std::enable_shared_from_this<ControlSession> {
 public:
  ControlSession(boost::asio::local::stream_protocol::socket socket, const Dispatcher& dispatcher,
                 std::chrono::milliseconds timeout, std::function<void()> on_close);
  ~ControlSession();

  // Refuses peers whose uid differs from ours (SO_PEERCRED), else reads the request.
  void start();
  // Replies with an error without reading (too many connections).
  void refuse(const std::string& message);

 private:
  void read_request();
  void on_line(std::size_t bytes);
  void send(const Reply& reply);
  void drain();
  void drain_more();
  void close();

  boost::asio::local::stream_protocol::socket socket_;
  Dispatcher dispatcher_;
  boost::asio::steady_timer deadline_;
  boost::asio::streambuf buffer_;
  std::string out_;
  std::array<char, 4096> sink_{};
  std::function<void()> on_close_;
  std::chrono::milliseconds timeout_;
  bool closed_ = false;
};

}  // namespace freshd
