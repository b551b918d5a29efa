#include "model/freshness.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace freshd {
namespace {

constexpr std::array<std::pair<NoteStatus, std::string_view>, 5> kStatusNames{{
    {NoteStatus::fresh, "fresh"},
    {NoteStatus::due, "due"},
    {NoteStatus::stale, "stale"},
    {NoteStatus::evergreen, "evergreen"},
    {NoteStatus::undated, "undated"},
}};

// Compared by day; a tie goes to the note's own field, which the user sees and can fix.
bool later(const DatedFact& a, const DatedFact& b) { return a.date.day > b.date.day; }

// The anchor as a wall-clock time in `zone`. Counting age in local time makes a day one
// day even across a daylight-saving change, so freshness is exactly 0.5 at the start of
// the due day.
date::local_seconds local_anchor(const DateValue& value, const date::time_zone* zone) {
  if (value.precision == DatePrecision::instant) return zone->to_local(value.instant);
  return date::local_seconds{value.day.time_since_epoch()};
}

double age_in_days(const DateValue& anchor, Seconds now, const date::time_zone* zone) {
  const auto age = zone->to_local(now) - local_anchor(anchor, zone);
  // A validation dated after `now` (clock skew, a date later today) is not negative age.
  return std::max(0.0, std::chrono::duration<double, std::ratio<86400>>(age).count());
}

NoteStatus dated_status(Days today, Days due, const Interval& lead) {
  if (today > due) return NoteStatus::stale;
  if (today >= subtract_interval(due, lead)) return NoteStatus::due;
  return NoteStatus::fresh;
}

}  // namespace

std::string_view to_string(NoteStatus status) {
  for (const auto& [s, name] : kStatusNames)
    if (s == status) return name;
  return "unknown";
}

std::optional<NoteStatus> status_from_string(std::string_view text) {
  for (const auto& [s, name] : kStatusNames)
    if (name == text) return s;
  return std::nullopt;
}

Anchor choose_anchor(const NoteMetadata& metadata,
                     const std::optional<DatedFact>& recorded_validation,
                     const DatedFact& first_seen) {
  if (metadata.validated && recorded_validation)
    return {later(*recorded_validation, *metadata.validated) ? *recorded_validation
                                                              : *metadata.validated};
  if (metadata.validated) return {*metadata.validated};
  if (recorded_validation) return {*recorded_validation};
  if (metadata.published) return {*metadata.published};
  return {first_seen, false};
}

Freshness evaluate(const Anchor& anchor, const Interval& interval, const Interval& lead,
                   Seconds now, const date::time_zone* zone) {
  Freshness result;
  if (interval.never) {
    result.status = NoteStatus::evergreen;
    return result;
  }
  const Days anchor_day = anchor.fact.date.day;
  const Days due = add_interval(anchor_day, interval);
  const Days today = local_day(now, zone);
  result.due = due;
  result.interval_days = static_cast<int>((due - anchor_day).count());
  result.status = anchor.own ? dated_status(today, due, lead) : NoteStatus::undated;
  if (result.status == NoteStatus::stale)
    result.days_overdue = static_cast<int>((today - due).count());
  const double age = age_in_days(anchor.fact.date, now, zone);
  if (result.interval_days > 0) result.freshness = std::pow(0.5, age / result.interval_days);
  else result.freshness = age > 0 ? 0.0 : 1.0;
  return result;
}

Days local_day(Seconds now, const date::time_zone* zone) {
  return Days{date::floor<date::days>(zone->to_local(now)).time_since_epoch()};
}

}  // namespace freshd
