#include "reports/reminder_digest.h"

#include "model/content_hash.h"

#include <cstdio>
#include <sstream>

namespace freshd {
namespace {

std::string link_target(const std::string& path) {
  const std::string ext = ".md";
  if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
    return path.substr(0, path.size() - ext.size());
  return path;
}

std::string escape_link_text(std::string text) {
  for (char& c : text)
    if (c == '|' || c == '[' || c == ']') c = ' ';
  return text;
}

void append_items(std::ostringstream& out, const Digest& digest, ReminderKind kind) {
  for (const auto& item : digest.items) {
    if (item.kind != kind) continue;
    out << "- [ ] [[" << link_target(item.path) << "|" << escape_link_text(item.title) << "]]";
    out << " — due " << format_day(item.due);
    if (item.days_overdue > 0) out << " (" << item.days_overdue << " days overdue)";
    if (!item.owner.empty()) out << " · owner: " << item.owner;
    out << "\n";
  }
}

}  // namespace

nlohmann::json digest_to_json(const Digest& digest) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : digest.items)
    items.push_back({{"path", i.path},
                     {"title", i.title},
                     {"owner", i.owner.empty() ? nlohmann::json(nullptr) : nlohmann::json(i.owner)},
                     {"kind", to_string(i.kind)},
                     {"due", format_day(i.due)},
                     {"days_overdue", i.days_overdue}});
  nlohmann::json out{{"version", 1},
                     {"vault", digest.vault},
                     {"at", format_instant(digest.at)},
                     {"count", digest.items.size()},
                     {"items", items}};
  out["id"] = digest_id(out);
  return out;
}

std::string digest_id(const nlohmann::json& digest) {
  nlohmann::json content = digest;
  content.erase("id");
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(content_hash(
                    content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))));
  return hex;
}

Digest digest_from_json(const nlohmann::json& j) {
  Digest d;
  d.vault = j.value("vault", "");
  std::istringstream at(j.value("at", ""));
  at >> date::parse("%FT%TZ", d.at);
  for (const auto& i : j.value("items", nlohmann::json::array())) {
    ReminderItem item;
    item.path = i.value("path", "");
    item.title = i.value("title", "");
    if (i.contains("owner") && i["owner"].is_string()) item.owner = i["owner"];
    item.kind = reminder_kind_from_string(i.value("kind", "due")).value_or(ReminderKind::due);
    std::istringstream due(i.value("due", ""));
    due >> date::parse("%F", item.due);
    item.days_overdue = i.value("days_overdue", 0);
    d.items.push_back(std::move(item));
  }
  return d;
}

std::string inbox_markdown(const Digest& digest) {
  std::ostringstream out;
  out << "---\n" << "generated_by: freshd\n" << "updated: " << format_instant(digest.at) << "\n"
      << "---\n\n# Notes to re-validate\n\n"
      << "freshd rewrites this note at each reminder; tick a box, then run "
         "`freshctl validate NOTE` to record it.\n\n";
  if (digest.items.empty()) return out.str() + "Nothing is due.\n";
  bool any_stale = false, any_due = false;
  for (const auto& i : digest.items) (i.kind == ReminderKind::stale ? any_stale : any_due) = true;
  if (any_stale) {
    out << "## Stale\n\n";
    append_items(out, digest, ReminderKind::stale);
    out << "\n";
  }
  if (any_due) {
    out << "## Due soon\n\n";
    append_items(out, digest, ReminderKind::due);
  }
  return out.str();
}

}  // namespace freshd
