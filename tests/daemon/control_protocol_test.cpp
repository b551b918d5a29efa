#include "daemon/control_protocol.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

TEST_CASE("a request whose arguments are not UTF-8 encodes with U+FFFD instead of throwing") {
  // Found by tests/fuzz/protocol_fuzz.cpp: `freshctl show $'\xff.md'` aborted freshctl.
  const Request request{Command::show, {{"note", std::string("caf\xff.md")}}};
  const std::string line = encode_request(request);
  const auto decoded = decode_request(line);
  REQUIRE(decoded.ok());
  CHECK(decoded->command == Command::show);
  CHECK(decoded->args.at("note").get<std::string>() == "caf\xEF\xBF\xBD.md");
}

TEST_CASE("a request survives encoding and decoding unchanged") {
  const Request request{Command::validate,
                        {{"notes", {"ai/news.md", "caf\xC3\xA9.md"}}, {"dry_run", true}}};
  const auto decoded = decode_request(encode_request(request));
  REQUIRE(decoded.ok());
  CHECK(decoded->command == Command::validate);
  CHECK(decoded->args == request.args);
}

TEST_CASE("malformed request lines are errors that say what is wrong") {
  struct Case {
    const char* line;
    const char* error;
  };
  for (const Case& c : {
           Case{"", "request is not a JSON object"},
           Case{"{\"version\":1,\"command\":\"show\"", "request is not a JSON object"},
           Case{"[1]", "request is not a JSON object"},
           Case{"{\"command\":\"show\"}", "request has no protocol version"},
           Case{"{\"version\":2,\"command\":\"show\"}", "speaks protocol version 2"},
           Case{"{\"version\":1}", "request has no command"},
           Case{"{\"version\":1,\"command\":\"shw\"}", "unknown command 'shw'"},
           Case{"{\"version\":1,\"command\":\"show\",\"args\":[]}", "args must be an object"},
       }) {
    CAPTURE(std::string(c.line));
    const auto decoded = decode_request(c.line);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.find(c.error) != std::string::npos);
  }
}

TEST_CASE("a failure reply with fields of the wrong type decodes instead of throwing") {
  // Found by tests/fuzz/protocol_fuzz.cpp: such a reply aborted freshctl.
  struct Case {
    const char* line;
    ErrorCode code;
    const char* message;
  };
  for (const Case& c : {
           Case{R"({"version":1,"ok":false,"error":5})", ErrorCode::failed, "unknown error"},
           Case{R"({"version":1,"ok":false,"error":{"code":7,"message":["x"]}})",
                ErrorCode::failed, "unknown error"},
           Case{R"({"version":1,"ok":false,"error":{"code":"not_found","message":"gone"}})",
                ErrorCode::not_found, "gone"},
           Case{R"({"version":1,"ok":false})", ErrorCode::failed, "unknown error"},
       }) {
    CAPTURE(std::string(c.line));
    const auto reply = decode_reply(c.line);
    REQUIRE(reply.ok());
    CHECK_FALSE(reply->ok);
    CHECK(reply->code == c.code);
    CHECK(reply->message == c.message);
  }
}

TEST_CASE("a result written as text travels as the same line a tree would give") {
  const nlohmann::json result = {{"notes", {{{"path", "a.md"}, {"status", "stale"}}}},
                                 {"now", "2026-11-23T12:00:00Z"}};
  const std::string as_tree = encode_reply(Reply::success(result));
  const std::string as_text = encode_reply(Reply::success_text(result.dump()));
  CHECK(as_text == as_tree);

  // A client that prints the result as it came keeps the text; others get the tree.
  auto kept = decode_reply(as_text, /*keep_text=*/true);
  REQUIRE(kept.ok());
  CHECK(kept->ok);
  CHECK(kept->result_text == result.dump());
  auto value = result_value(*kept);
  REQUIRE(value.ok());
  CHECK(**value == result);
  CHECK(kept->result_text.empty());  // parsed once, then kept as the tree

  auto parsed = decode_reply(as_text);
  REQUIRE(parsed.ok());
  CHECK(parsed->result_text.empty());
  CHECK(parsed->result == result);
}

TEST_CASE("a reply whose text result is not JSON, or of another version, is not passed on") {
  for (const char* line : {
           R"({"ok":true,"result":{"notes":[1,},"version":1})",
           R"({"ok":true,"result":{"notes":[]},"version":2})",
           R"({"ok":true,"result":,"version":1})",
       }) {
    CAPTURE(std::string(line));
    const auto reply = decode_reply(line, /*keep_text=*/true);
    CHECK_FALSE(reply.ok());
  }
  // Failures never keep text.
  const auto failure =
      decode_reply(R"({"ok":false,"error":{"code":"failed","message":"x"},"version":1})", true);
  REQUIRE(failure.ok());
  CHECK_FALSE(failure->ok);
  CHECK(failure->result_text.empty());
}

TEST_CASE("result_value reports a text result that is not JSON") {
  Reply reply = Reply::success_text("{\"notes\":[");
  const auto value = result_value(reply);
  REQUIRE_FALSE(value.ok());
  CHECK(value.error().message.find("not JSON") != std::string::npos);
}

}  // namespace
}  // namespace freshd
