#include "daemon/control_protocol.h"

#include <array>
#include <utility>

namespace freshd {
namespace {

constexpr std::array<std::pair<Command, std::string_view>, 10> kCommands{{
    {Command::status, "status"},
    {Command::recheck, "recheck"},
    {Command::list, "list"},
    {Command::show, "show"},
    {Command::timeline, "timeline"},
    {Command::validate, "validate"},
    {Command::snooze, "snooze"},
    {Command::unsnooze, "unsnooze"},
    {Command::report, "report"},
    {Command::reload, "reload"},
}};

constexpr std::array<std::pair<ErrorCode, std::string_view>, 3> kCodes{{
    {ErrorCode::bad_request, "bad_request"},
    {ErrorCode::not_found, "not_found"},
    {ErrorCode::failed, "failed"},
}};

Result<nlohmann::json> parse_versioned(std::string_view line, std::string_view what) {
  // The JSON adapter: nlohmann throws on malformed input, so parse without exceptions.
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Error{std::string(what) + " is not a JSON object"};
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer())
    return Error{std::string(what) + " has no protocol version"};
  if (*version != kProtocolVersion)
    return Error{std::string(what) + " speaks protocol version " + version->dump() +
                 ", this build speaks " + std::to_string(kProtocolVersion) +
                 "; use freshd and freshctl from the same release"};
  return j;
}

std::string string_field(const nlohmann::json& object, const char* key, const char* fallback) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

std::string_view to_string(Command command) {
  for (const auto& [c, name] : kCommands)
    if (c == command) return name;
  return "unknown";
}

std::optional<Command> command_from_string(std::string_view text) {
  for (const auto& [c, name] : kCommands)
    if (name == text) return c;
  return std::nullopt;
}

std::string_view to_string(ErrorCode code) {
  for (const auto& [c, name] : kCodes)
    if (c == code) return name;
  return "failed";
}

std::string encode_request(const Request& request) {
  // Arguments come from the command line, which may hold any bytes (a file name that is
  // not UTF-8): replace rather than throw; the daemon then answers "not found".
  return nlohmann::json{{"version", kProtocolVersion},
                        {"command", to_string(request.command)},
                        {"args", request.args}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// How every successful reply line starts and ends around its result (the keys in
// nlohmann's byte order): a result written as text is put between them.
constexpr std::string_view kSuccessHead = R"({"ok":true,"result":)";
std::string success_tail() { return ",\"version\":" + std::to_string(kProtocolVersion) + "}"; }

}  // namespace

std::string encode_reply(const Reply& reply) {
  if (reply.ok && !reply.result_text.empty())
    return std::string(kSuccessHead) + reply.result_text + success_tail();
  nlohmann::json j{{"version", kProtocolVersion}, {"ok", reply.ok}};
  if (reply.ok)
    j["result"] = reply.result;
  else
    j["error"] = {{"code", to_string(reply.code)}, {"message", reply.message}};
  // Replies may quote note text that is not valid UTF-8: replace rather than throw.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Request> decode_request(std::string_view line) {
  auto j = parse_versioned(line, "request");
  if (!j) return j.error();
  const auto command = j->find("command");
  if (command == j->end() || !command->is_string()) return Error{"request has no command"};
  const auto parsed = command_from_string(command->get<std::string>());
  if (!parsed) return Error{"unknown command '" + command->get<std::string>() + "'"};
  Request request{*parsed, nlohmann::json::object()};
  const auto args = j->find("args");
  if (args != j->end()) {
    if (!args->is_object()) return Error{"request args must be an object"};
    request.args = *args;
  }
  return request;
}

Result<Reply> decode_reply(std::string_view line, bool keep_text) {
  const std::string tail = success_tail();
  if (keep_text && line.size() > kSuccessHead.size() + tail.size() &&
      line.starts_with(kSuccessHead) && line.ends_with(tail)) {
    std::string_view text = line.substr(kSuccessHead.size());
    text.remove_suffix(tail.size());
    if (nlohmann::json::accept(text)) return Reply::success_text(std::string(text));
  }
  auto j = parse_versioned(line, "reply");
  if (!j) return j.error();
  const auto ok = j->find("ok");
  if (ok == j->end() || !ok->is_boolean()) return Error{"reply has no ok field"};
  if (ok->get<bool>()) return Reply::success(j->value("result", nlohmann::json::object()));
  // json::value() throws when a field has another type: a peer's malformed error must
  // not abort freshctl, so each field is checked.
  const auto error = j->find("error");
  const bool has_error = error != j->end() && error->is_object();
  ErrorCode code = ErrorCode::failed;
  const std::string code_text = has_error ? string_field(*error, "code", "failed") : "failed";
  for (const auto& [c, name] : kCodes)
    if (name == code_text) code = c;
  return Reply::failure(
      code, has_error ? string_field(*error, "message", "unknown error") : "unknown error");
}

Result<nlohmann::json*> result_value(Reply& reply) {
  if (!reply.result_text.empty()) {
    nlohmann::json parsed =
        nlohmann::json::parse(reply.result_text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return Error{"the reply's result is not JSON"};
    reply.result = std::move(parsed);
    reply.result_text.clear();
  }
  return &reply.result;
}

}  // namespace freshd
