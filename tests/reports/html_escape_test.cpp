#include "reports/html_escape.h"

#include <doctest/doctest.h>

namespace freshd::html {
namespace {

TEST_CASE("escape makes the five HTML-special characters inert") {
  CHECK(escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(escape("plain ü text") == "plain ü text");
  CHECK(escape("&amp;") == "&amp;amp;");
}

TEST_CASE("encode_path keeps unreserved characters and slashes, encodes every other byte") {
  CHECK(encode_path("ai/x-1_a.b~c.md") == "ai/x-1_a.b~c.md");
  CHECK(encode_path("My Notes/a#b?c:d.md") == "My%20Notes/a%23b%3Fc%3Ad.md");
  CHECK(encode_path("é.md") == "%C3%A9.md");
  CHECK(encode_path("javascript:alert(1)") == "javascript%3Aalert%281%29");
}

TEST_CASE("relative_href climbs out of the report folder to the note") {
  struct Case {
    const char* dir;
    const char* href;
  };
  const Case cases[] = {
      {"freshd-reports", "../ai/x.md"}, {"freshd-reports/", "../ai/x.md"},
      {"a/b", "../../ai/x.md"},         {"./a//b/", "../../ai/x.md"},
      {"a/../b", "../ai/x.md"},         {"", "ai/x.md"},
      {".", "ai/x.md"},
  };
  for (const Case& c : cases) {
    INFO(c.dir);
    CHECK(relative_href(c.dir, "/v", "ai/x.md") == c.href);
  }
}

TEST_CASE("a report folder outside the vault links to the notes' absolute paths") {
  CHECK(relative_href("/srv/reports", "/home/ana/notes", "ai/x y.md") ==
        "/home/ana/notes/ai/x%20y.md");
  CHECK(relative_href("/srv/reports", "/home/ana/notes/", "ai/x.md") == "/home/ana/notes/ai/x.md");
}

}  // namespace
}  // namespace freshd::html
