#include "reports/trend.h"

#include <date/iso_week.h>

#include <cstdio>

namespace freshd {
namespace {

bool existed_at(const StoredNote& note, Seconds t) {
  return note.first_seen <= t && (!note.deleted_at || *note.deleted_at > t);
}

// The note's validations that were not known yet at some instant.
struct Unknown {
  bool validated = false;  // the validation written in the note is dated later
  bool recorded = false;   // the validation recorded by freshctl was recorded later

  friend bool operator==(const Unknown&, const Unknown&) = default;
};

Unknown unknown_at(const StoredNote& note, Seconds t) {
  // A day's instant is its start in the vault's zone, so "later" compares days correctly.
  return {note.metadata.validated && note.metadata.validated->date.instant > t,
          note.recorded_validation && note.recorded_validation->recorded_at > t};
}

// Evaluates one note at several instants. Its anchor and decay change only when a
// validation drops out, so a view is built per such change (at most three), not per
// instant, and none when the caller's current view still holds: the trend and "newly
// stale" stay cheap for a vault of 100,000 notes.
class NoteOverTime {
 public:
  NoteOverTime(const StoredNote& note, const ViewContext& context, const NoteView* current)
      : note_(note), context_(context), current_(current) {}

  NoteStatus status_at(Seconds t) {
    const Unknown unknown = unknown_at(note_, t);
    const NoteView* view = current_;
    if (!current_ || unknown != Unknown{}) {
      if (!view_ || unknown != unknown_) rebuild(unknown, t);
      view = &*view_;
    }
    return evaluate(view->anchor, view->interval.interval, context_.config->reminders.lead, t,
                    context_.zone)
        .status;
  }

 private:
  void rebuild(Unknown unknown, Seconds t) {
    unknown_ = unknown;
    context_.now = t;
    if (unknown == Unknown{}) {
      view_ = make_note_view(note_, context_);
      return;
    }
    copy_ = note_;
    if (unknown.validated) copy_->metadata.validated.reset();
    if (unknown.recorded) copy_->recorded_validation.reset();
    view_ = make_note_view(*copy_, context_);
  }

  const StoredNote& note_;
  ViewContext context_;
  const NoteView* current_;         // the caller's view of note_, or null
  std::optional<StoredNote> copy_;  // what view_ points into when a validation dropped out
  std::optional<NoteView> view_;
  Unknown unknown_;
};

std::string week_label(date::local_days day) {
  const iso_week::year_weeknum_weekday week{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-W%02u", static_cast<int>(week.year()),
                static_cast<unsigned>(week.weeknum()));
  return text;
}

void count(TrendWeek& week, NoteStatus status) {
  if (status == NoteStatus::fresh) ++week.fresh;
  if (status == NoteStatus::due) ++week.due;
  if (status == NoteStatus::stale) ++week.stale;
}

}  // namespace

std::optional<NoteStatus> status_as_of(const StoredNote& note, const ViewContext& context,
                                       const NoteView* current) {
  if (!existed_at(note, context.now)) return std::nullopt;
  return NoteOverTime(note, context, current).status_at(context.now);
}

std::vector<Seconds> week_ends(Seconds now, const date::time_zone* zone, int weeks) {
  const date::local_days today = date::floor<date::days>(zone->to_local(now));
  const date::local_days monday =
      today - date::days{date::weekday{today}.iso_encoding() - 1};
  std::vector<Seconds> ends;
  for (int back = weeks - 1; back >= 1; --back) {
    const date::local_seconds sunday_end =
        monday - date::days{7 * (back - 1)} - std::chrono::seconds{1};
    // In a repeated hour the week ends at the later of the two instants.
    ends.push_back(zone->to_sys(sunday_end, date::choose::latest));
  }
  if (weeks > 0) ends.push_back(now);
  return ends;
}

TrendCounter::TrendCounter(const ViewContext& context, const date::time_zone* week_zone,
                           int weeks)
    : context_(context), ends_(week_ends(context.now, week_zone, weeks)) {
  for (const Seconds end : ends_)
    trend_.push_back({week_label(date::floor<date::days>(week_zone->to_local(end))),
                      format_instant(end), 0, 0, 0});
}

void TrendCounter::add(const StoredNote& note, const NoteView* current) {
  NoteOverTime over_time(note, context_, current);
  for (std::size_t i = 0; i < ends_.size(); ++i)
    if (existed_at(note, ends_[i])) count(trend_[i], over_time.status_at(ends_[i]));
}

std::vector<TrendWeek> compute_trend(const std::vector<StoredNote>& notes,
                                     const ViewContext& context,
                                     const date::time_zone* week_zone, int weeks) {
  TrendCounter counter(context, week_zone, weeks);
  for (const StoredNote& note : notes) counter.add(note);
  return counter.take();
}

}  // namespace freshd
