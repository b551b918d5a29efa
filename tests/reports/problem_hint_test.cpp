#include "reports/problem_hint.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

TEST_CASE("each kind of metadata problem gets its own hint") {
  struct Case {
    const char* message;
    const char* hint_start;
  };
  const Case cases[] = {
      {"broken YAML front matter: illegal map value; fix the front matter", "Fix the front matter"},
      {"date 2027-01-01 is in the future; fix the date or remove it", "Correct the date"},
      {"date '31/31/2026' is not a date: month 31 does not exist", "Write the date as YYYY-MM-DD"},
      {"decay_rate 'sloww' is not a known class (evergreen, fast, medium, slow)",
       "Use one of the decay classes"},
      {"decay '9x' is not a duration (90d, 6 months)", "Write the duration"},
      {"invalid UTF-8 (bad bytes are read as U+FFFD); save the note as UTF-8", "Re-save"},
      {"binary file, not a note", "Move the file out of the vault"},
      {"file of 9000000 bytes is larger than vault.max_file_bytes (8388608)", "Split the note"},
      {"cannot read: Permission denied", "Fix the file's permissions"},
      {"something new", "Fix the value the message names"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    CHECK(problem_hint(c.message).starts_with(c.hint_start));
  }
}

}  // namespace
}  // namespace freshd
