// The control protocol shared by freshd and freshctl: one JSON request per connection,
// one JSON reply, each on one line. Bump kProtocolVersion on any incompatible change; a
// peer speaking another version gets a clear error instead of a misread.
//
//   request: {"version": 1, "command": "list", "args": {"stale": true}}
//   reply:   {"version": 1, "ok": true, "result": {...}}
//            {"version": 1, "ok": false, "error": {"code": "not_found", "message": "..."}}
#pragma once

#include "model/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace freshd {

inline constexpr int kProtocolVersion = 1;
// Requests longer than this are refused without being parsed.
inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;

enum class Command {
  status, recheck, list, show, timeline, validate, snooze, unsnooze, report, reload
};

std::string_view to_string(Command command);
std::optional<Command> command_from_string(std::string_view text);

struct Request {
  Command command = Command::status;
  nlohmann::json args = nlohmann::json::object();
};

enum class ErrorCode {
  bad_request,  // malformed, unknown command, bad argument: the caller's mistake
  not_found,    // a named note is not in the index
  failed,       // the daemon could not do it (store, file system, ...)
};

std::string_view to_string(ErrorCode code);

struct Reply {
  bool ok = true;
  nlohmann::json result = nlohmann::json::object();
  ErrorCode code = ErrorCode::failed;  // when !ok
  std::string message;                 // when !ok
  // When not empty, the result as one line of JSON text, and `result` is not used: a result
  // too large to build as a tree (`list` of a whole vault) is written as text directly, and
  // a client that prints it as it came need not parse it. result_value() gives the value.
  std::string result_text;

  static Reply success(nlohmann::json result) { return Reply{true, std::move(result), {}, {}, {}}; }
  static Reply success_text(std::string json_text) {
    return Reply{true, nlohmann::json::object(), {}, {}, std::move(json_text)};
  }
  static Reply failure(ErrorCode code, std::string message) {
    return Reply{false, nlohmann::json::object(), code, std::move(message), {}};
  }
};

// The reply's result as a value: `result`, or `result_text` parsed (and then kept in
// `result`). Errors when result_text is not JSON.
Result<nlohmann::json*> result_value(Reply& reply);

// One line of JSON, without the trailing newline. Never throws: bytes that are not UTF-8
// become U+FFFD.
std::string encode_request(const Request& request);
std::string encode_reply(const Reply& reply);

// Errors describe what is wrong with the text (not JSON, wrong version, unknown command).
Result<Request> decode_request(std::string_view line);
// With `keep_text`, a successful reply keeps its result as text (Reply::result_text),
// checked to be JSON but not built as a tree: for a client that prints it unchanged.
Result<Reply> decode_reply(std::string_view line, bool keep_text = false);

}  // namespace freshd
