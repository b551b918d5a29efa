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

}  // namespace
}  // namespace freshd
