#include "model/front_matter.h"

#include "model/note_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

FrontMatter read(const std::string& text) { return read_front_matter(split_lines(text)); }

FrontMatterEntry scalar(std::string key, std::string value, int line) {
  return {std::move(key), std::move(value), {}, false, line};
}

FrontMatterEntry list(std::string key, std::vector<std::string> items, std::string value,
                      int line) {
  return {std::move(key), std::move(value), std::move(items), true, line};
}

using Entries = std::vector<FrontMatterEntry>;

TEST_CASE("only a first line of exactly --- or +++ opens front matter") {
  struct Case {
    std::string text;
    FrontMatterFormat format;
    std::size_t body_begin;
  };
  const std::vector<Case> cases{
      {"---\na: 1\n---\nbody\n", FrontMatterFormat::yaml, 3},
      {"---  \na: 1\n---\t\nbody\n", FrontMatterFormat::yaml, 3},
      {"---\na: 1\n...\nbody\n", FrontMatterFormat::yaml, 3},
      {"+++\na = 1\n+++\n", FrontMatterFormat::toml, 3},
      {"----\na: 1\n---\n", FrontMatterFormat::none, 0},
      {" ---\na: 1\n---\n", FrontMatterFormat::none, 0},
      {"text\n---\na: 1\n---\n", FrontMatterFormat::none, 0},
      {"", FrontMatterFormat::none, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto fm = read(c.text);
    CHECK(fm.format == c.format);
    CHECK(fm.body_begin == c.body_begin);
    CHECK(fm.problems.empty());
  }
}

TEST_CASE("YAML entries: scalars, lists of scalars, flow templates; nested maps and nulls left out") {
  const auto fm = read(
      "---\n"
      "title: \"Quoted: yes\"\n"
      "tags:\n"
      "  - a\n"
      "  - [nested]\n"
      "  - b\n"
      "author:\n"
      "  name: x\n"
      "empty:\n"
      "date: {{date}}\n"
      "count: 3\n"
      "---\n");
  CHECK(fm.entries == Entries{scalar("title", "Quoted: yes", 2),
                              list("tags", {"a", "b"}, "a, b", 3),
                              scalar("date", "{{date}}", 10), scalar("count", "3", 11)});
  CHECK(fm.body_begin == 12);
}

TEST_CASE("YAML values as the YAML spec reads them: nulls, quotes, block scalars, aliases") {
  struct Case {
    std::string yaml;  // between the delimiters
    Entries entries;
  };
  const std::vector<Case> cases{
      {"a: ~\nb: null\nc: NULL\nd: Null\ne:\n", {}},
      {"a: \"null\"\nb: '~'\nc: !!str null\n",
       {scalar("a", "null", 2), scalar("b", "~", 3), scalar("c", "null", 4)}},
      {"tags: [a, ~, 'b', null, \"\"]\n", {list("tags", {"a", "b", ""}, "a, b, ", 2)}},
      {"note: |\n  line one\n  line two\nfolded: >\n  one\n  two\n",
       {scalar("note", "line one\nline two\n", 2), scalar("folded", "one two\n", 5)}},
      {"published: &day 2024-03-01\nupdated: *day\n",
       {scalar("published", "2024-03-01", 2), scalar("updated", "2024-03-01", 3)}},
      {"base: &tags [x, y]\ntags: *tags\n",
       {list("base", {"x", "y"}, "x, y", 2), list("tags", {"x", "y"}, "x, y", 3)}},
      {"? [complex, key]\n: value\n~: nothing\nplain: kept\n", {scalar("plain", "kept", 5)}},
      {"\"quoted key\": v\n", {scalar("quoted key", "v", 2)}},
      {"titre: {{titre}}\nrésumé: {{résumé}}\n",
       {scalar("titre", "{{titre}}", 2), scalar("résumé", "{{résumé}}", 3)}},
      {"date: 2024-01-01 # a comment\n# only a comment\n", {scalar("date", "2024-01-01", 2)}},
      {"# nothing but a comment\n", {}},
      {"~\n", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.yaml);
    const auto fm = read("---\n" + c.yaml + "---\n");
    CHECK(fm.problems.empty());
    CHECK(fm.entries == c.entries);
  }
}

TEST_CASE("YAML aliases may copy no more than the front matter could hold") {
  // One 100 KB scalar named 40 times would be 4 MB of copies.
  std::string text = "---\nbig: &big " + std::string(100 * 1024, 'x') + "\ntags: [";
  for (int i = 0; i < 40; ++i) text += (i ? ", " : "") + std::string("*big");
  text += "]\n---\n";
  const auto fm = read(text);
  CHECK(fm.entries.empty());
  REQUIRE(fm.problems.size() == 1);
  CHECK(fm.problems[0].line == 3);
  CHECK(fm.problems[0].message ==
        "broken YAML front matter: aliases copy more than 256 KiB; fix the front matter");
}

TEST_CASE("an empty front matter has no entries and no problem") {
  const auto fm = read("---\n---\ntext\n");
  CHECK(fm.format == FrontMatterFormat::yaml);
  CHECK(fm.entries.empty());
  CHECK(fm.problems.empty());
  CHECK(fm.body_begin == 2);
}

TEST_CASE("TOML entries as text in line order; dates in ISO form") {
  const auto fm = read(
      "+++\n"
      "zeta = \"last key, first line\"\n"
      "date = 2024-05-01T08:00:00.250Z\n"
      "local = 2024-05-01T08:00:00\n"
      "offset = 2024-05-01T08:00:00-04:30\n"
      "day = 2024-05-01\n"
      "time = 07:32:00\n"
      "ratio = 0.5\n"
      "draft = true\n"
      "tags = [\"a\", 2, [\"nested\"]]\n"
      "[params]\n"
      "date = 2020-01-01\n"
      "+++\n");
  CHECK(fm.format == FrontMatterFormat::toml);
  CHECK(fm.problems.empty());
  CHECK(fm.entries == Entries{scalar("zeta", "last key, first line", 2),
                              scalar("date", "2024-05-01T08:00:00.25Z", 3),
                              scalar("local", "2024-05-01T08:00:00", 4),
                              scalar("offset", "2024-05-01T08:00:00-04:30", 5),
                              scalar("day", "2024-05-01", 6), scalar("time", "07:32:00", 7),
                              scalar("ratio", "0.5", 8), scalar("draft", "true", 9),
                              list("tags", {"a", "2"}, "a, 2", 10)});
}

TEST_CASE("a parser error becomes one problem with the note's line; no entries survive") {
  struct Case {
    std::string text;
    int line;
    std::string message;
  };
  const std::vector<Case> cases{
      {"---\ntitle: a\n  bad: b\n---\n", 3,
       "broken YAML front matter: mapping values are not allowed in this context; fix the "
       "front matter"},
      {"---\ntitle: ok\ntags: [a, b\ndate: 2025-01-01\n---\n", 4,
       "broken YAML front matter: did not find expected ',' or ']' while parsing a flow "
       "sequence started on line 3; fix the front matter"},
      {"---\ndate: \"2025-01-01\n---\n", 3,
       "broken YAML front matter: found unexpected end of stream while scanning a quoted "
       "scalar started on line 2; fix the front matter"},
      {"---\ntags: *missing\n---\n", 2,
       "broken YAML front matter: the alias *missing names no anchor; fix the front matter"},
      {"+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", 3,
       "broken TOML front matter: Error while parsing key-value pair: cannot redefine "
       "existing string 'title'; fix the front matter"},
      {"---\nx: " + std::string(5000, '[') + "\n---\n", 2,
       "broken YAML front matter: nested more than 499 levels deep; fix the front matter"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto fm = read(c.text);
    CHECK(fm.entries.empty());
    REQUIRE(fm.problems.size() == 1);
    CHECK(fm.problems[0].line == c.line);
    CHECK(fm.problems[0].key == "");
    CHECK(fm.problems[0].message == c.message);
  }
}

TEST_CASE("YAML aliases are not expanded into memory") {
  // Each level refers nine times to the one before: expanded, it would be 9^10 items.
  std::string text = "---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 10; ++level) {
    const std::string prev = "*l" + std::to_string(level - 1);
    text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) text += (i ? ", " : "") + prev;
    text += "]\n";
  }
  text += "tags: *l10\n---\n";
  const auto fm = read(text);
  CHECK(fm.problems.empty());
  REQUIRE(fm.entries.size() == 12);
  CHECK(fm.entries[11] == list("tags", {}, "", 13));
}

}  // namespace
}  // namespace freshd
