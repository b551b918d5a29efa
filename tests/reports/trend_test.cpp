#include "reports/trend.h"

#include "report_fixture.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

using test::day;
using test::day_fact;
using test::kNow;
using test::utc;

struct Fixture {
  Config config = test::fixture_config();
  ViewContext context{&config, test::berlin(), kNow};

  std::vector<TrendWeek> trend(const std::vector<StoredNote>& notes) {
    return compute_trend(notes, context, test::berlin(), 12);
  }
};

StoredNote note(std::string path, Seconds first_seen, Days published, std::string decay) {
  StoredNote n = test::stored(std::move(path), first_seen);
  n.metadata.published = day_fact(published, SourceKind::yaml_front_matter, "date", 2);
  n.metadata.decay = test::text_fact(std::move(decay), "decay_rate", 3);
  return n;
}

// "f/d/s" per week, oldest first.
std::vector<std::string> counts(const std::vector<TrendWeek>& trend) {
  std::vector<std::string> out;
  for (const auto& w : trend)
    out.push_back(std::to_string(w.fresh) + "/" + std::to_string(w.due) + "/" +
                  std::to_string(w.stale));
  return out;
}

TEST_CASE("the trend ends each past ISO week on Sunday 23:59:59 local, the current one now") {
  const auto ends = week_ends(kNow, test::berlin(), 12);
  REQUIRE(ends.size() == 12);
  CHECK(format_instant(ends[0]) == "2026-09-13T21:59:59Z");   // CEST
  CHECK(format_instant(ends[6]) == "2026-10-25T22:59:59Z");   // the day summer time ended
  CHECK(format_instant(ends[10]) == "2026-11-22T22:59:59Z");  // CET
  CHECK(ends[11] == kNow);
  Fixture f;
  const auto trend = f.trend({});
  CHECK(trend.front().week == "2026-W37");
  CHECK(trend[10].week == "2026-W47");
  CHECK(trend.back().week == "2026-W48");
}

TEST_CASE("a week end on a Sunday evening is that week, the current week ends now") {
  const Seconds sunday_evening = utc(2026, 11, 22, 20);  // 21:00 in Berlin
  const auto ends = week_ends(sunday_evening, test::berlin(), 3);
  REQUIRE(ends.size() == 3);
  CHECK(format_instant(ends[0]) == "2026-11-08T22:59:59Z");
  CHECK(format_instant(ends[1]) == "2026-11-15T22:59:59Z");
  CHECK(ends[2] == sunday_evening);
}

TEST_CASE("a note first seen 3 weeks ago counts in the last 4 week ends, by its status then") {
  Fixture f;
  // Published and first seen Monday 2026-11-02; 14 days: due from 11-09, stale after 11-16.
  const auto trend = f.trend({note("n.md", utc(2026, 11, 2, 10), day(2026, 11, 2), "14d")});
  CHECK(counts(trend) == std::vector<std::string>{"0/0/0", "0/0/0", "0/0/0", "0/0/0", "0/0/0",
                                                  "0/0/0", "0/0/0", "0/0/0", "1/0/0", "0/1/0",
                                                  "0/0/1", "0/0/1"});
}

TEST_CASE("a deleted note counts only while it existed") {
  Fixture f;
  StoredNote n = note("gone.md", utc(2026, 1, 1), day(2026, 11, 1), "90d");
  n.deleted_at = utc(2026, 11, 10);
  const auto trend = f.trend({n});
  CHECK(trend[8].fresh == 1);   // ends 2026-11-08
  CHECK(trend[9].fresh == 0);   // ends 2026-11-15
  CHECK(trend[11].fresh == 0);
}

TEST_CASE("a validation counts from its day on, not before") {
  Fixture f;
  // Published long ago: stale until validated in the note on 2026-11-10.
  StoredNote written = note("written.md", utc(2026, 1, 1), day(2026, 1, 1), "90d");
  written.metadata.validated =
      day_fact(day(2026, 11, 10), SourceKind::yaml_front_matter, "last_validated", 4);
  // Validated on 2026-11-03 with freshctl, which recorded it on 2026-11-12.
  StoredNote recorded = note("recorded.md", utc(2026, 1, 1), day(2026, 1, 1), "90d");
  recorded.recorded_validation = RecordedValidation{day(2026, 11, 3), "", utc(2026, 11, 12)};
  const auto trend = f.trend({written, recorded});
  CHECK(counts(trend)[8] == "0/0/2");   // ends 2026-11-08
  CHECK(counts(trend)[9] == "2/0/0");   // ends 2026-11-15
  CHECK(counts(trend)[11] == "2/0/0");
}

TEST_CASE("status_as_of is none before the note was first seen or after it was deleted") {
  Fixture f;
  StoredNote n = note("n.md", utc(2026, 11, 2), day(2026, 11, 2), "14d");
  n.deleted_at = utc(2026, 11, 20);
  ViewContext at = f.context;
  at.now = utc(2026, 11, 1);
  CHECK_FALSE(status_as_of(n, at).has_value());
  at.now = utc(2026, 11, 12);
  CHECK(status_as_of(n, at) == NoteStatus::due);
  at.now = utc(2026, 11, 20);
  CHECK_FALSE(status_as_of(n, at).has_value());
}

}  // namespace
}  // namespace freshd
