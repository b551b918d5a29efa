// Fuzzes the control protocol: a request or reply line as read off the socket (the
// session cuts at the first newline and refuses lines over kMaxRequestBytes), and
// requests built from arbitrary argument bytes as freshctl builds them from argv.
// Invariants: nothing throws or crashes; what decodes re-encodes to a line that decodes
// to the same value.
#include "tests/fuzz/fuzz_options.h"

#include "daemon/control_protocol.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using freshd::fuzz::require;

void check_request_line(std::string_view line) {
  const auto request = freshd::decode_request(line);
  if (!request) {
    require(!request.error().message.empty());
    return;
  }
  const auto again = freshd::decode_request(freshd::encode_request(*request));
  require(again.ok() && again->command == request->command && again->args == request->args);
}

void check_reply_line(std::string_view line) {
  const auto reply = freshd::decode_reply(line);
  if (!reply) return;
  const auto again = freshd::decode_reply(freshd::encode_reply(*reply));
  require(again.ok() && again->ok == reply->ok);
}

// freshctl puts command-line words (any bytes) into a request's arguments.
void check_built_request(std::string_view bytes) {
  freshd::Request request{freshd::Command::show, {{"note", std::string(bytes)}}};
  const std::string line = freshd::encode_request(request);
  require(line.find('\n') == std::string::npos);
  require(freshd::decode_request(line).ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  line = line.substr(0, line.find('\n'));
  if (line.size() > freshd::kMaxRequestBytes) return 0;
  check_request_line(line);
  check_reply_line(line);
  check_built_request(line);
  return 0;
}
