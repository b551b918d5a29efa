// freshctl's side of the control socket: one request, one reply, blocking.
#pragma once

#include "daemon/control_protocol.h"

#include <optional>
#include <string>

namespace freshd {

struct ClientOutcome {
  bool reachable = false;  // false: no daemon listens (no socket, connection refused)
  Result<Reply> reply = Error{"no reply"};
};

// Connects to `socket_path`, sends `request`, waits for the reply line. With `keep_text`
// the result stays JSON text (decode_reply).
ClientOutcome call_daemon(const std::string& socket_path, const Request& request,
                          bool keep_text = false);

}  // namespace freshd
