#include "model/note_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

using namespace std::string_literals;

TEST_CASE("a NUL byte in the first 8 KiB marks a binary file") {
  CHECK(looks_binary("abc\0def"s));
  CHECK_FALSE(looks_binary("plain text"));
  CHECK_FALSE(looks_binary(std::string(8 * 1024, 'a') + '\0'));
}

TEST_CASE("ill-formed UTF-8 is found at its first byte and replaced by U+FFFD") {
  struct Case {
    std::string text;
    std::size_t first_bad;
    std::string repaired;
  };
  const std::size_t ok = std::string::npos;
  const std::vector<Case> cases{
      {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", ok, "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"},
      {"caf\xE9!", 3, "caf\xEF\xBF\xBD!"},
      {"\xC0\xAF", 0, "\xEF\xBF\xBD\xEF\xBF\xBD"},              // overlong '/'
      {"a\xED\xA0\x80", 1, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
      {"\xF4\x90\x80\x80", 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // > U+10FFFF
      {"end\xE2\x82", 3, "end\xEF\xBF\xBD\xEF\xBF\xBD"},         // truncated
      // Past a run of ASCII longer than 8 bytes, and across an 8-byte boundary.
      {"0123456789abcdef\xFF", 16, "0123456789abcdef\xEF\xBF\xBD"},
      {"0123456\xC3\xA9 89abcdef\xC3", 18, "0123456\xC3\xA9 89abcdef\xEF\xBF\xBD"},
      {"01234567\xE2\x82\xAC" "89abcdef", ok, "01234567\xE2\x82\xAC" "89abcdef"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(find_invalid_utf8(c.text) == c.first_bad);
    CHECK(replace_invalid_utf8(c.text) == c.repaired);
  }
}

TEST_CASE("lines: LF and CRLF ends removed, a final end starts no line, BOM stripped") {
  using Lines = std::vector<std::string_view>;
  CHECK(split_lines("a\r\nb\n\nc") == Lines{"a", "b", "", "c"});
  CHECK(split_lines("a\n") == Lines{"a"});
  CHECK(split_lines("").empty());
  CHECK(strip_bom("\xEF\xBB\xBFtext") == "text");
  CHECK(strip_bom("text") == "text");
  CHECK(line_of_offset("a\nb\nc", 4) == 3);
  CHECK(line_of_offset("a\nb\nc", 0) == 1);
}

}  // namespace
}  // namespace freshd
