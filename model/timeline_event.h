// The events of a note's append-only history.
#pragma once

#include "model/date_value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace freshd {

enum class EventKind {
  first_seen,
  published,
  validated,
  content_changed,
  decay_changed,
  became_due,
  became_stale,
  reminded,
  snoozed,
  renamed,
  deleted,
  restored,
};

std::string_view to_string(EventKind kind);
std::optional<EventKind> event_kind_from_string(std::string_view text);

struct TimelineEvent {
  std::int64_t id = 0;  // order of recording
  std::string path;     // the note's path when the event was recorded
  EventKind kind = EventKind::first_seen;
  Seconds at{};          // when it happened (or was recorded), UTC
  std::string detail;    // human-readable: "2026-04-06 (yaml_front_matter last_validated)"

  friend bool operator==(const TimelineEvent&, const TimelineEvent&) = default;
};

}  // namespace freshd
