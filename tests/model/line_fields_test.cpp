#include "model/line_fields.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

using Fields = std::vector<LineField>;

Fields inline_fields(std::string_view line) {
  return find_inline_fields(std::vector<std::string_view>{line}, 0);
}

Fields plain_fields(std::string_view line) {
  return find_plain_fields(std::vector<std::string_view>{line}, 0, 1, KeyAliases{});
}

TEST_CASE("inline fields: whole-line and bracketed forms") {
  struct Case {
    std::string line;
    Fields fields;
  };
  const std::vector<Case> cases{
      {"reviewed:: 2026-02-01", {{"reviewed", "2026-02-01", 1}}},
      {"  * Basic Field ::  some value  ", {{"Basic Field", "some value", 1}}},
      {"**Bold Key**:: x", {{"Bold Key", "x", 1}}},
      {"a [due:: [[2026-04-18]]] and (owner:: ann (team)) end",
       {{"due", "[[2026-04-18]]", 1}, {"owner", "ann (team)", 1}}},
      {"[[link]] then [k:: v]", {{"k", "v", 1}}},
      {"[unclosed:: value", {}},
      {"[not a [field]:: x]", {}},
      {"https://example.com and a: b", {}},
      {"::", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(inline_fields(c.line) == c.fields);
  }
}

TEST_CASE("inline fields: begin index, line numbers and fenced code") {
  const std::vector<std::string_view> lines{"a:: 1", "b:: 2", "```", "c:: 3", "```", "d:: 4"};
  CHECK(find_inline_fields(lines, 1) == Fields{{"b", "2", 2}, {"d", "4", 6}});
}

TEST_CASE("plain fields: known keys only, values split at the next known key") {
  struct Case {
    std::string line;
    Fields fields;
  };
  const std::vector<Case> cases{
      {"last_validated: 2026-04-06 decay_rate: slow",
       {{"last_validated", "2026-04-06", 1}, {"decay_rate", "slow", 1}}},
      {"date: 2025-12-04T10:30:00+01:00", {{"date", "2025-12-04T10:30:00+01:00", 1}}},
      {"Title: Notes on date: formats", {{"Title", "Notes on", 1}, {"date", "formats", 1}}},
      {"  owner: ann   tags: a, b", {{"owner", "ann", 1}, {"tags", "a, b", 1}}},
      {"date:2026-04-06", {{"date", "2026-04-06", 1}}},
      {"date: decay_rate: slow", {{"decay_rate", "slow", 1}}},
      {"expires: 2026-01-01 date: 2025-01-01", {}},
      {"reviewed:: 2026-02-01", {}},
      {"See date: 2025-01-01", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(plain_fields(c.line) == c.fields);
  }
}

TEST_CASE("plain fields: only lines [begin, begin + count)") {
  const std::vector<std::string_view> lines{"date: 2020-01-01", "date: 2021-01-01",
                                            "date: 2022-01-01", "date: 2023-01-01"};
  CHECK(find_plain_fields(lines, 1, 2, KeyAliases{}) ==
        Fields{{"date", "2021-01-01", 2}, {"date", "2022-01-01", 3}});
}

TEST_CASE("field lines are not prose") {
  struct Case {
    std::string line;
    bool field;
  };
  const std::vector<Case> cases{
      {"reviewed:: 2026-02-01", true}, {"see [x:: 1]", true},  {"expires: 2027-01-01", true},
      {"note:", true},                 {"10:30 meeting", false}, {"http://x.org", false},
      {"Published December 4, 2025", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(is_field_line(c.line) == c.field);
  }
}

}  // namespace
}  // namespace freshd
