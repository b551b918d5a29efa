#include "model/timeline_event.h"

#include <array>
#include <utility>

namespace freshd {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 12> kEventNames{{
    {EventKind::first_seen, "first_seen"},
    {EventKind::published, "published"},
    {EventKind::validated, "validated"},
    {EventKind::content_changed, "content_changed"},
    {EventKind::decay_changed, "decay_changed"},
    {EventKind::became_due, "became_due"},
    {EventKind::became_stale, "became_stale"},
    {EventKind::reminded, "reminded"},
    {EventKind::snoozed, "snoozed"},
    {EventKind::renamed, "renamed"},
    {EventKind::deleted, "deleted"},
    {EventKind::restored, "restored"},
}};

}  // namespace

std::string_view to_string(EventKind kind) {
  for (const auto& [k, name] : kEventNames)
    if (k == kind) return name;
  return "unknown";
}

std::optional<EventKind> event_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kEventNames)
    if (name == text) return k;
  return std::nullopt;
}

}  // namespace freshd
