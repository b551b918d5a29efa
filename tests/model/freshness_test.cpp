#include "model/freshness.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const date::time_zone* berlin() { return date::locate_zone("Europe/Berlin"); }

Days day(int y, unsigned m, unsigned d) { return Days{date::year{y} / m / d}; }

// The instant local wall time `time` of day `d` happens in Berlin.
Seconds berlin_time(Days d, std::chrono::seconds time = {}) {
  return berlin()->to_sys(date::local_seconds{d.time_since_epoch()} + time);
}

DatedFact dated(Days d, SourceKind kind = SourceKind::yaml_front_matter,
                std::string key = "last_validated") {
  return {{DatePrecision::day, d, berlin_time(d)}, {kind, std::move(key), 2, format_day(d)}};
}

Anchor own_anchor(Days d) { return {dated(d), true}; }

constexpr Interval kDays90{0, 90, false};
constexpr Interval kDays30{0, 30, false};
constexpr Interval kLead7{0, 7, false};

TEST_CASE("statuses have stable names that read back") {
  const NoteStatus all[] = {NoteStatus::fresh, NoteStatus::due, NoteStatus::stale,
                            NoteStatus::evergreen, NoteStatus::undated};
  const char* names[] = {"fresh", "due", "stale", "evergreen", "undated"};
  for (int i = 0; i < 5; ++i) {
    CHECK(to_string(all[i]) == names[i]);
    CHECK(status_from_string(names[i]) == all[i]);
  }
  CHECK_FALSE(status_from_string("Stale").has_value());
  CHECK_FALSE(status_from_string("").has_value());
}

TEST_CASE("the anchor is the latest validation, else publication, else first seen") {
  const DatedFact note_validated = dated(day(2026, 2, 1));
  const DatedFact recorded = dated(day(2026, 3, 1), SourceKind::command, "");
  const DatedFact recorded_same_day = dated(day(2026, 2, 1), SourceKind::command, "");
  const DatedFact recorded_older = dated(day(2026, 1, 1), SourceKind::command, "");
  const DatedFact published = dated(day(2025, 12, 4), SourceKind::yaml_front_matter, "date");
  const DatedFact first_seen = dated(day(2026, 4, 1), SourceKind::first_seen, "");

  NoteMetadata validated_note;
  validated_note.validated = note_validated;
  validated_note.published = published;
  NoteMetadata published_note;
  published_note.published = published;

  struct Case {
    const char* rule;
    const NoteMetadata* metadata;
    std::optional<DatedFact> recorded;
    DatedFact expected;
    bool own;
  };
  const NoteMetadata empty;
  const Case cases[] = {
      {"note's validation", &validated_note, std::nullopt, note_validated, true},
      {"later recorded validation", &validated_note, recorded, recorded, true},
      {"same day: the note's field", &validated_note, recorded_same_day, note_validated, true},
      {"older recorded validation", &validated_note, recorded_older, note_validated, true},
      {"recorded validation over publication", &published_note, recorded_older,
       recorded_older, true},
      {"publication", &published_note, std::nullopt, published, true},
      {"first seen", &empty, std::nullopt, first_seen, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.rule);
    const Anchor anchor = choose_anchor(*c.metadata, c.recorded, first_seen);
    CHECK(anchor.fact == c.expected);
    CHECK(anchor.own == c.own);
  }
}

TEST_CASE("a note is fresh, then due from the lead's first day through its due day, then stale") {
  // Validated 2026-01-01, 90 days: due 2026-04-01; a 7-day lead starts 2026-03-25.
  struct Case {
    Days today;
    NoteStatus status;
    int days_overdue;
  };
  const Case cases[] = {
      {day(2026, 3, 24), NoteStatus::fresh, 0},
      {day(2026, 3, 25), NoteStatus::due, 0},
      {day(2026, 4, 1), NoteStatus::due, 0},
      {day(2026, 4, 2), NoteStatus::stale, 1},
      {day(2026, 5, 1), NoteStatus::stale, 30},
  };
  for (const Case& c : cases) {
    CAPTURE(format_day(c.today));
    for (const auto time : {minutes{0}, minutes{12 * 60}, minutes{23 * 60 + 59}}) {
      const Freshness f =
          evaluate(own_anchor(day(2026, 1, 1)), kDays90, kLead7, berlin_time(c.today, time),
                   berlin());
      CHECK(f.status == c.status);
      CHECK(f.days_overdue == c.days_overdue);
      REQUIRE(f.due.has_value());
      CHECK(format_day(*f.due) == "2026-04-01");
      CHECK(f.interval_days == 90);
    }
  }
}

