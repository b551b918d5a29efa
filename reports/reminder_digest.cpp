#include "reports/reminder_digest.h"

#include "model/content_hash.h"
#include "model/store/json_text.h"

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

std::string digest_to_json_text(const Digest& digest) {
  // Written directly, keys in byte order as nlohmann's dump() writes them (a first start
  // on an old vault writes hundreds of digests). The id goes between "count" and "items":
  // the hash is of the same text without it.
  JsonText head;
  head.open('{');
  head.key("at");
  head.string(format_instant(digest.at));
  head.key("count");
  head.number(static_cast<long long>(digest.items.size()));
  JsonText tail;
  tail.open('{');
  tail.separate();  // the members before, in `head`, are there already
  tail.key("items");
  tail.open('[');
  for (const ReminderItem& i : digest.items) {
    tail.separate();
    tail.open('{');
    tail.key("days_overdue");
    tail.number(static_cast<long long>(i.days_overdue));
    tail.key("due");
    tail.string(format_day(i.due));
    tail.key("kind");
    tail.string(to_string(i.kind));
    tail.key("owner");
    if (i.owner.empty())
      tail.null();
    else
      tail.string(i.owner);
    tail.key("path");
    tail.string(i.path);
    tail.key("title");
    tail.string(i.title);
    tail.close('}');
  }
  tail.close(']');
  tail.key("vault");
  tail.string(digest.vault);
  tail.key("version");
  tail.number(1LL);
  tail.close('}');
  const std::string before = head.take();
  const std::string after = tail.take().substr(1);  // without the '{' that set up `tail`
  char id[17];
  std::snprintf(id, sizeof id, "%016llx",
                static_cast<unsigned long long>(content_hash(before + after)));
  return before + ",\"id\":\"" + id + "\"" + after;
}

Digest digest_from_json(const nlohmann::json& j) {
  Digest d;
  d.vault = j.value("vault", "");
  d.at = parse_instant_text(j.value("at", "")).value_or(Seconds{});
  for (const auto& i : j.value("items", nlohmann::json::array())) {
    ReminderItem item;
    item.path = i.value("path", "");
    item.title = i.value("title", "");
    if (i.contains("owner") && i["owner"].is_string()) item.owner = i["owner"];
    item.kind = reminder_kind_from_string(i.value("kind", "due")).value_or(ReminderKind::due);
    item.due = parse_day_text(i.value("due", "")).value_or(Days{});
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
