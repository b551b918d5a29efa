#include "model/validation_writer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace freshd {
namespace {

using namespace std::chrono_literals;
using namespace std::string_literals;

constexpr std::string_view kPath = "notes/note.md";
const Days kDay = date::sys_days{date::year{2026} / 11 / 20};

// Now is 2026-11-23T12:00:00Z, so the written 2026-11-20 is a past day in Berlin.
ExtractOptions berlin() {
  ExtractOptions options;
  options.dates.zone = date::locate_zone("Europe/Berlin");
  options.now = date::sys_days{date::year{2026} / 11 / 23} + 12h;
  return options;
}

std::string golden_path(const std::string& file) {
  return std::string(FRESHD_SOURCE_DIR) + "/tests/model/golden/validate/" + file;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string write_error(std::string_view text, Days day = kDay,
                        const ExtractOptions& options = berlin()) {
  const auto written = write_validation(kPath, text, day, options);
  return written ? "no error; wrote: " + written->text : written.error().message;
}

struct GoldenCase {
  std::string name;  // NAME.before.md becomes NAME.after.md
  int line;
  std::string description;
};

const std::vector<GoldenCase>& golden_cases() {
  static const std::vector<GoldenCase> cases{
      {"yaml_bare", 4, "updated last_validated on line 4 (YAML front matter)"},
      {"yaml_single_quoted", 3, "updated last_validated on line 3 (YAML front matter)"},
      {"yaml_double_quoted", 2, "updated last_validated on line 2 (YAML front matter)"},
      {"yaml_comment", 3, "updated last_validated on line 3 (YAML front matter)"},
      {"yaml_alias", 3, "updated Reviewed on line 3 (YAML front matter)"},
      {"yaml_instant", 2, "updated last_validated on line 2 (YAML front matter)"},
      {"yaml_link", 2, "updated last_validated on line 2 (YAML front matter)"},
      {"yaml_empty_value", 3, "updated last_validated on line 3 (YAML front matter)"},
      {"yaml_not_a_date", 2, "updated last_validated on line 2 (YAML front matter)"},
      {"yaml_latest_of_two", 3, "updated last_validated on line 3 (YAML front matter)"},
      {"yaml_added", 7, "added last_validated to the YAML front matter (line 7)"},
      {"yaml_added_empty_front_matter", 2,
       "added last_validated to the YAML front matter (line 2)"},
      {"toml_date", 3, "updated last_validated on line 3 (TOML front matter)"},
      {"toml_datetime", 2, "updated last_validated on line 2 (TOML front matter)"},
      {"toml_string", 3, "updated last_validated on line 3 (TOML front matter)"},
      {"toml_added", 4, "added last_validated to the TOML front matter (line 4)"},
      {"toml_added_before_table", 4, "added last_validated to the TOML front matter (line 4)"},
      {"inline_line", 3, "updated reviewed on line 3 (inline field)"},
      {"inline_bold_list_item", 2, "updated last_validated on line 2 (inline field)"},
      {"inline_bracket", 3, "updated last_validated on line 3 (inline field)"},
      {"plain_fields", 1, "updated last_validated on line 1 (plain field)"},
      {"no_front_matter", 2, "created a front matter with last_validated"},
      {"crlf_existing", 3, "updated last_validated on line 3 (YAML front matter)"},
      {"crlf_added", 3, "added last_validated to the YAML front matter (line 3)"},
      {"crlf_created", 2, "created a front matter with last_validated"},
      {"bom_existing", 2, "updated last_validated on line 2 (YAML front matter)"},
      {"bom_created", 2, "created a front matter with last_validated"},
      {"no_final_newline", 3, "added last_validated to the YAML front matter (line 3)"},
      {"no_final_newline_existing", 2, "updated reviewed on line 2 (inline field)"},
      {"empty", 2, "created a front matter with last_validated"},
  };
  return cases;
}

bool updating_golden() {
  const char* update = std::getenv("FRESHD_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Problems compared without their lines, which move when a line is added.
std::vector<std::string> problem_texts(const NoteMetadata& meta) {
  std::vector<std::string> out;
  for (const auto& p : meta.problems) out.push_back(p.key + ": " + p.message);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("the written note is exactly its golden after-file (FRESHD_UPDATE_GOLDEN=1 rewrites)") {
  for (const auto& c : golden_cases()) {
    INFO(c.name);
    const auto written = write_validation(kPath, read_bytes(golden_path(c.name + ".before.md")),
                                          kDay, berlin());
    REQUIRE_MESSAGE(written.ok(), (written.ok() ? "" : written.error().message));
    if (updating_golden()) {
      std::ofstream(golden_path(c.name + ".after.md"), std::ios::binary) << written->text;
      continue;
    }
    CHECK(written->text == read_bytes(golden_path(c.name + ".after.md")));
    CHECK(written->line == c.line);
    CHECK(written->description == c.description);
  }
}

TEST_CASE("writing the same day again gives the same bytes as writing it once") {
  for (const auto& c : golden_cases()) {
    INFO(c.name);
    const auto once =
        write_validation(kPath, read_bytes(golden_path(c.name + ".before.md")), kDay, berlin());
    REQUIRE(once.ok());
    const auto twice = write_validation(kPath, once->text, kDay, berlin());
    REQUIRE(twice.ok());
    CHECK(twice->text == once->text);
    CHECK(twice->line == once->line);
  }
}

TEST_CASE("the written note reads back with the day as its validation and no new problem") {
  for (const auto& c : golden_cases()) {
    INFO(c.name);
    const std::string before_text = read_bytes(golden_path(c.name + ".before.md"));
    const auto written = write_validation(kPath, before_text, kDay, berlin());
    REQUIRE(written.ok());
    const NoteMetadata before = extract_metadata(kPath, before_text, berlin());
    const NoteMetadata after = extract_metadata(kPath, written->text, berlin());
    REQUIRE(after.validated);
    CHECK(after.validated->date.day == kDay);
    CHECK(after.validated->provenance.line == written->line);
    for (const auto& problem : problem_texts(after)) {
      const auto old = problem_texts(before);
      CHECK_MESSAGE(std::find(old.begin(), old.end(), problem) != old.end(), problem);
    }
  }
}

TEST_CASE("a note that cannot be written safely is an error naming the file, line and fix") {
  struct Case {
    std::string text;
    std::string error;
  };
  const std::string one_line = "; write it as one date on the key's line first ";
  const std::vector<Case> cases{
      {"abc\0def"s, "notes/note.md: binary file, not a note; nothing to validate in it"},
      {"---\ntitle: x\n",
       "notes/note.md:1: front matter opened by '---' is never closed (no '---' line follows); "
       "fix the front matter first, then validate again"},
      {"---\ntitle: [unclosed\nlast_validated: 2026-01-02\n---\n",
       "notes/note.md:3: broken YAML front matter: did not find expected ',' or ']' while "
       "parsing a flow sequence started on line 2; fix the front matter first, then validate "
       "again"},
      {"+++\ntitle = \n+++\n",
       "notes/note.md:2: broken TOML front matter: Error while parsing key-value pair: expected "
       "value, saw '\\n'; fix the front matter first, then validate again"},
      {"---\nlast_validated: |\n  2026-01-02\n---\n",
       "notes/note.md:2: the value of 'last_validated' is a YAML block scalar (| or >) spanning "
       "several lines" + one_line + "(last_validated: YYYY-MM-DD)"},
      {"---\nreviewed: >-\n  2026-01-02\n---\n",
       "notes/note.md:2: the value of 'reviewed' is a YAML block scalar (| or >) spanning "
       "several lines" + one_line + "(reviewed: YYYY-MM-DD)"},
      {"---\nlast_validated:\n  2026-01-02\n---\n",
       "notes/note.md:2: the value of 'last_validated' is written on the lines below the key" +
           one_line + "(last_validated: YYYY-MM-DD)"},
      {"---\nreviewed:\n- 2026-01-02\n---\n",
       "notes/note.md:2: the value of 'reviewed' is written on the lines below the key" +
           one_line + "(reviewed: YYYY-MM-DD)"},
      {"---\nreviewed: 2026-01-02\n  and again\n---\n",
       "notes/note.md:2: the value of 'reviewed' continues on the next line" + one_line +
           "(reviewed: YYYY-MM-DD)"},
      {"---\nreviewed: \"2026-01-02\n  \"\n---\n",
       "notes/note.md:2: the value of 'reviewed' is a quoted string that continues on the next "
       "line" + one_line + "(reviewed: YYYY-MM-DD)"},
      {"---\nreviewed: [2026-01-02]\n---\n",
       "notes/note.md:2: the value of 'reviewed' is a list or mapping, not one date" + one_line +
           "(reviewed: YYYY-MM-DD)"},
      {"---\nreviewed: &day 2026-01-02\n---\n",
       "notes/note.md:2: the value of 'reviewed' uses a YAML anchor, alias or tag" + one_line +
           "(reviewed: YYYY-MM-DD)"},
      {"+++\nlast_validated = \"\"\"\n2026-01-02\"\"\"\n+++\n",
       "notes/note.md:2: the value of 'last_validated' is a multi-line string" + one_line +
           "(last_validated = YYYY-MM-DD)"},
      {"+++\nreviewed = [2026-01-02]\n+++\n",
       "notes/note.md:2: the value of 'reviewed' is an array or table, not one date" + one_line +
           "(reviewed = YYYY-MM-DD)"},
      {"caf\xE9 [reviewed:: 2026-01-02]\n",
       "notes/note.md:1: the line holds invalid UTF-8; save the note as UTF-8 first"},
      {"---\nlast_validated: 2026-11-22\n---\nreviewed:: 2026-11-22\n",
       "notes/note.md:4: reviewed 2026-11-22 is later than 2026-11-20, so the note's validation "
       "would not change; remove or edit it by hand"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(write_error(c.text) == c.error);
  }
}

TEST_CASE("a day in the future is refused as the extractor would report it") {
  CHECK(write_error("---\nlast_validated: 2026-01-02\n---\n",
                    date::sys_days{date::year{2026} / 12 / 1}) ==
        "notes/note.md:2: writing 2026-12-01 would leave a problem: last_validated 2026-12-01 "
        "is in the future; fix the date or remove it");
}

TEST_CASE("invalid UTF-8 on another line does not stop the write, and stays as it was") {
  const auto written =
      write_validation(kPath, "---\nlast_validated: 2026-01-02\n---\ncaf\xE9\n", kDay, berlin());
  REQUIRE(written.ok());
  CHECK(written->text == "---\nlast_validated: 2026-11-20\n---\ncaf\xE9\n");
}

TEST_CASE("a new field uses the first configured validation key") {
  ExtractOptions options = berlin();
  options.keys.validated = {"reviewed", "last_validated"};
  const auto written = write_validation(kPath, "---\ntitle: x\n---\n", kDay, options);
  REQUIRE(written.ok());
  CHECK(written->text == "---\ntitle: x\nreviewed: 2026-11-20\n---\n");
  CHECK(written->description == "added reviewed to the YAML front matter (line 3)");
}

TEST_CASE("a new YAML key takes the indentation of the front matter's keys") {
  const auto written = write_validation(kPath, "---\n  title: x\n---\n", kDay, berlin());
  REQUIRE(written.ok());
  CHECK(written->text == "---\n  title: x\n  last_validated: 2026-11-20\n---\n");
}

TEST_CASE("an empty value gets a blank after the separator and keeps its comment") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"---\nlast_validated: # unset\n---\n", "---\nlast_validated: 2026-11-20 # unset\n---\n"},
      {"---\nlast_validated: ''\n---\n", "---\nlast_validated: '2026-11-20'\n---\n"},
      {"text\nreviewed::\n", "text\nreviewed:: 2026-11-20\n"},
      {"see [reviewed::] here\n", "see [reviewed:: 2026-11-20] here\n"},
  };
  for (const auto& [before, after] : cases) {
    INFO(before);
    const auto written = write_validation(kPath, before, kDay, berlin());
    REQUIRE_MESSAGE(written.ok(), (written.ok() ? "" : written.error().message));
    CHECK(written->text == after);
  }
}

}  // namespace
}  // namespace freshd
