#include "daemon/cli_output.h"

#include "daemon/table.h"
#include "daemon/terminal.h"

#include <simdjson.h>

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace freshd {
namespace {

std::string text(const nlohmann::json& j) {
  if (j.is_null()) return "-";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

std::string percent(const nlohmann::json& freshness) {
  if (!freshness.is_number()) return "-";
  return std::to_string(static_cast<int>(std::lround(freshness.get<double>() * 100))) + "%";
}

std::string provenance(const nlohmann::json& p) {
  if (p.is_null()) return "";
  std::string out = p.value("source", "");
  if (p.contains("key")) out += " " + p["key"].get<std::string>();
  if (p.contains("line")) out += ", line " + std::to_string(p["line"].get<int>());
  if (p.contains("raw")) out += ": \"" + p["raw"].get<std::string>() + "\"";
  return out;
}

// A status word ("stale +12d !") painted by the status it starts with.
std::string paint_status(const std::string& shown, const std::string& status, bool colour) {
  if (status == "stale") return paint(shown, Colour::red, colour);
  if (status == "due") return paint(shown, Colour::yellow, colour);
  if (status == "fresh") return paint(shown, Colour::green, colour);
  if (status == "evergreen") return paint(shown, Colour::cyan, colour);
  return paint(shown, Colour::magenta, colour);  // undated
}

namespace od = simdjson::ondemand;

// A string or null member as the table shows it ("-" for null).
std::string cell(od::value value) {
  if (value.is_null()) return "-";
  return std::string(value.get_string().value());
}

// What one row of the list table shows of a note object.
struct ListedNote {
  std::string path, status, due, decay, published, last_validated, owner;
  std::int64_t days_overdue = 0;
  double freshness = 0;
  bool has_problems = false;
};

ListedNote listed_note(od::object note) {
  ListedNote n;
  for (od::field field : note) {
    const std::string_view key = field.unescaped_key().value();
    od::value value = field.value();
    if (key == "path") n.path = cell(value);
    else if (key == "status") n.status = cell(value);
    else if (key == "due") n.due = cell(value);
    else if (key == "decay") n.decay = cell(value);
    else if (key == "published") n.published = cell(value);
    else if (key == "last_validated") n.last_validated = cell(value);
    else if (key == "owner") n.owner = cell(value);
    else if (key == "days_overdue") n.days_overdue = value.get_int64().value();
    else if (key == "freshness") n.freshness = value.get_double().value();
    else if (key == "problems") {
      od::array problems = value.get_array();
      n.has_problems = problems.count_elements().value() > 0;
    }
  }
  return n;
}

std::string render_list(const nlohmann::json& result, bool colour) {
  auto rendered = render_list_text(result.dump(), colour);
  return rendered ? *rendered : rendered.error().message + "\n";
}

std::string render_show(const nlohmann::json& result, bool colour) {
  const auto& n = result["note"];
  const auto& prov = n["provenance"];
  std::string out;
  auto line = [&](const std::string& label, const std::string& value) {
    out += label + std::string(16 - std::min<std::size_t>(15, label.size()), ' ') + value + "\n";
  };
  line("note", text(n["path"]));
  line("title", text(n["title"]));
  line("status", paint_status(text(n["status"]), text(n["status"]), colour) +
                     (n["days_overdue"].get<int>() > 0
                          ? " (" + std::to_string(n["days_overdue"].get<int>()) + " days overdue)"
                          : ""));
  line("published", text(n["published"]) + "  " + provenance(prov["published"]));
  line("last validated", text(n["last_validated"]) + "  " + provenance(prov["last_validated"]));
  line("decay", text(n["decay"]) + "  " + provenance(prov["decay"]));
  line("interval", n["interval_days"].is_null()
                       ? "never decays"
                       : text(n["interval_days"]) + " days  (" + text(n["interval"]["explain"]) + ")");
  line("due", text(n["due"]));
  line("freshness", percent(n["freshness"]));
  line("owner", n["owner"].is_null() ? text(n["owner"])
                                     : text(n["owner"]) + "  " + provenance(prov["owner"]));
  if (!n["tags"].empty()) {
    std::string tags;
    for (const auto& t : n["tags"]) tags += (tags.empty() ? "" : ", ") + t.get<std::string>();
    line("tags", tags);
  }
  line("first seen", text(n["first_seen"]));
  if (!n["edited"].is_null()) line("edited", text(n["edited"]["value"]) + "  (not a validation)");
  if (n["problems"].empty()) return out + "problems        none\n";
  out += paint("problems", Colour::red, colour) + "\n";
  for (const auto& p : n["problems"])
    out += "  " + text(n["path"]) + ":" + std::to_string(p["line"].get<int>()) + ": " +
           text(p["message"]) + "\n";
  return out;
}

std::string render_timeline(const nlohmann::json& result) {
  std::vector<TableRow> rows;
  for (const auto& e : result["events"])
    rows.push_back({text(e["at"]), text(e["kind"]), text(e["path"]), text(e["detail"])});
  if (rows.empty()) return "No events in this period.\n";
  return render_table({"AT", "EVENT", "NOTE", "DETAIL"}, rows, 80);
}

std::string render_report_files(const nlohmann::json& report) {
  std::string out = "report " + text(report["week"]) + " written:\n";
  for (const auto& f : report["files"]) out += "  " + text(f) + "\n";
  return out;
}

std::string render_recheck(const nlohmann::json& r) {
  std::string out = "Scanned " + text(r["files"]) + " notes: read " + text(r["read"]) + ", " +
                    text(r["unchanged"]) + " unchanged (not read).\n";
  out += "added " + text(r["added"]) + ", changed " + text(r["changed"]) + ", touched " +
         text(r["touched"]) + ", renamed " + text(r["renamed"]) + ", deleted " +
         text(r["deleted"]) + ", restored " + text(r["restored"]) + "; " + text(r["problems"]) +
         " read notes with metadata problems.\n";
  for (const auto& p : r["walk_problems"]) out += "problem: " + text(p["path"]) + ": " + text(p["message"]) + "\n";
  std::size_t shown = 0;
  for (const auto& e : r["events"]) {
    if (text(e["kind"]) == "first_seen" || text(e["kind"]) == "published") continue;
    if (++shown > 50) break;
    out += "  " + text(e["kind"]) + "  " + text(e["path"]) + "  " + text(e["detail"]) + "\n";
  }
  if (r.contains("report")) out += render_report_files(r["report"]);
  return out;
}

std::string render_status(const nlohmann::json& r, bool colour) {
  std::string out = "vault           " + text(r["vault"]) + "\n";
  out += "notes           " + text(r["notes"]) + "\n";
  for (const char* s : {"fresh", "due", "stale", "evergreen", "undated"})
    out += "  " + paint_status(s, s, colour) + std::string(14 - std::string(s).size(), ' ') +
           text(r["counts"][s]) + "\n";
  out += "with problems   " + text(r["notes_with_problems"]) + "\n";
  out += "snoozed         " + text(r["snoozed_notes"]) + " notes" +
         (r["vault_snoozed_until"].is_null() ? std::string("")
                                            : "; the whole vault until " + text(r["vault_snoozed_until"])) +
         "\n";
  out += "last scan       " + text(r["last_scan"]) + "\n";
  out += "next reminder   " + text(r["next_reminder"]) + "\n";
  out += "next report     " + text(r["next_report"]) + "\n";
  return out;
}

std::string render_validate(const nlohmann::json& r) {
  std::string out;
  for (const auto& v : r.value("dry_run", nlohmann::json::array())) {
    out += text(v["path"]) + ": validated on " + text(v["on"]) + " (nothing written; due now " +
           text(v["due_now"]) + ")\n";
    for (const char* o : {"unchanged", "updated", "no_outcome"})
      out += std::string("  ") + o + std::string(12 - std::string(o).size(), ' ') + "next due " +
             text(v["next"][o]["due"]) + "  " + text(v["next"][o]["explain"]) + "\n";
  }
  for (const auto& v : r.value("validated", nlohmann::json::array()))
    out += "validated " + text(v["path"]) + " on " + text(v["on"]) +
           (text(v["outcome"]).empty() ? "" : " (" + text(v["outcome"]) + ")") +
           (v.value("written", nlohmann::json()).is_null() ? std::string(", recorded in the index only")
                                                          : ": " + text(v["written"])) +
           "\n";
  return out;
}

}  // namespace

Result<std::string> render_list_text(std::string_view result_text, bool colour) {
  std::vector<TableRow> rows;
  try {
    const simdjson::padded_string padded(result_text);
    od::parser parser;
    od::document document = parser.iterate(padded);
    for (od::value note : document["notes"].get_array()) {
      const ListedNote n = listed_note(note.get_object());
      std::string status = n.status;
      if (n.days_overdue > 0) status += " +" + std::to_string(n.days_overdue) + "d";
      if (n.has_problems) status += " !";
      rows.push_back({n.path, paint_status(status, n.status, colour), n.due,
                      std::to_string(static_cast<int>(std::lround(n.freshness * 100))) + "%",
                      n.decay, n.last_validated != "-" ? n.last_validated : n.published, n.owner});
    }
  } catch (const simdjson::simdjson_error& e) {
    return Error{std::string("the list freshd sent cannot be read: ") + e.what()};
  }
  if (rows.empty()) return std::string("No notes match.\n");
  return render_table({"NOTE", "STATUS", "DUE", "FRESH", "DECAY", "SINCE", "OWNER"}, rows) +
         std::to_string(rows.size()) + (rows.size() == 1 ? " note" : " notes") +
         " (! = metadata problems: freshctl show NOTE)\n";
}

std::string render_result(Command command, const nlohmann::json& result, bool colour) {
  switch (command) {
    case Command::list: return render_list(result, colour);
    case Command::show: return render_show(result, colour);
    case Command::timeline: return render_timeline(result);
    case Command::recheck: return render_recheck(result);
    case Command::status: return render_status(result, colour);
    case Command::validate: return render_validate(result);
    case Command::snooze:
    case Command::unsnooze: {
      const std::string what = result["path"].is_null() ? "the whole vault" : text(result["path"]);
      return result["snoozed_until"].is_null()
                 ? "reminders for " + what + " are back on\n"
                 : "no reminders for " + what + " until " + text(result["snoozed_until"]) + "\n";
    }
    case Command::report: return render_report_files(result);
    case Command::reload: return "configuration reloaded from " + text(result["config"]) + "\n";
    default: return result.dump(2) + "\n";
  }
}

}  // namespace freshd
