#include "model/metadata_extractor.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

using namespace std::chrono_literals;
using namespace std::string_literals;

// 2026-11-23T12:00:00Z: the local day in Berlin is 2026-11-23, so 2026-11-24 is the last
// day that is not in the future.
ExtractOptions berlin(Seconds now = date::sys_days{date::year{2026} / 11 / 23} + 12h) {
  ExtractOptions options;
  options.dates.zone = date::locate_zone("Europe/Berlin");
  options.now = now;
  return options;
}

NoteMetadata extract(std::string_view text, std::string_view path = "notes/note.md",
                     const ExtractOptions& options = berlin()) {
  return extract_metadata(path, text, options);
}

std::string where(const Provenance& p) {
  return std::string(to_string(p.kind)) + " " + p.key + "@" + std::to_string(p.line) + " '" +
         p.raw + "'";
}

// "2025-12-04 yaml_front_matter date@3 '2025-12-04'": value, source, key, line, raw.
std::string describe(const std::optional<DatedFact>& fact) {
  return fact ? format_date(fact->date) + " " + where(fact->provenance) : "none";
}

std::string describe(const std::optional<TextFact>& fact) {
  return fact ? fact->value + " " + where(fact->provenance) : "none";
}

std::vector<std::string> problems(const NoteMetadata& meta) {
  std::vector<std::string> out;
  for (const auto& p : meta.problems)
    out.push_back(std::to_string(p.line) + " " + p.key + ": " + p.message);
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("YAML front matter: every fact with its key's line and the scalar as written") {
  const auto meta = extract(
      "---\n"
      "title: \"Scaling laws, revisited\"\n"
      "date: 2025-12-04T10:30:00+01:00\n"
      "last_validated: \"2026-04-06\"\n"
      "decay_rate: fast\n"
      "owner: alice\n"
      "tags: [ai, scaling]\n"
      "---\n"
      "Body text of 2020-01-01.\n");
  CHECK(describe(meta.title) ==
        "Scaling laws, revisited yaml_front_matter title@2 'Scaling laws, revisited'");
  CHECK(describe(meta.published) ==
        "2025-12-04T09:30:00Z yaml_front_matter date@3 '2025-12-04T10:30:00+01:00'");
  CHECK(meta.published->date.precision == DatePrecision::instant);
  CHECK(describe(meta.validated) == "2026-04-06 yaml_front_matter last_validated@4 '2026-04-06'");
  CHECK(describe(meta.edited) == "none");
  CHECK(describe(meta.decay) == "fast yaml_front_matter decay_rate@5 'fast'");
  CHECK(describe(meta.owner) == "alice yaml_front_matter owner@6 'alice'");
  CHECK(meta.tags == Strings{"ai", "scaling"});
  CHECK(problems(meta).empty());
}

TEST_CASE("an instant's day is the day it falls on in the vault's zone") {
  const auto meta = extract("---\ndate: 2025-12-31T23:30:00Z\n---\n");
  REQUIRE(meta.published);
  CHECK(format_day(meta.published->date.day) == "2026-01-01");
  CHECK(format_instant(meta.published->date.instant) == "2025-12-31T23:30:00Z");
}

TEST_CASE("TOML front matter: native dates as ISO text, local date-times in the vault zone") {
  const auto meta = extract(
      "+++\n"
      "title = \"Launch\"\n"
      "date = 2024-05-01T08:00:00\n"
      "lastmod = 2025-01-10\n"
      "last_validated = 2025-02-03T10:00:00+02:00\n"
      "decay_rate = \"slow\"\n"
      "tags = [\"go\", \"#release\"]\n"
      "+++\n");
  CHECK(describe(meta.title) == "Launch toml_front_matter title@2 'Launch'");
  CHECK(describe(meta.published) ==
        "2024-05-01T06:00:00Z toml_front_matter date@3 '2024-05-01T08:00:00'");
  CHECK(describe(meta.edited) == "2025-01-10 toml_front_matter lastmod@4 '2025-01-10'");
  CHECK(describe(meta.validated) ==
        "2025-02-03T08:00:00Z toml_front_matter last_validated@5 '2025-02-03T10:00:00+02:00'");
  CHECK(describe(meta.decay) == "slow toml_front_matter decay_rate@6 'slow'");
  CHECK(meta.tags == Strings{"go", "release"});
  CHECK(problems(meta).empty());
}

TEST_CASE("Dataview inline fields count on their own line and inside brackets") {
  struct Case {
    std::string line;
    std::string validated;
  };
  const std::vector<Case> cases{
      {"reviewed:: 2026-02-01", "2026-02-01 inline_field reviewed@2 '2026-02-01'"},
      {"- **Last Validated**:: 2026-03-01",
       "2026-03-01 inline_field Last Validated@2 '2026-03-01'"},
      {"Checked it [verified:: [[2026-04-18]]] today.",
       "2026-04-18 inline_field verified@2 '[[2026-04-18]]'"},
      {"See (checked:: 2026-01-05) for details.",
       "2026-01-05 inline_field checked@2 '2026-01-05'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto meta = extract("# Note\n" + c.line + "\n");
    CHECK(describe(meta.validated) == c.validated);
    CHECK(describe(meta.published) == "none");
    CHECK(problems(meta).empty());
  }
}

TEST_CASE("plain fields: several on one line, each value runs to the next known key") {
  auto meta = extract("last_validated: 2026-04-06 decay_rate: slow\nText.\n");
  CHECK(describe(meta.validated) == "2026-04-06 plain_field last_validated@1 '2026-04-06'");
  CHECK(describe(meta.decay) == "slow plain_field decay_rate@1 'slow'");

  meta = extract("Date: 2025-12-04T10:30:00+01:00 Owner: Alice Smith\n");
  CHECK(describe(meta.published) ==
        "2025-12-04T09:30:00Z plain_field Date@1 '2025-12-04T10:30:00+01:00'");
  CHECK(describe(meta.owner) == "Alice Smith plain_field Owner@1 'Alice Smith'");
  CHECK(problems(meta).empty());
}

TEST_CASE("plain fields are read only in the first lines and only for known keys") {
  auto options = berlin();
  options.plain_field_lines = 3;
  auto meta = extract("one\ntwo\nthree\nlast_validated: 2026-04-06\n", "a.md", options);
  CHECK(describe(meta.validated) == "none");
  CHECK(describe(meta.published) == "none");  // a field line is not prose either

  meta = extract("expires: 2026-01-01\nsource: https://example.com\n");
  CHECK(describe(meta.published) == "none");
  CHECK(problems(meta).empty());

  // After front matter the lines are counted from the body.
  options.plain_field_lines = 1;
  meta = extract("---\ntitle: T\n---\nreviewed: 2026-02-01\nchecked: 2026-03-01\n", "a.md",
                 options);
  CHECK(describe(meta.validated) == "2026-02-01 plain_field reviewed@4 '2026-02-01'");
}

TEST_CASE("a date in the first lines of prose is the publication date") {
  struct Case {
    std::string line;
    std::string published;
  };
  const std::vector<Case> cases{
      {"Published December 4, 2025 · 12 min", "2025-12-04 text_line @2 'December 4, 2025'"},
      {"This week's edition, 26 November 2025", "2025-11-26 text_line @2 '26 November 2025'"},
      {"Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)",
       "2026-04-19T00:00:00Z text_line @2 "
       "'Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)'"},
      {"Tue, 03 Mar 2026 14:05:00 +0000",
       "2026-03-03T14:05:00Z text_line @2 'Tue, 03 Mar 2026 14:05:00 +0000'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto meta = extract("# A title\n" + c.line + "\n", "notes/2020-01-01-x.md");
    CHECK(describe(meta.published) == c.published);
    CHECK(problems(meta).empty());
  }
}

TEST_CASE("prose dates: only the first text_date_lines lines, never field lines or code") {
  struct Case {
    std::string text;
    std::string published;
  };
  const std::vector<Case> cases{
      {"Intro\nMore\n\n\nPublished December 4, 2025\n", "none"},
      {"note: written December 4, 2025\n", "none"},
      {"```\n2025-01-01\n```\nDecember 4, 2025\n", "2025-12-04 text_line @4 'December 4, 2025'"},
      {"---\ntitle: T\n---\nOn December 4, 2025\n", "2025-12-04 text_line @4 'December 4, 2025'"},
      {"Read [reviewed:: 2026-02-01]\nOn December 4, 2025\n",
       "2025-12-04 text_line @2 'December 4, 2025'"},
  };
  auto options = berlin();
  options.text_date_lines = 4;
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(describe(extract(c.text, "a.md", options).published) == c.published);
  }
}

TEST_CASE("the file name dates a note that has no date of its own") {
  struct Case {
    std::string path;
    std::string published;
  };
  const std::vector<Case> cases{
      {"_posts/2024-05-01-launch.md", "2024-05-01 file_name @0 '2024-05-01-launch.md'"},
      {"daily/2026-04-18.md", "2026-04-18 file_name @0 '2026-04-18.md'"},
      {"notes/ideas.md", "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    CHECK(describe(extract("Just words.\n", c.path).published) == c.published);
  }
}

TEST_CASE("precedence: front matter, inline field, plain field, text line, file name") {
  struct Case {
    std::string text;
    std::string published;
  };
  const std::vector<Case> cases{
      {"---\ndate: 2020-01-01\n---\ndate:: 2021-01-01\ndate: 2022-01-01\nMarch 3, 2023\n",
       "2020-01-01 yaml_front_matter date@2 '2020-01-01'"},
      {"date:: 2021-01-01\ndate: 2022-01-01\nMarch 3, 2023\n",
       "2021-01-01 inline_field date@1 '2021-01-01'"},
      {"date: 2022-01-01\nMarch 3, 2023\n", "2022-01-01 plain_field date@1 '2022-01-01'"},
      {"March 3, 2023\n", "2023-03-03 text_line @1 'March 3, 2023'"},
      {"no date\n", "2024-01-01 file_name @0 '2024-01-01-x.md'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(describe(extract(c.text, "blog/2024-01-01-x.md").published) == c.published);
  }
  const auto meta = extract("---\ndecay_rate: slow\ntitle: A\n---\ndecay:: fast\ntitle:: B\n");
  CHECK(describe(meta.decay) == "slow yaml_front_matter decay_rate@2 'slow'");
  CHECK(describe(meta.title) == "A yaml_front_matter title@3 'A'");
}

TEST_CASE("several validations: the latest date wins, whatever its source") {
  auto meta = extract("---\nlast_validated: 2026-01-10\nreviewed: 2026-03-01\n---\n"
                      "checked:: 2026-02-01\n");
  CHECK(describe(meta.validated) == "2026-03-01 yaml_front_matter reviewed@3 '2026-03-01'");
  meta = extract("---\nlast_validated: 2026-01-10\n---\nreviewed:: 2026-02-01\n");
  CHECK(describe(meta.validated) == "2026-02-01 inline_field reviewed@4 '2026-02-01'");
}

TEST_CASE("an edit date is recorded and never counts as a validation") {
  const auto meta = extract("---\nlastmod: 2026-05-01\nupdated: 2026-06-01\n---\n");
  CHECK(describe(meta.edited) == "2026-05-01 yaml_front_matter lastmod@2 '2026-05-01'");
  CHECK(describe(meta.validated) == "none");
  CHECK(describe(meta.published) == "none");
}

TEST_CASE("several publication keys: the first by precedence wins, not the earliest") {
  const auto meta = extract("---\ndate: 2025-01-01\ncreated: 2024-01-01\n---\n");
  CHECK(describe(meta.published) == "2025-01-01 yaml_front_matter date@2 '2025-01-01'");
}

TEST_CASE("a byte order mark and CRLF line ends change nothing, line numbers included") {
  const std::string lf =
      "---\ntitle: Hello\ndate: 2025-12-04\n---\nreviewed:: 2026-02-01\n"
      "last_validated: 2026-02-02 owner: bob\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto meta = extract(crlf);
  CHECK(meta == extract(lf));
  CHECK(describe(meta.title) == "Hello yaml_front_matter title@2 'Hello'");
  CHECK(describe(meta.published) == "2025-12-04 yaml_front_matter date@3 '2025-12-04'");
  CHECK(describe(meta.validated) == "2026-02-02 plain_field last_validated@6 '2026-02-02'");
  CHECK(describe(meta.owner) == "bob plain_field owner@6 'bob'");
  CHECK(problems(meta).empty());

  const auto toml = extract("\xEF\xBB\xBF+++\r\ndate = 2024-05-01\r\n+++\r\n");
  CHECK(describe(toml.published) == "2024-05-01 toml_front_matter date@2 '2024-05-01'");
}

TEST_CASE("broken front matter is a problem on its line; the other sources still count") {
  struct Case {
    std::string text;
    Strings problems;
    std::string published;
    std::string validated;
  };
  const std::vector<Case> cases{
      {"---\ntitle: ok\ntags: [a, b\ndate: 2025-01-01\n---\nreviewed:: 2026-02-01\n"
       "Published December 4, 2025\n",
       {"4 : broken YAML front matter: did not find expected ',' or ']' while parsing a flow "
        "sequence started on line 3; fix the front matter"},
       "2025-12-04 text_line @7 'December 4, 2025'",
       "2026-02-01 inline_field reviewed@6 '2026-02-01'"},
      {"---\ntitle: a\n  bad: b\n---\nchecked: 2026-02-01\n",
       {"3 : broken YAML front matter: mapping values are not allowed in this context; fix the "
        "front matter"},
       "none",
       "2026-02-01 plain_field checked@5 '2026-02-01'"},
      {"---\ndate: 2025-01-01\nreviewed: 2026-02-01\n",
       {"1 : front matter opened by '---' is never closed (no '---' line follows); "
        "fix the front matter"},
       "2025-01-01 plain_field date@2 '2025-01-01'",
       "2026-02-01 plain_field reviewed@3 '2026-02-01'"},
      {"+++\ndate = 2025-01-01\nx = [\n+++\nreviewed:: 2026-02-01\n",
       {"3 : broken TOML front matter: Error while parsing array: encountered end-of-file; "
        "fix the front matter"},
       "none", "2026-02-01 inline_field reviewed@5 '2026-02-01'"},
      {"---\n- a\n- b\n---\nreviewed:: 2026-02-01\n",
       {"1 : YAML front matter is not a list of 'key: value' lines; fix the front matter"},
       "none", "2026-02-01 inline_field reviewed@5 '2026-02-01'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto meta = extract(c.text);
    CHECK(problems(meta) == c.problems);
    CHECK(describe(meta.published) == c.published);
    CHECK(describe(meta.validated) == c.validated);
  }
}

TEST_CASE("front matter over 256 KiB is refused before it reaches the parser") {
  std::string text = "---\n";
  while (text.size() < 300 * 1024) text += "# a comment line that pads the front matter\n";
  text += "date: 2025-01-01\n---\nreviewed:: 2026-02-01\n";
  const auto meta = extract(text);
  CHECK(problems(meta) ==
        Strings{"1 : front matter is larger than 256 KiB and was not read; fix the front matter"});
  CHECK(describe(meta.published) == "none");
  REQUIRE(meta.validated);
  CHECK(meta.validated->provenance.kind == SourceKind::inline_field);
}

TEST_CASE("binary content is one problem and nothing else") {
  const std::string text = "title: x\0\nreviewed:: 2026-02-01\n"s;
  NoteMetadata expected;
  expected.problems = {{0, "", "binary file, not a note"}};
  CHECK(extract(text, "2024-05-01-x.md") == expected);
}

TEST_CASE("invalid UTF-8 is reported at its first line and the rest is still read") {
  const auto meta = extract("Intro\n# Caf\xE9 notes\nreviewed:: 2026-02-01\nbad \xFF\n");
  CHECK(problems(meta) ==
        Strings{"2 : invalid UTF-8 (bad bytes are read as U+FFFD); save the note as UTF-8"});
  CHECK(describe(meta.title) ==
        "Caf\xEF\xBF\xBD notes text_line @2 '# Caf\xEF\xBF\xBD notes'");
  CHECK(describe(meta.validated) == "2026-02-01 inline_field reviewed@3 '2026-02-01'");
}

TEST_CASE("a date after tomorrow in the vault's zone is a problem and is not used") {
  struct Case {
    std::string text;
    Strings problems;
    std::string validated;
  };
  const std::vector<Case> cases{
      {"last_validated: 2026-11-24\n", {}, "2026-11-24 plain_field last_validated@1 '2026-11-24'"},
      {"last_validated: 2026-11-25\n",
       {"1 last_validated: last_validated 2026-11-25 is in the future; fix the date or remove it"},
       "none"},
      // 23:30 UTC is already 2026-11-25 in Berlin.
      {"last_validated: 2026-11-24T23:30:00Z\n",
       {"1 last_validated: last_validated 2026-11-25 is in the future; fix the date or remove it"},
       "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto meta = extract(c.text);
    CHECK(problems(meta) == c.problems);
    CHECK(describe(meta.validated) == c.validated);
  }
  // Just before midnight UTC it is already the next day in Berlin.
  const auto late = berlin(date::sys_days{date::year{2026} / 11 / 23} + 23h + 30min);
  CHECK(describe(extract("last_validated: 2026-11-25\n", "a.md", late).validated) ==
        "2026-11-25 plain_field last_validated@1 '2026-11-25'");
}

TEST_CASE("a future publication falls back to the next source") {
  auto meta = extract("---\ndate: 2030-01-01\n---\n", "blog/2024-05-01-x.md");
  CHECK(problems(meta) ==
        Strings{"2 date: date 2030-01-01 is in the future; fix the date or remove it"});
  CHECK(describe(meta.published) == "2024-05-01 file_name @0 '2024-05-01-x.md'");

  meta = extract("Published December 4, 2030\n");
  CHECK(problems(meta) ==
        Strings{"1 : text date 2030-12-04 is in the future; fix the date or remove it"});
  CHECK(describe(meta.published) == "none");
}

TEST_CASE("an unparsable date is a problem naming its line, key and text") {
  const auto options = berlin();
  const auto message = [&](std::string_view raw) {
    return parse_date(raw, options.dates).error().message;
  };
  const auto meta = extract("---\ndate: someday\nupdated: {{date}}\n---\nreviewed:: 2026-02-30\n");
  CHECK(problems(meta) ==
        Strings{"2 date: date 'someday' is not a date: " + message("someday"),
                "3 updated: updated '{{date}}' is not a date: " + message("{{date}}"),
                "5 reviewed: reviewed '2026-02-30' is not a date: " + message("2026-02-30")});
  CHECK(describe(meta.published) == "none");
  CHECK(describe(meta.validated) == "none");
  CHECK(describe(meta.edited) == "none");
}

TEST_CASE("custom aliases replace the default keys") {
  auto options = berlin();
  options.keys.validated = {"Proof Read"};
  options.keys.published = {"posted"};
  const auto meta = extract("---\nposted: 2025-01-01\ndate: 2024-01-01\n---\n"
                            "proof-read:: 2026-03-01\nlast_validated: 2026-04-01\n",
                            "a.md", options);
  CHECK(describe(meta.published) == "2025-01-01 yaml_front_matter posted@2 '2025-01-01'");
  CHECK(describe(meta.validated) == "2026-03-01 inline_field proof-read@5 '2026-03-01'");
}

TEST_CASE("tags in every shape become one list without '#' or duplicates") {
  struct Case {
    std::string text;
    Strings tags;
  };
  const std::vector<Case> cases{
      {"---\ntags: [ai, scaling]\n---\n", {"ai", "scaling"}},
      {"---\ntags:\n  - ai\n  - '#scaling'\n---\n", {"ai", "scaling"}},
      {"---\ntags: ai, scaling\n---\n", {"ai", "scaling"}},
      {"---\ntags: \"#ai #scaling\"\n---\n", {"ai", "scaling"}},
      {"+++\ntags = [\"ai\", \"scaling\"]\n+++\n", {"ai", "scaling"}},
      {"tags:: #ai #scaling\n", {"ai", "scaling"}},
      {"---\ntags: [ai]\ntag: scaling\n---\ntags:: #ai #news\n", {"ai", "scaling", "news"}},
      {"---\ntags:\n---\n", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(extract(c.text).tags == c.tags);
  }
}

TEST_CASE("the title is the front matter's, else the first level-one heading") {
  struct Case {
    std::string text;
    std::string title;
  };
  const std::vector<Case> cases{
      {"---\ntitle: From YAML\n---\n# Heading\n", "From YAML yaml_front_matter title@2 'From YAML'"},
      {"---\ndate: 2025-01-01\n---\n## Sub\n# The Heading #\n",
       "The Heading text_line @5 '# The Heading #'"},
      {"```\n# not a heading\n```\n# Real\n", "Real text_line @4 '# Real'"},
      {"#hashtag only\nno heading\n", "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(describe(extract(c.text).title) == c.title);
  }
}

TEST_CASE("the owner comes from any owner key; a list is joined") {
  const auto meta = extract("---\nmaintainer: [ann, bob]\n---\n");
  CHECK(describe(meta.owner) == "ann, bob yaml_front_matter maintainer@2 'ann, bob'");
}

}  // namespace
}  // namespace freshd
