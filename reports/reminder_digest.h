// The reminder digest in its two written forms: JSON for the exec hook, and the inbox
// note, a Markdown checklist. Pure renderers.
#pragma once

#include "model/reminder_policy.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace freshd {

struct Digest {
  std::string vault;  // absolute path of the vault
  Seconds at{};       // when it was decided
  std::vector<ReminderItem> items;
};

// {"version": 1, "vault": ..., "at": "...Z", "count": N,
//  "items": [{"path", "title", "owner", "kind", "due", "days_overdue"}], "id": "16 hex"}
// as one line (keys in byte order). Delivery to reminders.exec is at least once: a crash
// after the hook ran and before freshd recorded it runs the hook again with the same
// digest. `id`, a hash of the same line without the id, is the same on every delivery of
// one digest and differs between digests, so a hook that keeps the ids it has seen
// delivers each reminder exactly once.
std::string digest_to_json_text(const Digest& digest);
Digest digest_from_json(const nlohmann::json& json);

// The inbox note: front matter marking it as freshd's, then one unchecked task per item
// with a [[wikilink]] to the note (path without ".md", so it resolves in Obsidian even
// when titles collide), its owner and due day, grouped stale first.
std::string inbox_markdown(const Digest& digest);

}  // namespace freshd
