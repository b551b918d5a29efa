#include "daemon/control_session.h"

#include "daemon/log.h"

#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include <sys/socket.h>
#include <unistd.h>

namespace freshd {

namespace asio = boost::asio;

ControlSession::ControlSession(asio::local::stream_protocol::socket socket,
                               const Dispatcher& dispatcher, std::chrono::milliseconds timeout,
                               std::function<void()> on_close)
    : socket_(std::move(socket)),
      dispatcher_(dispatcher),
      deadline_(socket_.get_executor()),
      buffer_(kMaxRequestBytes + 1),
      on_close_(std::move(on_close)),
      timeout_(timeout) {}

ControlSession::~ControlSession() {
  if (on_close_) on_close_();
}

void ControlSession::start() {
  ucred cred{};
  socklen_t len = sizeof(cred);
  const bool refused =
      ::getsockopt(socket_.native_handle(), SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
      cred.uid != ::getuid();
  if (refused) {
    log_warning("control socket: refused a peer of uid " + std::to_string(cred.uid) +
                " (only uid " + std::to_string(::getuid()) + " may control this freshd)");
  }
  // A slow or silent client is cut off; it never holds up the others (all I/O is async).
  deadline_.expires_after(timeout_);
  deadline_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->close();
  });
  if (refused) {
    send(Reply::failure(ErrorCode::bad_request, "permission denied: not the socket's owner"));
    return;
  }
  read_request();
}

void ControlSession::refuse(const std::string& message) {
  deadline_.expires_after(timeout_);
  deadline_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->close();
  });
  send(Reply::failure(ErrorCode::failed, message));
}

void ControlSession::read_request() {
  asio::async_read_until(socket_, buffer_, '\n',
                         [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                           if (ec == asio::error::not_found) {
                             self->send(Reply::failure(
                                 ErrorCode::bad_request,
                                 "request larger than " + std::to_string(kMaxRequestBytes) +
                                     " bytes"));
                             return;
                           }
                           if (ec) {
                             self->close();  // EOF before a whole line, timeout, shutdown
                             return;
                           }
                           self->on_line(n);
                         });
}

void ControlSession::on_line(std::size_t bytes) {
  std::string line(asio::buffers_begin(buffer_.data()),
                   asio::buffers_begin(buffer_.data()) + static_cast<std::ptrdiff_t>(bytes) - 1);
  auto request = decode_request(line);
  if (!request) {
    send(Reply::failure(ErrorCode::bad_request, request.error().message));
    return;
  }
  dispatcher_(*request, [self = shared_from_this()](Reply reply) { self->send(reply); });
}

void ControlSession::send(const Reply& reply) {
  if (closed_) return;
  out_ = encode_reply(reply) + "\n";
  asio::async_write(socket_, asio::buffer(out_),
                    [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                      if (ec) return self->close();
                      self->drain();
                    });
}

// Closing a socket with unread input makes the kernel send a reset, which can destroy the
// reply before the peer reads it (a refused peer, an oversized request). So the write side
// is shut first and the rest of the input read and dropped until the peer closes or the
// session's deadline passes.
void ControlSession::drain() {
  boost::system::error_code ignored;
  socket_.shutdown(asio::socket_base::shutdown_send, ignored);
  drain_more();
}

void ControlSession::drain_more() {
  socket_.async_read_some(asio::buffer(sink_),
                          [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                            if (ec) return self->close();
                            self->drain_more();
                          });
}

void ControlSession::close() {
  if (closed_) return;
  closed_ = true;
  deadline_.cancel();
  boost::system::error_code ignored;
  socket_.shutdown(asio::socket_base::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace freshd