TEST_CASE("days are counted in the vault's zone, not in UTC") {
  // 2026-04-01T22:30Z is already 2 April in Berlin: one day past the due day.
  const Seconds now = Days{day(2026, 4, 1)} + hours{22} + minutes{30};
  CHECK(format_day(local_day(now, berlin())) == "2026-04-02");
  const Freshness f = evaluate(own_anchor(day(2026, 1, 1)), kDays90, kLead7, now, berlin());
  CHECK(f.status == NoteStatus::stale);
  CHECK(f.days_overdue == 1);
}

TEST_CASE("a lead in months counts back calendar months from the due day") {
  // Validated 2025-12-31 with 3 months: due 2026-03-31; one month's lead starts 2026-02-28.
  const Interval months3{3, 0, false};
  const Interval lead_month{1, 0, false};
  const Anchor anchor = own_anchor(day(2025, 12, 31));
  CHECK(evaluate(anchor, months3, lead_month, berlin_time(day(2026, 2, 27)), berlin()).status ==
        NoteStatus::fresh);
  CHECK(evaluate(anchor, months3, lead_month, berlin_time(day(2026, 2, 28)), berlin()).status ==
        NoteStatus::due);
}

TEST_CASE("freshness halves every interval: 1 when validated, 0.5 on the due day, 0.25 after two") {
  const Anchor anchor = own_anchor(day(2026, 1, 1));
  struct Case {
    Seconds now;
    double freshness;
  };
  const Case cases[] = {
      {berlin_time(day(2026, 1, 1)), 1.0},
      {berlin_time(day(2026, 1, 31)), 0.5},
      {berlin_time(day(2026, 3, 2)), 0.25},
      {berlin_time(day(2025, 12, 20)), 1.0},  // validated "after" now: never above 1
  };
  for (const Case& c : cases) {
    CAPTURE(format_instant(c.now));
    CHECK(evaluate(anchor, kDays30, kLead7, c.now, berlin()).freshness ==
          doctest::Approx(c.freshness).epsilon(1e-12));
  }
}

TEST_CASE("a daylight-saving change does not skew freshness") {
  // Berlin springs forward on 2026-03-29 and falls back on 2026-10-25: those months have a
  // 23-hour and a 25-hour day. Both due days still start at exactly 0.5.
  const Anchor spring = own_anchor(day(2026, 3, 1));
  const Freshness f = evaluate(spring, kDays30, kLead7, berlin_time(day(2026, 3, 31)), berlin());
  CHECK(f.freshness == doctest::Approx(0.5).epsilon(1e-12));
  const Anchor autumn = own_anchor(day(2026, 10, 1));
  const Freshness g = evaluate(autumn, kDays30, kLead7, berlin_time(day(2026, 10, 31)), berlin());
  CHECK(g.freshness == doctest::Approx(0.5).epsilon(1e-12));
}

TEST_CASE("an exact-instant anchor ages from that instant") {
  const Seconds validated = Days{day(2026, 1, 1)} + hours{10} + minutes{30};
  const Anchor anchor{{{DatePrecision::instant, day(2026, 1, 1), validated},
                       {SourceKind::yaml_front_matter, "last_validated", 2, "x"}},
                      true};
  const Freshness f = evaluate(anchor, kDays30, kLead7, validated + date::days{30}, berlin());
  CHECK(f.freshness == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(evaluate(anchor, kDays30, kLead7, validated, berlin()).freshness == 1.0);
}

TEST_CASE("an evergreen note never comes due, dated or not") {
  for (const bool own : {true, false}) {
    const Anchor anchor{dated(day(2000, 1, 1)), own};
    const Freshness f = evaluate(anchor, Interval{0, 0, true}, kLead7,
                                 berlin_time(day(2026, 4, 1)), berlin());
    CHECK(f.status == NoteStatus::evergreen);
    CHECK_FALSE(f.due.has_value());
    CHECK(f.interval_days == 0);
    CHECK(f.freshness == 1.0);
    CHECK(f.days_overdue == 0);
  }
}

TEST_CASE("a note without its own date is undated whatever its age, yet has a due day") {
  const Anchor anchor{dated(day(2026, 1, 1), SourceKind::first_seen, ""), false};
  const Freshness f =
      evaluate(anchor, kDays30, kLead7, berlin_time(day(2026, 3, 2)), berlin());
  CHECK(f.status == NoteStatus::undated);
  REQUIRE(f.due.has_value());
  CHECK(format_day(*f.due) == "2026-01-31");
  CHECK(f.interval_days == 30);
  CHECK(f.days_overdue == 0);
  CHECK(f.freshness == doctest::Approx(0.25).epsilon(1e-12));
}

}  // namespace
}  // namespace freshd
